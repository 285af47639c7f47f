//! Help ▸ About Boardroom: the version, and how the window is drawn (which
//! renderer, and for wgpu on what adapter), so a user on a virtual desktop
//! can tell support whether the window fell back to the other renderer or
//! draws in software.

/// The About box while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AboutDialog {
    /// How the window is drawn ("OpenGL (glow)", or wgpu and its adapter).
    pub renderer: String,
}

impl AboutDialog {
    /// The lines the box shows, label and value.
    pub fn lines(&self) -> [(&'static str, String); 3] {
        [
            ("Version", env!("CARGO_PKG_VERSION").to_owned()),
            ("Drawn with", self.renderer.clone()),
            (
                "Choose the renderer",
                "boardroom --renderer glow|wgpu (or BOARDROOM_RENDERER)".to_owned(),
            ),
        ]
    }

    /// Draws the box as a modal window; false once closed (Esc, a click
    /// outside it, or its Close button).
    pub fn show(&mut self, ctx: &egui::Context) -> bool {
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("about-boardroom")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading("About Boardroom");
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.add_space(8.0);
            egui::Grid::new("about-lines")
                .num_columns(2)
                .show(ui, |ui| {
                    for (label, value) in self.lines() {
                        ui.label(label);
                        ui.label(value);
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            close = ui.button("Close").clicked();
        });
        !(close || modal.should_close())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_says_the_version_and_the_renderer_it_was_given() {
        let about = AboutDialog {
            renderer: "wgpu (Direct3D 12: Microsoft Basic Render Driver, software, no GPU)"
                .to_owned(),
        };
        let lines = about.lines();
        assert_eq!(lines[0].1, env!("CARGO_PKG_VERSION"));
        assert_eq!(lines[1], ("Drawn with", about.renderer.clone()));
    }
}
