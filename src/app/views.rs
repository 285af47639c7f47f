//! The views' state: the tab shown, the one selection every view reads, the
//! programme filter, each tab's own state, the meeting while it is on, and
//! the earlier board "since the last board" compares with.

use super::meeting::SinceBoard;
use crate::analysis::compare::Comparison;
use crate::analysis::programme_filter::both;
use crate::analysis::update::NotUpdated;
use crate::model::Board;
use crate::ui::budget::BudgetView;
use crate::ui::meeting::MeetingView;
use crate::ui::programme_filter::ProgrammeChoice;
use crate::ui::raid::RaidView;
use crate::ui::schedule::ScheduleView;
use crate::ui::timeline::TimelineView;

/// The tabs of the main area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Schedule: tasks, delays, milestones.
    Timeline,
    /// Money: the waterfall and reconciliation.
    Budget,
    /// The RAID log.
    Raid,
    /// The schedule sheet: a programme's tasks and milestones as a grid.
    Schedule,
}

impl Tab {
    /// Every tab, in the order they are shown.
    pub const ALL: [Tab; 4] = [Tab::Timeline, Tab::Budget, Tab::Raid, Tab::Schedule];

    /// The tab's name as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Timeline => "Timeline",
            Tab::Budget => "Budget",
            Tab::Raid => "RAID log",
            Tab::Schedule => "Schedule",
        }
    }
}

pub use crate::ui::view_ctx::Selection;

/// The views' own state.
pub(super) struct Views {
    /// The tab shown.
    pub(super) tab: Tab,
    /// The one selection every view reads.
    pub(super) selection: Selection,
    /// The programme filter and order: one for the side panel, the timeline
    /// and the portfolio budget.
    pub(super) programmes: ProgrammeChoice,
    /// The Timeline tab's own state (zoom, scroll, selected bar).
    pub(super) timeline: TimelineView,
    /// The Budget tab's own state (line form, portfolio sort).
    pub(super) budget: BudgetView,
    /// The RAID tab's own state (filters, sort, selected entry, form).
    pub(super) raid: RaidView,
    /// The Schedule tab's own state (section, cursor, the edit under way).
    pub(super) schedule: ScheduleView,
    /// The meeting, while it is on (F5): slides full screen.
    pub(super) meeting: Option<MeetingView>,
    /// The earlier copy of the board that "since the last board" compares with.
    pub(super) since: Option<SinceBoard>,
    /// The copy the board's monthly update kept, and the programmes not
    /// updated since.
    pub(super) update: super::update::UpdateState,
    /// Where the meeting on now keeps its copy of the board (found when it
    /// started, as finding it lists the folder).
    pub(super) meeting_copy: Option<std::path::PathBuf>,
    /// The typed-path field, always there for machines where no file dialog
    /// can open.
    pub(super) path_text: String,
    /// Presentation zoom is on.
    pub(super) presentation_zoom: bool,
    /// The programmes panel is hidden (View ▸ Programmes panel): the tab
    /// has the whole width.
    pub(super) programmes_panel_hidden: bool,
}

impl Default for Views {
    fn default() -> Self {
        Views {
            tab: Tab::Timeline,
            selection: Selection::default(),
            programmes: ProgrammeChoice::default(),
            timeline: TimelineView::default(),
            budget: BudgetView::default(),
            raid: RaidView::default(),
            schedule: ScheduleView::default(),
            meeting: None,
            since: None,
            update: super::update::UpdateState::default(),
            meeting_copy: None,
            path_text: String::new(),
            presentation_zoom: false,
            programmes_panel_hidden: false,
        }
    }
}

/// What changed since the earlier board (compared once per revision), and
/// the programmes the side panel lists: with "Changes only", only those that
/// changed; with "Not updated", only those not updated since the monthly
/// update began. Every view of a frame gets the same two.
pub(super) fn comparison_and_shown<'a>(
    since: &'a mut Option<SinceBoard>,
    programmes: &mut ProgrammeChoice,
    selection: &Selection,
    not_updated: Option<&NotUpdated>,
    board: &Board,
    revision: u64,
) -> (Option<&'a Comparison>, Vec<usize>) {
    let since = since.as_mut().map(|s| s.comparison(board, revision));
    let changed = since
        .filter(|_| selection.changes_only)
        .map(|c| c.programmes_with_changes());
    let not_updated = programmes
        .filter
        .not_updated_only
        .then(|| not_updated.map(|n| n.ids(board)).unwrap_or_default());
    let only = both(changed, not_updated);
    let shown = programmes.shown(board, revision, only);
    (since, shown)
}

impl Views {
    /// Fresh views for a board just opened from `path`; the tab, the
    /// earlier board compared with and the zoom stay.
    pub(super) fn for_opened(&mut self, path: &std::path::Path) {
        self.path_text = path.display().to_string();
        self.selection = Selection::default();
        self.timeline = TimelineView::default();
        self.budget = BudgetView::default();
        self.raid = RaidView::default();
        self.schedule = ScheduleView::default();
        self.update.clear();
    }
}
