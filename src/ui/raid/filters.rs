//! The RAID tab's filter row: kind, status, programme, owner, text, and
//! the buttons for a new entry and the export dialog.

use egui::RichText;

use super::RaidView;
use crate::analysis::raid::{Band, StatusFilter};
use crate::model::{Board, RaidKind};
use crate::ui::commands::Command;

impl RaidView {
    pub(super) fn filters_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        commands: &mut Vec<Command>,
        changes_only: &mut bool,
    ) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Search:");
            let find = Command::FindRaidEntry
                .shortcut_text(ui.ctx())
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter.search)
                        .hint_text(format!("reference, title or description{find}"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            ui.separator();
            for kind in RaidKind::ALL {
                let mut on = self.filter.kinds.contains(&kind);
                let plural = match kind {
                    RaidKind::Risk => "Risks",
                    RaidKind::Assumption => "Assumptions",
                    RaidKind::Issue => "Issues",
                    RaidKind::Dependency => "Dependencies",
                };
                if ui.checkbox(&mut on, plural).changed() {
                    if on {
                        self.filter.kinds.insert(kind);
                    } else {
                        self.filter.kinds.remove(&kind);
                    }
                }
            }
            ui.separator();
            let label = ui.label("Status:");
            egui::ComboBox::from_id_salt("raid_status")
                .selected_text(match self.filter.status {
                    StatusFilter::Live => "Open and monitoring",
                    StatusFilter::Closed => "Closed",
                    StatusFilter::All => "All",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.filter.status,
                        StatusFilter::Live,
                        "Open and monitoring",
                    );
                    ui.selectable_value(&mut self.filter.status, StatusFilter::Closed, "Closed");
                    ui.selectable_value(&mut self.filter.status, StatusFilter::All, "All");
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("RAG:");
            egui::ComboBox::from_id_salt("raid_band")
                .selected_text(self.filter.band.map_or("Any", |b| b.label()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.band, None, "Any");
                    for b in [Band::Red, Band::Amber, Band::Green] {
                        ui.selectable_value(&mut self.filter.band, Some(b), b.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Owner:");
            let owners = &self.owners;
            egui::ComboBox::from_id_salt("raid_owner")
                .selected_text(self.filter.owner.as_deref().unwrap_or("Anyone"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.owner, None, "Anyone");
                    for o in owners {
                        ui.selectable_value(&mut self.filter.owner, Some(o.clone()), o);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.checkbox(&mut self.filter.overdue_only, "Overdue only");
            if self.has_since() {
                ui.checkbox(changes_only, "Changed entries only")
                    .on_hover_text("Only the entries that changed since the earlier board");
            }
            if let Some((l, i)) = self.filter.cell
                && ui
                    .button(format!("Clear heat-map filter (L{l} × I{i})"))
                    .clicked()
            {
                self.filter.cell = None;
            }
            ui.separator();
            let new = Command::NewRaidEntry;
            let hover = match new.shortcut_text(ui.ctx()) {
                Some(keys) => format!("{} ({keys})", new.tooltip()),
                None => new.tooltip().to_owned(),
            };
            if ui.button("New entry").on_hover_text(hover).clicked() {
                self.start_new_entry(board);
            }
            let shown = self.rows.len();
            ui.label(RichText::new(format!("{shown} of {}", board.raid.len())).strong());
        });
        // The same dialog as File ▸ Export RAID log…, which can write only
        // the rows shown here.
        crate::ui::widgets::command_buttons_ui(ui, &[Command::ExportRaidLog], commands);
    }
}
