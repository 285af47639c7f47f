//! Property tests of the three-way merge on generated boards: edits to different
//! records or fields always merge with nothing lost; the same field changed
//! differently always conflicts; merging is deterministic; merging with an
//! unchanged side gives the other side exactly.

use std::collections::{BTreeMap, HashSet};

use boardroom::generate::{BoardSize, generate_board};
use boardroom::model::{Board, Id, RaidStatus};
use boardroom::store::{Choice, merge};
use proptest::prelude::*;

/// One edit a user might make. Indices are taken modulo the list's length.
#[derive(Clone, Debug)]
enum Edit {
    RaidOwner(usize, String),
    RaidTitle(usize, String),
    RaidStatus(usize, u8),
    TaskName(usize, usize, String),
    TaskPercent(usize, usize, u8),
    DeleteRaid(usize),
    AddRaid(usize),
    /// Links entry `.0` to entry `.1` (a change to `.0`'s links).
    LinkRaid(usize, usize),
}

/// What an edit touches: a record (by id) and a field, `*` for the whole record.
fn target(board: &Board, edit: &Edit) -> Option<(String, &'static str)> {
    let raid = |i: usize| {
        board
            .raid
            .get(i % board.raid.len().max(1))
            .map(|e| e.id.to_string())
    };
    let task = |p: usize, t: usize| {
        let prog = board.programmes.get(p % board.programmes.len().max(1))?;
        prog.tasks
            .get(t % prog.tasks.len().max(1))
            .map(|t| t.id.to_string())
    };
    match edit {
        Edit::RaidOwner(i, _) => raid(*i).map(|id| (id, "owner")),
        Edit::RaidTitle(i, _) => raid(*i).map(|id| (id, "title")),
        Edit::RaidStatus(i, _) => raid(*i).map(|id| (id, "status")),
        Edit::TaskName(p, t, _) => task(*p, *t).map(|id| (id, "name")),
        Edit::TaskPercent(p, t, _) => task(*p, *t).map(|id| (id, "percent")),
        Edit::DeleteRaid(i) => raid(*i).map(|id| (id, "*")),
        Edit::AddRaid(_) => None,
        Edit::LinkRaid(i, _) => raid(*i).map(|id| (id, "links")),
    }
}

/// The record an edit makes a new link to, if it does.
fn link_target(board: &Board, edit: &Edit) -> Option<String> {
    match edit {
        Edit::LinkRaid(_, j) => board
            .raid
            .get(j % board.raid.len().max(1))
            .map(|e| e.id.to_string()),
        _ => None,
    }
}

/// Applies edits made on one side; `side` keeps added ids and references apart.
fn apply_edits(board: &mut Board, base: &Board, edits: &[Edit], side: &str) {
    // Indices refer to the base board, so resolve them to ids there.
    let targets: Vec<Option<(String, &str)>> = edits.iter().map(|e| target(base, e)).collect();
    for (n, (edit, target)) in edits.iter().zip(targets).enumerate() {
        let raid_pos = |b: &Board, id: &str| b.raid.iter().position(|e| e.id.as_str() == id);
        match (edit, target) {
            (Edit::RaidOwner(_, v), Some((id, _))) => {
                if let Some(i) = raid_pos(board, &id) {
                    board.raid[i].owner = format!("{side} {v}");
                }
            }
            (Edit::RaidTitle(_, v), Some((id, _))) => {
                if let Some(i) = raid_pos(board, &id) {
                    board.raid[i].title = format!("{side} {v}");
                }
            }
            (Edit::RaidStatus(_, s), Some((id, _))) => {
                if let Some(i) = raid_pos(board, &id) {
                    board.raid[i].status =
                        [RaidStatus::Open, RaidStatus::Monitoring, RaidStatus::Closed]
                            [*s as usize % 3];
                }
            }
            (Edit::TaskName(..), Some((id, _))) | (Edit::TaskPercent(..), Some((id, _))) => {
                for task in board.programmes.iter_mut().flat_map(|p| p.tasks.iter_mut()) {
                    if task.id.as_str() == id {
                        match edit {
                            Edit::TaskName(_, _, v) => task.name = format!("{side} {v}"),
                            Edit::TaskPercent(_, _, p) => task.percent_complete = *p,
                            _ => {}
                        }
                    }
                }
            }
            (Edit::DeleteRaid(_), Some((id, _))) => {
                if let Some(i) = raid_pos(board, &id) {
                    let removed = board.raid.remove(i);
                    // Keep the board valid: nothing may still link to it.
                    for e in &mut board.raid {
                        e.links.raid.retain(|l| l != &removed.id);
                    }
                    for d in board
                        .programmes
                        .iter_mut()
                        .flat_map(|p| p.delays.iter_mut())
                    {
                        d.raid.retain(|l| l != &removed.id);
                    }
                }
            }
            (Edit::LinkRaid(..), Some((id, _))) => {
                let linked = link_target(base, edit).and_then(|j| Id::new(j).ok());
                if let (Some(i), Some(j)) = (raid_pos(board, &id), linked)
                    && j.as_str() != id
                    && board.raid.iter().any(|e| e.id == j)
                    && !board.raid[i].links.raid.contains(&j)
                {
                    board.raid[i].links.raid.push(j);
                }
            }
            (Edit::AddRaid(seed), _) => {
                if let Some(template) = base.raid.get(seed % base.raid.len().max(1)).cloned() {
                    let mut entry = template;
                    entry.id =
                        Id::new(format!("{side}-added-{n}")).unwrap_or_else(|e| panic!("{e}"));
                    let prefix = if side == "mine" { 500 } else { 700 };
                    entry.reference = format!("{}-{}", entry.kind().prefix(), prefix + n);
                    entry.title = format!("{side} added {n}");
                    entry.links = Default::default();
                    board.raid.push(entry);
                }
            }
            _ => {}
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = "[a-z]{1,8}";
    prop_oneof![
        (any::<usize>(), text).prop_map(|(i, v)| Edit::RaidOwner(i, v)),
        (any::<usize>(), text).prop_map(|(i, v)| Edit::RaidTitle(i, v)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, s)| Edit::RaidStatus(i, s)),
        (any::<usize>(), any::<usize>(), text).prop_map(|(p, t, v)| Edit::TaskName(p, t, v)),
        (any::<usize>(), any::<usize>(), 0u8..=100)
            .prop_map(|(p, t, v)| Edit::TaskPercent(p, t, v)),
        any::<usize>().prop_map(Edit::DeleteRaid),
        any::<usize>().prop_map(Edit::AddRaid),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::LinkRaid(i, j)),
    ]
}

fn base(seed: u64) -> Board {
    generate_board(
        BoardSize {
            programmes: 3,
            tasks: 12,
            raid: 15,
        },
        seed,
    )
}

/// Drops the edits of `theirs` that touch a record or field `mine` touches.
fn disjoint(base: &Board, mine: &[Edit], theirs: Vec<Edit>) -> Vec<Edit> {
    let mine_targets: Vec<(String, &str)> = mine.iter().filter_map(|e| target(base, e)).collect();
    let mine_records: HashSet<&String> = mine_targets.iter().map(|(id, _)| id).collect();
    let mine_deleted: HashSet<&String> = mine_targets
        .iter()
        .filter(|(_, f)| *f == "*")
        .map(|(id, _)| id)
        .collect();
    // A delete on one side and a new link to that record on the other is a
    // conflict too (the link would point at nothing): keep such pairs apart.
    let mine_links: HashSet<String> = mine.iter().filter_map(|e| link_target(base, e)).collect();
    theirs
        .into_iter()
        .filter(|e| !matches!(target(base, e), Some((id, "*")) if mine_links.contains(&id)))
        .filter(|e| link_target(base, e).is_none_or(|j| !mine_deleted.contains(&j)))
        .filter(|e| match target(base, e) {
            None => true,
            Some((id, "*")) => !mine_records.contains(&id),
            Some((id, field)) => {
                !mine_deleted.contains(&id) && !mine_targets.contains(&(id.clone(), field))
            }
        })
        .collect()
}

/// Lists in id order, so boards that differ only in where added records sit compare equal.
fn normalised(mut board: Board) -> Board {
    board.raid.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    board
}

/// The validation errors that would stop a save.
fn errors(board: &Board) -> Vec<String> {
    boardroom::store::validate(board)
        .into_iter()
        .filter(|d| d.severity == boardroom::store::Severity::Error)
        .map(|d| d.to_string())
        .collect()
}

fn no_choices() -> BTreeMap<String, Choice> {
    BTreeMap::new()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn edits_to_different_records_or_fields_merge_with_nothing_lost(
        seed in 0u64..1000,
        mine_edits in proptest::collection::vec(edit(), 0..8),
        theirs_edits in proptest::collection::vec(edit(), 0..8),
    ) {
        let base = base(seed);
        let theirs_edits = disjoint(&base, &mine_edits, theirs_edits);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        apply_edits(&mut mine, &base, &mine_edits, "mine");
        apply_edits(&mut theirs, &base, &theirs_edits, "theirs");
        let mut expected = mine.clone();
        apply_edits(&mut expected, &base, &theirs_edits, "theirs");

        let merged = merge(&base, &mine, &theirs, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        prop_assert_eq!(errors(&merged.board), Vec::<String>::new());
        prop_assert_eq!(normalised(merged.board), normalised(expected));
    }

    #[test]
    fn the_same_field_changed_differently_always_conflicts(
        seed in 0u64..1000,
        entry in any::<usize>(),
        field in 0u8..3,
        others in proptest::collection::vec(edit(), 0..6),
    ) {
        let base = base(seed);
        let (mine_edit, theirs_edit) = match field {
            0 => (Edit::RaidOwner(entry, "x".into()), Edit::RaidOwner(entry, "x".into())),
            1 => (Edit::RaidTitle(entry, "x".into()), Edit::RaidTitle(entry, "x".into())),
            // Owner strings carry the side's name, so the values always differ.
            _ => (Edit::TaskName(entry, entry, "x".into()), Edit::TaskName(entry, entry, "x".into())),
        };
        let Some((id, field_name)) = target(&base, &mine_edit) else { return Ok(()) };
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let mut mine_edits = vec![mine_edit];
        mine_edits.extend(disjoint(&base, std::slice::from_ref(&theirs_edit), others));
        apply_edits(&mut mine, &base, &mine_edits, "mine");
        apply_edits(&mut theirs, &base, &[theirs_edit], "theirs");

        let merged = merge(&base, &mine, &theirs, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let found = merged.conflicts.iter().any(|c| c.key.contains(&id) && c.key.ends_with(field_name));
        prop_assert!(found, "no conflict on {id}.{field_name}: {:?}", merged.conflicts);
        prop_assert!(merged.unresolved >= 1);
    }

    /// A copy merged into the board, or the board into the copy, gives the
    /// same records (where both added an entry under one reference, the one
    /// merged in is renumbered, so references are left out of the check).
    #[test]
    fn merging_a_copy_and_the_board_in_either_order_gives_the_same_records(
        seed in 0u64..1000,
        mine_edits in proptest::collection::vec(edit(), 0..8),
        theirs_edits in proptest::collection::vec(edit(), 0..8),
    ) {
        let base = base(seed);
        let theirs_edits = disjoint(&base, &mine_edits, theirs_edits);
        let (mut board, mut copy) = (base.clone(), base.clone());
        apply_edits(&mut board, &base, &mine_edits, "mine");
        apply_edits(&mut copy, &base, &theirs_edits, "theirs");
        let one = merge(&base, &board, &copy, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let other = merge(&base, &copy, &board, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(one.unresolved, 0);
        prop_assert_eq!(other.unresolved, 0);
        let records = |b: Board| {
            let mut b = normalised(b);
            b.raid.iter_mut().for_each(|e| e.reference.clear());
            b
        };
        prop_assert_eq!(records(one.board), records(other.board));
    }

    #[test]
    fn merging_is_deterministic(
        seed in 0u64..1000,
        mine_edits in proptest::collection::vec(edit(), 0..8),
        theirs_edits in proptest::collection::vec(edit(), 0..8),
    ) {
        let base = base(seed);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        apply_edits(&mut mine, &base, &mine_edits, "mine");
        apply_edits(&mut theirs, &base, &theirs_edits, "theirs");
        let first = merge(&base, &mine, &theirs, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let second = merge(&base, &mine, &theirs, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&first.board, &second.board);
        prop_assert_eq!(&first.conflicts, &second.conflicts);
        // Settling every conflict one way gives that side's value each time.
        let all_theirs: BTreeMap<String, Choice> =
            first.conflicts.iter().map(|c| (c.key.clone(), Choice::Theirs)).collect();
        let settled = merge(&base, &mine, &theirs, &all_theirs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(settled.unresolved, 0);
        // And a settled merge is always a board that can be saved, whichever
        // side each choice keeps (a link to a record deleted on the other side
        // is one of the conflicts, never a dangling link).
        prop_assert_eq!(errors(&settled.board), Vec::<String>::new());
        let all_mine: BTreeMap<String, Choice> =
            first.conflicts.iter().map(|c| (c.key.clone(), Choice::Mine)).collect();
        let settled = merge(&base, &mine, &theirs, &all_mine).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(settled.unresolved, 0);
        prop_assert_eq!(errors(&settled.board), Vec::<String>::new());
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(
        seed in 0u64..1000,
        edits in proptest::collection::vec(edit(), 0..10),
    ) {
        let base = base(seed);
        let mut x = base.clone();
        apply_edits(&mut x, &base, &edits, "mine");
        let ours = merge(&base, &x, &base, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&ours.board, &x);
        prop_assert!(ours.conflicts.is_empty());
        let theirs = merge(&base, &base, &x, &no_choices()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&theirs.board, &x);
        prop_assert!(theirs.conflicts.is_empty());
    }
}
