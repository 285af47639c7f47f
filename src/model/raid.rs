//! The RAID log: risks, assumptions, issues and dependencies.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Id, PeriodDate};

/// One entry of the RAID log. The fields every kind shares are here; the
/// kind-specific ones are in [`RaidDetail`], whose variant is the entry's kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaidEntry {
    /// Stable id, unique in the board; made offline without coordination.
    pub id: Id,
    /// The human number shown in meetings: `R-014`, `A-003`, `I-007`, `D-002`.
    pub reference: String,
    /// The programme it belongs to; none for an entry of the whole board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Id>,
    /// A one-line title.
    pub title: String,
    /// The description; for a risk, cause → event → effect.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The category, usually one of the board's `settings.categories`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    /// Exactly one named person or role who owns it. Required.
    pub owner: String,
    /// When it was raised.
    pub raised: PeriodDate,
    /// Who raised it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raised_by: String,
    /// When it was last reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<PeriodDate>,
    /// When it is next to be reviewed; an open entry past this date is overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<PeriodDate>,
    /// Open, Monitoring or Closed. Closing keeps the entry.
    pub status: RaidStatus,
    /// How far up it has been escalated.
    #[serde(default)]
    pub escalation: Escalation,
    /// The tasks, delays, budget lines and other entries it explains or relates to.
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Where the facts come from, for example a report's paragraph numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Who changed what and when, oldest first. Append-only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// The kind of entry and its kind-specific fields.
    pub detail: RaidDetail,
}

impl RaidEntry {
    /// The entry's kind, from its detail.
    pub fn kind(&self) -> RaidKind {
        match self.detail {
            RaidDetail::Risk(_) => RaidKind::Risk,
            RaidDetail::Assumption(_) => RaidKind::Assumption,
            RaidDetail::Issue(_) => RaidKind::Issue,
            RaidDetail::Dependency(_) => RaidKind::Dependency,
        }
    }

    /// Whether the entry is still live (Open or Monitoring).
    pub fn is_open(&self) -> bool {
        self.status != RaidStatus::Closed
    }

    /// The current risk score (1–25) for a risk; `None` for other kinds.
    pub fn current_score(&self) -> Option<u8> {
        match &self.detail {
            RaidDetail::Risk(risk) => Some(risk.current.value()),
            _ => None,
        }
    }
}

/// The four kinds of RAID entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RaidKind {
    /// Something that may happen and would affect objectives.
    Risk,
    /// Something taken as true for planning, to be validated.
    Assumption,
    /// Something that has happened and needs managing.
    Issue,
    /// Something the programme needs from others, or others need from it.
    Dependency,
}

impl RaidKind {
    /// Every kind, in RAID order.
    pub const ALL: [RaidKind; 4] = [
        RaidKind::Risk,
        RaidKind::Assumption,
        RaidKind::Issue,
        RaidKind::Dependency,
    ];

    /// The kind's name.
    pub fn label(self) -> &'static str {
        match self {
            RaidKind::Risk => "Risk",
            RaidKind::Assumption => "Assumption",
            RaidKind::Issue => "Issue",
            RaidKind::Dependency => "Dependency",
        }
    }

    /// The reference prefix: `R`, `A`, `I`, `D`.
    pub fn prefix(self) -> char {
        match self {
            RaidKind::Risk => 'R',
            RaidKind::Assumption => 'A',
            RaidKind::Issue => 'I',
            RaidKind::Dependency => 'D',
        }
    }
}

/// Where an entry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RaidStatus {
    /// Live and being managed.
    Open,
    /// Live but only watched.
    Monitoring,
    /// No longer live; kept for the record.
    Closed,
}

/// How far up an entry has been escalated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum Escalation {
    /// Managed within the project.
    #[default]
    Project,
    /// Raised to the programme board.
    ProgrammeBoard,
    /// Raised to the SRO or the portfolio.
    Sro,
    /// On the corporate risk register.
    CorporateRegister,
}

/// Links from an entry to the records it explains or relates to, by id.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Links {
    /// Task ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Id>,
    /// Delay ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub delays: Vec<Id>,
    /// Budget line ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub budget_lines: Vec<Id>,
    /// Other RAID entry ids (an issue's risk, a dependency's assumption).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub raid: Vec<Id>,
}

impl Links {
    /// Whether there are no links at all.
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
            && self.delays.is_empty()
            && self.budget_lines.is_empty()
            && self.raid.is_empty()
    }
}

/// One change to an entry: who, when, what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When, in UTC (`2021-02-09T10:30:00`).
    pub at: NaiveDateTime,
    /// Who: the person's display name or OS user name.
    pub by: String,
    /// What changed, in words: "owner: A. Smith → B. Jones".
    pub change: String,
}

/// The kind of an entry with its kind-specific fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RaidDetail {
    /// A risk (threat or opportunity).
    Risk(RiskDetail),
    /// An assumption.
    Assumption(AssumptionDetail),
    /// An issue.
    Issue(IssueDetail),
    /// A dependency.
    Dependency(DependencyDetail),
}

impl RaidDetail {
    /// A new entry's kind-specific fields: a threat scored 3 × 3 with a Treat
    /// response, an unvalidated assumption, a medium issue, an on-track inbound
    /// dependency.
    pub fn default_for(kind: RaidKind) -> Self {
        match kind {
            RaidKind::Risk => RaidDetail::Risk(RiskDetail {
                polarity: Polarity::Threat,
                inherent: Score {
                    likelihood: 3,
                    impact: 3,
                },
                current: Score {
                    likelihood: 3,
                    impact: 3,
                },
                target: Some(Score {
                    likelihood: 2,
                    impact: 2,
                }),
                previous: None,
                proximity: None,
                response: Response::Treat,
                actions: Vec::new(),
                exposure_gbp: None,
            }),
            RaidKind::Assumption => RaidDetail::Assumption(AssumptionDetail {
                confidence: Confidence::Medium,
                validate_by: None,
                validation: ValidationState::Unvalidated,
            }),
            RaidKind::Issue => RaidDetail::Issue(IssueDetail {
                priority: IssuePriority::Medium,
                needed_by: None,
                breaches_tolerance: false,
                resolution: String::new(),
                from_risk: None,
            }),
            RaidKind::Dependency => RaidDetail::Dependency(DependencyDetail {
                direction: DependencyDirection::Inbound,
                counterparty: String::new(),
                needed_by: None,
                committed: None,
                state: DependencyState::OnTrack,
            }),
        }
    }
}

/// Likelihood and impact, each 1–5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// 1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain.
    pub likelihood: u8,
    /// 1 Negligible, 2 Minor, 3 Moderate, 4 Major, 5 Critical.
    pub impact: u8,
}

impl Score {
    /// Likelihood × impact, 1–25.
    pub fn value(self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }
}

/// A risk's own fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskDetail {
    /// A threat (harm) or an opportunity (benefit).
    #[serde(default)]
    pub polarity: Polarity,
    /// The score before any response.
    pub inherent: Score,
    /// The score now, with responses in place.
    pub current: Score,
    /// The score the responses aim for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Score>,
    /// The current score at the previous review, from which the trend (↑ ↓ →) is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Score>,
    /// When the risk would strike, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proximity: Option<PeriodDate>,
    /// The chosen response.
    pub response: Response,
    /// Actions that carry the response out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<MitigationAction>,
    /// The money at stake, in pounds, if estimated.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub exposure_gbp: Option<Decimal>,
}

/// Whether a risk threatens or could benefit the objectives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Polarity {
    /// Harm to objectives.
    #[default]
    Threat,
    /// Benefit to objectives.
    Opportunity,
}

/// The response to a risk: the Orange Book's four Ts for threats, and their
/// counterparts for opportunities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// Reduce the likelihood or impact (threat).
    Treat,
    /// Accept it and watch it (threat).
    Tolerate,
    /// Pass it to someone better placed, such as an insurer or supplier (threat).
    Transfer,
    /// Stop the activity that gives rise to it (threat).
    Terminate,
    /// Make sure it happens (opportunity).
    Exploit,
    /// Make it more likely or larger (opportunity).
    Enhance,
    /// Share it with a partner better placed to realise it (opportunity).
    Share,
    /// Let it go (opportunity).
    Reject,
}

impl Response {
    /// Whether this response belongs to threats (the four Ts) or opportunities.
    pub fn polarity(self) -> Polarity {
        match self {
            Response::Treat | Response::Tolerate | Response::Transfer | Response::Terminate => {
                Polarity::Threat
            }
            _ => Polarity::Opportunity,
        }
    }
}

/// An action carrying out a risk response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MitigationAction {
    /// What is to be done.
    pub description: String,
    /// Who is to do it.
    pub actionee: String,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<PeriodDate>,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

/// An assumption's own fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssumptionDetail {
    /// How sure the board is that it holds.
    pub confidence: Confidence,
    /// By when it must be validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate_by: Option<PeriodDate>,
    /// Whether it has been validated. An invalid assumption becomes a risk or an issue.
    pub validation: ValidationState,
}

/// Confidence in an assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    /// Very likely to hold.
    High,
    /// May well hold.
    Medium,
    /// Doubtful.
    Low,
}

/// Whether an assumption has been checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidationState {
    /// Not checked yet.
    Unvalidated,
    /// Checked and holds.
    Valid,
    /// Checked and does not hold: raise a risk or an issue.
    Invalid,
}

/// An issue's own fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueDetail {
    /// How urgent it is.
    pub priority: IssuePriority,
    /// By when it must be resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<PeriodDate>,
    /// Whether it breaches a tolerance (time, cost, scope) and must go up.
    #[serde(default)]
    pub breaches_tolerance: bool,
    /// How it was or is to be resolved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resolution: String,
    /// The id of the risk it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_risk: Option<Id>,
}

/// How urgent an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IssuePriority {
    /// Can wait.
    Low,
    /// Needs attention.
    Medium,
    /// Needs attention now.
    High,
    /// Stops delivery.
    Critical,
}

/// A dependency's own fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DependencyDetail {
    /// Who depends on whom.
    pub direction: DependencyDirection,
    /// The other party: a programme, supplier or body.
    pub counterparty: String,
    /// When it is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<PeriodDate>,
    /// When the other party has committed to deliver it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<PeriodDate>,
    /// Where it stands.
    pub state: DependencyState,
}

/// Who depends on whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DependencyDirection {
    /// We depend on them.
    Inbound,
    /// They depend on us.
    Outbound,
}

/// Where a dependency stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DependencyState {
    /// Expected on time.
    OnTrack,
    /// May be late.
    AtRisk,
    /// Late.
    Late,
    /// Delivered.
    Delivered,
}
