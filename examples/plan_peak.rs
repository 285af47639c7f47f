//! The MS Project XML reader's peak memory on a 50 MB plan: writes the
//! generated plan (16,000 rows) to a file, then reads and parses it in a
//! fresh process, whose peak resident set (VmHWM, Linux) is set against the
//! file's size (the goal: at most twice it, the file's own bytes included).
//!
//! `cargo run --release --example plan_peak [ROWS]`; or
//! `cargo run --release --example plan_peak -- --read PLAN.xml`.

use std::process::ExitCode;

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn read(path: &str) -> ExitCode {
    let before = peak_kib().unwrap_or(0);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let plan = match boardroom::store::plan::parse_mspdi(&bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(peak) = peak_kib() else {
        eprintln!("no VmHWM in /proc/self/status (Linux only)");
        return ExitCode::FAILURE;
    };
    let size = bytes.len() as f64 / 1024.0;
    println!(
        "{path}: {:.1} MB, {} rows; peak RSS {:.1} MB ({:.1} MB before reading): {:.2}× the file \
         (goal ≤ 2×)",
        bytes.len() as f64 / 1e6,
        plan.tasks.len(),
        peak as f64 * 1024.0 / 1e6,
        before as f64 * 1024.0 / 1e6,
        peak as f64 / size
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice()
        && flag == "--read"
    {
        return read(path);
    }
    let rows = args.first().and_then(|a| a.parse().ok()).unwrap_or(16_000);
    let dir = std::env::temp_dir().join(format!("boardroom-plan-peak-{}", std::process::id()));
    let path = dir.join("plan.xml");
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, boardroom::generate::generate_mspdi(rows)));
    if let Err(e) = written {
        eprintln!("{}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    // A fresh process, so the generator's own memory is not counted.
    let status = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("--read")
            .arg(&path)
            .status()
    });
    // The folder is ours and temporary; a failure to remove it changes nothing measured.
    if let Err(e) = std::fs::remove_dir_all(&dir) {
        eprintln!("{}: not removed ({e})", dir.display());
    }
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("cannot run the reading process: {e}");
            ExitCode::FAILURE
        }
    }
}
