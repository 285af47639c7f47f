//! The Schedule tab: the selected programme's tasks (or milestones) as an
//! editable grid with a spreadsheet's habits. Arrows, Tab and Enter move
//! the cursor; typing starts an edit, Enter or Tab commits it, Esc cancels;
//! a value that does not read is refused in place with the reason. Rows are
//! keyed by their record's id; only the rows on screen are laid out. Every
//! committed cell, row operation or paste is one `Action` (one undo).

mod delays;
mod grid;

use egui::{Key, Modifiers};

use super::commands::Command;
use super::view_ctx::ViewCtx;
use crate::analysis::sheet::{
    PasteAt, Section, milestone_text, move_action, new_milestone, new_task, parse_paste,
    paste_action, set_milestone, set_task, task_text,
};
use crate::model::{Action, Board, Id, Place, Programme};

/// A cell being edited: the text typed so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellEdit {
    /// What the cell's editor holds.
    pub text: String,
}

/// The Schedule tab's own state.
#[derive(Debug)]
pub struct ScheduleView {
    /// Tasks or milestones.
    pub section: Section,
    /// The cursor's row, by its record's id; `None` is the empty row below
    /// the last, where typing adds one.
    pub row: Option<Id>,
    /// The cursor's column.
    pub column: usize,
    /// The edit under way, if any.
    pub editing: Option<CellEdit>,
    /// The last value refused, with the cell and the reason.
    pub refused: Option<String>,
    /// Where the cursor's row was, to stay near it when its record goes.
    last_index: usize,
    /// The column a run of Tabs started from: Enter goes back to it on the
    /// next row, as in Excel.
    tab_start: Option<usize>,
    scroll_to: Option<usize>,
    focus_editor: bool,
    focus_sheet: bool,
    /// The editor lost the keyboard to something outside the sheet (a
    /// click on the side panel, a dialog): the edit is committed, as a
    /// spreadsheet does, rather than left open behind it.
    editor_left: bool,
}

impl Default for ScheduleView {
    fn default() -> Self {
        ScheduleView {
            section: Section::Tasks,
            row: None,
            column: 0,
            editing: None,
            refused: None,
            last_index: 0,
            tab_start: None,
            scroll_to: None,
            focus_editor: false,
            focus_sheet: true,
            editor_left: false,
        }
    }
}

/// The id of the records of `section` in `programme`, in order.
fn ids(programme: &Programme, section: Section) -> Vec<&Id> {
    match section {
        Section::Tasks => programme.tasks.iter().map(|t| &t.id).collect(),
        Section::Milestones => programme.milestones.iter().map(|m| &m.id).collect(),
    }
}

fn row_count(programme: &Programme, section: Section) -> usize {
    match section {
        Section::Tasks => programme.tasks.len(),
        Section::Milestones => programme.milestones.len(),
    }
}

/// What a cell shows.
pub(crate) fn cell_text(
    programme: &Programme,
    section: Section,
    row: usize,
    column: usize,
) -> String {
    match section {
        Section::Tasks => programme
            .tasks
            .get(row)
            .map(|t| task_text(t, column))
            .unwrap_or_default(),
        Section::Milestones => programme
            .milestones
            .get(row)
            .map(|m| milestone_text(m, column))
            .unwrap_or_default(),
    }
}

/// A cell's accessible name: "Build — finish", "New row — name".
pub(crate) fn cell_label(
    programme: &Programme,
    section: Section,
    row: usize,
    column: usize,
) -> String {
    let name = match section {
        Section::Tasks => programme.tasks.get(row).map(|t| t.name.as_str()),
        Section::Milestones => programme.milestones.get(row).map(|m| m.name.as_str()),
    };
    let heading = section.columns()[column].to_lowercase();
    format!("{} — {heading}", name.unwrap_or("New row"))
}

impl ScheduleView {
    /// The programme the sheet edits: the one chosen in the side panel.
    fn programme<'b>(board: &'b Board, selected: Option<&Id>) -> Option<&'b Programme> {
        selected.and_then(|id| board.programme(id))
    }

    /// The cursor's row index (the number of rows for the empty row).
    fn index(&self, programme: &Programme) -> usize {
        let count = row_count(programme, self.section);
        match &self.row {
            None => count,
            Some(id) => ids(programme, self.section)
                .iter()
                .position(|x| *x == id)
                .unwrap_or(self.last_index.min(count)),
        }
    }

    fn set_index(&mut self, programme: &Programme, index: usize) {
        let ids = ids(programme, self.section);
        let index = index.min(ids.len());
        self.row = ids.get(index).map(|id| (*id).clone());
        self.last_index = index;
        self.scroll_to = Some(index);
    }

    /// Shows tasks or milestones, the cursor at the top.
    pub fn show_section(&mut self, section: Section) {
        if self.section != section {
            self.section = section;
            self.row = None;
            self.last_index = 0;
            self.column = 0;
            self.editing = None;
            self.refused = None;
        }
    }

    /// Whether a row command can run now.
    pub fn can_run(&self, command: Command, board: &Board, selected: Option<&Id>) -> bool {
        let Some(p) = Self::programme(board, selected) else {
            return false;
        };
        if self.editing.is_some() {
            return false;
        }
        let index = self.index(p);
        let count = row_count(p, self.section);
        match command {
            Command::ScheduleInsertRow => true,
            Command::ScheduleDeleteRow => index < count,
            Command::ScheduleMoveRowUp => index < count && index > 0,
            Command::ScheduleMoveRowDown => index + 1 < count,
            _ => false,
        }
    }

    /// Runs a row command: the action it makes, if any.
    pub fn run(
        &mut self,
        command: Command,
        board: &Board,
        selected: Option<&Id>,
    ) -> Option<Action> {
        let p = Self::programme(board, selected)?;
        let place = Place::Programme(p.id.clone());
        let index = self.index(p);
        let count = row_count(p, self.section);
        self.refused = None;
        match command {
            Command::ScheduleInsertRow => {
                let at = Some((index + 1).min(count));
                let (record, id): (crate::model::Record, Id) = match self.section {
                    Section::Tasks => {
                        let t = new_task();
                        let id = t.id.clone();
                        (t.into(), id)
                    }
                    Section::Milestones => {
                        let m = new_milestone(board);
                        let id = m.id.clone();
                        (m.into(), id)
                    }
                };
                self.row = Some(id);
                self.last_index = (index + 1).min(count);
                self.column = 0;
                self.scroll_to = Some(self.last_index);
                Some(Action::Put { place, record, at })
            }
            Command::ScheduleDeleteRow => {
                let id = self.row.take()?;
                // The row below takes the cursor.
                self.row = ids(p, self.section).get(index + 1).map(|i| (*i).clone());
                self.last_index = index;
                Some(Action::delete(place, self.section.kind(), id))
            }
            Command::ScheduleMoveRowUp | Command::ScheduleMoveRowDown => {
                let id = self.row.clone()?;
                let to = if command == Command::ScheduleMoveRowUp {
                    index.checked_sub(1)?
                } else {
                    index + 1
                };
                self.last_index = to;
                self.scroll_to = Some(to);
                move_action(board, &p.id, self.section, &id, to)
            }
            _ => None,
        }
    }

    /// Commits the edit under way: the action, or the reason it is refused
    /// (the edit stays open then, and the record keeps its value).
    fn commit(&mut self, board: &Board, p: &Programme) -> Result<Option<Action>, ()> {
        let Some(edit) = &self.editing else {
            return Ok(None);
        };
        let index = self.index(p);
        match self.cell_action(board, p, index, &edit.text) {
            Ok((action, id)) => {
                self.editing = None;
                self.refused = None;
                self.row = Some(id);
                self.last_index = index;
                Ok(Some(action))
            }
            Err(reason) => {
                let label = cell_label(p, self.section, index, self.column);
                self.refused = Some(format!("{label}: {reason}. The old value is kept."));
                self.focus_editor = true;
                Err(())
            }
        }
    }

    /// The action that writes `text` into the cursor's cell of row `index`
    /// (the empty row makes a record), and the row's id.
    fn cell_action(
        &self,
        board: &Board,
        p: &Programme,
        index: usize,
        text: &str,
    ) -> Result<(Action, Id), String> {
        let place = Place::Programme(p.id.clone());
        match self.section {
            Section::Tasks => {
                let mut task = p.tasks.get(index).cloned().unwrap_or_else(new_task);
                set_task(&mut task, self.column, text)?;
                let id = task.id.clone();
                Ok((Action::put(place, task), id))
            }
            Section::Milestones => {
                let mut m = p
                    .milestones
                    .get(index)
                    .cloned()
                    .unwrap_or_else(|| new_milestone(board));
                set_milestone(&mut m, self.column, text)?;
                let id = m.id.clone();
                Ok((Action::put(place, m), id))
            }
        }
    }

    /// Starts editing the cursor's cell with `text` in it.
    fn start_edit(&mut self, text: String) {
        self.editing = Some(CellEdit { text });
        self.focus_editor = true;
    }

    /// Moves the cursor by rows and columns, within the sheet.
    fn step(&mut self, p: &Programme, rows: isize, columns: isize) {
        let last_column = self.section.columns().len() - 1;
        let index = self.index(p);
        self.column = self.column.saturating_add_signed(columns).min(last_column);
        self.set_index(p, index.saturating_add_signed(rows));
    }

    /// Tab and Shift+Tab: along the row, on to the next row's first cell.
    fn tab(&mut self, p: &Programme, back: bool) {
        let last_column = self.section.columns().len() - 1;
        let index = self.index(p);
        self.tab_start.get_or_insert(self.column);
        match (back, self.column) {
            (false, c) if c == last_column => {
                self.column = 0;
                self.set_index(p, index + 1);
            }
            (false, _) => self.column += 1,
            (true, 0) if index > 0 => {
                self.column = last_column;
                self.set_index(p, index - 1);
            }
            (true, c) => self.column = c.saturating_sub(1),
        }
    }

    /// The sheet's keys while editing: Enter and Tab commit and move, Esc
    /// cancels.
    fn editing_keys(
        &mut self,
        ui: &egui::Ui,
        board: &Board,
        p: &Programme,
        actions: &mut Vec<Action>,
    ) {
        let (shift_enter, enter, shift_tab, tab, esc) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::SHIFT, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::SHIFT, Key::Tab),
                i.consume_key(Modifiers::NONE, Key::Tab),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if esc {
            self.editing = None;
            self.refused = None;
            self.focus_sheet = true;
            return;
        }
        if !(enter || shift_enter || tab || shift_tab) {
            return;
        }
        let was_new = self.row.is_none();
        if let Ok(action) = self.commit(board, p) {
            actions.extend(action);
            self.focus_sheet = true;
            // The board changes after the views ran: a row just made is
            // not in `p` yet, so moves are counted from the cursor's index.
            let index = self.last_index;
            let count = row_count(p, self.section) + usize::from(was_new);
            let last_column = self.section.columns().len() - 1;
            if enter || shift_enter {
                let to = if shift_enter {
                    index.saturating_sub(1)
                } else {
                    index + 1
                };
                self.column = self.tab_start.take().unwrap_or(self.column);
                self.move_to_index(p, to, count, was_new);
                return;
            }
            self.tab_start.get_or_insert(self.column);
            if tab && self.column == last_column {
                self.column = 0;
                self.move_to_index(p, index + 1, count, was_new);
            } else if tab {
                self.column += 1;
            } else if self.column > 0 {
                self.column -= 1;
            }
        }
    }

    /// Moves the cursor to row `to`, allowing for a row just added at the
    /// end that `p` does not hold yet.
    fn move_to_index(&mut self, p: &Programme, to: usize, count: usize, added: bool) {
        let to = to.min(count);
        let ids = ids(p, self.section);
        self.row = if added && to + 1 == count {
            self.row.clone()
        } else {
            ids.get(to).map(|id| (*id).clone())
        };
        self.last_index = to;
        self.scroll_to = Some(to);
    }

    /// The sheet's keys while it has the keyboard and no edit is open.
    fn moving_keys(
        &mut self,
        ui: &egui::Ui,
        board: &Board,
        p: &Programme,
        actions: &mut Vec<Action>,
    ) {
        let mut typed = String::new();
        let mut pasted = None;
        let keys = ui.input_mut(|i| {
            i.events.retain(|e| match e {
                egui::Event::Text(t) => {
                    typed.push_str(t);
                    false
                }
                egui::Event::Paste(t) => {
                    pasted = Some(t.clone());
                    false
                }
                _ => true,
            });
            [
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowLeft),
                i.consume_key(Modifiers::NONE, Key::ArrowRight),
                i.consume_key(Modifiers::SHIFT, Key::Tab),
                i.consume_key(Modifiers::NONE, Key::Tab),
                i.consume_key(Modifiers::SHIFT, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::F2),
                i.consume_key(Modifiers::NONE, Key::Delete),
            ]
        });
        let [
            up,
            down,
            left,
            right,
            shift_tab,
            tab,
            shift_enter,
            enter,
            f2,
            delete,
        ] = keys;
        if let Some(text) = pasted {
            self.paste(board, p, &text, actions);
            return;
        }
        if !typed.is_empty() {
            self.refused = None;
            self.start_edit(typed);
            return;
        }
        let index = self.index(p);
        if f2 {
            self.start_edit(cell_text(p, self.section, index, self.column));
        } else if delete && index < row_count(p, self.section) {
            match self.cell_action(board, p, index, "") {
                Ok((action, _)) => actions.push(action),
                Err(reason) => {
                    let label = cell_label(p, self.section, index, self.column);
                    self.refused = Some(format!("{label}: {reason}. The old value is kept."));
                }
            }
        } else if shift_enter || enter {
            // Back to the column a run of Tabs started from, as in Excel.
            self.column = self.tab_start.take().unwrap_or(self.column);
            self.step(p, if enter { 1 } else { -1 }, 0);
        } else if up || down || left || right {
            self.tab_start = None;
            let rows = isize::from(down) - isize::from(up);
            self.step(p, rows, isize::from(right) - isize::from(left));
        } else if tab || shift_tab {
            self.tab(p, shift_tab);
        }
    }

    /// Pastes text copied from Excel at the cursor (one action), or says
    /// why nothing was pasted.
    fn paste(&mut self, board: &Board, p: &Programme, text: &str, actions: &mut Vec<Action>) {
        let pasted = parse_paste(text, self.section.columns());
        let at = PasteAt {
            programme: &p.id,
            section: self.section,
            row: self.index(p),
            column: self.column,
        };
        match paste_action(board, &at, &pasted) {
            Ok((action, _)) => {
                self.refused = None;
                actions.push(action);
            }
            Err(reason) => self.refused = Some(format!("Nothing was pasted: {reason}.")),
        }
    }

    /// Draws the tab.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let board = ctx.board;
        let Some(p) = Self::programme(board, ctx.programme()) else {
            ui.add_space(12.0);
            ui.label(
                "Pick a programme in the programmes panel to edit its tasks and milestones here \
                 (View ▸ Programmes panel, Ctrl+B, shows the panel when it is hidden).",
            );
            return;
        };
        let sheet_id = egui::Id::unique("schedule-sheet");
        grid::section_bar_ui(ui, self, p);
        let has_keyboard = ui.memory(|m| m.has_focus(sheet_id));
        let covered = !ui.memory(|m| m.is_above_modal_layer(egui::LayerId::background()));
        if !covered {
            let editor_focused = ui.memory(|m| m.has_focus(grid::editor_id()));
            if self.editing.is_some() && (self.focus_editor || editor_focused) {
                self.editing_keys(ui, board, p, ctx.actions);
            } else if has_keyboard {
                self.moving_keys(ui, board, p, ctx.actions);
            }
        }
        if let Some(reason) = &self.refused {
            ui.colored_label(super::theme::RED, reason);
        }
        self.delays_ui(ui, p, ctx);
        // The sheet's own focus: while it holds it, arrows and Tab move the
        // cursor instead of egui's focus.
        let area = ui.interact(
            ui.max_rect(),
            sheet_id,
            egui::Sense::focusable_noninteractive(),
        );
        area.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Grid, true, "Schedule sheet"));
        // The sheet takes the keyboard when asked to, and whenever nothing
        // else holds it (the tab just shown, an edit just closed).
        let unfocused = ui.memory(|m| m.focused().is_none());
        if (std::mem::take(&mut self.focus_sheet) || unfocused) && self.editing.is_none() {
            area.request_focus();
        }
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                sheet_id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            );
        });
        // The sheet scrolls sideways in a narrow window; the bars above wrap.
        let mut clicked = None;
        crate::ui::widgets::scroll_sideways_when_narrow(ui, "schedule-sheet-h", |ui| {
            clicked = grid::table_ui(ui, self, p);
        });
        if std::mem::take(&mut self.editor_left) && self.editing.is_some() && clicked.is_none() {
            // Refused, it stays open with the reason, as on Enter.
            if let Ok(action) = self.commit(board, p) {
                ctx.actions.extend(action);
            }
        }
        if let Some((row, column, double)) = clicked {
            if self.editing.is_some()
                && self
                    .commit(board, p)
                    .map(|a| ctx.actions.extend(a))
                    .is_err()
            {
                return;
            }
            self.column = column;
            self.tab_start = None;
            self.set_index(p, row);
            self.scroll_to = None;
            if double {
                self.start_edit(cell_text(p, self.section, row, column));
            } else {
                self.focus_sheet = true;
            }
        }
    }
}
