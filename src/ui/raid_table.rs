//! The RAID tab: filters, a 5×5 heat map of open risks, and a virtualised table
//! (`egui_extras::TableBuilder` with `body.rows`, so only visible rows are laid
//! out). Filtering and sorting are cached per board revision, so a frame costs
//! what the screen shows, not what the log holds.

use egui::{Color32, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::raid_form::{Editor, RaidForm};
use super::theme;
use crate::analysis::raid::{
    Band, RaidFilter, SortKey, StatusFilter, band, filter_entries, heat_map, heat_map_inherent,
    is_overdue, last_changed, sort_entries, trend,
};
use crate::model::{Action, Board, Id, RaidKind};

/// The colour of a band.
pub fn band_colour(b: Band) -> Color32 {
    match b {
        Band::Green => theme::GREEN,
        Band::Amber => theme::AMBER,
        Band::Red => theme::RED,
    }
}

/// Text colour that reads on a band's colour (WCAG AA).
pub fn band_text(b: Band) -> Color32 {
    match b {
        Band::Amber => theme::TEXT,
        _ => Color32::WHITE,
    }
}

const COLUMNS: [(&str, SortKey); 10] = [
    ("Ref", SortKey::Reference),
    ("Kind", SortKey::Kind),
    ("Title", SortKey::Title),
    ("Programme", SortKey::Programme),
    ("Owner", SortKey::Owner),
    ("Score", SortKey::Score),
    ("Trend", SortKey::Trend),
    ("Status", SortKey::Status),
    ("Next review", SortKey::NextReview),
    ("Last changed", SortKey::LastChanged),
];

/// The RAID view's own state.
pub struct RaidView {
    /// What the table shows.
    pub filter: RaidFilter,
    /// The column it is sorted by.
    pub sort: SortKey,
    /// Reverse order.
    pub descending: bool,
    /// The selected entry.
    pub selected: Option<Id>,
    /// The open form, if adding or editing.
    pub form: Option<RaidForm>,
    /// Where "Export CSV" writes (typed, so it works where no dialog can open).
    pub export_path: String,
    rows: Vec<usize>,
    rows_key: Option<(u64, RaidFilter, SortKey, bool)>,
    /// Owners and heat-map counts, recomputed only when the board or programme changes.
    owners: Vec<String>,
    cells: [[usize; 5]; 5],
    inherent_cells: [[usize; 5]; 5],
    board_key: Option<(u64, Option<Id>)>,
    focus_search: bool,
    scroll_to: Option<usize>,
}

impl Default for RaidView {
    fn default() -> Self {
        RaidView {
            filter: RaidFilter::default(),
            sort: SortKey::Reference,
            descending: false,
            selected: None,
            form: None,
            export_path: String::new(),
            rows: Vec::new(),
            rows_key: None,
            owners: Vec::new(),
            cells: [[0; 5]; 5],
            inherent_cells: [[0; 5]; 5],
            board_key: None,
            focus_search: false,
            scroll_to: None,
        }
    }
}

impl RaidView {
    /// The indices (into `board.raid`) the table shows, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    fn refresh(&mut self, board: &Board, revision: u64) {
        let board_key = (revision, self.filter.programme.clone());
        if self.board_key.as_ref() != Some(&board_key) {
            let mut owners: Vec<String> = board.raid.iter().map(|e| e.owner.clone()).collect();
            owners.sort_unstable();
            owners.dedup();
            self.owners = owners;
            self.cells = heat_map(board, self.filter.programme.as_ref());
            self.inherent_cells = heat_map_inherent(board, self.filter.programme.as_ref());
            self.board_key = Some(board_key);
        }
        let key = (revision, self.filter.clone(), self.sort, self.descending);
        if self.rows_key.as_ref() != Some(&key) {
            let mut rows = filter_entries(board, &self.filter);
            sort_entries(board, &mut rows, self.sort, self.descending);
            self.rows = rows;
            self.rows_key = Some(key);
        }
    }

    /// Draws the heat map alone, as the RAID tab does (for its own benchmark).
    pub fn heat_map_only_ui(&mut self, ui: &mut egui::Ui, board: &Board, revision: u64) {
        self.refresh(board, revision);
        self.heat_map_ui(ui, board);
    }

    /// Draws the RAID tab. `programme` is the side panel's selection; edits
    /// go to `actions` and requests for the shell (export) to `commands`.
    #[allow(clippy::too_many_arguments)] // the view's inputs and its two outputs
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        revision: u64,
        programme: Option<&Id>,
        editor: &Editor<'_>,
        actions: &mut Vec<Action>,
        commands: &mut Vec<super::commands::Command>,
    ) {
        self.filter.programme = programme.cloned();
        self.refresh(board, revision);
        self.keys(ui, board);
        if let Some(form) = self.form.as_mut() {
            let mut close = false;
            egui::Panel::right("raid_form")
                .default_size(460.0)
                .show(ui, |ui| {
                    close = form.ui(ui, board, editor, actions);
                });
            if close {
                if let Some(id) = self.form.as_ref().and_then(|f| f.saved_id()) {
                    self.selected = Some(id);
                }
                self.form = None;
            }
        }
        // After a side panel inside a Ui, the rest goes in a central panel, which
        // takes the space the side panel left.
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.filters_ui(ui, board, commands);
            ui.horizontal_top(|ui| {
                self.heat_map_ui(ui, board);
                // The table scrolls sideways on narrow windows rather than losing columns.
                egui::ScrollArea::horizontal()
                    .id_salt("raid_table_h")
                    .show(ui, |ui| {
                        ui.vertical(|ui| self.table_ui(ui, board));
                    });
            });
        });
    }

    fn keys(&mut self, ui: &egui::Ui, board: &Board) {
        let typing = ui.ctx().text_edit_focused();
        let (new, find, enter, esc, up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::N),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
                !typing && i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
                !typing && i.key_pressed(egui::Key::ArrowUp),
                !typing && i.key_pressed(egui::Key::ArrowDown),
            )
        });
        if new {
            self.form = Some(RaidForm::new_entry(
                board,
                RaidKind::Risk,
                self.filter.programme.clone(),
            ));
        }
        if find {
            self.focus_search = true;
        }
        if esc && self.form.is_some() {
            self.form = None;
        }
        if enter
            && self.form.is_none()
            && let Some(e) = self.selected.as_ref().and_then(|id| board.raid_entry(id))
        {
            self.form = Some(RaidForm::edit(e));
        }
        if (up || down) && self.form.is_none() && !self.rows.is_empty() {
            let pos = self
                .selected
                .as_ref()
                .and_then(|id| self.rows.iter().position(|&i| &board.raid[i].id == id));
            let next = match (pos, up) {
                (None, _) => 0,
                (Some(p), true) => p.saturating_sub(1),
                (Some(p), false) => (p + 1).min(self.rows.len() - 1),
            };
            self.selected = Some(board.raid[self.rows[next]].id.clone());
            self.scroll_to = Some(next);
        }
    }

    fn filters_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        commands: &mut Vec<super::commands::Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Search:");
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter.search)
                        .hint_text("reference, title or description (Ctrl+F)")
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
            if let Some((l, i)) = self.filter.cell
                && ui
                    .button(format!("Clear heat-map filter (L{l} × I{i})"))
                    .clicked()
            {
                self.filter.cell = None;
            }
            ui.separator();
            if ui.button("New entry").on_hover_text("Ctrl+N").clicked() {
                self.form = Some(RaidForm::new_entry(
                    board,
                    RaidKind::Risk,
                    self.filter.programme.clone(),
                ));
            }
            let shown = self.rows.len();
            ui.label(RichText::new(format!("{shown} of {}", board.raid.len())).strong());
        });
        ui.horizontal(|ui| {
            let label = ui.label("Export to:");
            ui.add(egui::TextEdit::singleline(&mut self.export_path).desired_width(420.0))
                .labelled_by(label.id);
            let export = super::commands::Command::ExportRaidCsv;
            if ui
                .button(export.label())
                .on_hover_text(export.tooltip())
                .clicked()
            {
                commands.push(export);
            }
        });
    }

    fn heat_map_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let cells = self.cells;
        let bands = board.settings.rag_bands;
        ui.vertical(|ui| {
            ui.label(RichText::new("Open risks: likelihood × impact").strong());
            egui::Grid::new("heat_map")
                .spacing([3.0, 3.0])
                .show(ui, |ui| {
                    for l in (1..=5u8).rev() {
                        ui.label(RichText::new(format!("L{l}")).small());
                        for i in 1..=5u8 {
                            let count = cells[usize::from(l - 1)][usize::from(i - 1)];
                            let b = band(l * i, bands);
                            let selected = self.filter.cell == Some((l, i));
                            let was = self.inherent_cells[usize::from(l - 1)][usize::from(i - 1)];
                            // The number is where risks are now; "○N" marks where N of them
                            // started before their responses, so the move shows at a glance.
                            let mut shown = if count > 0 { count.to_string() } else { String::new() };
                            if was > 0 {
                                shown.push_str(&format!(" ○{was}"));
                            }
                            // Empty cells are drawn faded, so their "○N" needs dark text to read.
                            let colour = if count > 0 { band_text(b) } else { theme::TEXT };
                            let text = RichText::new(shown).strong().color(colour);
                            let button = egui::Button::new(text)
                                .fill(band_colour(b).gamma_multiply(if count > 0 {
                                    1.0
                                } else {
                                    0.35
                                }))
                                .stroke(if selected {
                                    egui::Stroke::new(3.0, theme::YELLOW)
                                } else {
                                    egui::Stroke::NONE
                                })
                                .min_size(egui::vec2(46.0, 30.0));
                            let response = ui.add(button);
                            let label = format!("Likelihood {l}, impact {i}: {count} open now, {was} before responses");
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                            });
                            if response
                                .on_hover_text(format!(
                                    "Likelihood {l} × impact {i} = {} ({})",
                                    l * i,
                                    b.label()
                                ))
                                .clicked()
                            {
                                self.filter.cell = if selected { None } else { Some((l, i)) };
                            }
                        }
                        ui.end_row();
                    }
                    ui.label("");
                    for i in 1..=5u8 {
                        ui.label(RichText::new(format!("I{i}")).small());
                    }
                    ui.end_row();
                });
            ui.label(RichText::new("Number: open risks now. ○N: where N started,").small());
            ui.label(RichText::new("before their responses. Click a cell to filter.").small());
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let bands = board.settings.rag_bands;
        let mut clicked: Option<(Id, bool)> = None;
        let mut sort_clicked = None;
        // A click anywhere on a row selects it, so its labels must not take clicks
        // for text selection.
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("raid_table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(66.0).at_least(50.0))
            .column(Column::initial(98.0))
            .column(Column::initial(260.0).at_least(120.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(96.0))
            .column(Column::initial(84.0))
            .column(Column::initial(96.0))
            .column(Column::initial(150.0))
            .column(Column::initial(110.0).at_least(90.0));
        if let Some(row) = self.scroll_to.take() {
            table = table.scroll_to_row(row, None);
        }
        table
            .header(28.0, |mut header| {
                for (name, key) in COLUMNS {
                    header.col(|ui| {
                        let arrow = if self.sort == key {
                            if self.descending { " ▼" } else { " ▲" }
                        } else {
                            ""
                        };
                        if ui
                            .button(RichText::new(format!("{name}{arrow}")).strong())
                            .on_hover_text(format!("Sort by {name}"))
                            .clicked()
                        {
                            sort_clicked = Some(key);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(28.0, self.rows.len(), |mut row| {
                    let e = &board.raid[self.rows[row.index()]];
                    row.set_selected(self.selected.as_ref() == Some(&e.id));
                    row.col(|ui| {
                        ui.label(RichText::new(&e.reference).strong());
                    });
                    row.col(|ui| {
                        ui.label(e.kind().label());
                    });
                    row.col(|ui| {
                        ui.label(&e.title).on_hover_text(&e.description);
                    });
                    row.col(|ui| {
                        ui.label(super::widgets::programme_name(board, e.programme.as_ref()));
                    });
                    row.col(|ui| {
                        ui.label(&e.owner);
                    });
                    row.col(|ui| match e.current_score() {
                        Some(s) => {
                            let b = band(s, bands);
                            ui.label(
                                RichText::new(format!(" {s} {} ", b.label()))
                                    .background_color(band_colour(b))
                                    .color(band_text(b)),
                            );
                        }
                        None => {
                            ui.label("—");
                        }
                    });
                    row.col(|ui| {
                        ui.label(trend(e).label());
                    });
                    row.col(|ui| {
                        ui.label(e.status.label());
                    });
                    row.col(|ui| match e.next_review {
                        Some(d) if is_overdue(e, board.as_at) => {
                            ui.label(
                                RichText::new(format!("⚠ {} overdue", d.display_uk()))
                                    .color(theme::warning_text(ui)),
                            );
                        }
                        Some(d) => {
                            ui.label(d.display_uk());
                        }
                        None => {
                            ui.label("—");
                        }
                    });
                    row.col(|ui| {
                        ui.label(
                            last_changed(e)
                                .map(|t| t.format("%-d %b %Y").to_string())
                                .unwrap_or_default(),
                        );
                    });
                    let response = row.response();
                    if response.double_clicked() {
                        clicked = Some((e.id.clone(), true));
                    } else if response.clicked() {
                        clicked = Some((e.id.clone(), false));
                    }
                });
            });
        if let Some(key) = sort_clicked {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = matches!(key, SortKey::Score | SortKey::LastChanged);
            }
        }
        if let Some((id, open)) = clicked {
            if open && let Some(e) = board.raid_entry(&id) {
                self.form = Some(RaidForm::edit(e));
            }
            self.selected = Some(id);
        }
    }
}
