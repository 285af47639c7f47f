//! File ▸ Import RAID log…: the mapping screen. The spreadsheet is read on a
//! worker; this view shows its sheet, the header row (found automatically,
//! and changeable), which field each column goes to (guessed from the
//! header's words, and changeable), a preview of the first entries as they
//! would be imported, and the rows that would be skipped and why, by the row
//! number Excel shows. Nothing changes until Import, which is one undo step.

use std::path::PathBuf;
use std::sync::Arc;

use egui::RichText;

use crate::analysis::raid_import::{
    Field, ImportPlan, Mapping, column_letters, find_header, guess_mapping,
};
use crate::store::spreadsheet::Grid;
use crate::ui::path_field::PathField;
use crate::ui::theme;
use crate::ui::widgets::dialog_window;

/// The entries the preview shows.
const PREVIEW_ROWS: usize = 8;

/// The problems listed before "and N more".
const PROBLEMS_SHOWN: usize = 12;

/// What the user is choosing, and what the workers found.
#[derive(Default)]
pub struct ImportDialog {
    /// The spreadsheet's path, typed (it works where no file dialog can open).
    pub path: String,
    /// The sheet read (the first when `None`).
    pub sheet: Option<String>,
    /// The spreadsheet as read, and from where.
    pub grid: Option<(PathBuf, Arc<Grid>)>,
    /// The header row: an index into the grid's rows.
    pub header: usize,
    /// Which column each field comes from.
    pub mapping: Mapping,
    /// The import as planned, and the header and mapping it was planned for.
    pub plan: Option<(usize, Mapping, Arc<ImportPlan>)>,
    /// The board revision the plan was made against.
    pub plan_revision: u64,
    /// Why the last read failed, if it did.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Nothing to do.
    Open,
    /// Choose the file with the system's dialog.
    Browse,
    /// Read the spreadsheet at the path (and the sheet chosen).
    Read,
    /// The header or the mapping changed: plan again.
    Replan,
    /// Import as planned.
    Import,
    /// Close without importing.
    Close,
}

/// What the shell is doing for the dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportBusy {
    /// The file dialog is open.
    pub browsing: bool,
    /// The spreadsheet is being read.
    pub reading: bool,
    /// The import is being planned.
    pub planning: bool,
}

impl ImportDialog {
    /// Takes a freshly read grid: finds its header and guesses the mapping.
    pub fn set_grid(&mut self, path: PathBuf, grid: Grid) {
        self.header = find_header(&grid).unwrap_or(0);
        self.mapping = grid
            .rows
            .get(self.header)
            .map(guess_mapping)
            .unwrap_or_default();
        self.sheet = Some(grid.sheet.clone());
        self.grid = Some((path, Arc::new(grid)));
        self.plan = None;
        self.error = None;
    }

    /// The plan, if it is for the header and mapping shown.
    pub fn current_plan(&self) -> Option<&Arc<ImportPlan>> {
        self.plan
            .as_ref()
            .filter(|(h, m, _)| *h == self.header && *m == self.mapping)
            .map(|(_, _, p)| p)
    }

    /// Whether the plan shown is out of date.
    pub fn needs_plan(&self) -> bool {
        self.grid.is_some() && self.current_plan().is_none()
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context, busy: ImportBusy) -> ImportOutcome {
        let mut outcome = ImportOutcome::Open;
        dialog_window("Import RAID log", 900.0)
            .max_height(ctx.content_rect().height() - 40.0)
            .show(ctx, |ui| {
                ui.label("A RAID log from Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) or CSV. Entries whose reference is already in the board are updated, not added twice. Nothing changes until Import, and Undo takes the whole import back.");
                ui.add_space(6.0);
                self.file_row(ui, busy, &mut outcome);
                if let Some(e) = &self.error {
                    ui.label(RichText::new(e).color(theme::warning_text(ui)));
                }
                if self.grid.is_some() {
                    ui.separator();
                    egui::ScrollArea::vertical()
                        .max_height((ui.ctx().content_rect().height() - 320.0).max(200.0))
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            self.sheet_and_header_ui(ui, &mut outcome);
                            ui.add_space(4.0);
                            self.mapping_ui(ui, &mut outcome);
                            ui.add_space(4.0);
                            self.preview_ui(ui, busy);
                        });
                }
                ui.separator();
                self.buttons_ui(ui, busy, &mut outcome);
            });
        outcome
    }

    fn file_row(&mut self, ui: &mut egui::Ui, busy: ImportBusy, outcome: &mut ImportOutcome) {
        let (field, read) = PathField::new("Spreadsheet:", &mut self.path)
            .desired_width(560.0)
            .browse(busy.browsing)
            .show_with(ui, |ui, path| {
                let ready = !path.trim().is_empty() && !busy.reading;
                ui.add_enabled(ready, egui::Button::new("Read")).clicked()
            });
        if field.browse {
            *outcome = ImportOutcome::Browse;
        }
        if field.submitted || read {
            self.sheet = None;
            *outcome = ImportOutcome::Read;
        }
        if busy.reading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the spreadsheet…");
            });
        }
    }

    fn sheet_and_header_ui(&mut self, ui: &mut egui::Ui, outcome: &mut ImportOutcome) {
        let Some((_, grid)) = &self.grid else { return };
        let grid = Arc::clone(grid);
        ui.horizontal(|ui| {
            if grid.sheets.len() > 1 {
                let label = ui.label("Sheet:").id;
                let mut sheet = grid.sheet.clone();
                egui::ComboBox::from_id_salt("import_sheet")
                    .selected_text(&sheet)
                    .height(400.0)
                    .show_ui(ui, |ui| {
                        for s in &grid.sheets {
                            ui.selectable_value(&mut sheet, s.clone(), s);
                        }
                    })
                    .response
                    .labelled_by(label);
                if sheet != grid.sheet {
                    self.sheet = Some(sheet);
                    *outcome = ImportOutcome::Read;
                }
                ui.add_space(16.0);
            } else {
                ui.label(format!("Sheet: {}", grid.sheet));
                ui.add_space(16.0);
            }
            if grid.rows.is_empty() {
                ui.label(
                    RichText::new("This sheet is empty; choose another sheet or file.")
                        .color(theme::warning_text(ui)),
                );
                return;
            }
            let label = ui.label("Header row:").id;
            let numbers: Vec<u32> = grid.rows.iter().take(40).map(|r| r.number).collect();
            let shown = grid.rows.get(self.header).map_or(0, |r| r.number);
            let mut chosen = self.header;
            egui::ComboBox::from_id_salt("import_header")
                .selected_text(format!("row {shown}"))
                .height(400.0)
                .show_ui(ui, |ui| {
                    for (i, n) in numbers.iter().enumerate() {
                        let first = grid.rows[i]
                            .cells
                            .iter()
                            .map(|c| c.text())
                            .find(|t| !t.is_empty())
                            .unwrap_or_default();
                        let first: String = first.chars().take(40).collect();
                        ui.selectable_value(&mut chosen, i, format!("row {n}: {first}"));
                    }
                })
                .response
                .labelled_by(label);
            if find_header(&grid) == Some(self.header) {
                ui.label(RichText::new("(found from its headings)").weak());
            }
            if chosen != self.header {
                self.header = chosen;
                self.mapping = guess_mapping(&grid.rows[chosen]);
                *outcome = ImportOutcome::Replan;
            }
        });
    }

    fn mapping_ui(&mut self, ui: &mut egui::Ui, outcome: &mut ImportOutcome) {
        let Some((_, grid)) = &self.grid else { return };
        let Some(header) = grid.rows.get(self.header) else {
            return;
        };
        ui.label(RichText::new("Which field each column holds").strong());
        let mut changed = None;
        egui::Grid::new("import_mapping")
            .num_columns(6)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let columns: Vec<usize> = (0..header.cells.len())
                    .filter(|&c| !header.cells[c].is_empty())
                    .collect();
                for (n, &c) in columns.iter().enumerate() {
                    let heading = header.cells[c].text();
                    let letters = column_letters(c);
                    let label = ui
                        .label(format!("{letters}  “{}”", shorten(&heading, 28)))
                        .on_hover_text(&heading)
                        .id;
                    let mut field = Field::ALL
                        .into_iter()
                        .find(|f| self.mapping.column(*f) == Some(c));
                    let before = field;
                    egui::ComboBox::from_id_salt(("import_column", c))
                        .width(170.0)
                        .height(600.0)
                        .selected_text(field.map_or("Not imported", Field::label))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut field, None, "Not imported");
                            for f in Field::ALL {
                                ui.selectable_value(&mut field, Some(f), f.label());
                            }
                        })
                        .response
                        .labelled_by(label);
                    if field != before {
                        changed = Some((c, before, field));
                    }
                    if n % 3 == 2 {
                        ui.end_row();
                    }
                }
            });
        if let Some((c, before, after)) = changed {
            if let Some(f) = before {
                self.mapping.columns.remove(&f);
            }
            if let Some(f) = after {
                // A field comes from one column: taking it here frees the other.
                self.mapping.columns.insert(f, c);
            }
            *outcome = ImportOutcome::Replan;
        }
        if self.mapping.column(Field::Title).is_none()
            || self.mapping.column(Field::Owner).is_none()
        {
            ui.label(
                RichText::new(
                    "Every entry needs a title and an owner: choose the columns that hold them.",
                )
                .color(theme::warning_text(ui)),
            );
        }
    }

    fn preview_ui(&self, ui: &mut egui::Ui, busy: ImportBusy) {
        let Some(plan) = self.current_plan() else {
            if busy.planning {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the rows…");
                });
            }
            return;
        };
        let (new, updated) = plan.counts();
        ui.label(
            RichText::new(summary(new, updated, plan.unchanged, plan.problems.len())).strong(),
        );
        if !plan.entries.is_empty() {
            ui.label(RichText::new("The first entries as they would be imported").strong());
            egui::Grid::new("import_preview")
                .num_columns(8)
                .striped(true)
                .spacing([12.0, 2.0])
                .show(ui, |ui| {
                    for h in [
                        "Row",
                        "",
                        "Reference",
                        "Type",
                        "Title",
                        "Owner",
                        "Score",
                        "Status",
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for p in plan.entries.iter().take(PREVIEW_ROWS) {
                        let e = &p.entry;
                        ui.label(p.row.to_string());
                        ui.label(if p.updates { "update" } else { "new" });
                        ui.label(&e.reference);
                        ui.label(e.kind().label());
                        ui.label(shorten(&e.title, 48)).on_hover_text(&e.title);
                        ui.label(shorten(&e.owner, 24));
                        ui.label(e.current_score().map(|s| s.to_string()).unwrap_or_default());
                        ui.label(e.status.label());
                        ui.end_row();
                    }
                });
        }
        list_ui(ui, "Skipped, and why", &plan.problems, true);
        list_ui(ui, "Notes", &plan.notes, false);
    }

    fn buttons_ui(&self, ui: &mut egui::Ui, busy: ImportBusy, outcome: &mut ImportOutcome) {
        ui.horizontal(|ui| {
            let plan = self.current_plan().filter(|_| !busy.reading);
            let (new, updated) = plan.map_or((0, 0), |p| p.counts());
            let words = match (new, updated) {
                (0, 0) => "Import".to_string(),
                (n, 0) => format!("Import {n} new"),
                (0, u) => format!("Update {u}"),
                (n, u) => format!("Import {n} new, update {u}"),
            };
            if ui
                .add_enabled(new + updated > 0, egui::Button::new(words))
                .clicked()
            {
                *outcome = ImportOutcome::Import;
            }
            // Esc closes, as in every dialog.
            if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                *outcome = ImportOutcome::Close;
            }
        });
    }
}

fn list_ui(
    ui: &mut egui::Ui,
    title: &str,
    items: &[crate::analysis::raid_import::RowProblem],
    warn: bool,
) {
    if items.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(format!("{title} ({})", items.len())).strong());
    for p in items.iter().take(PROBLEMS_SHOWN) {
        let text = RichText::new(p.to_string());
        ui.label(if warn {
            text.color(theme::warning_text(ui))
        } else {
            text
        });
    }
    if items.len() > PROBLEMS_SHOWN {
        ui.label(format!("… and {} more", items.len() - PROBLEMS_SHOWN));
    }
}

/// What the import would do, in words.
pub fn summary(new: usize, updated: usize, unchanged: usize, skipped: usize) -> String {
    let mut parts = vec![format!("{new} new"), format!("{updated} updated")];
    if unchanged > 0 {
        parts.push(format!(
            "{unchanged} already in the board as the sheet has them"
        ));
    }
    if skipped > 0 {
        parts.push(format!("{skipped} skipped"));
    }
    parts.join(", ")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
