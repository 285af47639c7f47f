//! The `boardroom` command: opens the app, or checks and summarises board files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use boardroom::cli::{check, summary};

/// Boardroom: a programme board's timeline, budget and RAID log in one local file.
#[derive(Parser, Debug)]
#[command(name = "boardroom", version, about, long_about = None)]
struct Cli {
    /// The board file to open in the app (default: the last board opened, else the
    /// bundled Manchester sample).
    file: Option<PathBuf>,
    /// Open straight into the meeting: slides full screen (Esc leaves).
    #[arg(long)]
    meeting: bool,
    /// An earlier copy of the board, for "what changed since the last board".
    #[arg(long, value_name = "OLD")]
    since: Option<PathBuf>,
    /// Draw the window with OpenGL (glow) or wgpu (DirectX 12, Vulkan); the
    /// other is tried if it cannot start. Default: $BOARDROOM_RENDERER, else glow.
    #[arg(long, value_enum)]
    renderer: Option<boardroom::app::renderer::Renderer>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check board files: exit 0 when every file is valid (warnings are printed),
    /// 1 otherwise. Errors go to stderr as FILE:LINE:COL or FILE: record, field.
    Check {
        /// The board files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Summarise a board: per programme the finish and slip, delays, budget
    /// steps, reconciliation warnings and open RAID entries.
    Summary {
        /// The board file.
        file: PathBuf,
        /// Print JSON (dates YYYY-MM-DD, amounts as decimal strings in pounds).
        #[arg(long)]
        json: bool,
    },
    /// Make a new, empty board file; prints its path. Refuses to write over
    /// an existing file (exit 1 with the reason, the file untouched).
    New {
        /// The board file to make.
        file: PathBuf,
        /// The board's title: "ICT Programme Board".
        #[arg(long)]
        title: String,
        /// The organisation that owns the board.
        #[arg(long, default_value = "")]
        organisation: String,
        /// The protective marking.
        #[arg(long, value_enum, default_value = "unmarked")]
        marking: boardroom::cli::MarkingArg,
        /// The date the figures are as at, in any form the app reads
        /// (`9 Feb 2021`, `09/02/2021`, `2021-02-09`; a month or quarter
        /// means its last day). Default: today.
        #[arg(long)]
        as_at: Option<String>,
        /// The delivery confidence scale: `five` (Green, Amber/Green, Amber,
        /// Amber/Red, Red) or `three` (Green, Amber, Red).
        #[arg(long, value_enum, default_value = "five")]
        scale: boardroom::cli::ScaleArg,
    },
    /// Add, change or delete a programme. Each prints the programme's id;
    /// bad input exits 1 with the reason and changes nothing.
    Programme {
        #[command(subcommand)]
        command: boardroom::cli::ProgrammeCommand,
    },
    /// Record a delay of a programme or one of its tasks. Prints the delay's id.
    Delay {
        #[command(subcommand)]
        command: boardroom::cli::DelayCommand,
    },
    /// Rate a programme's delivery confidence for a date (one rating per
    /// date: a second for the same date replaces it). Prints the programme's
    /// id; exit 1 with the reason and nothing written on bad input.
    Rate {
        /// The board file.
        file: PathBuf,
        /// The programme's id.
        #[arg(long)]
        programme: String,
        /// The rating.
        #[arg(long, value_enum)]
        rating: RatingArg,
        /// When it was given, in any form Boardroom reads (default: the board's as-at date).
        #[arg(long)]
        date: Option<String>,
        /// Why, in a line.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Start next month's update: keep a dated copy of the board as it
    /// stands beside it, then move the as-at date on (a month unless told).
    /// Prints the new as-at date and the copy's path.
    Update {
        /// The board file.
        file: PathBuf,
        /// Move it on a month (the default).
        #[arg(long, conflicts_with_all = ["quarter", "to"])]
        month: bool,
        /// Move it on a quarter.
        #[arg(long, conflicts_with = "to")]
        quarter: bool,
        /// Move it to this date, in any form Boardroom reads; it must be after the as-at date.
        #[arg(long)]
        to: Option<String>,
    },
    /// Add, change or remove a programme's tasks.
    Task {
        #[command(subcommand)]
        command: boardroom::cli::TaskCommand,
    },
    /// Add a milestone to a programme.
    Milestone {
        #[command(subcommand)]
        command: boardroom::cli::MilestoneCommand,
    },
    /// Plans from and for project tools (MS Project, Primavera P6,
    /// GanttProject, task lists): show a plan's outline, import its rows into
    /// a programme, or export a programme as MS Project XML.
    Plan {
        #[command(subcommand)]
        command: boardroom::cli::PlanCommand,
    },
    /// List or add RAID entries.
    Raid {
        #[command(subcommand)]
        command: RaidCommand,
    },
    /// Make the board pack: a PDF of landscape pages (cover, portfolio, a page
    /// per programme, the RAID log), with the marking on every page. Exit 0
    /// when written; 1 when the board does not open or the file cannot be written.
    Pack {
        /// The board file.
        file: PathBuf,
        /// Where the PDF goes.
        #[arg(long)]
        out: PathBuf,
        /// The paper, landscape.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// Only these programmes get pages (repeat for more; default: all).
        #[arg(long = "programme")]
        programmes: Vec<String>,
        /// An earlier copy of the board: adds a "since the last board" page.
        #[arg(long)]
        since: Option<PathBuf>,
    },
    /// What changed between two copies of a board, record by record: programmes
    /// added and removed, confidence, finish and budget moves, RAID entries
    /// raised, closed and re-scored. Exit 0; 1 when either file does not open.
    Diff {
        /// The earlier copy (the last board's).
        old: PathBuf,
        /// The later copy.
        new: PathBuf,
        /// Print JSON (dates YYYY-MM-DD, amounts as decimal strings in pounds).
        #[arg(long)]
        json: bool,
    },
    /// Merge copies of the board (the conflict copies OneDrive, Dropbox,
    /// Nextcloud or Syncthing left) into it, record by record, three-way
    /// from the version both started from when it is found, and move each
    /// aside as NAME.merged-DATE.ron. Exit 0 saved; 3 with the clashes listed
    /// and nothing written (unless --prefer settles them); 1 on a bad file.
    Merge {
        /// The board.
        board: PathBuf,
        /// The copies.
        #[arg(required = true)]
        copies: Vec<PathBuf>,
        /// The version both started from. Without it, Boardroom looks for it
        /// by the versions the files name (in the versions it kept and
        /// beside the board); if none is found, records on either side are
        /// kept and every field the two hold differently clashes.
        #[arg(long)]
        base: Option<PathBuf>,
        /// Settle clashes with the board's values or the copy's.
        #[arg(long, value_enum)]
        prefer: Option<PreferArg>,
    },
    /// Set a git repository up to merge and diff boards by record: writes
    /// `*.ron merge=boardroom diff=boardroom` to .gitattributes and the driver
    /// to the repository's own config.
    GitSetup {
        /// A folder in the repository (default: here).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// git's merge driver (set by git-setup): `merge-driver %O %A %B %P`.
    /// Exit 0 with the merged board in %A; 1 when fields clash (%A still
    /// opens, the clashes wait for the app) or a version does not load.
    MergeDriver {
        /// The common ancestor (%O).
        base: PathBuf,
        /// Ours (%A), where the result goes.
        ours: PathBuf,
        /// Theirs (%B).
        theirs: PathBuf,
        /// The board's path in the repository (%P).
        path: Option<PathBuf>,
    },
    /// git's diff command (set by git-setup): what changed, by record.
    #[command(hide = true)]
    GitDiff {
        /// PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, as git gives them.
        args: Vec<PathBuf>,
    },
    /// Export one chart as SVG (text stays text) or PNG, for a committee report.
    Export {
        /// The board file.
        file: PathBuf,
        /// Which chart.
        #[arg(long, value_enum)]
        view: ViewArg,
        /// One programme's (needed for the budget view).
        #[arg(long)]
        programme: Option<String>,
        /// Where it goes: FILE.svg or FILE.png.
        #[arg(long)]
        out: PathBuf,
        /// Width: pixels for PNG, points for SVG.
        #[arg(long, default_value_t = 1200)]
        width: u32,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum PaperArg {
    A4,
    A3,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum ViewArg {
    Timeline,
    Budget,
    Raid,
    Portfolio,
}

#[derive(Subcommand, Debug)]
enum RaidCommand {
    /// List the RAID log.
    List {
        /// The board file.
        file: PathBuf,
        /// Print JSON: an array of entries.
        #[arg(long)]
        json: bool,
        /// Only this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Only open and monitoring entries.
        #[arg(long)]
        open: bool,
    },
    /// Add an entry; prints its reference. Bad input exits 1 and changes nothing.
    /// Entries others saved meanwhile are merged in and kept; if the board stays
    /// locked by another writer, or cannot be merged, it exits 3 and changes nothing.
    Add {
        /// The board file.
        file: PathBuf,
        /// The kind of entry.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// A one-line title.
        #[arg(long)]
        title: String,
        /// The one named owner.
        #[arg(long)]
        owner: String,
        /// The programme's id (default: the whole board).
        #[arg(long)]
        programme: Option<String>,
        /// The description (for a risk: cause → event → effect).
        #[arg(long, default_value = "")]
        description: String,
        /// Likelihood 1–5 (risks).
        #[arg(long, requires = "impact")]
        likelihood: Option<u8>,
        /// Impact 1–5 (risks).
        #[arg(long, requires = "likelihood")]
        impact: Option<u8>,
    },
    /// Import a RAID log from a spreadsheet (.xlsx, .xlsm, .xls, .ods or .csv).
    /// The header row and each column's field are found from common template
    /// headers; rows with problems are skipped and listed by the row number
    /// Excel shows. Importing again updates the entries it made (matched by
    /// reference). Exits 0 when rows were imported (or would be), 1 with the
    /// reason when nothing can be, leaving the board untouched.
    Import {
        /// The board file.
        board: PathBuf,
        /// The spreadsheet.
        file: PathBuf,
        /// The sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Map fields to columns over the guess: `owner=F,title=Risk title`
        /// (a letter or a header's text; `field=` leaves one out).
        #[arg(long)]
        map: Option<String>,
        /// Say what would be imported and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export the RAID log as an Excel workbook (a sheet per kind, the
    /// Portfolio sheet, header frozen and filtered, dates, £ and RAG colours,
    /// the protective marking on every printed page) or as CSV. Exits 0 with
    /// the file written, 1 with the reason and nothing written.
    Export {
        /// The board file.
        board: PathBuf,
        /// The file to write: .xlsx or .csv.
        #[arg(long)]
        out: PathBuf,
        /// Only entries of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Write the portfolio summary (a row per programme) instead.
        #[arg(long, conflicts_with = "kind")]
        portfolio: bool,
        /// Open the file in Excel (or the system's app for it) once written.
        #[arg(long)]
        open: bool,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum PreferArg {
    Board,
    Copy,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum RatingArg {
    Green,
    AmberGreen,
    Amber,
    AmberRed,
    Red,
}

impl From<RatingArg> for boardroom::model::DeliveryConfidence {
    fn from(r: RatingArg) -> Self {
        match r {
            RatingArg::Green => Self::Green,
            RatingArg::AmberGreen => Self::AmberGreen,
            RatingArg::Amber => Self::Amber,
            RatingArg::AmberRed => Self::AmberRed,
            RatingArg::Red => Self::Red,
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum KindArg {
    Risk,
    Assumption,
    Issue,
    Dependency,
}

impl From<KindArg> for boardroom::model::RaidKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Risk => Self::Risk,
            KindArg::Assumption => Self::Assumption,
            KindArg::Issue => Self::Issue,
            KindArg::Dependency => Self::Dependency,
        }
    }
}

fn main() -> ExitCode {
    // Bad arguments exit 1 like any other bad input (clap's own default is 2);
    // --help and --version still exit 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // If even the terminal cannot be written to, the exit code says it.
            e.print().ok();
            return if e.use_stderr() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // A Start-menu launch of the window lets go of the console Windows made
    // for it; a command, or the window started from a shell, keeps it.
    boardroom::app::console::settle(if cli.command.is_some() {
        boardroom::app::console::Launch::Command
    } else {
        boardroom::app::console::Launch::Window
    });
    let Some(command) = cli.command else {
        return boardroom::app::run(
            cli.file,
            boardroom::app::StartOptions {
                meeting: cli.meeting,
                since: cli.since,
                renderer: cli.renderer,
            },
        );
    };
    // A reader that stops early (`| head -1`) ends the output, not the
    // command; a failure to write it fails the command (cli::out).
    boardroom::cli::out::finish(run_command(command))
}

/// Runs a command (not the window) and gives its exit status.
fn run_command(command: Command) -> ExitCode {
    match command {
        Command::Check { files } => check(&files),
        Command::Summary { file, json } => summary(&file, json),
        Command::New {
            file,
            title,
            organisation,
            marking,
            as_at,
            scale,
        } => boardroom::cli::new_board(&boardroom::cli::NewBoardArgs {
            file: &file,
            title,
            organisation,
            marking: marking.into(),
            as_at,
            rating_scale: scale.into(),
        }),
        Command::Programme { command } => boardroom::cli::programme(command),
        Command::Delay { command } => boardroom::cli::delay(command),
        Command::Update {
            file,
            month: _,
            quarter,
            to,
        } => {
            use boardroom::analysis::update::UpdateStep;
            let step = match (quarter, to) {
                (_, Some(date)) => UpdateStep::To(date),
                (true, None) => UpdateStep::Quarter,
                (false, None) => UpdateStep::Month,
            };
            boardroom::cli::update(&file, &step)
        }
        Command::Rate {
            file,
            programme,
            rating,
            date,
            note,
        } => boardroom::cli::rate(
            &file,
            &boardroom::cli::NewRating {
                programme,
                rating: rating.into(),
                date,
                note,
            },
        ),
        Command::Task { command } => boardroom::cli::task(command),
        Command::Milestone { command } => boardroom::cli::milestone(command),
        Command::Plan { command } => boardroom::cli::plan(command),
        Command::Raid {
            command:
                RaidCommand::List {
                    file,
                    json,
                    kind,
                    open,
                },
        } => boardroom::cli::raid_list(&file, json, kind.map(Into::into), open),
        Command::Raid {
            command:
                RaidCommand::Add {
                    file,
                    kind,
                    title,
                    owner,
                    programme,
                    description,
                    likelihood,
                    impact,
                },
        } => boardroom::cli::raid_add(
            &file,
            &boardroom::cli::NewEntry {
                kind: kind.into(),
                title,
                owner,
                programme,
                description,
                score: likelihood.zip(impact),
            },
        ),
        Command::Raid {
            command:
                RaidCommand::Import {
                    board,
                    file,
                    sheet,
                    map,
                    dry_run,
                },
        } => boardroom::cli::raid_import(&boardroom::cli::ImportArgs {
            board: &board,
            file: &file,
            sheet: sheet.as_deref(),
            map: map.as_deref(),
            dry_run,
        }),
        Command::Raid {
            command:
                RaidCommand::Export {
                    board,
                    out,
                    kind,
                    portfolio,
                    open,
                },
        } => boardroom::cli::raid_export(&boardroom::cli::ExportRaidArgs {
            board: &board,
            out: &out,
            kind: kind.map(Into::into),
            portfolio,
            open,
        }),
        Command::Pack {
            file,
            out,
            paper,
            programmes,
            since,
        } => boardroom::cli::pack(&boardroom::cli::PackArgs {
            file,
            out,
            paper: match paper {
                PaperArg::A4 => boardroom::render::pack::Paper::A4,
                PaperArg::A3 => boardroom::render::pack::Paper::A3,
            },
            programmes,
            since,
        }),
        Command::Export {
            file,
            view,
            programme,
            out,
            width,
        } => boardroom::cli::export(&boardroom::cli::ExportArgs {
            file,
            view: match view {
                ViewArg::Timeline => boardroom::cli::ExportView::Timeline,
                ViewArg::Budget => boardroom::cli::ExportView::Budget,
                ViewArg::Raid => boardroom::cli::ExportView::Raid,
                ViewArg::Portfolio => boardroom::cli::ExportView::Portfolio,
            },
            programme,
            out,
            width,
        }),
        Command::Diff { old, new, json } => boardroom::cli::diff(&old, &new, json),
        Command::GitSetup { dir } => boardroom::cli::git_setup(&dir),
        Command::Merge {
            board,
            copies,
            base,
            prefer,
        } => boardroom::cli::merge_copies(&boardroom::cli::MergeArgs {
            board: &board,
            copies: &copies,
            base: base.as_deref(),
            prefer: prefer.map(|p| match p {
                PreferArg::Board => boardroom::cli::Prefer::Board,
                PreferArg::Copy => boardroom::cli::Prefer::Copy,
            }),
        }),
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => boardroom::cli::merge_driver(&base, &ours, &theirs, path.as_deref()),
        Command::GitDiff { args } => boardroom::cli::git_diff(&args),
    }
}
