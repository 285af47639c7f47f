//! Meeting mode: the board on the projector, one slide at a time, driven by
//! the keys a presentation clicker sends (the meeting's commands, which the
//! shell's handler runs through the methods here). The slides are the scenes
//! [`crate::render::slides`] lays out on a 1920 × 1080 canvas, scaled to
//! the window. Nothing here edits the board: decisions and actions typed
//! during the meeting (D, A), and the ratings agreed (R), are kept in its [`Minutes`] until it ends, and
//! the shell records them then.

use egui::{Color32, Pos2, Rect, RichText, Sense, vec2};

use crate::analysis::actions::Minutes;
use crate::analysis::compare::Comparison;
use crate::analysis::headline::{Headline, headlines};
use crate::model::Board;
use crate::model::Subject;
use crate::render::scene::Scene;
use crate::render::slides::{HEIGHT, Meeting, Slide, WIDTH, deck, slide_scene, slide_title};
use crate::ui::commands::{Command, Scope};
use crate::ui::meeting_minutes::{FormOutcome, MinuteForm, MinuteKind};
use crate::ui::scene_paint::{self, Shade};

mod presenter;
mod reader;

/// Where the meeting has got to.
#[derive(Clone, Debug, Default)]
pub struct MeetingView {
    /// The slide shown, from 0.
    pub current: usize,
    /// The screen is blanked (B or `.`), as PowerPoint does.
    pub blank: bool,
    /// Digits typed to jump to a slide ("4", then Enter).
    pub typed: String,
    /// What the meeting has decided and the actions it has given so far.
    pub minutes: Option<Minutes>,
    /// The decision or action being typed, if any: the slide keys wait.
    pub form: Option<MinuteForm>,
    slides: Vec<Slide>,
    /// Every programme's headline, worked out once per revision: the
    /// portfolio and each programme's slide read them.
    headlines: Vec<Headline>,
    key: Option<DeckKey>,
    /// The slides shown (the current one, and the next in the presenter
    /// view), each laid out once: a slide changes only with the board, so a
    /// frame only paints.
    scenes: Vec<((DeckKey, usize), Scene)>,
    /// The presenter's own window is open (Alt+F5): the current and next
    /// slide, the agenda, the time, and decision entry.
    pub presenter: bool,
    /// The slides were sent to the second display when the presenter view
    /// first opened.
    pub slides_sent_to_second_display: bool,
    /// When the meeting started, for the presenter's clock.
    started: Option<std::time::Instant>,
}

/// What the deck was made from: the board's revision, the comparison's
/// earlier board (its as-at date and how many records it shares), and how
/// many decisions and actions have been recorded.
type DeckKey = (u64, Option<(chrono::NaiveDate, usize)>, usize);

fn deck_key(revision: u64, since: Option<&Comparison>, minutes: Option<&Minutes>) -> DeckKey {
    let recorded = minutes.map_or(0, |m| m.meeting.decisions.len() + m.meeting.actions.len());
    (
        revision,
        since.map(|c| (c.from_as_at, c.common_records)),
        recorded,
    )
}

/// A move in the meeting, from a command or a click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Next,
    Previous,
    First,
    Last,
    Blank,
    Digit(char),
    /// Enter: jumps to the number typed, else goes on.
    Enter,
    /// D, or A: record a decision, or an action.
    Record(MinuteKind),
    /// Ctrl+Z: take back the decision or action recorded last.
    UndoMinute,
    /// A slide chosen from the agenda (the strip or the presenter's).
    GoTo(usize),
    /// The strip's button: open or close the presenter view (Alt+F5 is the
    /// shell's command, as the presenter's window has keys of its own).
    Presenter,
}

impl MeetingView {
    /// A meeting starting on the cover that records into `minutes`.
    pub fn with_minutes(minutes: Minutes) -> MeetingView {
        MeetingView {
            minutes: Some(minutes),
            started: Some(std::time::Instant::now()),
            ..MeetingView::default()
        }
    }

    fn meeting<'a>(&'a self, board: &'a Board, since: Option<&'a Comparison>) -> Meeting<'a> {
        Meeting {
            headlines: Some(&self.headlines),
            minutes: self.minutes.as_ref().map(|m| &m.meeting),
            ..Meeting::new(board, since)
        }
    }

    /// The slides, as last laid out.
    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    /// The deck for this board (rebuilt only when the board or the comparison changes).
    fn refresh(&mut self, board: &Board, since: Option<&Comparison>, revision: u64) {
        let key = deck_key(revision, since, self.minutes.as_ref());
        if self.key != Some(key) {
            self.headlines = headlines(board);
            self.slides = deck(self.meeting(board, since));
            self.key = Some(key);
            self.current = self.current.min(self.slides.len().saturating_sub(1));
        }
    }

    /// Whether a meeting command can run now: none while a decision or
    /// action is typed (the keys are its), and recording needs the minutes.
    pub fn can_run(&self, command: Command) -> bool {
        let needs_minutes = matches!(
            command,
            Command::RecordDecision
                | Command::RecordAction
                | Command::RecordRating
                | Command::UndoMinute
        );
        command.scope() == Scope::Meeting
            && self.form.is_none()
            && (!needs_minutes || self.minutes.is_some())
    }

    /// The next slide (the last stays).
    pub fn next_slide(&mut self) {
        self.step(Step::Next, None);
    }

    /// The previous slide (the cover stays).
    pub fn previous_slide(&mut self) {
        self.step(Step::Previous, None);
    }

    /// The cover.
    pub fn first_slide(&mut self) {
        self.step(Step::First, None);
    }

    /// The last slide.
    pub fn last_slide(&mut self) {
        self.step(Step::Last, None);
    }

    /// The slide whose number was typed, else the next.
    pub fn go_to_typed_slide(&mut self) {
        self.step(Step::Enter, None);
    }

    /// Blanks the screen, or shows the slide again.
    pub fn toggle_blank(&mut self) {
        self.step(Step::Blank, None);
    }

    /// Opens the panel to record a decision or an action, about the slide's
    /// programme to start with.
    pub fn start_minute(&mut self, kind: MinuteKind, board: &Board) {
        self.step(Step::Record(kind), Some(board));
    }

    /// Takes back the decision or action recorded last.
    pub fn undo_minute(&mut self) {
        self.step(Step::UndoMinute, None);
    }

    /// Draws the slide shown and the agenda strip, and takes the slide
    /// numbers typed; what is asked of the shell (leaving) goes to `commands`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        since: Option<&Comparison>,
        revision: u64,
        commands: &mut Vec<Command>,
    ) {
        self.refresh(board, since, revision);
        // While a decision or action is typed, the digits are its.
        if self.form.is_none() {
            for digit in typed_digits(ui) {
                self.step(Step::Digit(digit), Some(board));
            }
        }
        let full = ui.available_rect_before_wrap();
        let painter = ui.painter_at(full);
        painter.rect_filled(full, 0.0, Color32::BLACK);
        let total = self.slides.len();
        if self.blank || total == 0 {
            let r = ui.allocate_rect(full, Sense::click());
            let words = "Screen blanked: press B to show the slide";
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, words));
            reader::announce_ui(ui, "Blank: press B to show the slide again");
            return;
        }
        // The slide, as large as the window allows at 16:9.
        let scale = (full.width() / WIDTH).min(full.height() / HEIGHT);
        let size = vec2(WIDTH, HEIGHT) * scale;
        let rect = Rect::from_center_size(full.center(), size);
        let slide = self.slides[self.current].clone();
        if let Some(scene) = self.scene_for(board, since, revision, self.current) {
            scene_paint::paint_scaled(&painter, scene, rect.min, scale, Shade::Light);
        }
        let name = slide_title(board, &slide);
        let response = ui.interact(rect, ui.scope_id().with("slide"), Sense::click());
        let label = format!("Slide {} of {total}: {name}", self.current + 1);
        // A document: what is on the slide is read inside it, in order.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, &label));
        let reading = ui
            .ctx()
            .accesskit_node_builder(response.id, |_| ())
            .is_some();
        if reading && let Some(scene) = self.scene_for(board, since, revision, self.current) {
            let outline = scene.outline();
            reader::outline_ui(ui, response.id, &outline);
        }
        // The title first: it is what a listener waits for.
        reader::announce_ui(
            ui,
            &format!("{name} (slide {} of {total})", self.current + 1),
        );
        if response.clicked() && self.form.is_none() {
            self.step(Step::Next, Some(board));
        }
        // With the presenter view open, decisions are typed there.
        if self.form.is_some() && !self.presenter {
            // As tall as its fields, so most of the slide stays in view.
            let rows = match self.form.as_ref().map(|f| f.kind) {
                Some(MinuteKind::Action | MinuteKind::Rating) => 5.0_f32,
                _ => 4.0,
            };
            let tall = (rows * 46.0 + 40.0).min(rect.height());
            let panel = Rect::from_min_max(
                egui::pos2(rect.left() + 40.0, rect.bottom() - tall - 16.0),
                egui::pos2(rect.right() - 40.0, rect.bottom() - 16.0),
            );
            self.form_ui(ui, board, panel);
            return;
        }
        // The agenda strip, over the bottom of the slide while the pointer is there.
        let near_bottom = ui
            .input(|i| i.pointer.hover_pos())
            .is_some_and(|p| p.y > full.bottom() - 90.0 && full.contains(p));
        if near_bottom {
            self.strip_ui(ui, board, full, commands);
        }
    }

    /// Slide `index`, laid out (or as laid out before for this board).
    fn scene_for(
        &mut self,
        board: &Board,
        since: Option<&Comparison>,
        revision: u64,
        index: usize,
    ) -> Option<&Scene> {
        let slide = self.slides.get(index)?.clone();
        let key = (deck_key(revision, since, self.minutes.as_ref()), index);
        if let Some(i) = self.scenes.iter().position(|(k, _)| *k == key) {
            return self.scenes.get(i).map(|(_, s)| s);
        }
        let scene = slide_scene(
            self.meeting(board, since),
            &slide,
            index + 1,
            self.slides.len(),
        );
        // The current and the next slide are all a frame shows.
        if self.scenes.len() >= 2 {
            self.scenes.remove(0);
        }
        self.scenes.push((key, scene));
        self.scenes.last().map(|(_, s)| s)
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, board: &Board, panel: Rect) {
        let (Some(form), Some(minutes)) = (self.form.as_mut(), self.minutes.as_mut()) else {
            self.form = None;
            return;
        };
        match form.ui(ui, board, minutes, panel) {
            FormOutcome::Open => {}
            FormOutcome::Recorded | FormOutcome::Cancelled => self.form = None,
        }
    }

    /// What a decision or action on the slide shown is about to start with:
    /// its programme, else the board.
    fn slide_subject(&self, board: &Board) -> Subject {
        match self.slides.get(self.current) {
            Some(Slide::Programme(i)) => board
                .programmes
                .get(*i)
                .map_or(Subject::Board, |p| Subject::Programme(p.id.clone())),
            _ => Subject::Board,
        }
    }

    fn strip_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        full: Rect,
        commands: &mut Vec<Command>,
    ) {
        let strip = Rect::from_min_max(Pos2::new(full.left(), full.bottom() - 64.0), full.max);
        ui.painter_at(strip)
            .rect_filled(strip, 0.0, Color32::from_black_alpha(220));
        let inner = strip.shrink(10.0);
        // Leaving first, where it is always in view; the slides beside it scroll.
        let (leave_rect, slides_rect) = inner.split_left_right_at_x(inner.left() + 800.0);
        let mut leave_ui = ui.new_child(egui::UiBuilder::new().max_rect(leave_rect));
        leave_ui.horizontal(|ui| {
            let button = |text: &str| {
                egui::Button::new(RichText::new(text).size(16.0).color(Color32::WHITE))
                    .fill(Color32::from_gray(70))
            };
            if ui.add(button("Leave meeting (Esc)")).clicked() {
                commands.push(Command::LeaveMeeting);
            }
            for (text, kind) in [
                ("Decision (D)", MinuteKind::Decision),
                ("Action (A)", MinuteKind::Action),
                ("Rating (R)", MinuteKind::Rating),
            ] {
                if ui.add(button(text)).clicked() {
                    self.start_minute(kind, board);
                }
            }
            if ui.add(button("Presenter view (Alt+F5)")).clicked() {
                self.step(Step::Presenter, Some(board));
            }
        });
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(slides_rect));
        egui::ScrollArea::horizontal().show(&mut child, |ui| {
            ui.horizontal(|ui| {
                for (i, slide) in self.slides.clone().iter().enumerate() {
                    let name = slide_title(board, slide);
                    let text = RichText::new(format!("{} {name}", i + 1))
                        .size(16.0)
                        .color(Color32::WHITE);
                    let fill = if i == self.current {
                        crate::ui::theme::BLUE
                    } else {
                        Color32::from_gray(70)
                    };
                    let r = ui.add(egui::Button::new(text).fill(fill));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Go to slide {}: {name}", i + 1),
                        )
                    });
                    if r.clicked() {
                        self.step(Step::GoTo(i), Some(board));
                    }
                }
            });
        });
    }

    /// Makes a move; `board` is needed only to record a minute (its subject).
    fn step(&mut self, step: Step, board: Option<&Board>) {
        let last = self.slides.len().saturating_sub(1);
        match step {
            Step::Next => self.current = (self.current + 1).min(last),
            Step::Previous => self.current = self.current.saturating_sub(1),
            Step::First => self.current = 0,
            Step::Last => self.current = last,
            Step::Blank => self.blank = !self.blank,
            Step::Digit(d) => {
                if self.typed.len() < 4 {
                    self.typed.push(d);
                }
            }
            Step::Enter => match self.typed.parse::<usize>() {
                Ok(n) => self.current = n.clamp(1, last + 1) - 1,
                Err(_) => self.current = (self.current + 1).min(last),
            },
            Step::Record(kind) => {
                if self.minutes.is_some()
                    && let Some(board) = board
                {
                    self.form = Some(MinuteForm::new(kind, self.slide_subject(board)));
                }
            }
            Step::UndoMinute => {
                if let Some(m) = self.minutes.as_mut() {
                    m.undo_last();
                }
            }
            Step::Presenter => self.presenter = !self.presenter,
            Step::GoTo(i) => self.current = i.min(last),
        }
        if !matches!(step, Step::Digit(_)) {
            self.typed.clear();
        }
        // Any move shows the screen again.
        if !matches!(step, Step::Blank | Step::Digit(_)) {
            self.blank = false;
        }
    }
}

/// The digits typed this frame: a number, then Enter, jumps to that slide.
/// (The other keys are the meeting's commands: [`Command::scope`] is
/// [`Scope::Meeting`].)
fn typed_digits(ui: &egui::Ui) -> Vec<char> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Text(t) => Some(t.chars().filter(char::is_ascii_digit)),
                _ => None,
            })
            .flatten()
            .collect()
    })
}
