//! Recently opened boards, remembered between runs (in eframe's own storage, in
//! the user's config folder — never beside the shared board).

use std::path::{Path, PathBuf};

const KEY: &str = "boardroom_recent_files";
const MAX: usize = 8;

/// The recently opened board files, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Reads the list from eframe's storage (empty when there is none).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let paths: Vec<PathBuf> = storage
            .and_then(|s| eframe::get_value(s, KEY))
            .unwrap_or_default();
        RecentFiles { paths }
    }

    /// Writes the list to eframe's storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, &self.paths);
    }

    /// Puts a path at the top of the list (made absolute by the open's
    /// worker: finding the real path touches the disk).
    pub fn add(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.paths.insert(0, path.to_path_buf());
        self.paths.truncate(MAX);
    }

    /// The paths, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let mut r = RecentFiles::default();
        for i in 0..10 {
            r.add(Path::new(&format!("/nonexistent/b{i}.ron")));
        }
        r.add(Path::new("/nonexistent/b5.ron"));
        assert_eq!(r.paths().len(), MAX);
        assert_eq!(r.paths()[0], PathBuf::from("/nonexistent/b5.ron"));
        assert_eq!(
            r.paths().iter().filter(|p| p.ends_with("b5.ron")).count(),
            1
        );
    }
}
