//! The RAID tab: filters, a 5×5 heat map of open risks, and a virtualised table
//! (`egui_extras::TableBuilder` with `body.rows`, so only visible rows are laid
//! out). Filtering and sorting are cached per board revision, so a frame costs
//! what the screen shows, not what the log holds.

use egui::Color32;

mod filters;
pub mod form;
mod heat_map;
mod since;
mod table;

use super::theme;
use super::view_ctx::ViewCtx;
use crate::analysis::raid::{
    Band, RaidFilter, SortKey, filter_entries, heat_map, heat_map_inherent, sort_entries,
};
use crate::model::{Board, Id, RaidKind};
use form::RaidForm;

/// The colour of a band.
pub fn band_colour(b: Band) -> Color32 {
    theme::colour(crate::render::heat_map::band_colour(b))
}

/// Text colour that reads on a band's colour (WCAG AA).
pub fn band_text(b: Band) -> Color32 {
    theme::colour(crate::render::heat_map::band_text(b))
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
    rows: Vec<usize>,
    rows_key: Option<(u64, RaidFilter, SortKey, bool, Option<since::SinceKey>)>,
    /// Owners and heat-map counts, recomputed only when the board or programme changes.
    owners: Vec<String>,
    cells: [[usize; 5]; 5],
    inherent_cells: [[usize; 5]; 5],
    board_key: Option<(u64, Option<Id>)>,
    focus_search: bool,
    scroll_to: Option<usize>,
    /// What changed in each entry since the earlier board, when comparing.
    since: Option<(
        since::SinceKey,
        std::collections::HashMap<Id, since::SinceNote>,
    )>,
}

impl Default for RaidView {
    fn default() -> Self {
        RaidView {
            filter: RaidFilter::default(),
            sort: SortKey::Reference,
            descending: false,
            selected: None,
            form: None,
            rows: Vec::new(),
            rows_key: None,
            owners: Vec::new(),
            cells: [[0; 5]; 5],
            inherent_cells: [[0; 5]; 5],
            board_key: None,
            focus_search: false,
            scroll_to: None,
            since: None,
        }
    }
}

impl RaidView {
    /// The indices (into `board.raid`) the table shows, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    fn refresh(&mut self, board: &Board, revision: u64, changes_only: bool) {
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
        let changes = self
            .since
            .as_ref()
            .filter(|_| changes_only)
            .map(|(k, notes)| (*k, notes));
        let key = (
            revision,
            self.filter.clone(),
            self.sort,
            self.descending,
            changes.map(|(k, _)| k),
        );
        if self.rows_key.as_ref() != Some(&key) {
            let mut rows = filter_entries(board, &self.filter);
            if let Some((_, notes)) = changes {
                rows.retain(|&i| notes.contains_key(&board.raid[i].id));
            }
            sort_entries(board, &mut rows, self.sort, self.descending);
            self.rows = rows;
            self.rows_key = Some(key);
        }
    }

    /// Draws the heat map alone, as the RAID tab does (for its own benchmark).
    pub fn heat_map_only_ui(&mut self, ui: &mut egui::Ui, board: &Board, revision: u64) {
        self.refresh(board, revision, false);
        self.heat_map_ui(ui, board);
    }

    /// Draws the RAID tab for the side panel's programme; edits go to the
    /// context's actions and requests for the shell (export) to its commands.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let board = ctx.board;
        // The table's filter keys its cache on the programme chosen.
        self.filter.programme = ctx.selection.programme.clone();
        self.set_since(ctx.since, ctx.revision);
        self.refresh(board, ctx.revision, ctx.selection.changes_only);
        if let Some(form) = self.form.as_mut() {
            let mut close = false;
            egui::Panel::right("raid_form")
                .default_size(460.0)
                // Never so wide that the table loses Ref, Title, Score and Owner.
                .size_range(380.0..=560.0)
                .show(ui, |ui| {
                    crate::ui::widgets::name_region(ui, "RAID entry");
                    close = form.ui(ui, board, &ctx.editor, ctx.actions);
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
            crate::ui::widgets::name_region(ui, "RAID register");
            self.filters_ui(ui, board, ctx.commands, &mut ctx.selection.changes_only);
            // The heat map beside the table, or above it in a narrow window
            // (200% zoom), where the page scrolls down to the table.
            let narrow = ui.available_width() < crate::ui::widgets::LEAST_VIEW_SIZE.x;
            let mut both = |ui: &mut egui::Ui| {
                // While the form is open the table needs the width more: the
                // heat map steps aside so Ref, Title, Owner and Score stay in view.
                if self.form.is_none() {
                    self.heat_map_ui(ui, board);
                }
                // The table scrolls sideways on narrow windows rather than losing columns.
                // A bar always shown, so the columns past the edge are seen to be there.
                egui::ScrollArea::horizontal()
                    .id_salt("raid_table_h")
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                    .show(ui, |ui| {
                        ui.vertical(|ui| self.table_ui(ui, board));
                    });
            };
            if narrow {
                ui.vertical(|ui| both(ui));
            } else {
                ui.horizontal_top(|ui| both(ui));
            }
        });
    }

    /// Opens the form for a new entry (a risk, in the programme shown).
    pub fn start_new_entry(&mut self, board: &Board) {
        self.form = Some(RaidForm::new_entry(
            board,
            RaidKind::Risk,
            self.filter.programme.clone(),
        ));
    }

    /// Puts the cursor in the search field (on the next frame drawn).
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// Whether an entry is selected and no form is open, so Enter can edit it.
    pub fn can_edit_selected(&self, board: &Board) -> bool {
        self.form.is_none()
            && self
                .selected
                .as_ref()
                .is_some_and(|id| board.raid_entry(id).is_some())
    }

    /// Opens the selected entry in the form.
    pub fn edit_selected(&mut self, board: &Board) {
        if self.can_edit_selected(board)
            && let Some(e) = self.selected.as_ref().and_then(|id| board.raid_entry(id))
        {
            self.form = Some(RaidForm::edit(e));
        }
    }

    /// Closes the form without saving.
    pub fn close_form(&mut self) {
        self.form = None;
    }

    /// Whether the arrow keys move the selection: the table has rows and
    /// no form is open.
    pub fn can_move_selection(&self) -> bool {
        self.form.is_none() && !self.rows.is_empty()
    }

    /// Selects the entry above (`up`) or below the selected one in the
    /// table's order, or the first when none is, and scrolls to it.
    pub fn move_selection(&mut self, board: &Board, up: bool) {
        if !self.can_move_selection() {
            return;
        }
        // The rows were filtered when the table was last drawn; look the
        // entries up rather than index, as an edit may have come since.
        let pos = self.selected.as_ref().and_then(|id| {
            self.rows
                .iter()
                .position(|&i| board.raid.get(i).is_some_and(|e| &e.id == id))
        });
        let next = match (pos, up) {
            (None, _) => 0,
            (Some(p), true) => p.saturating_sub(1),
            (Some(p), false) => (p + 1).min(self.rows.len() - 1),
        };
        if let Some(entry) = self.rows.get(next).and_then(|&i| board.raid.get(i)) {
            self.selected = Some(entry.id.clone());
            self.scroll_to = Some(next);
        }
    }
}
