//! Writes a generated board of any size, for benchmarks and load tests:
//! `cargo run --release --example generate_board -- --programmes 50 --tasks 10000 --raid 20000 --seed 1 --out big.ron`,
//! or a government-sized portfolio (two hundred projects of one to three
//! tasks, 1997–2070, £10m to £40bn):
//! `cargo run --example generate_board -- --profile portfolio --programmes 200 --out portfolio.ron`

use std::path::PathBuf;
use std::process::ExitCode;

use boardroom::generate::{BoardSize, generate_board, generate_portfolio};
use clap::{Parser, ValueEnum};

/// The shape of board to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Profile {
    /// A council board: many tasks per programme, a big RAID log.
    Board,
    /// A government portfolio: many projects of one to three tasks over decades.
    Portfolio,
}

/// Generate a valid, realistic board; the same seed gives the same file.
#[derive(Parser)]
struct Args {
    /// The shape of board.
    #[arg(long, value_enum, default_value_t = Profile::Board)]
    profile: Profile,
    /// Number of programmes (projects, for the portfolio).
    #[arg(long, default_value_t = 50)]
    programmes: usize,
    /// Number of tasks in all (the portfolio makes one to three per project).
    #[arg(long, default_value_t = 10_000)]
    tasks: usize,
    /// Number of RAID entries (the portfolio makes two per project).
    #[arg(long, default_value_t = 20_000)]
    raid: usize,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the board.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let board = match args.profile {
        Profile::Board => generate_board(
            BoardSize {
                programmes: args.programmes,
                tasks: args.tasks,
                raid: args.raid,
            },
            args.seed,
        ),
        Profile::Portfolio => generate_portfolio(args.programmes, args.seed),
    };
    match boardroom::store::save_board(&board, &args.out, None) {
        Ok(outcome) => {
            println!("{}: {} bytes", args.out.display(), outcome.len);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
