//! Under the schedule sheet's section bar: the delays of the task at the
//! cursor (or, on another row, of the whole programme), each with Edit… and
//! Delete, and Record a delay….

use egui::RichText;

use super::ScheduleView;
use crate::analysis::sheet::Section;
use crate::model::{Delay, Id, Programme};
use crate::ui::commands::Command;
use crate::ui::delay_list::delay_list_ui;
use crate::ui::view_ctx::ViewCtx;

/// How tall the list may grow before it scrolls, so the sheet keeps the tab.
const MAX_HEIGHT: f32 = 110.0;

/// The delays listed at most: a programme of thousands of tasks may have
/// thousands, and laying them all out every frame would cost the sheet its
/// smoothness. The rest are a task's own, shown with the cursor on it.
const LISTED: usize = 20;

impl ScheduleView {
    /// The task at the cursor, if the sheet shows tasks and the cursor is on one.
    pub fn cursor_task(&self) -> Option<&Id> {
        match self.section {
            Section::Tasks => self.row.as_ref(),
            Section::Milestones => None,
        }
    }

    /// The delays of the cursor's task, or of the programme.
    pub(super) fn delays_ui(&self, ui: &mut egui::Ui, p: &Programme, ctx: &mut ViewCtx<'_>) {
        let task = self.cursor_task().and_then(|id| p.task(id));
        let (heading, delays): (String, Vec<&Delay>) = match task {
            Some(t) => (
                format!("Delays of “{}”", t.name),
                p.delays
                    .iter()
                    .filter(|d| d.task.as_ref() == Some(&t.id))
                    .collect(),
            ),
            None => ("Delays of the programme".into(), p.delays.iter().collect()),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(heading).strong());
            crate::ui::widgets::command_buttons_ui(ui, &[Command::RecordDelay], ctx.commands);
        });
        let shown = &delays[..delays.len().min(LISTED)];
        egui::ScrollArea::vertical()
            .id_salt("schedule-delays")
            .max_height(MAX_HEIGHT)
            .show(ui, |ui| {
                delay_list_ui(ui, p, shown, task.is_none(), ctx.selection, ctx.commands);
                if delays.len() > shown.len() {
                    ui.label(
                        RichText::new(format!(
                            "and {} more: put the cursor on a task to see its own",
                            delays.len() - shown.len()
                        ))
                        .weak(),
                    );
                }
            });
        ui.separator();
    }
}
