//! Analysis throughput on a seeded corpus of generated news-like articles: MB/s and words/s on
//! one core, for the whole analysis and for each of its parts.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use brief::analysis::{self, text::Document};
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
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("whole", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(brief::analyze(black_box(a), &options));
            }
        })
    });
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
    let date = articles.first().and_then(|a| a.published);
    g.bench_function("time", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(analysis::time::extract(black_box(d), date));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
