//! Opens or bare-parses one board file once, for counting instructions with
//! valgrind, which gives the same count on every run however busy the machine:
//!
//! `valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/cost open big.ron`
//! `valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/cost parse big.ron`
//!
//! `open` is what the app does (read, parse, validate, hash); `parse` reads the
//! file and runs the bare `ron::from_str`.
use boardroom::model::Board;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(what), Some(file)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: cost open|parse FILE");
    };
    let path = std::path::Path::new(file);
    match what.as_str() {
        "open" => {
            let loaded = boardroom::store::load_board(path)?;
            std::hint::black_box(&loaded);
            std::mem::forget(loaded); // Freeing is not part of opening.
        }
        "parse" => {
            let text = std::fs::read_to_string(path)?;
            let options = ron::Options::default().with_default_extension(
                ron::extensions::Extensions::IMPLICIT_SOME
                    | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
            );
            let board: Board = options.from_str(&text)?;
            std::hint::black_box(&board);
            std::mem::forget(board);
        }
        other => anyhow::bail!("unknown `{other}`: use open or parse"),
    }
    Ok(())
}
