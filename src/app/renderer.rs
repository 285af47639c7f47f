//! Which of eframe's two renderers draws the window. A virtual desktop or a
//! VM with no GPU may have no OpenGL 2 (Windows then offers only its OpenGL
//! 1.1), while wgpu can still draw there (DirectX 12's software adapter,
//! Vulkan on Mesa's lavapipe); a machine whose Vulkan or DirectX is broken
//! may still have OpenGL. So the window tries one renderer and, when it
//! cannot start, the other, instead of exiting with a driver error.

use std::sync::OnceLock;

/// One of the renderers the window can be drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Renderer {
    /// OpenGL 2 or later, through glow (the default).
    Glow,
    /// wgpu: Vulkan, DirectX 12 (with its software adapter where there is no
    /// GPU), Metal or OpenGL ES.
    Wgpu,
}

/// The environment variable that chooses the renderer when no `--renderer`
/// flag is given: `glow` or `wgpu`.
pub const RENDERER_VARIABLE: &str = "BOARDROOM_RENDERER";

impl Renderer {
    /// Its name as the flag and the variable take it.
    pub fn flag_name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }

    /// The other renderer: the one to fall back to.
    pub fn other(self) -> Renderer {
        match self {
            Renderer::Glow => Renderer::Wgpu,
            Renderer::Wgpu => Renderer::Glow,
        }
    }

    /// eframe's name for it.
    pub(super) fn eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu => eframe::Renderer::Wgpu,
        }
    }
}

/// The order to try the renderers in: the flag's choice, else the
/// variable's, else OpenGL, then the other. A variable that names neither is
/// ignored, with the warning to show.
pub fn try_order(
    flag: Option<Renderer>,
    variable: Option<&str>,
) -> ([Renderer; 2], Option<String>) {
    let mut warning = None;
    let first = flag.unwrap_or_else(|| match variable.map(str::trim) {
        None | Some("") => Renderer::Glow,
        Some(v) if v.eq_ignore_ascii_case("glow") => Renderer::Glow,
        Some(v) if v.eq_ignore_ascii_case("wgpu") => Renderer::Wgpu,
        Some(v) => {
            warning = Some(format!(
                "{RENDERER_VARIABLE}={v} is neither glow nor wgpu: using glow (set it to glow or wgpu, or pass --renderer)"
            ));
            Renderer::Glow
        }
    });
    ([first, first.other()], warning)
}

/// Whether to try the other renderer after one failed: only when it failed
/// before the app was made (the renderer never started, so nothing of the
/// board has been opened or shown) and another is left. A failure after the
/// app was made is reported, not retried: the app has started its work, and
/// starting it twice would open the board twice.
pub fn try_next_after_failure(app_was_made: bool, another_left: bool) -> bool {
    !app_was_made && another_left
}

/// The renderer that draws this process's window, and on what (wgpu's
/// adapter), for Help ▸ About.
static RUNNING: OnceLock<String> = OnceLock::new();

/// Records the renderer the window started with, from its creation context.
pub(super) fn record_running(renderer: Renderer, cc: &eframe::CreationContext<'_>) {
    let line = match (renderer, &cc.wgpu_render_state) {
        (Renderer::Wgpu, Some(state)) => {
            let info = state.adapter.get_info();
            use eframe::wgpu::{Backend, DeviceType};
            // Words a user reads in Help ▸ About, not the enums' own names.
            let api = match info.backend {
                Backend::Vulkan => "Vulkan",
                Backend::Metal => "Metal",
                Backend::Dx12 => "Direct3D 12",
                Backend::Gl => "OpenGL",
                Backend::BrowserWebGpu => "WebGPU",
                Backend::Noop => "no graphics",
            };
            let device = match info.device_type {
                DeviceType::DiscreteGpu => "graphics card",
                DeviceType::IntegratedGpu => "built-in graphics",
                DeviceType::VirtualGpu => "virtual graphics",
                DeviceType::Cpu => "software, no GPU",
                DeviceType::Other => "other device",
            };
            format!("wgpu ({api}: {}, {device})", info.name)
        }
        (Renderer::Wgpu, None) => "wgpu".to_owned(),
        (Renderer::Glow, _) => "OpenGL (glow)".to_owned(),
    };
    log::info!("the window draws with {line}");
    // Set once: the window is made once per process.
    RUNNING.set(line).ok();
}

/// How the window is drawn, for Help ▸ About: "OpenGL (glow)", or wgpu and
/// its adapter; "not known" where no window was started (a test harness).
pub fn running() -> &'static str {
    RUNNING.get().map_or("not known", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_comes_first_then_the_variable_then_opengl() {
        assert_eq!(
            try_order(Some(Renderer::Wgpu), Some("glow")).0,
            [Renderer::Wgpu, Renderer::Glow]
        );
        assert_eq!(
            try_order(Some(Renderer::Glow), Some("wgpu")).0,
            [Renderer::Glow, Renderer::Wgpu]
        );
        assert_eq!(
            try_order(None, Some(" WGPU ")).0,
            [Renderer::Wgpu, Renderer::Glow]
        );
        assert_eq!(
            try_order(None, Some("glow")).0,
            [Renderer::Glow, Renderer::Wgpu]
        );
        assert_eq!(
            try_order(None, None),
            ([Renderer::Glow, Renderer::Wgpu], None)
        );
        assert_eq!(
            try_order(None, Some("")),
            ([Renderer::Glow, Renderer::Wgpu], None)
        );
    }

    #[test]
    fn a_variable_naming_neither_is_ignored_with_a_warning_that_says_what_to_set() {
        let (order, warning) = try_order(None, Some("vulkan"));
        assert_eq!(order, [Renderer::Glow, Renderer::Wgpu]);
        let warning = warning.unwrap_or_default();
        assert!(warning.contains("BOARDROOM_RENDERER=vulkan"), "{warning}");
        assert!(warning.contains("--renderer"), "{warning}");
        // The flag wins, so the variable is not even read.
        assert_eq!(try_order(Some(Renderer::Wgpu), Some("vulkan")).1, None);
    }

    #[test]
    fn only_a_renderer_that_failed_before_the_app_was_made_is_retried() {
        // Could not start: the other, if one is left.
        assert!(try_next_after_failure(false, true));
        assert!(!try_next_after_failure(false, false));
        // Failed once the app was running: never started twice.
        assert!(!try_next_after_failure(true, true));
        assert!(!try_next_after_failure(true, false));
    }

    #[test]
    fn each_renderer_falls_back_to_the_other() {
        for r in [Renderer::Glow, Renderer::Wgpu] {
            assert_ne!(r.other(), r);
            assert_eq!(r.other().other(), r);
        }
        assert_eq!(running(), "not known");
    }
}
