//! A file's path in a dialog: its label, the single-line field the label
//! names for screen readers, and, where the dialog offers one, Browse….
//!
//! The typed field is always there: the system's file dialog may not open at
//! all (no portal, a locked-down desktop), and rfd answers `None` both on
//! Cancel and when no dialog could open, so typing is the way that always
//! works. Browse… only asks; the shell runs the dialog off the UI thread and
//! hands its answer to [`take_picked`].

use std::path::PathBuf;

use egui::RichText;

/// A labelled path field, drawn on one row.
#[must_use = "call `show` to draw the field"]
pub struct PathField<'a> {
    label: &'a str,
    path: &'a mut String,
    width: f32,
    hint: Option<&'a str>,
    browsing: Option<bool>,
}

/// What happened to a path field this frame.
pub struct PathFieldResponse {
    /// The text field itself.
    pub field: egui::Response,
    /// Enter was pressed in the field.
    pub submitted: bool,
    /// Browse… was clicked: the shell should open the file dialog.
    pub browse: bool,
}

impl<'a> PathField<'a> {
    /// A field for `path` named by `label` ("Save as:").
    pub fn new(label: &'a str, path: &'a mut String) -> Self {
        PathField {
            label,
            path,
            width: 420.0,
            hint: None,
            browsing: None,
        }
    }

    /// How wide the text field is, in points.
    pub fn desired_width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Grey text shown while the field is empty.
    pub fn hint_text(mut self, hint: &'a str) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Adds Browse…; `browsing` while the file dialog is open, which
    /// disables the button and says where to look.
    pub fn browse(mut self, browsing: bool) -> Self {
        self.browsing = Some(browsing);
        self
    }

    /// Draws the row.
    pub fn show(self, ui: &mut egui::Ui) -> PathFieldResponse {
        self.show_with(ui, |_, _| ()).0
    }

    /// Draws the row with `more` (such as a Read button) after Browse…;
    /// `more` is given the path as it is after this frame's typing.
    pub fn show_with<R>(
        self,
        ui: &mut egui::Ui,
        more: impl FnOnce(&mut egui::Ui, &str) -> R,
    ) -> (PathFieldResponse, R) {
        let PathField {
            label,
            path,
            width,
            hint,
            browsing,
        } = self;
        let row = ui.horizontal(|ui| {
            let label = ui.label(label);
            let mut edit = egui::TextEdit::singleline(path).desired_width(width);
            if let Some(hint) = hint {
                edit = edit.hint_text(hint);
            }
            let field = ui.add(edit).labelled_by(label.id);
            let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let browse = browsing.is_some_and(|browsing| {
                ui.add_enabled(!browsing, egui::Button::new("Browse…"))
                    .clicked()
            });
            let more = more(ui, path);
            (
                PathFieldResponse {
                    field,
                    submitted,
                    browse,
                },
                more,
            )
        });
        if browsing == Some(true) {
            ui.label(RichText::new("Choose the file in the dialog…").italics());
        }
        row.inner
    }
}

/// Takes the file dialog's answer into `path`: a chosen file replaces what
/// was typed; `None` (Cancel, or no dialog could open) keeps it. True when
/// a file was chosen.
pub fn take_picked(path: &mut String, picked: Option<PathBuf>) -> bool {
    match picked {
        Some(picked) => {
            *path = picked.display().to_string();
            true
        }
        None => false,
    }
}

/// Gives a typed path the extension of the format chosen; an empty path
/// stays as typed, so choosing a format never invents a file name.
pub fn set_extension(path: &mut String, extension: &str) {
    let trimmed = path.trim();
    if !trimmed.is_empty() {
        *path = std::path::Path::new(trimmed)
            .with_extension(extension)
            .display()
            .to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    #[test]
    fn a_chosen_file_replaces_the_typed_path_and_none_keeps_it() {
        let mut path = "/typed/board.ron".to_string();
        assert!(!take_picked(&mut path, None));
        assert_eq!(path, "/typed/board.ron");
        assert!(take_picked(&mut path, Some(PathBuf::from("/chosen/b.ron"))));
        assert_eq!(path, PathBuf::from("/chosen/b.ron").display().to_string());
    }

    #[test]
    fn the_extension_follows_the_format_and_an_empty_path_stays_empty() {
        let mut path = " /boards/ict.svg ".to_string();
        set_extension(&mut path, "png");
        assert_eq!(path, "/boards/ict.png");
        let mut empty = "  ".to_string();
        set_extension(&mut empty, "png");
        assert_eq!(empty, "  ");
    }

    /// The field's text, whether Browse… was clicked, and whether Enter was
    /// pressed in the field, over the frames a harness runs.
    #[derive(Default)]
    struct Seen {
        path: String,
        browsing: bool,
        browse: bool,
        submitted: bool,
    }

    fn harness() -> Harness<'static, Seen> {
        Harness::builder()
            .with_context_setup(crate::ui::theme::apply)
            .build_ui_state(
                |ui, seen: &mut Seen| {
                    let response = PathField::new("Earlier board:", &mut seen.path)
                        .browse(seen.browsing)
                        .show(ui);
                    seen.browse |= response.browse;
                    seen.submitted |= response.submitted;
                },
                Seen::default(),
            )
    }

    #[test]
    fn the_label_names_the_field_and_enter_and_browse_are_reported() {
        let mut h = harness();
        h.get_by_role_and_label(Role::TextInput, "Earlier board:")
            .focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Earlier board:")
            .type_text("/b/last.ron");
        h.run();
        assert!(!h.state().submitted);
        h.key_press(egui::Key::Enter);
        h.run();
        assert_eq!(h.state().path, "/b/last.ron");
        assert!(h.state().submitted);
        assert!(!h.state().browse);
        h.get_by_label("Browse…").click();
        h.run();
        assert!(h.state().browse);
        assert!(h.query_by_label("Choose the file in the dialog…").is_none());
    }

    #[test]
    fn while_browsing_the_button_waits_and_the_field_stays() {
        let mut h = harness();
        h.state_mut().browsing = true;
        h.run();
        assert!(h.get_by_label("Browse…").accesskit_node().is_disabled());
        assert!(h.query_by_label("Choose the file in the dialog…").is_some());
        assert!(
            h.query_by_role_and_label(Role::TextInput, "Earlier board:")
                .is_some()
        );
    }

    #[test]
    fn without_browse_there_is_no_button() {
        let mut path = String::new();
        let h = Harness::builder()
            .with_context_setup(crate::ui::theme::apply)
            .build_ui(|ui| {
                PathField::new("Save as:", &mut path).show(ui);
            });
        assert!(h.query_by_label("Browse…").is_none());
        assert!(
            h.query_by_role_and_label(Role::TextInput, "Save as:")
                .is_some()
        );
    }
}
