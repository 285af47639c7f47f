//! The presenter view: the chair's own window during the meeting, while the
//! slides fill the projector. It shows the slide on screen and the next one,
//! the agenda, the time since the meeting began, and where decisions and
//! actions are typed, so the room sees only the slides.

use egui::{Color32, Rect, RichText, vec2};

use super::{MeetingView, Step, typed_digits};
use crate::analysis::compare::Comparison;
use crate::model::Board;
use crate::render::slides::{HEIGHT, WIDTH, slide_title};
use crate::ui::commands::{self, Command, Scope};
use crate::ui::meeting_minutes::MinuteKind;
use crate::ui::scene_paint::{self, Shade};

/// "12:34", or "1:02:03" past the hour.
pub(super) fn clock(elapsed: std::time::Duration) -> String {
    let s = elapsed.as_secs();
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Whether `command`'s key works in the presenter's own window: the
/// meeting's own (`meeting_can_run` says whether the meeting would run it
/// now) and those that work everywhere, Save first: a chair typing the
/// minutes there saves with Ctrl+S as in the slides.
pub(super) fn presenter_key_works(command: Command, meeting_can_run: bool) -> bool {
    match command.scope() {
        Scope::Everywhere => true,
        Scope::Meeting => meeting_can_run,
        _ => false,
    }
}

impl MeetingView {
    /// Draws the presenter view in its own window (`own_window`) or, where
    /// the system cannot open one, a window inside the slides; in its own
    /// window it follows the keys pressed there (inside the slides, the
    /// shell's shortcuts already do): the meeting's commands pressed there
    /// and what its buttons ask of the shell go to `commands`.
    pub fn presenter_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        since: Option<&Comparison>,
        revision: u64,
        own_window: bool,
        commands: &mut Vec<Command>,
    ) {
        self.refresh(board, since, revision);
        if own_window {
            let here = |c: Command| presenter_key_works(c, self.can_run(c));
            commands.extend(commands::pressed(ui.ctx(), here));
            if self.form.is_none() {
                for digit in typed_digits(ui) {
                    self.step(Step::Digit(digit), Some(board));
                }
            }
        }
        let total = self.slides.len();
        let elapsed = self.started.map(|t| t.elapsed()).unwrap_or_default();
        // The clock moves on its own.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
        ui.horizontal(|ui| {
            let name = self
                .slides
                .get(self.current)
                .map(|s| slide_title(board, s))
                .unwrap_or_default();
            ui.label(
                RichText::new(format!("{} of {total}: {name}", self.current + 1))
                    .size(22.0)
                    .strong(),
            );
            ui.separator();
            ui.label(RichText::new(format!("Elapsed {}", clock(elapsed))).size(22.0));
            if self.blank {
                ui.label(
                    RichText::new("Screen blanked")
                        .size(22.0)
                        .color(Color32::RED),
                );
            }
        });
        ui.horizontal(|ui| {
            if ui.button("◀ Previous").clicked() {
                self.previous_slide();
            }
            if ui.button("Next ▶").clicked() {
                self.next_slide();
            }
            if ui.button("Decision (D)").clicked() {
                self.start_minute(MinuteKind::Decision, board);
            }
            if ui.button("Action (A)").clicked() {
                self.start_minute(MinuteKind::Action, board);
            }
            if ui.button("Rating (R)").clicked() {
                self.start_minute(MinuteKind::Rating, board);
            }
            let recorded = self
                .minutes
                .as_ref()
                .map_or(0, |m| m.meeting.decisions.len() + m.meeting.actions.len());
            ui.label(format!("{recorded} recorded"));
            if ui.button("End meeting (Esc)").clicked() {
                commands.push(Command::LeaveMeeting);
            }
        });
        ui.separator();
        let area = ui.available_rect_before_wrap();
        let (slides_area, agenda_area) = area.split_left_right_at_x(area.right() - 260.0);
        // The slide on screen, large; the next one smaller beside it.
        let now_w = slides_area.width() * 0.62;
        let now = fit(Rect::from_min_size(
            slides_area.min,
            vec2(now_w, slides_area.height()),
        ));
        let next_rect = fit(Rect::from_min_size(
            slides_area.min + vec2(now_w + 16.0, 28.0),
            vec2(
                slides_area.width() - now_w - 16.0,
                slides_area.height() - 28.0,
            ),
        ));
        let painter = ui.painter_at(slides_area);
        let current = self.current;
        if let Some(scene) = self.scene_for(board, since, revision, current) {
            scene_paint::paint_scaled(&painter, scene, now.min, now.width() / WIDTH, Shade::Light);
        }
        let next = current + 1;
        let mut next_words = "Last slide".to_string();
        if next < total {
            if let Some(scene) = self.scene_for(board, since, revision, next) {
                let k = next_rect.width() / WIDTH;
                scene_paint::paint_scaled(&painter, scene, next_rect.min, k, Shade::Light);
            }
            let title = slide_title(board, &self.slides[next]);
            next_words = format!("Next: {title}");
        }
        let caption = Rect::from_min_size(
            slides_area.min + vec2(now_w + 16.0, 0.0),
            vec2(slides_area.width() - now_w - 16.0, 24.0),
        );
        let mut caption_ui = ui.new_child(egui::UiBuilder::new().max_rect(caption));
        caption_ui.add(egui::Label::new(RichText::new(next_words).size(18.0)).truncate());
        // The agenda: a button per slide.
        let mut agenda = ui.new_child(egui::UiBuilder::new().max_rect(agenda_area.shrink(6.0)));
        agenda.label(RichText::new("Agenda").strong());
        egui::ScrollArea::vertical()
            .id_salt("presenter-agenda")
            .show(&mut agenda, |ui| {
                for (i, slide) in self.slides.clone().iter().enumerate() {
                    let name = slide_title(board, slide);
                    let r = ui.selectable_label(i == current, format!("{} {name}", i + 1));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Presenter: go to slide {}: {name}", i + 1),
                        )
                    });
                    if r.clicked() {
                        self.step(Step::GoTo(i), Some(board));
                    }
                }
            });
        if self.form.is_some() {
            let tall = 5.0 * 46.0 + 40.0;
            let panel = Rect::from_min_max(
                egui::pos2(now.left(), (now.bottom() - tall).max(now.top())),
                egui::pos2(now.right(), now.bottom()),
            );
            self.form_ui(ui, board, panel);
        }
    }
}

/// The largest 16:9 rectangle in `r`, at its top left.
fn fit(r: Rect) -> Rect {
    let k = (r.width() / WIDTH).min(r.height() / HEIGHT).max(0.0);
    Rect::from_min_size(r.min, vec2(WIDTH, HEIGHT) * k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_reads_minutes_and_hours() {
        let secs = std::time::Duration::from_secs;
        assert_eq!(clock(secs(0)), "0:00");
        assert_eq!(clock(secs(754)), "12:34");
        assert_eq!(clock(secs(3723)), "1:02:03");
    }

    #[test]
    fn save_and_the_meetings_keys_work_in_the_presenters_window() {
        assert!(presenter_key_works(Command::Save, false));
        assert!(presenter_key_works(Command::RecordDecision, true));
        assert!(
            !presenter_key_works(Command::RecordDecision, false),
            "not while the meeting would refuse it"
        );
        // The board window's own commands stay there.
        assert!(!presenter_key_works(Command::NewRaidEntry, true));
        assert!(!presenter_key_works(Command::Open, true));
    }
}
