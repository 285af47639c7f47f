//! Prints the benchmark results as tables, with the goal ratios, from what
//! `cargo bench` left in `target/criterion` (median of each estimate).
//! `scripts/bench` runs the benchmarks, measures peak memory and then this.
//!
//! `cargo run --release --example bench_report -- [--rss-kb N --file-bytes N]`

use std::path::{Path, PathBuf};

/// The median time of one benchmark, in nanoseconds, if it has been run.
fn median_ns(root: &Path, id: &str) -> Option<f64> {
    let path = root.join(id).join("new").join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("median")?.get("point_estimate")?.as_f64()
}

fn show(ns: Option<f64>) -> String {
    match ns {
        None => "not run".into(),
        Some(ns) if ns >= 1e6 => format!("{:.1} ms", ns / 1e6),
        Some(ns) => format!("{:.0} µs", ns / 1e3),
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? / b?)
}

fn verdict(r: Option<f64>, goal: f64, extra: bool) -> String {
    match r {
        None => "not run".into(),
        Some(r) if r <= goal && extra => format!("{r:.2} (goal ≤ {goal}): met"),
        Some(r) => format!("{r:.2} (goal ≤ {goal}): **missed**"),
    }
}

/// The paired ratios `benches/ratios.rs` wrote: name → (median, min, max).
fn paired_ratios() -> std::collections::BTreeMap<String, (f64, f64, f64)> {
    let text = std::fs::read_to_string("target/bench-ratios.json").unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let Some(map) = json.as_object() else {
        return Default::default();
    };
    map.iter()
        .filter_map(|(name, v)| {
            let get = |k: &str| v.get(k).and_then(serde_json::Value::as_f64);
            Some((name.clone(), (get("median")?, get("min")?, get("max")?)))
        })
        .collect()
}

fn arg(name: &str) -> Option<f64> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1)?.parse().ok()
}

fn main() {
    let root = PathBuf::from(
        std::env::var("CRITERION_HOME").unwrap_or_else(|_| "target/criterion".into()),
    );
    let get = |id: &str| median_ns(&root, id);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("Boardroom benchmarks (median of criterion's estimates; {cores} cores)\n");

    println!("| store | small | 1× | 2× | 4× |");
    println!("|---|---|---|---|---|");
    for row in [
        "open",
        "bare_ron_from_str",
        "bare_serde_json",
        "save",
        "bare_serialise_write",
        "save_merging",
        "merge",
        "summary",
    ] {
        let cells: Vec<String> = ["small", "1x", "2x", "4x"]
            .iter()
            .map(|size| show(get(&format!("store/{row}/{size}"))))
            .collect();
        println!("| {row} | {} |", cells.join(" | "));
    }

    println!("\n| frame | sizes | times |");
    println!("|---|---|---|");
    let frames: [(&str, &[&str]); 5] = [
        ("timeline_frame", &["100", "1000", "10000"]),
        ("raid_frame", &["1000", "20000"]),
        ("heat_map/frame", &["1000", "20000"]),
        ("heat_map/recount", &["1000", "20000"]),
        ("budget_frame", &["5", "50"]),
    ];
    for (group, sizes) in frames {
        let times: Vec<String> = sizes
            .iter()
            .map(|s| format!("{s}: {}", show(get(&format!("{group}/{s}")))))
            .collect();
        println!("| {group} | {} | {} |", sizes.join(", "), times.join("; "));
    }

    println!("\n| goal | measured |");
    println!("|---|---|");
    // The store ratios come from `benches/ratios.rs`, which times both sides of
    // each ratio in the same round; the criterion medians above are taken
    // minutes apart, and a shared machine's speed drifts in between.
    let paired = paired_ratios();
    let open_1x = get("store/open/1x");
    for (name, goal, fallback) in [
        (
            "open ÷ bare ron::from_str at 1×",
            1.3,
            ratio(open_1x, get("store/bare_ron_from_str/1x")),
        ),
        (
            "open 2× ÷ open 1×",
            2.2,
            ratio(get("store/open/2x"), open_1x),
        ),
        (
            "save ÷ bare serialise + write at 1×",
            1.5,
            ratio(get("store/save/1x"), get("store/bare_serialise_write/1x")),
        ),
    ] {
        match paired.get(name) {
            Some((median, lo, hi)) => println!(
                "| {name} | {} (paired median; {lo:.2}–{hi:.2} over rounds) |",
                verdict(Some(*median), goal, true)
            ),
            None => println!(
                "| {name} | {} (criterion medians; run `cargo bench --bench ratios` for paired rounds) |",
                verdict(fallback, goal, true)
            ),
        }
    }
    let t_big = get("timeline_frame/10000");
    println!(
        "| Timeline 10,000 ÷ 100 tasks, and under 2 ms | {} ({}) |",
        verdict(
            ratio(t_big, get("timeline_frame/100")),
            1.5,
            t_big.is_some_and(|t| t < 2e6)
        ),
        show(t_big)
    );
    let r_big = get("raid_frame/20000");
    println!(
        "| RAID 20,000 ÷ 1,000 entries, and under 1 ms | {} ({}) |",
        verdict(
            ratio(r_big, get("raid_frame/1000")),
            1.5,
            r_big.is_some_and(|t| t < 1e6)
        ),
        show(r_big)
    );
    match (arg("--rss-kb"), arg("--file-bytes")) {
        (Some(kb), Some(bytes)) => println!(
            "| peak memory ÷ file size, 1× board | {} ({:.0} MB for {:.0} MB) |",
            verdict(Some(kb * 1024.0 / bytes), 4.0, true),
            kb / 1024.0,
            bytes / 1e6
        ),
        _ => println!(
            "| peak memory ÷ file size, 1× board | not measured (pass --rss-kb and --file-bytes) |"
        ),
    }
}
