//! The board pack: laying out its pages, and writing the PDF, for the
//! Manchester board and generated portfolios of 50, 100 and 200 programmes
//! (three tasks and four RAID entries each). Run with `cargo bench --bench pack`.

use boardroom::cli::pack_pdf;
use boardroom::generate::{BoardSize, generate_board};
use boardroom::model::Board;
use boardroom::render::pack::{PackOptions, pack_pages};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn boards() -> Vec<(String, Board)> {
    let manchester = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    let mut out = vec![("manchester".to_string(), manchester)];
    for programmes in [50usize, 100, 200] {
        let size = BoardSize {
            programmes,
            tasks: programmes * 3,
            raid: programmes * 4,
        };
        out.push((programmes.to_string(), generate_board(size, 1)));
    }
    out
}

fn pack(c: &mut Criterion) {
    let mut group = c.benchmark_group("pack");
    group.sample_size(10);
    let options = PackOptions::default();
    for (name, board) in boards() {
        group.bench_with_input(BenchmarkId::new("layout", &name), &board, |b, board| {
            b.iter_with_large_drop(|| pack_pages(board, &options));
        });
        group.bench_with_input(BenchmarkId::new("pdf", &name), &board, |b, board| {
            b.iter_with_large_drop(|| pack_pdf(board, &options));
        });
    }
    group.finish();
}

criterion_group!(benches, pack);
criterion_main!(benches);
