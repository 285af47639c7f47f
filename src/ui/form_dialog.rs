//! A dialog that is a form: a heading, labelled fields in two columns, why
//! the last attempt was refused, and a button that acts with Cancel beside
//! it (Esc cancels too). New board, Board settings and the programme
//! dialogs are drawn with it.

use egui::RichText;

use crate::ui::theme;

/// What a form's buttons asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormAnswer {
    /// Nothing yet.
    Waiting,
    /// The button that acts was clicked.
    Go,
    /// Cancel was clicked, or Esc pressed.
    Cancel,
}

/// The form's parts.
pub struct Form<'a> {
    /// The heading, which also names the form's grid.
    pub heading: &'a str,
    /// Why the last attempt was refused, if it was.
    pub error: Option<&'a str>,
    /// The button that acts, and its tooltip.
    pub go: (&'a str, &'a str),
}

impl Form<'_> {
    /// Draws the form modally: `fields` in a two-column grid (each row a
    /// label, its input, then `end_row`), then `below`, then the buttons.
    pub fn show(
        self,
        ctx: &egui::Context,
        fields: impl FnOnce(&mut egui::Ui),
        below: impl FnOnce(&mut egui::Ui),
    ) -> FormAnswer {
        let mut answer = FormAnswer::Waiting;
        // In a small window (or at 200% zoom) the form scrolls both ways
        // above its buttons, rather than running off the screen (WCAG 1.4.10).
        let screen = ctx.content_rect().size();
        let small = screen.x < 760.0 || screen.y < 600.0;
        egui::Modal::new(egui::Id::unique(self.heading)).show(ctx, |ui| {
            let body = |ui: &mut egui::Ui| {
                ui.heading(self.heading);
                ui.add_space(6.0);
                egui::Grid::new(self.heading)
                    .num_columns(2)
                    .spacing([12.0, 10.0])
                    .show(ui, fields);
                below(ui);
                if let Some(error) = self.error {
                    ui.add_space(6.0);
                    ui.label(RichText::new(format!("⚠ {error}")).color(theme::warning_text(ui)));
                }
            };
            if small {
                egui::ScrollArea::both()
                    .max_width(screen.x - 64.0)
                    .max_height(screen.y - 140.0)
                    .show(ui, body);
            } else {
                ui.set_width(600.0);
                body(ui);
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let (go, tip) = self.go;
                if ui.button(go).on_hover_text(tip).clicked() {
                    answer = FormAnswer::Go;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = FormAnswer::Cancel;
                }
            });
        });
        answer
    }
}

/// A row of a form's grid: a label and the one-line (or, `multiline`,
/// three-line) text field it names.
pub fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, multiline: bool) {
    let label = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(text)
    };
    ui.add(edit.hint_text(hint).desired_width(400.0))
        .labelled_by(label.id);
    ui.end_row();
}

/// A row of a form's grid: a label and a drop-down of `choices`, each shown
/// in its `words`.
pub fn choice_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut T,
    choices: &[T],
    words: impl Fn(T) -> &'static str,
) {
    let label_response = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(words(*value))
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(value, *choice, words(*choice));
            }
        })
        .response
        .labelled_by(label_response.id);
    ui.end_row();
}
