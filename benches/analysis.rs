//! Analysis throughput on a seeded corpus of generated news-like articles: MB/s (criterion's
//! bytes/s) and words/s on one core, for the whole analysis and for each of its parts, and the
//! whole analysis of the corpus as a library on every core (`analysis::analyze_all`).
//!
//!     cargo bench --bench analysis

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use brief::analysis;
use brief::segment::Document;
use brief::{Options, synth};

fn corpus() -> Vec<brief::Article> {
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    synth::corpus(42, 200, end)
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    eprintln!(
        "corpus: {} articles, {bytes} bytes, {words} words",
        articles.len()
    );
    let options = Options::default();
    // Each part is measured twice: in bytes/s (criterion prints MiB/s) and in words/s
    // (criterion's "elements").
    for (unit, throughput) in [
        ("bytes", Throughput::Bytes(bytes as u64)),
        ("words", Throughput::Elements(words as u64)),
    ] {
        let mut g = c.benchmark_group(format!("analysis/{unit}"));
        g.throughput(throughput);
        g.sample_size(20);
        g.bench_function("whole", |b| {
            b.iter(|| {
                for a in &articles {
                    black_box(brief::analyze(black_box(a), &options));
                }
            })
        });
        if unit == "words" {
            g.finish();
            continue;
        }
        g.bench_function("tokens_and_sentences", |b| {
            b.iter(|| {
                for a in &articles {
                    black_box(Document::new(black_box(&a.text)));
                }
            })
        });
        let docs: Vec<Document> = articles.iter().map(|a| Document::new(&a.text)).collect();
        g.bench_function("actors", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(analysis::actors::extract(black_box(d)));
                }
            })
        });
        let dates: Vec<_> = articles.iter().map(|a| a.published).collect();
        g.bench_function("time", |b| {
            b.iter(|| {
                for (d, r) in docs.iter().zip(&dates) {
                    black_box(analysis::time::extract(black_box(d), *r));
                }
            })
        });
        let actors: Vec<_> = docs.iter().map(analysis::actors::extract).collect();
        let timexes: Vec<_> = docs
            .iter()
            .zip(&dates)
            .map(|(d, r)| analysis::time::extract(d, *r))
            .collect();
        g.bench_function("events", |b| {
            b.iter(|| {
                for (((d, a), x), r) in docs.iter().zip(&actors).zip(&timexes).zip(&dates) {
                    black_box(analysis::events::extract(black_box(d), a, x, *r));
                }
            })
        });
        g.bench_function("quotes", |b| {
            b.iter(|| {
                for (d, a) in docs.iter().zip(&actors) {
                    black_box(analysis::quotes::extract(black_box(d), a));
                }
            })
        });
        g.finish();
    }
    // The library figure: the same corpus analysed on every core the process may use.
    let mut g = c.benchmark_group("analysis/library");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function(
        format!("analyze_all_{}_threads", brief::parallel::threads()),
        |b| b.iter(|| black_box(analysis::analyze_all(black_box(&articles), &options))),
    );
    g.bench_function("analyze_all_1_thread", |b| {
        b.iter(|| {
            black_box(brief::parallel::map_in_order(&articles, 1, |a| {
                brief::analyze(a, &options)
            }))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
