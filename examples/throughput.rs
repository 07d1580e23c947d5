//! Ad-hoc analysis throughput on the generated corpus, by CPU time (fair on a shared machine):
//!
//!     cargo run --release --example throughput -- [ARTICLES] [SEED]
//!
//! Prints MB/s and words/s of each part on one core (tokens and sentences, actors, time,
//! events, quotes, the whole analysis), then the whole analysis of the corpus as a library on
//! one thread and on every core (`parallel::map_in_order`, as `analysis::analyze_all` does):
//! wall clock, best of five, and the speed-up.
use std::time::Instant;

use brief::analysis;
use brief::segment::Document;
use brief::{Options, synth};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let articles = synth::corpus(seed, n, end);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    let mb = bytes as f64 / 1e6;
    println!("corpus: {n} articles (seed {seed}), {mb:.2} MB, {words} words");
    let options = Options::default();
    // Warm up the word lists and the tagger's model (read once per process).
    let _ = brief::analyze(&articles[0], &options);
    let _ = (analysis::pos::model(), analysis::triggers::model());

    let report = |name: &str, secs: f64| {
        if secs < 1e-4 {
            println!(
                "{name:<22} not measurable (under 0.1 ms: an empty extractor on this branch?)"
            );
            return;
        }
        println!(
            "{name:<22} {:>8.1} MB/s {:>12.0} words/s  ({:.3} s CPU)",
            mb / secs,
            words as f64 / secs,
            secs
        );
    };
    let (docs, t) = timed(|| {
        articles
            .iter()
            .map(|a| Document::new(&a.text))
            .collect::<Vec<_>>()
    });
    report("tokens+sentences", t);
    let (actors, t) = timed(|| {
        docs.iter()
            .map(analysis::actors::extract)
            .collect::<Vec<_>>()
    });
    report("actors", t);
    let dates: Vec<_> = articles.iter().map(|a| a.published).collect();
    let (timexes, t) = timed(|| {
        docs.iter()
            .zip(&dates)
            .map(|(d, r)| analysis::time::extract(d, *r))
            .collect::<Vec<_>>()
    });
    report("time", t);
    let (_, t) = timed(|| {
        let mut k = 0;
        for ((d, a), (x, r)) in docs.iter().zip(&actors).zip(timexes.iter().zip(&dates)) {
            k += analysis::events::extract(d, a, x, *r).len();
        }
        k
    });
    report("events", t);
    let (_, t) = timed(|| {
        let mut k = 0;
        for (d, a) in docs.iter().zip(&actors) {
            k += analysis::quotes::extract(d, a).len();
        }
        k
    });
    report("quotes", t);
    let (tags, t) = timed(|| docs.iter().map(analysis::pos::tag).collect::<Vec<_>>());
    report("pos (not in whole)", t);
    let (_, t) = timed(|| {
        let mut k = 0;
        for (d, p) in docs.iter().zip(&tags) {
            k += analysis::triggers::find(d, p).len();
        }
        k
    });
    report("triggers (not in w.)", t);
    drop(docs);
    let (_, one) = timed(|| {
        articles
            .iter()
            .map(|a| brief::analyze(a, &options))
            .collect::<Vec<_>>()
    });
    report("whole (1 core)", one);

    // The library on every core against the same library on one thread, through the same code
    // path (`parallel::map_in_order`), by wall clock, best of five runs each, alternated so
    // that a passing load on the machine hits both alike. Each run's analyses are dropped
    // before the next run, so that every run starts from the same allocator state (a run that
    // finds the previous run's freed pages skips the kernel's page clearing, about a tenth of
    // the time).
    let threads = brief::parallel::threads();
    let run = |t: usize| {
        let w0 = Instant::now();
        let out = brief::parallel::map_in_order(&articles, t, |a| brief::analyze(a, &options));
        (out, w0.elapsed().as_secs_f64())
    };
    let (mut wall1, mut wall_n) = (f64::MAX, f64::MAX);
    let mut all = Vec::new();
    for _ in 0..5 {
        drop(all);
        let (out, w) = run(1);
        wall1 = wall1.min(w);
        drop(out);
        let (out, w) = run(threads);
        wall_n = wall_n.min(w);
        all = out;
    }
    println!(
        "library, 1 thread     {:>8.1} MB/s by wall clock ({wall1:.3} s, best of 5)",
        mb / wall1
    );
    println!(
        "library, {threads} threads    {:>8.1} MB/s by wall clock ({wall_n:.3} s, best of 5); {:.2}x one thread",
        mb / wall_n,
        wall1 / wall_n
    );
    println!(
        "analyses: {} actors, {} timexes, {} events",
        all.iter().map(|a| a.actors.len()).sum::<usize>(),
        all.iter().map(|a| a.timexes.len()).sum::<usize>(),
        all.iter().map(|a| a.events.len()).sum::<usize>()
    );
}

/// Runs `f` and returns its result with this thread's CPU seconds (wall clock when unknown).
fn timed<R>(f: impl FnOnce() -> R) -> (R, f64) {
    let c0 = thread_cpu();
    let w0 = Instant::now();
    let r = f();
    let secs = match (c0, thread_cpu()) {
        (Some(a), Some(b)) => b - a,
        _ => w0.elapsed().as_secs_f64(),
    };
    (r, secs.max(1e-9))
}

/// This thread's CPU time (Linux `schedstat`), if known.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
