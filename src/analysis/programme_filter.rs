//! Which programmes to show, and in what order. One filter drives the side
//! panel, the timeline and the portfolio budget view, so a director who asks
//! for "red, late, Department for Transport" sees the same programmes in all
//! three. The figures come from [`headlines`](super::headline::headlines),
//! worked out once per board revision; choosing is then a pass over them.

use std::cmp::Ordering;

use super::find::programme_matches;
use super::headline::Headline;
use crate::model::{Board, DeliveryConfidence, Id};

/// Which delivery confidence ratings to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConfidenceFilter {
    /// Every programme, rated or not.
    #[default]
    Any,
    /// Programmes rated this or worse (Amber or worse: Amber, Amber/Red, Red).
    AtOrWorse(DeliveryConfidence),
    /// Programmes rated exactly this.
    Is(DeliveryConfidence),
    /// Programmes with no rating yet.
    NotRated,
}

impl ConfidenceFilter {
    /// The choices a list offers, in order.
    pub const CHOICES: [ConfidenceFilter; 7] = [
        ConfidenceFilter::Any,
        ConfidenceFilter::Is(DeliveryConfidence::Red),
        ConfidenceFilter::AtOrWorse(DeliveryConfidence::AmberRed),
        ConfidenceFilter::AtOrWorse(DeliveryConfidence::Amber),
        ConfidenceFilter::AtOrWorse(DeliveryConfidence::AmberGreen),
        ConfidenceFilter::Is(DeliveryConfidence::Green),
        ConfidenceFilter::NotRated,
    ];

    /// The words a list shows.
    pub fn label(self) -> String {
        match self {
            ConfidenceFilter::Any => "Any confidence".into(),
            ConfidenceFilter::AtOrWorse(c) => format!("{} or worse", c.label()),
            ConfidenceFilter::Is(c) => format!("{} only", c.label()),
            ConfidenceFilter::NotRated => "Not rated".into(),
        }
    }

    /// Whether a programme rated `rating` passes.
    pub fn keeps(self, rating: Option<DeliveryConfidence>) -> bool {
        match (self, rating) {
            (ConfidenceFilter::Any, _) => true,
            (ConfidenceFilter::AtOrWorse(c), Some(r)) => r.rank() >= c.rank(),
            (ConfidenceFilter::Is(c), Some(r)) => r == c,
            (ConfidenceFilter::NotRated, None) => true,
            _ => false,
        }
    }
}

/// The order programmes are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProgrammeSort {
    /// As the board file lists them.
    #[default]
    Board,
    /// By name, A to Z.
    Name,
    /// Worst delivery confidence first; unrated last.
    Confidence,
    /// Most days late first; those without a slip figure last.
    Slip,
    /// Soonest forecast finish first; those without one last.
    Finish,
    /// Largest current budget first; those without a budget last.
    Budget,
    /// Largest budget increase first; those without a budget last.
    BudgetChange,
}

impl ProgrammeSort {
    /// Every order, as a list offers them.
    pub const ALL: [ProgrammeSort; 7] = [
        ProgrammeSort::Board,
        ProgrammeSort::Name,
        ProgrammeSort::Confidence,
        ProgrammeSort::Slip,
        ProgrammeSort::Finish,
        ProgrammeSort::Budget,
        ProgrammeSort::BudgetChange,
    ];

    /// The words a list shows.
    pub fn label(self) -> &'static str {
        match self {
            ProgrammeSort::Board => "As in the board",
            ProgrammeSort::Name => "Name, A to Z",
            ProgrammeSort::Confidence => "Confidence, worst first",
            ProgrammeSort::Slip => "Slip, latest first",
            ProgrammeSort::Finish => "Finish, soonest first",
            ProgrammeSort::Budget => "Budget, largest first",
            ProgrammeSort::BudgetChange => "Budget rise, largest first",
        }
    }
}

/// Which programmes to show, and in what order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgrammeFilter {
    /// Words that must all be in the name or the SRO (any case).
    pub text: String,
    /// Delivery confidence.
    pub confidence: ConfidenceFilter,
    /// Only this SRO (which names the department in a portfolio).
    pub sro: Option<String>,
    /// Only programmes finishing later than their baseline.
    pub late_only: bool,
    /// Only programmes with an open risk in the red band.
    pub red_risks_only: bool,
    /// Only programmes not updated since the monthly update began (the
    /// caller passes them to [`select_programmes`] as `only`).
    pub not_updated_only: bool,
    /// The order.
    pub sort: ProgrammeSort,
}

impl ProgrammeFilter {
    /// Whether choosing needs the programmes' figures (their headlines): a
    /// filter or an order by confidence, slip, finish or budget. Find and
    /// the name order do not, so a board that only uses them never works the
    /// figures out.
    pub fn needs_figures(&self) -> bool {
        self.confidence != ConfidenceFilter::Any
            || self.late_only
            || self.red_risks_only
            || !matches!(self.sort, ProgrammeSort::Board | ProgrammeSort::Name)
    }

    /// Whether anything narrows the list (the order alone does not).
    pub fn narrows(&self) -> bool {
        !self.text.trim().is_empty()
            || self.confidence != ConfidenceFilter::Any
            || self.sro.is_some()
            || self.late_only
            || self.red_risks_only
            || self.not_updated_only
    }
}

/// The indices into `board.programmes` that pass `filter`, in its order.
/// `headlines` are the board's, in the board's order; they may be left out
/// when the filter [needs no figures](ProgrammeFilter::needs_figures), and a
/// filter that needs them keeps nothing without them. `only`, when given,
/// keeps just those programmes (the ones that changed since the last board).
/// Ties keep the board's order, so the list never shuffles.
pub fn select_programmes(
    board: &Board,
    headlines: Option<&[Headline]>,
    filter: &ProgrammeFilter,
    only: Option<&[Id]>,
) -> Vec<usize> {
    let figures = |i: usize| headlines.and_then(|h| h.get(i));
    let mut chosen: Vec<usize> = board
        .programmes
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let passes_figures = || {
                let Some(h) = figures(*i) else {
                    return !filter.needs_figures();
                };
                filter.confidence.keeps(h.confidence)
                    && (!filter.late_only || h.slip_days.is_some_and(|d| d > 0))
                    && (!filter.red_risks_only || h.red_risks > 0)
            };
            only.is_none_or(|ids| ids.contains(&p.id))
                && programme_matches(p, &filter.text)
                && filter.sro.as_ref().is_none_or(|s| s == &p.sro)
                && passes_figures()
        })
        .map(|(i, _)| i)
        .collect();
    let by = |a: &usize, b: &usize| -> Ordering {
        let (Some(ha), Some(hb)) = (figures(*a), figures(*b)) else {
            return match filter.sort {
                ProgrammeSort::Name => {
                    let name = |i: &usize| board.programmes[*i].name.to_lowercase();
                    name(a).cmp(&name(b))
                }
                _ => Ordering::Equal,
            };
        };
        match filter.sort {
            ProgrammeSort::Board => Ordering::Equal,
            ProgrammeSort::Name => {
                let name = |i: &usize| board.programmes[*i].name.to_lowercase();
                name(a).cmp(&name(b))
            }
            ProgrammeSort::Confidence => descending_known(
                ha.confidence.map(|c| c.rank()),
                hb.confidence.map(|c| c.rank()),
            ),
            ProgrammeSort::Slip => descending_known(ha.slip_days, hb.slip_days),
            ProgrammeSort::Finish => ascending_known(ha.finish, hb.finish),
            ProgrammeSort::Budget => descending_known(ha.current_gbp, hb.current_gbp),
            ProgrammeSort::BudgetChange => descending_known(ha.change_gbp, hb.change_gbp),
        }
    };
    // A stable sort: equal keys stay in the board's order.
    chosen.sort_by(by);
    chosen
}

/// The programmes to keep when two lists each narrow them (those changed
/// since the last board, those not updated): the ones in both, in the
/// first's order; either alone when the other does not narrow.
pub fn both(a: Option<Vec<Id>>, b: Option<Vec<Id>>) -> Option<Vec<Id>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.into_iter().filter(|id| b.contains(id)).collect()),
        (a, b) => a.or(b),
    }
}

/// The SROs named in the board, A to Z, each once: the choices of the SRO list.
pub fn sros(board: &Board) -> Vec<String> {
    let mut all: Vec<String> = board
        .programmes
        .iter()
        .map(|p| p.sro.clone())
        .filter(|s| !s.trim().is_empty())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Largest first, unknowns last.
fn descending_known<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Smallest first, unknowns last.
fn ascending_known<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::headline::headlines;
    use crate::generate::generate_portfolio;
    use chrono::Datelike;

    fn portfolio() -> Board {
        generate_portfolio(200, 7)
    }

    fn chosen(board: &Board, filter: &ProgrammeFilter) -> Vec<usize> {
        select_programmes(board, Some(&headlines(board)), filter, None)
    }

    #[test]
    fn two_narrowing_lists_keep_the_programmes_in_both() {
        let [a, b, c] = ["a", "b", "c"].map(|s| Id::new(s).unwrap_or_else(|e| panic!("{e}")));
        let ab = Some(vec![a.clone(), b.clone()]);
        let bc = Some(vec![b.clone(), c.clone()]);
        assert_eq!(both(ab.clone(), bc.clone()), Some(vec![b.clone()]));
        assert_eq!(both(None, bc.clone()), bc);
        assert_eq!(both(ab.clone(), None), ab);
        assert_eq!(both(None, None), None);
        assert!(
            ProgrammeFilter {
                not_updated_only: true,
                ..Default::default()
            }
            .narrows()
        );
    }

    #[test]
    fn no_filter_keeps_every_programme_in_the_boards_order() {
        let board = portfolio();
        let all = chosen(&board, &ProgrammeFilter::default());
        assert_eq!(all, (0..board.programmes.len()).collect::<Vec<_>>());
        assert!(!ProgrammeFilter::default().narrows());
    }

    #[test]
    fn each_filter_keeps_exactly_the_programmes_it_names() {
        let board = portfolio();
        let hs = headlines(&board);
        let amber = ProgrammeFilter {
            confidence: ConfidenceFilter::AtOrWorse(DeliveryConfidence::Amber),
            ..Default::default()
        };
        let kept = chosen(&board, &amber);
        let expected: Vec<usize> = (0..hs.len())
            .filter(|i| hs[*i].confidence.is_some_and(|c| c.rank() >= 2))
            .collect();
        assert_eq!(kept, expected);
        assert!(!kept.is_empty() && kept.len() < board.programmes.len());

        let late = ProgrammeFilter {
            late_only: true,
            ..Default::default()
        };
        for i in chosen(&board, &late) {
            assert!(hs[i].slip_days.unwrap_or(0) > 0);
        }
        let late_count = hs.iter().filter(|h| h.slip_days.unwrap_or(0) > 0).count();
        assert_eq!(chosen(&board, &late).len(), late_count);
        assert!(late_count > 0 && late_count < hs.len(), "{late_count}");

        let red = ProgrammeFilter {
            red_risks_only: true,
            ..Default::default()
        };
        let red_count = hs.iter().filter(|h| h.red_risks > 0).count();
        assert_eq!(chosen(&board, &red).len(), red_count);
        assert!(red_count > 0 && red_count < hs.len(), "{red_count}");

        let sro = sros(&board)[0].clone();
        let by_sro = ProgrammeFilter {
            sro: Some(sro.clone()),
            ..Default::default()
        };
        let kept = chosen(&board, &by_sro);
        assert!(!kept.is_empty());
        assert!(kept.iter().all(|i| board.programmes[*i].sro == sro));
        assert_eq!(
            kept.len(),
            board.programmes.iter().filter(|p| p.sro == sro).count()
        );
    }

    #[test]
    fn filters_combine_and_only_narrows_further() {
        let board = portfolio();
        let hs = headlines(&board);
        let both = ProgrammeFilter {
            late_only: true,
            confidence: ConfidenceFilter::AtOrWorse(DeliveryConfidence::AmberRed),
            ..Default::default()
        };
        let kept = select_programmes(&board, Some(&hs), &both, None);
        for i in &kept {
            assert!(hs[*i].slip_days.unwrap_or(0) > 0);
            assert!(hs[*i].confidence.is_some_and(|c| c.rank() >= 3));
        }
        let first_two: Vec<Id> = kept
            .iter()
            .take(2)
            .map(|i| board.programmes[*i].id.clone())
            .collect();
        let narrowed = select_programmes(&board, Some(&hs), &both, Some(&first_two));
        assert_eq!(narrowed, kept[..first_two.len()].to_vec());
    }

    #[test]
    fn each_sort_orders_by_its_figure_with_unknowns_last() {
        let board = portfolio();
        let hs = headlines(&board);
        let sorted = |sort| {
            chosen(
                &board,
                &ProgrammeFilter {
                    sort,
                    ..Default::default()
                },
            )
        };
        for pair in sorted(ProgrammeSort::Name).windows(2) {
            let n = |i: usize| board.programmes[i].name.to_lowercase();
            assert!(n(pair[0]) <= n(pair[1]));
        }
        let check = |sort, key: &dyn Fn(&Headline) -> Option<i128>, largest_first: bool| {
            let order = sorted(sort);
            assert_eq!(order.len(), board.programmes.len());
            let keys: Vec<Option<i128>> = order.iter().map(|i| key(&hs[*i])).collect();
            // Known figures first, then the unknown.
            let known = keys.iter().take_while(|k| k.is_some()).count();
            assert!(keys[known..].iter().all(Option::is_none), "{sort:?}");
            for pair in keys[..known].windows(2) {
                if largest_first {
                    assert!(pair[0] >= pair[1], "{sort:?}");
                } else {
                    assert!(pair[0] <= pair[1], "{sort:?}");
                }
            }
        };
        let money = |d: Option<rust_decimal::Decimal>| d.map(|d| d.trunc().mantissa());
        check(
            ProgrammeSort::Confidence,
            &|h| h.confidence.map(|c| i128::from(c.rank())),
            true,
        );
        check(ProgrammeSort::Slip, &|h| h.slip_days.map(i128::from), true);
        check(
            ProgrammeSort::Finish,
            &|h| h.finish.map(|d| i128::from(d.num_days_from_ce())),
            false,
        );
        check(ProgrammeSort::Budget, &|h| money(h.current_gbp), true);
        check(ProgrammeSort::BudgetChange, &|h| money(h.change_gbp), true);
    }

    #[test]
    fn find_and_the_name_order_need_no_figures_and_give_the_same_without_them() {
        let board = portfolio();
        let hs = headlines(&board);
        let by_name = ProgrammeFilter {
            text: "nuclear".into(),
            sort: ProgrammeSort::Name,
            ..Default::default()
        };
        assert!(!by_name.needs_figures());
        let with = select_programmes(&board, Some(&hs), &by_name, None);
        assert!(with.len() > 1);
        assert_eq!(select_programmes(&board, None, &by_name, None), with);
        // A filter that needs them keeps nothing without them, never everything.
        let late = ProgrammeFilter {
            late_only: true,
            ..Default::default()
        };
        assert!(late.needs_figures());
        assert!(select_programmes(&board, None, &late, None).is_empty());
    }

    #[test]
    fn the_confidence_choices_read_as_words_and_keep_what_they_say() {
        use DeliveryConfidence::*;
        let labels: Vec<String> = ConfidenceFilter::CHOICES
            .iter()
            .map(|c| c.label())
            .collect();
        assert!(labels.contains(&"Amber or worse".to_string()));
        let amber = ConfidenceFilter::AtOrWorse(Amber);
        assert!(amber.keeps(Some(Red)) && amber.keeps(Some(Amber)));
        assert!(!amber.keeps(Some(AmberGreen)) && !amber.keeps(None));
        assert!(ConfidenceFilter::NotRated.keeps(None));
        assert!(!ConfidenceFilter::NotRated.keeps(Some(Green)));
        assert!(ConfidenceFilter::Is(Green).keeps(Some(Green)));
        assert!(!ConfidenceFilter::Is(Green).keeps(Some(AmberGreen)));
    }
}
