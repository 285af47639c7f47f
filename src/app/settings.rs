//! The user's own settings: where unsaved edits and kept versions go, the
//! name history and presence show, the theme and the paper a pack starts
//! on. Given to the app when it starts ([`AppSettings`]); Edit ▸
//! Preferences… edits the user's part, kept in eframe's storage (the user's
//! config folder, never beside a shared board).

use std::path::PathBuf;

pub use crate::ui::preferences_dialog::{PaperChoice, Preferences, ThemeChoice};

/// Where the preferences are kept in eframe's storage.
pub const PREFERENCES_KEY: &str = "boardroom_preferences";

/// Where the display name was kept before Preferences existed; still read,
/// so a name set then is kept.
pub const DISPLAY_NAME_KEY: &str = "boardroom_display_name";

/// Everything the app is started with that is the user's, not the board's.
#[derive(Clone, Debug)]
pub struct AppSettings {
    /// Where unsaved edits are journalled (`None`: not journalled, as in
    /// tests that do not ask for it).
    pub journal_dir: Option<PathBuf>,
    /// Where the versions opened and saved are kept, to merge conflict
    /// copies three-way (`None`: not kept).
    pub versions_dir: Option<PathBuf>,
    /// The user's preferences.
    pub preferences: Preferences,
    /// The operating system's account name, used when no display name is set.
    pub account_name: String,
}

impl Default for AppSettings {
    /// No journal, no kept versions, default preferences, the account's name.
    fn default() -> Self {
        AppSettings {
            journal_dir: None,
            versions_dir: None,
            preferences: Preferences::default(),
            account_name: crate::user::current_user(),
        }
    }
}

impl AppSettings {
    /// The settings of an app run by a user: the data folders, the
    /// preferences kept in `storage`, the account name.
    pub fn for_user(storage: Option<&dyn eframe::Storage>) -> Self {
        AppSettings {
            journal_dir: crate::store::journal::default_dir(),
            versions_dir: crate::store::versions::default_dir(),
            preferences: load_preferences(storage),
            account_name: crate::user::current_user(),
        }
    }

    /// The name the RAID history and presence show.
    pub fn user_name(&self) -> &str {
        let set = self.preferences.display_name.trim();
        if set.is_empty() {
            &self.account_name
        } else {
            set
        }
    }
}

/// The preferences kept in `storage` (defaults where there are none),
/// taking a display name kept by an earlier version.
pub fn load_preferences(storage: Option<&dyn eframe::Storage>) -> Preferences {
    let Some(storage) = storage else {
        return Preferences::default();
    };
    let mut preferences: Preferences =
        eframe::get_value(storage, PREFERENCES_KEY).unwrap_or_default();
    if preferences.display_name.trim().is_empty()
        && let Some(name) = eframe::get_value::<String>(storage, DISPLAY_NAME_KEY)
    {
        preferences.display_name = name;
    }
    preferences
}

/// Keeps the preferences in `storage`.
pub fn store_preferences(storage: &mut dyn eframe::Storage, preferences: &Preferences) {
    eframe::set_value(storage, PREFERENCES_KEY, preferences);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_display_name_wins_over_the_account_name_unless_blank() {
        let mut s = AppSettings {
            account_name: "jsmith".into(),
            ..AppSettings::default()
        };
        assert_eq!(s.user_name(), "jsmith");
        s.preferences.display_name = "  ".into();
        assert_eq!(s.user_name(), "jsmith");
        s.preferences.display_name = " J. Smith ".into();
        assert_eq!(s.user_name(), "J. Smith");
    }

    #[test]
    fn preferences_read_back_and_an_older_name_is_taken() {
        #[derive(Default)]
        struct Memory(std::collections::HashMap<String, String>);
        impl eframe::Storage for Memory {
            fn get_string(&self, key: &str) -> Option<String> {
                self.0.get(key).cloned()
            }
            fn set_string(&mut self, key: &str, value: String) {
                self.0.insert(key.into(), value);
            }
            fn remove_string(&mut self, key: &str) {
                self.0.remove(key);
            }
            fn flush(&mut self) {}
        }
        let mut memory = Memory::default();
        eframe::set_value(&mut memory, DISPLAY_NAME_KEY, &"Old Name".to_string());
        assert_eq!(load_preferences(Some(&memory)).display_name, "Old Name");
        let chosen = Preferences {
            display_name: "New Name".into(),
            theme: ThemeChoice::Dark,
            paper: PaperChoice::A3,
            zoom_percent: 200,
        };
        store_preferences(&mut memory, &chosen);
        assert_eq!(load_preferences(Some(&memory)), chosen);
        assert_eq!(load_preferences(None), Preferences::default());
    }
}
