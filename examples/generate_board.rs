//! Writes a generated board of any size, for benchmarks and load tests:
//! `cargo run --release --example generate_board -- --programmes 50 --tasks 10000 --raid 20000 --seed 1 --out big.ron`

use std::path::PathBuf;
use std::process::ExitCode;

use boardroom::generate::{BoardSize, generate_board};
use clap::Parser;

/// Generate a valid, realistic board; the same seed gives the same file.
#[derive(Parser)]
struct Args {
    /// Number of programmes.
    #[arg(long, default_value_t = 50)]
    programmes: usize,
    /// Number of tasks in all.
    #[arg(long, default_value_t = 10_000)]
    tasks: usize,
    /// Number of RAID entries.
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
    let board = generate_board(
        BoardSize {
            programmes: args.programmes,
            tasks: args.tasks,
            raid: args.raid,
        },
        args.seed,
    );
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
