//! What tests read and set that a user cannot reach by input, behind the
//! `testing` feature (the crate's own tests turn it on; the app's build does
//! not have it). Tests drive the app by clicks, keys and labels; these are
//! for checking the state and the files a test made, and for the few set-ups
//! no input reaches.

use std::path::Path;

use super::board_app::BoardApp;
use super::conflict_copies::FoundCopy;
use super::document::Document;
use super::jobs::JobKind;
use super::leaving::Leaving;
use super::meeting::SinceBoard;
use super::modal::Modal;
use super::notices::{Notice, Notifications};
use super::views::Tab;
use crate::model::Id;
use crate::store::journal::JournalEntry;
use crate::ui::budget::BudgetView;
use crate::ui::chart_dialog::ChartDialog;
use crate::ui::compare_dialog::CompareDialog;
use crate::ui::conflict_dialog::ConflictDialog;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::meeting::MeetingView;
use crate::ui::pack_dialog::PackDialog;
use crate::ui::raid::RaidView;
use crate::ui::timeline::TimelineView;

impl BoardApp {
    /// The open document.
    pub fn document(&self) -> Option<&Document> {
        self.doc()
    }

    /// The open document, to change behind the views' back (a colleague's
    /// edit in the same process, say).
    pub fn document_mut(&mut self) -> Option<&mut Document> {
        self.doc_mut()
    }

    /// Opens `path` and waits for it (the window does not draw meanwhile).
    pub fn open_now(&mut self, path: &Path) {
        self.open_in_background(path);
        self.finish_job_now(JobKind::Open);
    }

    /// Waits for the running save, if any, and takes its result.
    pub fn wait_for_save(&mut self) {
        self.finish_job_now(JobKind::Save);
    }

    /// Waits for the running job of `kind` and runs what it found.
    fn finish_job_now(&mut self, kind: JobKind) {
        match self.jobs.wait(kind) {
            Some(Ok(finish)) => finish(self),
            Some(Err(e)) => self.job_failed(kind, &e),
            None => {}
        }
    }

    /// Writes the journal of unsaved edits now and waits for it.
    pub fn journal_now(&mut self) {
        self.jobs.cancel(JobKind::Journal);
        let Some(dir) = self.settings.journal_dir.clone() else {
            return;
        };
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let write = super::shared_file::journal_write(&session.doc, &mut session.journal, dir);
        if let Some(Err(e)) = write() {
            panic!("the journal was not written: {e}");
        }
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.views.tab
    }

    /// Shows a tab (as clicking its name does).
    pub fn show_tab(&mut self, tab: Tab) {
        self.views.tab = tab;
    }

    /// The programme chosen in the side panel.
    pub fn selected_programme(&self) -> Option<&Id> {
        self.views.selection.programme.as_ref()
    }

    /// Chooses a programme (as clicking it in the side panel does).
    pub fn select_programme(&mut self, id: Option<Id>) {
        self.views.selection.programme = id;
    }

    /// Whether only what changed since the earlier board is shown.
    pub fn changes_only(&self) -> bool {
        self.views.selection.changes_only
    }

    /// The Timeline tab's state.
    pub fn timeline(&self) -> &TimelineView {
        &self.views.timeline
    }

    /// The Timeline tab's state, to set up.
    pub fn timeline_mut(&mut self) -> &mut TimelineView {
        &mut self.views.timeline
    }

    /// The RAID tab's state.
    pub fn raid(&self) -> &RaidView {
        &self.views.raid
    }

    /// The RAID tab's state, to set up.
    pub fn raid_mut(&mut self) -> &mut RaidView {
        &mut self.views.raid
    }

    /// The Schedule tab's state.
    pub fn schedule(&self) -> &crate::ui::schedule::ScheduleView {
        &self.views.schedule
    }

    /// The Schedule tab's state, to set up.
    pub fn schedule_mut(&mut self) -> &mut crate::ui::schedule::ScheduleView {
        &mut self.views.schedule
    }

    /// The Budget tab's state, to set up.
    pub fn budget_mut(&mut self) -> &mut BudgetView {
        &mut self.views.budget
    }

    /// The meeting, while it is on.
    pub fn meeting(&self) -> Option<&MeetingView> {
        self.views.meeting.as_ref()
    }

    /// The earlier board compared with.
    pub fn since(&self) -> Option<&SinceBoard> {
        self.views.since.as_ref()
    }

    /// The newest notice.
    pub fn notice(&self) -> Option<&Notice> {
        self.notices.latest()
    }

    /// Every notice, oldest first.
    pub fn notices(&self) -> &Notifications {
        &self.notices
    }

    /// Forgets every notice (a snapshot shows a status line with none).
    pub fn clear_notices(&mut self) {
        self.notices = Notifications::default();
    }

    /// The user's preferences as they will be kept.
    pub fn preferences(&self) -> &super::settings::Preferences {
        &self.settings.preferences
    }

    /// Sets the typed-path field (a snapshot pins it so images match anywhere).
    pub fn set_path_text(&mut self, text: &str) {
        self.views.path_text = text.to_string();
    }

    /// The error of the last file that failed to open.
    pub fn load_error(&self) -> Option<&str> {
        self.open_error.as_deref()
    }

    /// Journalled edits offered back, with what they change.
    pub fn recovery(&self) -> Option<(&JournalEntry, &[String])> {
        let r = self.session.as_ref()?.banners.recovery.as_ref()?;
        Some((&r.entry, &r.changes))
    }

    /// What a colleague changed on disk, while the banner offers to merge it.
    pub fn colleague_saved(&self) -> Option<&[String]> {
        self.session.as_ref()?.banners.colleague_saved.as_deref()
    }

    /// Whose save the running save waits for, once it has waited a moment.
    pub fn saving_waits_for(&self) -> Option<&str> {
        self.waiting_for()
    }

    /// How long the running save has taken so far.
    pub fn saving_for(&self) -> Option<std::time::Duration> {
        self.jobs.running(JobKind::Save).map(|(_, t)| t)
    }

    /// The conflict copies the banner offers.
    pub fn conflict_copies(&self) -> &[FoundCopy] {
        self.session
            .as_ref()
            .map_or(&[], |s| s.banners.conflict_copies.as_slice())
    }

    /// What waits for the running save (opening a board, closing).
    pub fn waiting_for_save(&self) -> Option<&super::modal::AfterSave> {
        self.commands.waiting.as_ref()
    }

    /// The dialog shown.
    pub fn modal(&self) -> &Modal {
        &self.modal
    }

    /// The conflict dialog, if shown.
    pub fn conflict_dialog(&self) -> Option<&ConflictDialog> {
        match &self.modal {
            Modal::Conflict(d) => Some(d),
            _ => None,
        }
    }

    /// "Save changes first?", if asked.
    pub fn leave_prompt(&self) -> Option<&Leaving> {
        match &self.modal {
            Modal::Leave(l) => Some(l),
            _ => None,
        }
    }

    /// The board pack dialog, if shown.
    pub fn pack_dialog(&self) -> Option<&PackDialog> {
        match &self.modal {
            Modal::Pack(d) => Some(d),
            _ => None,
        }
    }

    /// The chart export dialog, if shown.
    pub fn chart_dialog(&self) -> Option<&ChartDialog> {
        match &self.modal {
            Modal::Chart(d) => Some(d),
            _ => None,
        }
    }

    /// The chart export dialog, to set up.
    pub fn chart_dialog_mut(&mut self) -> Option<&mut ChartDialog> {
        match &mut self.modal {
            Modal::Chart(d) => Some(d),
            _ => None,
        }
    }

    /// The import dialog, if shown.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        match &self.modal {
            Modal::Import(d) => Some(d),
            _ => None,
        }
    }

    /// The import dialog, to set up.
    pub fn import_dialog_mut(&mut self) -> Option<&mut ImportDialog> {
        match &mut self.modal {
            Modal::Import(d) => Some(d),
            _ => None,
        }
    }

    /// The plan import dialog, if shown.
    pub fn plan_dialog(&self) -> Option<&crate::ui::plan_dialog::PlanDialog> {
        match &self.modal {
            Modal::Plan(d) => Some(d),
            _ => None,
        }
    }

    /// The plan import dialog, to set up.
    pub fn plan_dialog_mut(&mut self) -> Option<&mut crate::ui::plan_dialog::PlanDialog> {
        match &mut self.modal {
            Modal::Plan(d) => Some(d),
            _ => None,
        }
    }

    /// The register export dialog, if shown.
    pub fn register_dialog(&self) -> Option<&crate::ui::register_dialog::RegisterDialog> {
        match &self.modal {
            Modal::Register(d) => Some(d),
            _ => None,
        }
    }

    /// The compare dialog, if shown.
    pub fn compare_dialog(&self) -> Option<&CompareDialog> {
        match &self.modal {
            Modal::Compare(d) => Some(d),
            _ => None,
        }
    }

    /// Whether a save is running.
    pub fn is_saving(&self) -> bool {
        self.saving()
    }

    /// Whether a board is being opened.
    pub fn is_opening(&self) -> bool {
        self.opening()
    }

    /// Whether a colleague's changes are being taken in.
    pub fn is_merging(&self) -> bool {
        self.jobs.is_running(JobKind::Merge)
    }

    /// Whether a side file (a copy, an export, the meeting's or the update's
    /// copy) is being written.
    pub fn is_writing_side_files(&self) -> bool {
        self.jobs.is_running(JobKind::SideFile) || self.jobs.is_running(JobKind::KeepUpdateCopy)
    }

    /// Whether the import dialog waits on the spreadsheet or the plan.
    pub fn is_importing(&self) -> bool {
        [
            JobKind::ImportRead,
            JobKind::ImportPlan,
            JobKind::PlanRead,
            JobKind::PlanImport,
        ]
        .into_iter()
        .any(|k| self.jobs.is_running(k))
    }

    /// Whether a board pack is being made.
    pub fn is_making_pack(&self) -> bool {
        self.jobs.is_running(JobKind::Pack)
    }

    /// Whether a chart is being drawn.
    pub fn is_drawing_chart(&self) -> bool {
        self.jobs.is_running(JobKind::Chart)
    }

    /// Whether the folder is being looked at for conflict copies.
    pub fn is_looking_for_copies(&self) -> bool {
        self.jobs.is_running(JobKind::ConflictCopies)
    }

    /// Whether the earlier board is being read.
    pub fn is_reading_since(&self) -> bool {
        self.jobs.is_running(JobKind::Since)
    }

    /// Whether any job is running (a test waits for the window to be still).
    pub fn is_busy(&self) -> bool {
        self.jobs.is_any_running()
    }
}
