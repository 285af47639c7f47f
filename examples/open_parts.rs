//! Times each part of opening a board at 1× and 2× — read, parse, validate,
//! hash — to see where the open time goes (best of five runs each):
//! `cargo run --release --example open_parts`
use std::path::Path;
use std::time::{Duration, Instant};

use boardroom::generate::{BoardSize, generate_board};
use boardroom::store;

fn main() -> anyhow::Result<()> {
    let dir = tempfile_dir()?;
    for n in [1usize, 2] {
        let size = BoardSize {
            programmes: 50 * n,
            tasks: 10_000 * n,
            raid: 20_000 * n,
        };
        let path = dir.join(format!("open-parts-{n}x.ron"));
        std::fs::write(&path, store::board_to_string(&generate_board(size, 1))?)?;
        let best = best_of_five(&path)?;
        println!(
            "{n}x: read {:.0} ms, parse {:.0} ms, validate {:.0} ms, hash {:.0} ms",
            ms(best[0]),
            ms(best[1]),
            ms(best[2]),
            ms(best[3]),
        );
        std::fs::remove_file(&path)?;
    }
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("boardroom-open-parts-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The fastest of five runs of each part: read, parse, validate, hash.
fn best_of_five(path: &Path) -> anyhow::Result<[Duration; 4]> {
    let mut best = [Duration::MAX; 4];
    for _ in 0..5 {
        let t = Instant::now();
        let bytes = std::fs::read(path)?;
        let read = t.elapsed();
        let t = Instant::now();
        let board = store::parse_board(&bytes, path)?;
        let parse = t.elapsed();
        let t = Instant::now();
        let findings = store::validate(&board);
        let validate = t.elapsed();
        let t = Instant::now();
        let hash = store::content_hash(&bytes);
        let hashing = t.elapsed();
        // Use the results, so no part is optimised away.
        std::hint::black_box((findings, hash));
        for (b, v) in best.iter_mut().zip([read, parse, validate, hashing]) {
            *b = (*b).min(v);
        }
    }
    Ok(best)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
