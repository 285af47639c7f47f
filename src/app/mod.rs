//! The eframe shell: owns the open document, applies actions, opens and saves.

mod board_app;
mod board_editing;
mod chart_export;
mod colleague_changes;
mod command_handling;
mod conflict_copies;
pub mod console;
mod delays;
mod dialog_focus;
mod document;
mod frame_ui;
mod jobs;
mod leaving;
mod meeting;
mod modal;
mod notices;
mod opening;
mod pack_export;
mod plan_export;
mod plan_import;
mod recent;
pub mod renderer;
mod requests;
mod saving;
mod session;
pub mod settings;
mod settle_merge;
mod shared_file;
mod spreadsheets;
mod stopping;
// Logoff and shutdown on Windows: the end-session messages and console events.
#[cfg(windows)]
mod end_session;
#[cfg(any(test, feature = "testing"))]
mod testing;
mod update;
mod views;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub use crate::ui::commands::Command;
pub use board_app::BoardApp;
pub use document::{
    BaseFile, Document, EditsDuringSave, MergeFromDisk, MergeRequest, SaveFinished, SaveRequest,
    TheirSave,
};
pub use jobs::{Cancel, Job, JobError, Progress, drop_in_background};
pub use leaving::Leaving;
pub use meeting::SinceBoard;
pub use modal::{AfterSave, Modal};
pub use notices::{Kept, Notice, Notifications};
pub use opening::OpenRequest;
pub use recent::RecentFiles;
pub use settings::AppSettings;
pub use stopping::StopRequest;
pub use views::{Selection, Tab};

/// The Manchester sample, built into the binary so it can be opened wherever the
/// binary is installed.
const SAMPLE_BOARD: &str = crate::sample::MANCHESTER_TEXT;

/// The bundled sample board, opened when there is no file and no recent board:
/// the checkout's copy when running from source, else a copy written once to the
/// user's own data folder (never a shared one).
pub fn sample_board_path() -> PathBuf {
    crate::store::ui_thread::not_while_drawing("finding the sample board");
    let in_checkout = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_boards")
        .join("manchester_ict_2021.ron");
    if in_checkout.exists() {
        return in_checkout;
    }
    let Some(dirs) = directories::ProjectDirs::from("", "", "Boardroom") else {
        return in_checkout;
    };
    let copy = dirs.data_dir().join("manchester_ict_2021.ron");
    if !copy.exists() {
        let written = std::fs::create_dir_all(dirs.data_dir())
            .map_err(|e| e.to_string())
            .and_then(|()| {
                crate::store::write_atomically(&copy, SAMPLE_BOARD.as_bytes())
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            log::warn!("could not write the sample board to the data folder: {e}");
            return in_checkout;
        }
    }
    copy
}

/// Starts the app on `file`, else the last board opened, else the sample.
/// How the window starts: `--meeting` goes straight into the meeting, and
/// `--since OLD` compares with an earlier copy of the board.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Start in meeting mode.
    pub meeting: bool,
    /// The earlier board to compare with.
    pub since: Option<PathBuf>,
    /// The renderer to try first (`--renderer`); none: `BOARDROOM_RENDERER`, else OpenGL.
    pub renderer: Option<renderer::Renderer>,
}

/// Runs the app on `file` (else the last board opened, else the sample),
/// drawn with the renderer chosen (`--renderer`, else `BOARDROOM_RENDERER`,
/// else OpenGL), or with the other when that one cannot start.
pub fn run(file: Option<PathBuf>, start_options: StartOptions) -> ExitCode {
    let mut logger =
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"));
    // Started from the Start menu there is no console to log to: the log can
    // go to a file instead (BOARDROOM_LOG_FILE).
    let log_file_error = match console::log_file() {
        Some(Ok(file)) => {
            logger.target(env_logger::Target::Pipe(Box::new(file)));
            None
        }
        Some(Err(e)) => Some(e),
        None => None,
    };
    // Fails only when a logger is already set (as in tests): keep that one.
    logger.try_init().ok();
    if let Some(e) = log_file_error {
        log::warn!("{e}");
    }
    console::log_choice();
    let variable = std::env::var(renderer::RENDERER_VARIABLE).ok();
    let (order, warning) = renderer::try_order(start_options.renderer, variable.as_deref());
    if let Some(warning) = warning {
        log::warn!("{warning}");
    }
    let mut failures = Vec::new();
    for (i, chosen) in order.into_iter().enumerate() {
        let app_made = Arc::new(AtomicBool::new(false));
        let Err(e) = run_window(chosen, file.clone(), start_options.clone(), &app_made) else {
            return ExitCode::SUCCESS;
        };
        failures.push(format!("{}: {e}", chosen.flag_name()));
        let another_left = i + 1 < order.len();
        if !renderer::try_next_after_failure(app_made.load(Ordering::SeqCst), another_left) {
            break;
        }
        log::warn!(
            "the {} renderer could not start ({e}); trying {}",
            chosen.flag_name(),
            chosen.other().flag_name()
        );
    }
    console::tell_user(&format!(
        "Boardroom's window could not start, or stopped with an error ({}). Without a GPU it needs OpenGL 2 (on Linux, Mesa: libgl1-mesa-dri) or, for wgpu, DirectX 12 or Vulkan (Mesa's mesa-vulkan-drivers); choose one with --renderer glow|wgpu.",
        failures.join("; ")
    ));
    ExitCode::FAILURE
}

/// Runs the window with `chosen` until it closes. `app_made` is set once the
/// renderer has started and the app is made: a failure after that is not
/// the renderer's failing to start.
fn run_window(
    chosen: renderer::Renderer,
    file: Option<PathBuf>,
    start_options: StartOptions,
    app_made: &Arc<AtomicBool>,
) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Boardroom")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        renderer: chosen.eframe(),
        ..Default::default()
    };
    let app_made = Arc::clone(app_made);
    eframe::run_native(
        "Boardroom",
        options,
        Box::new(move |cc| {
            app_made.store(true, Ordering::SeqCst);
            renderer::record_running(chosen, cc);
            let recent = RecentFiles::load(cc.storage);
            let settings = AppSettings::for_user(cc.storage);
            let mut app = BoardApp::new(&cc.egui_ctx, settings, recent);
            // Logout, shutdown or kill: journal unsaved edits and close.
            if let Err(e) = stopping::listen_for_signals(app.stop_request(), cc.egui_ctx.clone()) {
                log::warn!(
                    "cannot listen for the signals sent at logout and shutdown: {e}; unsaved edits are still journalled every {} s",
                    shared_file::JOURNAL_EVERY.as_secs()
                );
            }
            // On a job: a big board, or a slow drive, must not hold the
            // window back, and which board to open is found there too.
            app.open_at_start(file.as_deref());
            if start_options.meeting {
                app.start_meeting_once_open();
            }
            if let Some(old) = &start_options.since {
                app.compare_with(old);
            }
            Ok(Box::new(app))
        }),
    )
}
