//! RON parsing must scale linearly with file size on the `ron` version we use
//! (a quadratic regression in number parsing was reported for ron 0.12.2). This
//! is timing, so it is ignored by default and run on purpose:
//! `cargo test --release --test ron_scaling -- --ignored`.

use std::time::{Duration, Instant};

/// A numbers-heavy RON document: a list of `n` tuples of numbers.
fn numbers(n: usize) -> String {
    let mut s = String::with_capacity(n * 40);
    s.push('[');
    for i in 0..n {
        s.push_str(&format!(
            "({i}, {}, {}.5, -{}),",
            i * 7919 % 100_003,
            i % 977,
            i * 31
        ));
    }
    s.push(']');
    s
}

fn best_of(runs: usize, text: &str) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let parsed: Vec<(u64, u64, f64, i64)> =
                ron::from_str(text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!parsed.is_empty());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "timing: run with --ignored on a quiet machine"]
fn doubling_a_numbers_heavy_file_does_not_quadruple_parse_time() {
    let small = numbers(200_000);
    let large = numbers(400_000);
    let t1 = best_of(5, &small);
    let t2 = best_of(5, &large);
    let ratio = t2.as_secs_f64() / t1.as_secs_f64();
    eprintln!(
        "{} bytes: {t1:?}; {} bytes: {t2:?}; ratio {ratio:.2}",
        small.len(),
        large.len()
    );
    assert!(
        ratio < 3.0,
        "parse time grew {ratio:.2}× for 2× the input: not linear"
    );
}
