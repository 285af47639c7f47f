//! The RAID tab, as a readable list with one edit (close / reopen), which goes
//! through an `Action` like every edit. (The full table and form replace this in
//! their own issue.)

use egui::RichText;

use super::{theme, widgets};
use crate::model::{Action, Board, HistoryEntry, Id, RaidEntry, RaidStatus};

/// Who is editing and when, for the entry's history.
pub struct Editor<'a> {
    /// The person's display name or OS user name.
    pub name: &'a str,
    /// Now, in UTC.
    pub now: chrono::NaiveDateTime,
}

/// The RAG colour and word for a score under the board's bands.
fn score_text(board: &Board, score: u8) -> RichText {
    let bands = board.settings.rag_bands;
    let (colour, word) = if score >= bands.red_from {
        (theme::RED, "Red")
    } else if score >= bands.amber_from {
        (theme::AMBER, "Amber")
    } else {
        (theme::GREEN, "Green")
    };
    let text_colour = if word == "Amber" {
        theme::TEXT
    } else {
        egui::Color32::WHITE
    };
    RichText::new(format!(" {score} {word} "))
        .background_color(colour)
        .color(text_colour)
}

/// Draws the RAID list for the selected programme, or for all; pushes an action
/// when an entry is closed or reopened.
pub fn raid_list_ui(
    ui: &mut egui::Ui,
    board: &Board,
    only: Option<&Id>,
    editor: &Editor<'_>,
    actions: &mut Vec<Action>,
) {
    let entries: Vec<&RaidEntry> = board
        .raid
        .iter()
        .filter(|e| only.is_none_or(|id| e.programme.as_ref() == Some(id)))
        .collect();
    let open = entries.iter().filter(|e| e.is_open()).count();
    ui.label(format!("{} entries, {open} open", entries.len()));
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("raid")
                .striped(true)
                .num_columns(8)
                .spacing([14.0, 6.0])
                .show(ui, |ui| {
                    for h in [
                        "Ref",
                        "Kind",
                        "Title",
                        "Programme",
                        "Owner",
                        "Score",
                        "Status",
                        "Next review",
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.label("");
                    ui.end_row();
                    for e in entries {
                        ui.push_id(e.id.as_str(), |ui| {
                            ui.label(RichText::new(&e.reference).strong())
                        });
                        ui.label(e.kind().label());
                        ui.label(&e.title).on_hover_text(&e.description);
                        ui.label(widgets::programme_name(board, e.programme.as_ref()));
                        ui.label(&e.owner);
                        match e.current_score() {
                            Some(s) => ui.label(score_text(board, s)),
                            None => ui.label("—"),
                        };
                        ui.label(format!("{:?}", e.status));
                        let overdue = e.is_open()
                            && e.next_review.is_some_and(|d| d.last_day() < board.as_at);
                        match e.next_review {
                            Some(d) if overdue => ui.label(
                                RichText::new(format!("{} overdue", d.display_uk()))
                                    .color(theme::warning_text(ui)),
                            ),
                            Some(d) => ui.label(d.display_uk()),
                            None => ui.label("—"),
                        };
                        let (label, status) = if e.is_open() {
                            ("Close", RaidStatus::Closed)
                        } else {
                            ("Reopen", RaidStatus::Open)
                        };
                        if ui.button(format!("{label} {}", e.reference)).clicked() {
                            let mut changed = e.clone();
                            changed.status = status;
                            changed.history.push(HistoryEntry {
                                at: editor.now,
                                by: editor.name.to_string(),
                                change: format!("status: {:?} → {status:?}", e.status),
                            });
                            actions.push(Action::PutRaidEntry {
                                entry: Box::new(changed),
                                at: None,
                            });
                        }
                        ui.end_row();
                    }
                });
        });
}
