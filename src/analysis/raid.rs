//! RAID log figures as pure functions: RAG bands, overdue, trend, filtering and
//! sorting, and the next free reference. The RAID table, the heat map and
//! `boardroom raid list` all use these.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{Board, Id, RagBands, RaidDetail, RaidEntry, RaidKind, RaidStatus};

/// A risk score's band under the board's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Below amber.
    Green,
    /// From `amber_from`.
    Amber,
    /// From `red_from`.
    Red,
}

impl Band {
    /// The band's word, so colour is never the only cue.
    pub fn label(self) -> &'static str {
        match self {
            Band::Green => "Green",
            Band::Amber => "Amber",
            Band::Red => "Red",
        }
    }
}

/// The band of a 1–25 score.
pub fn band(score: u8, bands: RagBands) -> Band {
    if score >= bands.red_from {
        Band::Red
    } else if score >= bands.amber_from {
        Band::Amber
    } else {
        Band::Green
    }
}

/// Whether an open entry is past its next review date.
pub fn is_overdue(entry: &RaidEntry, as_at: NaiveDate) -> bool {
    entry.is_open() && entry.next_review.is_some_and(|d| d.last_day() < as_at)
}

/// Which way a risk's current score moved since the previous review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trend {
    /// Score went up: worse.
    Rising,
    /// No change.
    Steady,
    /// Score went down: better.
    Falling,
    /// Not a risk, or no previous score.
    Unknown,
}

impl Trend {
    /// The arrow and word: `↑ rising`.
    pub fn label(self) -> &'static str {
        match self {
            Trend::Rising => "↑ rising",
            Trend::Steady => "→ steady",
            Trend::Falling => "↓ falling",
            Trend::Unknown => "",
        }
    }
}

/// The trend of a risk since its previous review.
pub fn trend(entry: &RaidEntry) -> Trend {
    match &entry.detail {
        RaidDetail::Risk(r) => match r.previous {
            Some(prev) => match r.current.value().cmp(&prev.value()) {
                Ordering::Greater => Trend::Rising,
                Ordering::Equal => Trend::Steady,
                Ordering::Less => Trend::Falling,
            },
            None => Trend::Unknown,
        },
        _ => Trend::Unknown,
    }
}

/// When the entry last changed, from its history.
pub fn last_changed(entry: &RaidEntry) -> Option<NaiveDateTime> {
    entry.history.iter().map(|h| h.at).max()
}

/// Which statuses to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum StatusFilter {
    /// Open and Monitoring (the default).
    #[default]
    Live,
    /// Closed only.
    Closed,
    /// Everything.
    All,
}

/// What the RAID table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RaidFilter {
    /// Kinds to show; empty shows all.
    pub kinds: BTreeSet<RaidKind>,
    /// Statuses to show.
    pub status: StatusFilter,
    /// Only this programme's entries.
    pub programme: Option<Id>,
    /// Only this owner's entries (exact match).
    pub owner: Option<String>,
    /// Only risks in this band.
    pub band: Option<Band>,
    /// Only overdue entries.
    pub overdue_only: bool,
    /// Only risks whose current score sits in this heat-map cell (likelihood, impact).
    pub cell: Option<(u8, u8)>,
    /// Words to find in the reference, title or description (case-insensitive).
    pub search: String,
}

/// The indices (into `board.raid`) of the entries the filter lets through, in
/// board order. O(entries); callers cache it between edits.
pub fn filter_entries(board: &Board, filter: &RaidFilter) -> Vec<usize> {
    let needle = filter.search.trim().to_lowercase();
    let bands = board.settings.rag_bands;
    board
        .raid
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let status_ok = match filter.status {
                StatusFilter::Live => e.status != RaidStatus::Closed,
                StatusFilter::Closed => e.status == RaidStatus::Closed,
                StatusFilter::All => true,
            };
            status_ok
                && (filter.kinds.is_empty() || filter.kinds.contains(&e.kind()))
                && filter
                    .programme
                    .as_ref()
                    .is_none_or(|p| e.programme.as_ref() == Some(p))
                && filter.owner.as_ref().is_none_or(|o| &e.owner == o)
                && filter
                    .band
                    .is_none_or(|b| e.current_score().is_some_and(|s| band(s, bands) == b))
                && (!filter.overdue_only || is_overdue(e, board.as_at))
                && filter.cell.is_none_or(|(l, i)| match &e.detail {
                    RaidDetail::Risk(r) => r.current.likelihood == l && r.current.impact == i,
                    _ => false,
                })
                && (needle.is_empty() || matches_search(e, &needle))
        })
        .map(|(i, _)| i)
        .collect()
}

fn matches_search(e: &RaidEntry, needle: &str) -> bool {
    [&e.reference, &e.title, &e.description]
        .iter()
        .any(|t| t.to_lowercase().contains(needle))
}

/// The columns the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Reference, numerically within its prefix: R-2 before R-10.
    Reference,
    /// Kind.
    Kind,
    /// Title.
    Title,
    /// Programme id.
    Programme,
    /// Owner.
    Owner,
    /// Current score (entries without one last).
    Score,
    /// Trend.
    Trend,
    /// Status.
    Status,
    /// Next review date (none last).
    NextReview,
    /// Last changed.
    LastChanged,
}

/// Splits `R-014` into (`R-`, 14) so references sort as people read them.
fn reference_key(reference: &str) -> (String, u64, String) {
    let digits: String = reference
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let prefix = reference[..reference.len() - digits.len()].to_string();
    (prefix, digits.parse().unwrap_or(0), reference.to_string())
}

/// Sorts entry indices by a column; ties keep board order, so sorting is stable.
pub fn sort_entries(board: &Board, indices: &mut [usize], key: SortKey, descending: bool) {
    let raid = &board.raid;
    let cmp = |a: &usize, b: &usize| -> Ordering {
        let (x, y) = (&raid[*a], &raid[*b]);
        let order = match key {
            SortKey::Reference => reference_key(&x.reference).cmp(&reference_key(&y.reference)),
            SortKey::Kind => x.kind().cmp(&y.kind()),
            SortKey::Title => x.title.to_lowercase().cmp(&y.title.to_lowercase()),
            SortKey::Programme => x.programme.cmp(&y.programme),
            SortKey::Owner => x.owner.to_lowercase().cmp(&y.owner.to_lowercase()),
            SortKey::Score => x.current_score().cmp(&y.current_score()),
            SortKey::Trend => trend(x).cmp(&trend(y)),
            SortKey::Status => x.status.cmp(&y.status),
            SortKey::NextReview => x
                .next_review
                .map(|d| d.first_day())
                .cmp(&y.next_review.map(|d| d.first_day())),
            SortKey::LastChanged => last_changed(x).cmp(&last_changed(y)),
        };
        if descending { order.reverse() } else { order }
    };
    indices.sort_by(cmp);
}

/// The next free reference for a kind: one more than the highest `R-NNN` in use.
pub fn next_reference(board: &Board, kind: RaidKind) -> String {
    let prefix = format!("{}-", kind.prefix());
    let highest = board
        .raid
        .iter()
        .filter_map(|e| e.reference.strip_prefix(&prefix))
        .filter_map(|n| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    // At u64::MAX the reference repeats; validation warns about the duplicate.
    format!("{prefix}{:03}", highest.saturating_add(1))
}

/// A new, empty entry of a kind with the next free reference, raised on the
/// board's as-at date. The form and `raid add` both start from it.
pub fn new_entry(board: &Board, kind: RaidKind, programme: Option<Id>) -> RaidEntry {
    new_entry_numbered(
        board,
        kind,
        programme,
        next_reference(board, kind),
        Id::generate(),
    )
}

/// [`new_entry`] with its reference and id given (an import numbers many
/// at once and takes their ids from one series).
pub fn new_entry_numbered(
    board: &Board,
    kind: RaidKind,
    programme: Option<Id>,
    reference: String,
    id: Id,
) -> RaidEntry {
    RaidEntry {
        id,
        reference,
        programme,
        title: String::new(),
        description: String::new(),
        category: String::new(),
        owner: String::new(),
        raised: crate::model::PeriodDate::day(board.as_at),
        raised_by: String::new(),
        last_reviewed: None,
        next_review: None,
        status: RaidStatus::Open,
        escalation: crate::model::Escalation::Project,
        links: crate::model::Links::default(),
        source: String::new(),
        history: Vec::new(),
        detail: RaidDetail::default_for(kind),
    }
}

/// Counts of open risks in each heat-map cell, `[likelihood - 1][impact - 1]`.
pub fn heat_map(board: &Board, programme: Option<&Id>) -> [[usize; 5]; 5] {
    heat_map_by(board, programme, |r| r.current)
}

/// The same counts by inherent score (before any response), to show where the
/// risks started from.
pub fn heat_map_inherent(board: &Board, programme: Option<&Id>) -> [[usize; 5]; 5] {
    heat_map_by(board, programme, |r| r.inherent)
}

fn heat_map_by(
    board: &Board,
    programme: Option<&Id>,
    score: impl Fn(&crate::model::RiskDetail) -> crate::model::Score,
) -> [[usize; 5]; 5] {
    let mut cells = [[0usize; 5]; 5];
    let open = board
        .raid
        .iter()
        .filter(|e| e.is_open() && programme.is_none_or(|p| e.programme.as_ref() == Some(p)));
    for e in open {
        if let RaidDetail::Risk(r) = &e.detail {
            let s = score(r);
            let (l, i) = (s.likelihood, s.impact);
            if (1..=5).contains(&l) && (1..=5).contains(&i) {
                cells[usize::from(l - 1)][usize::from(i - 1)] += 1;
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{BoardSize, generate_board};

    fn board() -> Board {
        generate_board(
            BoardSize {
                programmes: 3,
                tasks: 30,
                raid: 200,
            },
            3,
        )
    }

    #[test]
    fn scores_fall_in_the_boards_bands() {
        let bands = RagBands {
            amber_from: 5,
            red_from: 15,
        };
        assert_eq!(
            [
                band(4, bands),
                band(5, bands),
                band(14, bands),
                band(15, bands),
                band(25, bands)
            ],
            [Band::Green, Band::Amber, Band::Amber, Band::Red, Band::Red]
        );
        let strict = RagBands {
            amber_from: 3,
            red_from: 9,
        };
        assert_eq!(
            band(9, strict),
            Band::Red,
            "bands come from the board, not the code"
        );
    }

    #[test]
    fn overdue_means_open_and_past_review() {
        let b = board();
        let as_at = b.as_at;
        for e in &b.raid {
            let past = e.next_review.is_some_and(|d| d.last_day() < as_at);
            assert_eq!(is_overdue(e, as_at), past && e.status != RaidStatus::Closed);
        }
        assert!(
            b.raid.iter().any(|e| is_overdue(e, as_at)),
            "the generated board has overdue entries"
        );
    }

    #[test]
    fn filters_combine() {
        let b = board();
        let all = filter_entries(
            &b,
            &RaidFilter {
                status: StatusFilter::All,
                ..RaidFilter::default()
            },
        );
        assert_eq!(all.len(), b.raid.len());
        let live = filter_entries(&b, &RaidFilter::default());
        assert!(live.iter().all(|&i| b.raid[i].is_open()));
        assert!(live.len() < all.len());
        let p = b.programmes[1].id.clone();
        let risks_of_p = filter_entries(
            &b,
            &RaidFilter {
                kinds: [RaidKind::Risk].into(),
                programme: Some(p.clone()),
                ..RaidFilter::default()
            },
        );
        assert!(!risks_of_p.is_empty());
        assert!(risks_of_p.iter().all(
            |&i| b.raid[i].kind() == RaidKind::Risk && b.raid[i].programme.as_ref() == Some(&p)
        ));
        let reds = filter_entries(
            &b,
            &RaidFilter {
                band: Some(Band::Red),
                ..RaidFilter::default()
            },
        );
        assert!(
            reds.iter()
                .all(|&i| b.raid[i].current_score().is_some_and(|s| s >= 15))
        );
        let found = filter_entries(
            &b,
            &RaidFilter {
                search: "r-00005".into(),
                status: StatusFilter::All,
                ..RaidFilter::default()
            },
        );
        assert_eq!(
            found
                .iter()
                .map(|&i| b.raid[i].reference.as_str())
                .collect::<Vec<_>>(),
            ["R-00005"]
        );
        let cell = filter_entries(
            &b,
            &RaidFilter {
                cell: Some((3, 4)),
                ..RaidFilter::default()
            },
        );
        let expected = heat_map(&b, None)[2][3];
        assert_eq!(
            cell.len(),
            expected,
            "a heat-map cell's count is what its filter shows"
        );
        let live_risks = live
            .iter()
            .filter(|&&i| b.raid[i].kind() == RaidKind::Risk)
            .count();
        let total = |m: [[usize; 5]; 5]| m.iter().flatten().sum::<usize>();
        assert_eq!(total(heat_map(&b, None)), live_risks);
        assert_eq!(
            total(heat_map_inherent(&b, None)),
            live_risks,
            "every open risk has an inherent position too"
        );
    }

    #[test]
    fn sorting_by_score_and_reference() {
        let b = board();
        let mut idx = filter_entries(
            &b,
            &RaidFilter {
                kinds: [RaidKind::Risk].into(),
                ..RaidFilter::default()
            },
        );
        sort_entries(&b, &mut idx, SortKey::Score, true);
        let scores: Vec<_> = idx.iter().map(|&i| b.raid[i].current_score()).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "descending by score"
        );
        let mut b2 = b.clone();
        b2.raid.truncate(3);
        b2.raid[0].reference = "R-10".into();
        b2.raid[1].reference = "R-2".into();
        b2.raid[2].reference = "A-1".into();
        let mut idx = vec![0, 1, 2];
        sort_entries(&b2, &mut idx, SortKey::Reference, false);
        assert_eq!(
            idx.iter()
                .map(|&i| b2.raid[i].reference.as_str())
                .collect::<Vec<_>>(),
            ["A-1", "R-2", "R-10"]
        );
    }

    #[test]
    fn next_reference_follows_the_highest() {
        let mut b = board();
        b.raid.truncate(2);
        b.raid[0].reference = "R-014".into();
        b.raid[1].reference = "R-003".into();
        assert_eq!(next_reference(&b, RaidKind::Risk), "R-015");
        assert_eq!(next_reference(&b, RaidKind::Issue), "I-001");
        b.raid[0].reference = "R-4294967295".into();
        assert_eq!(next_reference(&b, RaidKind::Risk), "R-4294967296");
        b.raid[0].reference = format!("R-{}", u64::MAX);
        assert_eq!(next_reference(&b, RaidKind::Risk), b.raid[0].reference);
    }
}
