//! The keyboard sheet (F1, Help ▸ Keyboard shortcuts): every command that
//! has a shortcut, grouped by where it works, with its keys written as the
//! user's operating system writes them. The rows come from the commands
//! themselves, so the sheet never lists a key that does something else.

use egui::{KeyboardShortcut, RichText};
use strum::VariantArray;

use super::commands::{Command, Scope};

/// One line of the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRow {
    /// The command.
    pub command: Command,
    /// Its keys, as written for the user ("PageDown, Right, …").
    pub keys: String,
}

/// The commands of one scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetGroup {
    /// Where they work.
    pub scope: Scope,
    /// The commands with a shortcut there, in the commands' order.
    pub rows: Vec<SheetRow>,
}

/// The sheet's groups, in the order of [`Scope`], each command with a
/// shortcut once, its keys written by `format` (the window's
/// `ctx.format_shortcut`). Scopes with no shortcut are left out.
pub fn sheet_rows(format: impl Fn(&KeyboardShortcut) -> String) -> Vec<SheetGroup> {
    Scope::VARIANTS
        .iter()
        .map(|scope| SheetGroup {
            scope: *scope,
            rows: Command::ALL
                .iter()
                .filter(|c| c.scope() == *scope && !c.shortcuts().is_empty())
                .map(|c| SheetRow {
                    command: *c,
                    keys: c
                        .shortcuts()
                        .iter()
                        .map(&format)
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
        })
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// The sheet while it is open.
#[derive(Clone, Debug, Default)]
pub struct KeyboardSheet;

impl KeyboardSheet {
    /// Draws the sheet as a modal window; false once closed (Esc, a click
    /// outside it, or its Close button).
    pub fn show(&mut self, ctx: &egui::Context) -> bool {
        let groups = sheet_rows(|s| ctx.format_shortcut(s));
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("keyboard-sheet")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.horizontal(|ui| {
                ui.heading("Keyboard shortcuts");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    close = ui.button("Close").clicked();
                });
            });
            let tall = (ctx.content_rect().height() - 160.0).max(200.0);
            egui::ScrollArea::vertical()
                .max_height(tall)
                .show(ui, |ui| groups_ui(ui, &groups));
        });
        !(close || modal.should_close())
    }
}

/// The groups as headed two-column lists: what it does, then its keys.
fn groups_ui(ui: &mut egui::Ui, groups: &[SheetGroup]) {
    for group in groups {
        ui.add_space(8.0);
        ui.label(RichText::new(group.scope.heading()).strong());
        egui::Grid::new(("keyboard-sheet", group.scope.heading()))
            .num_columns(2)
            .striped(true)
            .min_col_width(240.0)
            .show(ui, |ui| {
                for row in &group.rows {
                    ui.label(row.command.label())
                        .on_hover_text(row.command.tooltip());
                    ui.label(RichText::new(&row.keys).monospace());
                    ui.end_row();
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(s: &KeyboardShortcut) -> String {
        s.format(&egui::ModifierNames::NAMES, false)
    }

    #[test]
    fn every_command_with_a_shortcut_is_listed_once_under_its_scope() {
        let groups = sheet_rows(written);
        for command in Command::ALL {
            let places: Vec<Scope> = groups
                .iter()
                .flat_map(|g| g.rows.iter().map(move |r| (g.scope, r.command)))
                .filter(|(_, c)| c == command)
                .map(|(s, _)| s)
                .collect();
            if command.shortcuts().is_empty() {
                assert!(places.is_empty(), "{command:?} has no key to list");
            } else {
                assert_eq!(places, [command.scope()], "{command:?}");
            }
        }
    }

    #[test]
    fn each_row_writes_all_of_its_keys_as_the_os_does() {
        let groups = sheet_rows(written);
        let row = |c: Command| {
            groups
                .iter()
                .flat_map(|g| &g.rows)
                .find(|r| r.command == c)
                .map(|r| r.keys.clone())
        };
        assert_eq!(row(Command::PresenterView).as_deref(), Some("Alt+F5"));
        assert_eq!(
            row(Command::CommandPalette).as_deref(),
            Some("Ctrl+Shift+P")
        );
        let mac = sheet_rows(|s| s.format(&egui::ModifierNames::NAMES, true));
        let palette = mac
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.command == Command::CommandPalette);
        assert_eq!(palette.map(|r| r.keys.as_str()), Some("Shift+Cmd+P"));
        let next = row(Command::NextSlide).unwrap_or_default();
        assert_eq!(
            next.split(", ").count(),
            Command::NextSlide.shortcuts().len()
        );
        assert_eq!(row(Command::SaveMyCopy), None);
        // The groups come in the scopes' order, none empty.
        let scopes: Vec<Scope> = groups.iter().map(|g| g.scope).collect();
        let mut sorted = scopes.clone();
        sorted.sort();
        assert_eq!(scopes, sorted);
        assert!(groups.iter().all(|g| !g.rows.is_empty()));
    }
}
