//! RAID references that both sides took for different new entries.

use std::collections::HashSet;

use crate::model::Board;

/// Two officers who each add a risk get the same next reference. The
/// one on disk keeps it; the one added here takes the next free number.
pub(super) fn renumber_clashing_references(
    board: &mut Board,
    base: &Board,
    mine: &Board,
) -> Vec<(String, String)> {
    let base_ids: HashSet<&str> = base.raid.iter().map(|e| e.id.as_str()).collect();
    let mine_added: HashSet<String> = mine
        .raid
        .iter()
        .filter(|e| !base_ids.contains(e.id.as_str()))
        .map(|e| e.id.as_str().to_string())
        .collect();
    let mut taken: HashSet<String> = board
        .raid
        .iter()
        .filter(|e| !mine_added.contains(e.id.as_str()))
        .map(|e| e.reference.clone())
        .collect();
    let mut renumbered = Vec::new();
    for i in 0..board.raid.len() {
        let entry = &board.raid[i];
        if !mine_added.contains(entry.id.as_str()) {
            continue;
        }
        if taken.contains(&entry.reference) {
            let prefix = format!("{}-", entry.kind().prefix());
            let highest = taken
                .iter()
                .filter_map(|r| r.strip_prefix(&prefix))
                .filter_map(|n| n.parse::<u64>().ok())
                .max()
                .unwrap_or(0);
            // Saturating: a hand-typed R-18446744073709551615 must not panic.
            let new = format!("{prefix}{:03}", highest.saturating_add(1));
            renumbered.push((entry.reference.clone(), new.clone()));
            board.raid[i].reference = new;
        }
        taken.insert(board.raid[i].reference.clone());
    }
    renumbered
}
