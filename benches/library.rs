//! Opening a library of N generated articles (N = 100, 1,000, 10,000, written once into a
//! temporary folder): loading every text (`load::load_paths`), listing titles and dates only
//! (`Library::scan`, with no title cache and with a warm one), and one article's analysis from
//! the analysis cache (a hit) against analysing it (a miss).
//!
//!     cargo bench --bench library
//!     BRIEF_BENCH_MAX=1000 cargo bench --bench library    # skip the 10,000 case

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use brief::cache::Cache;
use brief::library::Library;
use brief::{Options, load, synth};

fn sizes() -> Vec<usize> {
    let max: usize = std::env::var("BRIEF_BENCH_MAX")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    [100, 1_000, 10_000]
        .into_iter()
        .filter(|&n| n <= max)
        .collect()
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let mut g = c.benchmark_group("library");
    g.sample_size(10);
    for n in sizes() {
        let dir = tmp.path().join(format!("lib{n}"));
        let bytes = synth::write_library(&dir, 42, n, end).expect("write the library");
        eprintln!("library of {n}: {bytes} bytes of text");
        let paths = [dir.clone()];
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("load_all_texts", n), &paths, |b, p| {
            b.iter(|| black_box(load::load_paths(p)))
        });
        g.bench_with_input(BenchmarkId::new("scan_cold", n), &paths, |b, p| {
            b.iter(|| black_box(Library::scan_with(p, None)))
        });
        let titles: PathBuf = tmp.path().join(format!("titles{n}.json"));
        let _ = Library::scan_with(&paths, Some(&titles));
        g.bench_with_input(BenchmarkId::new("scan_warm", n), &paths, |b, p| {
            b.iter(|| black_box(Library::scan_with(p, Some(&titles))))
        });
    }
    g.finish();

    // One article: its analysis read back from the cache, against analysing it.
    let dir = tmp.path().join("one");
    synth::write_library(&dir, 7, 1, end).expect("write one article");
    let article = load::load_paths(&[dir]).articles.remove(0);
    let cache = Cache::at(tmp.path().join("cache")).expect("cache folder");
    let options = Options::default();
    let _ = cache.get_or_analyze(&article, &options);
    let mut g = c.benchmark_group("analysis_cache");
    g.bench_function("hit", |b| {
        b.iter(|| black_box(cache.get(black_box(&article), &options)))
    });
    g.bench_function("miss_analyze", |b| {
        b.iter(|| black_box(brief::analyze(black_box(&article), &options)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
