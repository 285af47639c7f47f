//! What every view draws from and where it puts what it wants done: one
//! context, made by the shell once a frame, so a view never takes a list of
//! loose arguments and nothing is copied from one view into another.

use crate::analysis::compare::Comparison;
use crate::analysis::update::NotUpdated;
use crate::model::{Action, Board, Id};
use crate::ui::commands::Command;
use crate::ui::raid::form::Editor;

/// What the user has chosen to look at, read by every view (never copied
/// into one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The programme chosen in the side panel (`None`: all).
    pub programme: Option<Id>,
    /// Only programmes (and entries) changed since the earlier board.
    pub changes_only: bool,
    /// The delay whose Edit… or Delete was pressed in a list of delays, for
    /// the command that acts on it (which takes it).
    pub delay: Option<Id>,
}

/// A view's context for one frame.
pub struct ViewCtx<'a> {
    /// The board as edited.
    pub board: &'a Board,
    /// Changes with every change to the board, for the views' caches.
    pub revision: u64,
    /// The one selection every view reads and the side panel sets.
    pub selection: &'a mut Selection,
    /// What changed since the earlier board, when comparing.
    pub since: Option<&'a Comparison>,
    /// The programmes not updated since the monthly update's copy, when the
    /// board is in an update and the copy was found.
    pub not_updated: Option<&'a NotUpdated>,
    /// The programmes the side panel lists (found, filtered and ordered),
    /// as indices into `board.programmes`: the timeline and the portfolio
    /// budget show the same ones.
    pub shown: &'a [usize],
    /// Who is editing, and when, for the history a change writes.
    pub editor: Editor<'a>,
    /// Edits the view asks for, applied by the shell after the views ran.
    pub actions: &'a mut Vec<Action>,
    /// Commands the view asks for, run by the shell's one handler.
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    /// The programme chosen in the side panel, if one.
    pub fn programme(&self) -> Option<&Id> {
        self.selection.programme.as_ref()
    }
}
