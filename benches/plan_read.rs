//! Reading a 50 MB MS Project XML plan (16,000 rows, generated as Project
//! writes them) into its outline, against quick-xml's bare scan of the same
//! bytes: a loop over its events doing nothing (the goal: at most twice as
//! long). Run with `cargo bench --bench plan_read`; the peak memory is
//! `cargo run --release --example plan_peak`.

use std::time::{Duration, Instant};

use boardroom::generate::generate_mspdi;
use boardroom::store::plan::parse_mspdi;
use criterion::{Criterion, criterion_group, criterion_main};
use quick_xml::Reader;
use quick_xml::events::Event;

const ROWS: usize = 16_000;

/// quick-xml's events over the text, each dropped: the least any reader
/// built on it can do.
fn bare_scan(text: &str) -> usize {
    let mut reader = Reader::from_str(text);
    let mut events = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return events,
            Ok(_) => events += 1,
            Err(e) => panic!("{e}"),
        }
    }
}

/// The two timed in turn, `rounds` times each, for a ratio from one run on
/// the same machine state; the medians.
fn paired(xml: &str, rounds: usize) -> (Duration, Duration) {
    let mut scans = Vec::new();
    let mut reads = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        std::hint::black_box(bare_scan(std::hint::black_box(xml)));
        scans.push(t.elapsed());
        let t = Instant::now();
        let plan =
            parse_mspdi(std::hint::black_box(xml.as_bytes())).unwrap_or_else(|e| panic!("{e}"));
        reads.push(t.elapsed());
        assert_eq!(plan.tasks.len(), ROWS + 1);
    }
    scans.sort();
    reads.sort();
    (scans[rounds / 2], reads[rounds / 2])
}

fn plan_read(c: &mut Criterion) {
    let xml = generate_mspdi(ROWS);
    let mb = xml.len() as f64 / 1e6;
    let mut group = c.benchmark_group("mspdi_16000_rows");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(xml.len() as u64));
    group.bench_function("quick-xml bare scan", |b| b.iter(|| bare_scan(&xml)));
    group.bench_function("parse_mspdi", |b| {
        b.iter(|| parse_mspdi(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}")));
    });
    group.finish();
    let (scan, read) = paired(&xml, 9);
    eprintln!(
        "{mb:.1} MB, {ROWS} rows: bare scan {scan:.2?}, parse_mspdi {read:.2?}: {:.2}× the scan \
         (goal ≤ 2×)",
        read.as_secs_f64() / scan.as_secs_f64()
    );
}

criterion_group!(benches, plan_read);
criterion_main!(benches);
