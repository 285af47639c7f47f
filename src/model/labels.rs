//! The words a user reads for each value of the model's enums. Views, the CSV,
//! the history a change writes and the CLI all use these, never a Rust name:
//! a board reads "SRO" and "Corporate risk register", not `Sro` and
//! `CorporateRegister`.

use super::{
    BudgetLineKind, Confidence, DelayCause, DeliveryConfidence, DependencyDirection,
    DependencyState, Escalation, IssuePriority, MilestoneKind, MoneyUnit, Polarity,
    ProtectiveMarking, RaidKind, RaidStatus, RatingScale, Response, ValidationState,
};

/// An enum a user picks from or reads: every value, with its words.
pub trait Labelled: Copy + PartialEq + Sized + 'static {
    /// Every value, in the order lists show them.
    const ALL: &'static [Self];
    /// The words a user reads.
    fn label(self) -> &'static str;
}

/// Gives an enum `ALL` and `label()` (inherent, so no import is needed) and
/// the [`Labelled`] trait, from one table of variants and words.
macro_rules! labelled {
    ($(#[$doc:meta])* $t:ident { $($v:ident => $words:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in the order lists show them.
            pub const ALL: &'static [$t] = &[$($t::$v),+];

            /// The words a user reads for this value.
            pub fn label(self) -> &'static str {
                match self {
                    $($t::$v => $words),+
                }
            }
        }

        impl Labelled for $t {
            const ALL: &'static [$t] = $t::ALL;
            fn label(self) -> &'static str {
                $t::label(self)
            }
        }
    };
    // An enum whose `ALL` array and `label()` are written beside it.
    (impl $t:ident) => {
        impl Labelled for $t {
            const ALL: &'static [$t] = &$t::ALL;
            fn label(self) -> &'static str {
                $t::label(self)
            }
        }
    };
}

labelled!(impl DelayCause);
labelled!(impl RaidKind);

labelled!(BudgetLineKind {
    Approved => "Approved budget",
    Change => "Change",
    StatedTotal => "Stated total",
    Spend => "Spend",
    ForecastOutturn => "Forecast outturn",
    Requested => "Requested",
    Component => "Of which",
});

// The marking as it is printed on papers; an unmarked board prints nothing.
labelled!(ProtectiveMarking {
    Unmarked => "",
    Official => "OFFICIAL",
    OfficialSensitive => "OFFICIAL-SENSITIVE",
});

labelled!(MoneyUnit {
    Auto => "Automatic (£bn from a billion, £m from a million, £k from ten thousand)",
    Pounds => "Pounds (£2,678,000)",
    Thousands => "Thousands (£2,678k)",
    Millions => "Millions (£2.678m)",
    Billions => "Billions (£40.125bn)",
});

labelled!(DeliveryConfidence {
    Green => "Green",
    AmberGreen => "Amber/Green",
    Amber => "Amber",
    AmberRed => "Amber/Red",
    Red => "Red",
});

labelled!(RatingScale {
    FivePoint => "Five-point (Green, Amber/Green, Amber, Amber/Red, Red)",
    ThreePoint => "Three-point (Green, Amber, Red)",
});

labelled!(RaidStatus {
    Open => "Open",
    Monitoring => "Monitoring",
    Closed => "Closed",
});

labelled!(Escalation {
    Project => "Project",
    ProgrammeBoard => "Programme board",
    Sro => "SRO",
    CorporateRegister => "Corporate risk register",
});

labelled!(Polarity {
    Threat => "Threat",
    Opportunity => "Opportunity",
});

labelled!(Response {
    Treat => "Treat",
    Tolerate => "Tolerate",
    Transfer => "Transfer",
    Terminate => "Terminate",
    Exploit => "Exploit",
    Enhance => "Enhance",
    Share => "Share",
    Reject => "Reject",
});

labelled!(Confidence {
    High => "High",
    Medium => "Medium",
    Low => "Low",
});

labelled!(ValidationState {
    Unvalidated => "Not validated yet",
    Valid => "Valid",
    Invalid => "Invalid",
});

labelled!(IssuePriority {
    Low => "Low",
    Medium => "Medium",
    High => "High",
    Critical => "Critical",
});

labelled!(DependencyDirection {
    Inbound => "We depend on them",
    Outbound => "They depend on us",
});

labelled!(DependencyState {
    OnTrack => "On track",
    AtRisk => "At risk",
    Late => "Late",
    Delivered => "Delivered",
});

labelled!(MilestoneKind {
    Approval => "Approval",
    ContractAward => "Contract award",
    GoLive => "Go-live",
    Completion => "Completion",
    Other => "Other",
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value has words of its own, and none is a Rust name run together.
    /// (`ALL` lists every variant by construction: `label`'s match over the
    /// same table would not compile without one.)
    fn check<T: Labelled + std::fmt::Debug>() {
        let labels: Vec<&str> = T::ALL.iter().map(|v| v.label()).collect();
        let mut unique = labels.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), labels.len(), "{labels:?}");
        for (v, label) in T::ALL.iter().zip(&labels) {
            assert!(!label.is_empty(), "{v:?}");
            let debug = format!("{v:?}");
            let has_inner_capital = debug.chars().skip(1).any(char::is_uppercase);
            if has_inner_capital {
                assert_ne!(*label, debug, "{v:?} is shown by its Rust name");
            }
        }
    }

    #[test]
    fn every_enum_a_user_reads_has_its_own_words() {
        check::<RaidStatus>();
        check::<Escalation>();
        check::<Polarity>();
        check::<Response>();
        check::<Confidence>();
        check::<ValidationState>();
        check::<IssuePriority>();
        check::<DependencyDirection>();
        check::<DependencyState>();
        check::<MilestoneKind>();
        check::<DelayCause>();
        check::<RaidKind>();
        check::<DeliveryConfidence>();
        check::<RatingScale>();
        assert_eq!(Escalation::Sro.label(), "SRO");
    }
}
