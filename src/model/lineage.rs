//! Which saved versions a board was made from: how Boardroom finds the
//! version a conflict copy and the board both started from, so it can merge
//! them three-way instead of asking about every field that differs.

use serde::{Deserialize, Serialize};

/// How many versions a board file names: enough to reach back over a week
/// or two of saves by a busy office, at 19 bytes a version.
pub const LINEAGE_LEN: usize = 50;

/// The first format version whose files name the versions they were made
/// from ([`Board::saved_from`](super::Board::saved_from)).
pub const LINEAGE_VERSION: u32 = 3;

/// The saved versions a board was made from, nearest first: each is the first
/// 16 hex digits of the SHA-256 of a board file's bytes as saved. The first is
/// the file this one replaced; a merge names the versions of both sides.
///
/// It is not part of what a board says: two boards with the same programmes,
/// RAID log and meetings are equal whatever versions they descend from, so a
/// copy that differs only in its history is not "changed". It never clashes
/// in a merge: the merged board descends from both sides.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Lineage(Vec<String>);

impl From<Vec<String>> for Lineage {
    /// As read from a file: a hand-made list is kept to [`LINEAGE_LEN`]
    /// versions, each named once.
    fn from(versions: Vec<String>) -> Self {
        Lineage::new(versions)
    }
}

impl From<Lineage> for Vec<String> {
    fn from(lineage: Lineage) -> Self {
        lineage.0
    }
}

impl PartialEq for Lineage {
    fn eq(&self, _: &Self) -> bool {
        // See the type's docs: history is not content.
        true
    }
}

impl Lineage {
    /// A lineage of these versions, nearest first (kept to [`LINEAGE_LEN`],
    /// each named once).
    pub fn new<S: Into<String>>(versions: impl IntoIterator<Item = S>) -> Self {
        let mut lineage = Lineage(Vec::new());
        for v in versions {
            lineage.push(v.into());
        }
        lineage
    }

    /// Whether no version is named (a board never saved by this build).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The versions, nearest first.
    pub fn versions(&self) -> &[String] {
        &self.0
    }

    /// Whether `version` is one of them.
    pub fn contains(&self, version: &str) -> bool {
        self.0.iter().any(|v| v == version)
    }

    /// The lineage of a version saved over `version`, whose own lineage is
    /// `self`: `version` first, then these.
    pub fn after(&self, version: &str) -> Lineage {
        Lineage::new(std::iter::once(version).chain(self.0.iter().map(String::as_str)))
    }

    /// The lineage of a merge of two boards: both sides' versions, taken in
    /// turn so the nearest of each come first.
    pub fn combine(a: &Lineage, b: &Lineage) -> Lineage {
        let longest = a.0.len().max(b.0.len());
        let turns = (0..longest).flat_map(|i| [a.0.get(i), b.0.get(i)]);
        Lineage::new(turns.flatten().map(String::as_str))
    }

    fn push(&mut self, version: String) {
        if self.0.len() < LINEAGE_LEN && !version.is_empty() && !self.contains(&version) {
            self.0.push(version);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_puts_the_replaced_version_first_and_keeps_fifty() {
        let many = Lineage::new((0..LINEAGE_LEN).map(|i| format!("v{i}")));
        let next = many.after("new");
        assert_eq!(next.versions().len(), LINEAGE_LEN);
        assert_eq!(next.versions()[0], "new");
        assert_eq!(next.versions()[1], "v0");
        assert!(!next.contains(&format!("v{}", LINEAGE_LEN - 1)));
    }

    #[test]
    fn a_merge_takes_both_sides_in_turn_once_each() {
        let a = Lineage::new(["a1", "common", "old"]);
        let b = Lineage::new(["b1", "b2", "common"]);
        let both = Lineage::combine(&a, &b);
        assert_eq!(both.versions(), ["a1", "b1", "common", "b2", "old"]);
    }

    #[test]
    fn history_is_not_content() {
        assert_eq!(Lineage::new(["x"]), Lineage::new(["y"]));
        assert!(Lineage::new(["x", "x", ""]).versions() == ["x"]);
    }
}
