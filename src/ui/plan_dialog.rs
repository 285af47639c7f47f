//! File ▸ Import plan…: a project plan brought to the board's altitude. The
//! plan is read on a worker; this view shows its outline as a tree with a
//! box to tick each row in or out (by default the summary tasks at the
//! level chosen, and every milestone), the programme it goes into, the
//! baseline new rows take, and for each chosen row whether it is new,
//! updated or unchanged, its old and new finish and the slip it adds.
//! Rows linked to the plan that it no longer refreshes are listed, never
//! deleted. Nothing changes until Import, which is one undo step.

use std::path::PathBuf;
use std::sync::Arc;

use egui::RichText;

use crate::analysis::plan_import::{
    ImportChoice, ImportPlan, ImportTarget, PlanOutline, RowChange, baseline_name, default_rows_in,
    is_milestone,
};
use crate::model::{Board, Id};
use crate::store::plan::Plan;
use crate::ui::path_field::PathField;
use crate::ui::theme;
use crate::ui::widgets::dialog_window;

/// The rows listed before "and N more" under the gone and skipped lists.
const LISTED: usize = 8;

/// A plan as read, with its outline, and the file it came from.
pub struct ReadPlan {
    /// Where it was read from.
    pub path: PathBuf,
    /// The plan.
    pub plan: Arc<Plan>,
    /// Its tree: parents and which rows have children.
    pub outline: Arc<PlanOutline>,
}

/// What the user is choosing, and what the workers found.
#[derive(Default)]
pub struct PlanDialog {
    /// The plan's path, typed (it works where no file dialog can open).
    pub path: String,
    /// The plan as read.
    pub read: Option<ReadPlan>,
    /// The import as the user chose it (once a plan is read).
    pub choice: Option<ImportChoice>,
    /// The level whose summary tasks are chosen by default.
    pub level: u32,
    /// The new programme's name, when the plan goes into a new one.
    pub new_name: String,
    /// The import planned for `choice` on the board's `revision`, or why
    /// it cannot be.
    pub planned: Option<(ImportChoice, u64, Result<Arc<ImportPlan>, String>)>,
    /// Why the last read failed, if it did.
    pub error: Option<String>,
    /// The programme chosen in the side panel when the dialog opened: the
    /// plan goes into it unless the user picks another.
    pub wanted: Option<Id>,
    /// Why the baselines are being reset from the plan (the decision's words).
    pub rebaseline_reason: String,
    /// Why the last re-baseline could not be made, if it could not.
    pub rebaseline_error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanOutcome {
    /// Nothing to do.
    Open,
    /// Choose the file with the system's dialog.
    Browse,
    /// Read the plan at the path.
    Read,
    /// Import as planned.
    Import,
    /// Set the programme's linked rows' baselines from the chosen plan
    /// baseline, recorded as the board's decision.
    Rebaseline,
    /// Close without importing.
    Close,
}

/// What the shell is doing for the dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanBusy {
    /// The file dialog is open.
    pub browsing: bool,
    /// The plan is being read.
    pub reading: bool,
    /// The import is being planned.
    pub planning: bool,
}

impl PlanDialog {
    /// The dialog, the plan going into `programme` when one is chosen.
    pub fn new(programme: Option<Id>) -> Self {
        PlanDialog {
            level: 1,
            wanted: programme,
            ..PlanDialog::default()
        }
    }

    /// Takes a freshly read plan: the default rows at level 1, the default
    /// baseline, into the programme chosen (else a new one named after the
    /// plan's project).
    pub fn set_plan(&mut self, read: ReadPlan, board: &Board) {
        let file = crate::analysis::plan_import::plan_file_name(&read.path);
        let chosen = self.choice.as_ref().map(|c| c.target.clone()).or_else(|| {
            self.wanted
                .clone()
                .filter(|id| board.programme(id).is_some())
                .map(ImportTarget::Programme)
        });
        let target = chosen.unwrap_or_else(|| {
            let name = if read.plan.project_name.trim().is_empty() {
                file.clone()
            } else {
                read.plan.project_name.trim().to_string()
            };
            ImportTarget::NewProgramme(name)
        });
        if let ImportTarget::NewProgramme(name) = &target {
            self.new_name = name.clone();
        } else {
            self.new_name.clear();
        }
        let mut choice = ImportChoice::new(&read.plan, file, target);
        self.level = 1;
        choice.rows = default_rows_in(&read.plan, &read.outline, self.level);
        self.choice = Some(choice);
        self.read = Some(read);
        self.planned = None;
        self.error = None;
    }

    /// The import planned for the choice shown on the board at `revision`.
    pub fn current(&self, revision: u64) -> Option<&Result<Arc<ImportPlan>, String>> {
        let choice = self.choice.as_ref()?;
        self.planned
            .as_ref()
            .filter(|(c, r, _)| c == choice && *r == revision)
            .map(|(_, _, p)| p)
    }

    /// Whether the choice shown needs planning.
    pub fn needs_plan(&self, revision: u64) -> bool {
        self.read.is_some() && self.current(revision).is_none()
    }

    /// Draws the dialog.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        board: &Board,
        revision: u64,
        busy: PlanBusy,
    ) -> PlanOutcome {
        let mut outcome = PlanOutcome::Open;
        dialog_window("Import plan", 980.0)
            .max_height(ctx.content_rect().height() - 40.0)
            .show(ctx, |ui| {
                ui.label("A programme's plan from MS Project (Save As ▸ XML), Primavera P6 (XER), GanttProject (.gan), ProjectLibre (MS Project XML) or a task list in Excel or CSV. Import it again next month to refresh the forecasts and per cent complete: the board's baselines, delays, RAID links and ratings stay. Nothing changes until Import, and Undo takes the whole import back.");
                ui.add_space(6.0);
                self.file_row(ui, busy, &mut outcome);
                if let Some(e) = &self.error {
                    ui.label(RichText::new(e).color(theme::warning_text(ui)));
                }
                if self.read.is_some() {
                    ui.separator();
                    self.choices_ui(ui, board);
                    ui.separator();
                    self.summary_ui(ui, revision, busy);
                    self.tree_ui(ui, revision);
                    self.rebaseline_ui(ui, &mut outcome);
                }
                ui.separator();
                self.buttons_ui(ui, revision, busy, &mut outcome);
            });
        outcome
    }

    fn file_row(&mut self, ui: &mut egui::Ui, busy: PlanBusy, outcome: &mut PlanOutcome) {
        let (field, read) = PathField::new("Plan file:", &mut self.path)
            .desired_width(600.0)
            .browse(busy.browsing)
            .show_with(ui, |ui, path| {
                let ready = !path.trim().is_empty() && !busy.reading;
                ui.add_enabled(ready, egui::Button::new("Read plan"))
                    .clicked()
            });
        if field.browse {
            *outcome = PlanOutcome::Browse;
        }
        if field.submitted || read {
            *outcome = PlanOutcome::Read;
        }
        if busy.reading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the plan…");
            });
        }
    }

    /// Into which programme, at which level, with which baseline.
    fn choices_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let (Some(read), Some(choice)) = (&self.read, &mut self.choice) else {
            return;
        };
        let plan = &read.plan;
        ui.label(format!(
            "{} · {} rows{}",
            plan.format.label(),
            plan.tasks.len(),
            if plan.project_name.is_empty() {
                String::new()
            } else {
                format!(" · project “{}”", plan.project_name)
            }
        ));
        egui::Grid::new("plan_choices")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Into:").id;
                let shown = match &choice.target {
                    ImportTarget::Programme(id) => {
                        board.programme(id).map_or("", |p| p.name.as_str())
                    }
                    ImportTarget::NewProgramme(_) => "A new programme",
                };
                let mut target = choice.target.clone();
                egui::ComboBox::from_id_salt("plan_target")
                    .width(360.0)
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        let new = ImportTarget::NewProgramme(self.new_name.clone());
                        let is_new = matches!(target, ImportTarget::NewProgramme(_));
                        if ui.selectable_label(is_new, "A new programme").clicked() {
                            target = new;
                        }
                        for p in &board.programmes {
                            let this = ImportTarget::Programme(p.id.clone());
                            ui.selectable_value(&mut target, this, &p.name);
                        }
                    })
                    .response
                    .labelled_by(label);
                choice.target = target;
                ui.end_row();
                if let ImportTarget::NewProgramme(name) = &mut choice.target {
                    let label = ui.label("New programme's name:").id;
                    if ui
                        .add(egui::TextEdit::singleline(&mut self.new_name).desired_width(360.0))
                        .labelled_by(label)
                        .changed()
                    {
                        name.clone_from(&self.new_name);
                    }
                    ui.end_row();
                }

                // Next month's plan saved under a new name still refreshes
                // the rows last month's brought, if the user says so.
                if let ImportTarget::Programme(id) = &choice.target {
                    let read_as = crate::analysis::plan_import::plan_file_name(&read.path);
                    let mut files = crate::analysis::plan_import::linked_files(board, id);
                    if files.iter().any(|f| f != &read_as) {
                        if !files.contains(&read_as) {
                            files.insert(0, read_as);
                        }
                        let label = ui.label("Rows linked to:").id;
                        egui::ComboBox::from_id_salt("plan_file")
                            .width(360.0)
                            .selected_text(choice.file.as_str())
                            .show_ui(ui, |ui| {
                                for f in &files {
                                    ui.selectable_value(&mut choice.file, f.clone(), f);
                                }
                            })
                            .response
                            .labelled_by(label)
                            .on_hover_text(
                                "The plan file the programme's rows were imported from: choose last month's to refresh them from this one",
                            );
                        ui.end_row();
                    }
                }

                let label = ui.label("Level:").id;
                let mut level = self.level;
                egui::ComboBox::from_id_salt("plan_level")
                    .width(360.0)
                    .selected_text(level_words(level))
                    .show_ui(ui, |ui| {
                        for l in 1..=read.outline.max_level.max(1) {
                            ui.selectable_value(&mut level, l, level_words(l));
                        }
                    })
                    .response
                    .labelled_by(label);
                if level != self.level {
                    self.level = level;
                    choice.rows = default_rows_in(plan, &read.outline, level);
                }
                ui.end_row();

                let label = ui.label("Baseline:").id;
                egui::ComboBox::from_id_salt("plan_baseline")
                    .width(360.0)
                    .selected_text(choice.baseline.map_or_else(
                        || "None: new rows get no baseline".to_string(),
                        baseline_name,
                    ))
                    .show_ui(ui, |ui| {
                        for &n in &plan.baselines {
                            ui.selectable_value(&mut choice.baseline, Some(n), baseline_name(n));
                        }
                        ui.selectable_value(
                            &mut choice.baseline,
                            None,
                            "None: new rows get no baseline",
                        );
                    })
                    .response
                    .labelled_by(label);
                ui.end_row();
            });
        if !plan.warnings.is_empty() {
            ui.collapsing(
                format!("{} warnings from the plan", plan.warnings.len()),
                |ui| {
                    for w in plan.warnings.iter().take(LISTED * 4) {
                        ui.label(w);
                    }
                },
            );
        }
    }

    /// What the import does, in counts, and what it leaves.
    fn summary_ui(&self, ui: &mut egui::Ui, revision: u64, busy: PlanBusy) {
        match self.current(revision) {
            None => {
                if busy.planning {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Working out what changes…");
                    });
                }
            }
            Some(Err(why)) => {
                ui.label(RichText::new(why).color(theme::warning_text(ui)));
            }
            Some(Ok(import)) => {
                let c = import.counts();
                let words = if import.is_empty() {
                    "Nothing to change: the board already has what this plan says.".to_string()
                } else {
                    format!(
                        "{} new, {} updated, {} unchanged.",
                        c.new, c.updated, c.unchanged
                    )
                };
                ui.label(RichText::new(words).strong());
                if !import.gone().is_empty() {
                    ui.label(
                        RichText::new(format!(
                            "{} of the programme's rows follow this plan but are left as they are (never deleted):",
                            import.gone().len()
                        ))
                        .color(theme::warning_text(ui)),
                    );
                    for g in import.gone().iter().take(LISTED) {
                        ui.label(format!("• {} {}", g.name, g.why.words()));
                    }
                    more(ui, import.gone().len());
                }
                if !import.skipped().is_empty() {
                    ui.label(format!(
                        "{} chosen rows cannot come across:",
                        import.skipped().len()
                    ));
                    let names = self.read.as_ref().map(|r| &r.plan.tasks);
                    for s in import.skipped().iter().take(LISTED) {
                        let name = names
                            .and_then(|t| t.get(s.row))
                            .map_or("", |t| t.name.as_str());
                        ui.label(format!("• {name} {}", s.why));
                    }
                    more(ui, import.skipped().len());
                }
            }
        }
    }

    /// The plan's outline, a box to tick each row in or out, and for each
    /// chosen row what the import does to it. Only the rows in view are
    /// laid out, so a plan of 16,000 rows scrolls smoothly.
    fn tree_ui(&mut self, ui: &mut egui::Ui, revision: u64) {
        let Some(read) = &self.read else { return };
        let plan = Arc::clone(&read.plan);
        let import = match self.current(revision) {
            Some(Ok(i)) => Some(Arc::clone(i)),
            _ => None,
        };
        let Some(choice) = &mut self.choice else {
            return;
        };
        let row_height = ui.spacing().interact_size.y + 2.0;
        let height = (ui.ctx().content_rect().height() - 420.0).max(160.0);
        egui::ScrollArea::vertical()
            .max_height(height)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, plan.tasks.len(), |ui, range| {
                for i in range {
                    let task = &plan.tasks[i];
                    ui.horizontal(|ui| {
                        ui.add_space(16.0 * task.outline_level.saturating_sub(1) as f32);
                        let mut ticked = choice.rows.is_ticked(i);
                        let kind = if is_milestone(task) {
                            "◆ "
                        } else if task.summary {
                            "▸ "
                        } else {
                            ""
                        };
                        let name = format!("{kind}{}", task.name);
                        let text = if task.summary {
                            RichText::new(name).strong()
                        } else {
                            RichText::new(name)
                        };
                        if ui.checkbox(&mut ticked, text).changed() {
                            choice.rows.set(i, ticked);
                        }
                        ui.label(
                            RichText::new(dates(task.start, task.finish))
                                .color(ui.visuals().weak_text_color()),
                        );
                        if let Some(row) = import.as_ref().and_then(|p| p.row(i)) {
                            row_change_ui(ui, row);
                        }
                    });
                }
            });
    }

    /// *Re-baseline from the plan*: the only way a plan's baseline reaches
    /// rows already on the board, said out loud with a reason.
    fn rebaseline_ui(&mut self, ui: &mut egui::Ui, outcome: &mut PlanOutcome) {
        let Some(choice) = &self.choice else { return };
        let (ImportTarget::Programme(_), Some(number)) = (&choice.target, choice.baseline) else {
            return;
        };
        ui.collapsing("Re-baseline from the plan", |ui| {
            ui.label(format!(
                "Sets the baselines of the programme's rows linked to {} from the plan's {}, and records it as a decision of the board. An import never changes a baseline.",
                choice.file,
                baseline_name(number)
            ));
            ui.horizontal(|ui| {
                let label = ui.label("Reason:").id;
                ui.add(
                    egui::TextEdit::singleline(&mut self.rebaseline_reason)
                        .hint_text("e.g. Revised plan approved by the board")
                        .desired_width(420.0),
                )
                .labelled_by(label);
                let ready = !self.rebaseline_reason.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Re-baseline from the plan"))
                    .clicked()
                {
                    *outcome = PlanOutcome::Rebaseline;
                }
            });
            if let Some(e) = &self.rebaseline_error {
                ui.label(RichText::new(e).color(theme::warning_text(ui)));
            }
        });
    }

    fn buttons_ui(
        &mut self,
        ui: &mut egui::Ui,
        revision: u64,
        busy: PlanBusy,
        outcome: &mut PlanOutcome,
    ) {
        ui.horizontal(|ui| {
            let ready = matches!(self.current(revision), Some(Ok(p)) if !p.is_empty())
                && !busy.planning
                && !busy.reading;
            if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
                *outcome = PlanOutcome::Import;
            }
            if ui.button("Cancel").on_hover_text("Esc").clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                *outcome = PlanOutcome::Close;
            }
        });
    }
}

/// The words for a level choice.
fn level_words(level: u32) -> String {
    if level == 1 {
        "1: the summary tasks under the project, and every milestone".into()
    } else {
        format!("{level}: the summary tasks {level} levels down, and every milestone")
    }
}

fn dates(start: Option<chrono::NaiveDate>, finish: Option<chrono::NaiveDate>) -> String {
    let day = |d: Option<chrono::NaiveDate>| {
        d.map_or_else(|| "–".to_string(), crate::model::format_day_uk)
    };
    format!("{} → {}", day(start), day(finish))
}

/// New, updated (with the old finish, the new and the slip it adds) or
/// unchanged, after a chosen row.
fn row_change_ui(ui: &mut egui::Ui, row: &crate::analysis::plan_import::PreviewRow) {
    let finish = |d: &Option<crate::model::PeriodDate>| {
        d.as_ref()
            .map_or_else(|| "–".to_string(), |d| d.display_uk())
    };
    match row.change {
        RowChange::New => {
            ui.label(RichText::new("new").color(theme::BLUE).strong());
        }
        RowChange::Unchanged => {
            ui.label(RichText::new("unchanged").weak());
        }
        RowChange::Updated => {
            let slip = match row.slip_days {
                Some(d) if d > 0 => format!(", {d} days later"),
                Some(d) if d < 0 => format!(", {} days earlier", -d),
                _ => String::new(),
            };
            let text = format!(
                "finish {} → {}{slip}",
                finish(&row.old_finish),
                finish(&row.new_finish)
            );
            let colour = if row.slip_days.is_some_and(|d| d > 0) {
                theme::warning_text(ui)
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(text).color(colour));
        }
    }
}

fn more(ui: &mut egui::Ui, count: usize) {
    if count > LISTED {
        ui.label(format!("and {} more", count - LISTED));
    }
}
