//! The zoom and filter bar above the chart.

use egui::RichText;

use super::*;
use crate::analysis::timeline::{AxisYears, ZoomLevel};
use crate::model::{Board, format_day_uk};

impl TimelineView {
    pub(super) fn toolbar_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        comparing: bool,
        changes_only: &mut bool,
    ) -> Option<ZoomRequest> {
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            ui.label("Zoom:");
            if ui
                .button("−")
                .on_hover_text("Zoom out (Ctrl+wheel)")
                .widget_info_label("Zoom out")
                .clicked()
            {
                request = Some(ZoomRequest::Step(1.0 / 1.5));
            }
            if ui
                .button("+")
                .on_hover_text("Zoom in (Ctrl+wheel)")
                .widget_info_label("Zoom in")
                .clicked()
            {
                request = Some(ZoomRequest::Step(1.5));
            }
            let current = self.zoom_level();
            for z in ZoomLevel::ALL {
                if ui.selectable_label(current == z, z.label()).clicked() {
                    request = Some(ZoomRequest::Preset(z));
                }
            }
            ui.separator();
            if ui.button("Fit board").clicked() {
                request = Some(ZoomRequest::FitBoard);
            }
            if ui
                .button("Fit programme")
                .on_hover_text("Fit the shown or selected programme")
                .clicked()
            {
                request = Some(ZoomRequest::FitProgramme);
            }
            let keys = crate::ui::commands::Command::TimelineOpeningView
                .shortcut_text(ui.ctx())
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            if ui
                .button("As at")
                .on_hover_text(format!(
                    "Back to the opening view: centred on the as-at date{keys}"
                ))
                .widget_info_label("Back to the opening view")
                .clicked()
            {
                request = Some(ZoomRequest::Opening);
            }
            ui.separator();
            if ui
                .button("Collapse all")
                .on_hover_text("One row per programme")
                .clicked()
            {
                self.collapsed = board.programmes.iter().map(|p| p.id.clone()).collect();
            }
            if ui
                .button("Expand all")
                .on_hover_text("Every task under its programme")
                .clicked()
            {
                self.collapsed.clear();
            }
            ui.separator();
            ui.checkbox(&mut self.late_only, "Late tasks only");
            if comparing {
                ui.checkbox(changes_only, "Changed programmes only")
                    .on_hover_text("Only the programmes that changed since the earlier board");
            }
            let mut financial = self.axis_years == AxisYears::Financial;
            if ui
                .checkbox(&mut financial, "Financial years")
                .on_hover_text("Show UK financial years (April–March) on the axis")
                .changed()
            {
                self.axis_years = if financial {
                    AxisYears::Financial
                } else {
                    AxisYears::Calendar
                };
            }
            // Whole, on the next line when the row is full: a date split
            // over two lines reads badly.
            ui.add(
                egui::Label::new(
                    RichText::new(format!("As at {}", format_day_uk(board.as_at))).strong(),
                )
                .wrap_mode(egui::TextWrapMode::Extend),
            );
        });
        request
    }
}
