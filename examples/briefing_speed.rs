//! The cost of merging a library into a briefing, against the cost of analysing it:
//!
//!     cargo run --release --example briefing_speed -- [ARTICLES] [SEED]
//!
//! Analyses the generated corpus on one thread, then merges the analyses (digests moved out of
//! the analyses and `Briefing::build`, as `brief analyze --json` does), each best of five by wall clock, and
//! prints both and their ratio (the bar: merging at most 10% of the analysis).
use std::time::Instant;

use brief::briefing::{Briefing, Digest};
use brief::{Options, synth};

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let articles = synth::corpus(seed, n, end);
    let options = Options::default();
    let _ = brief::analyze(&articles[0], &options);
    let (analysis, analyses) = best_of(5, || {
        articles
            .iter()
            .map(|a| brief::analyze(a, &options))
            .collect::<Vec<_>>()
    });
    // As `brief analyze --json` does: each analysis, once written, is moved into its digest.
    let mut merge = f64::INFINITY;
    let mut digest_t = f64::INFINITY;
    let mut briefing = None;
    for _ in 0..5 {
        let copies = analyses.clone();
        let t = Instant::now();
        let digests: Vec<Digest> = copies
            .into_iter()
            .zip(&articles)
            .map(|(an, a)| Digest::from_analysis(an, &a.text))
            .collect();
        let d = t.elapsed().as_secs_f64();
        let b = Briefing::build(&digests);
        merge = merge.min(t.elapsed().as_secs_f64());
        digest_t = digest_t.min(d);
        briefing = Some(b);
    }
    let briefing = briefing.expect("five runs");
    let digests: Vec<Digest> = analyses
        .iter()
        .zip(&articles)
        .map(|(an, a)| Digest::new(an, &a.text))
        .collect();
    let no_events: Vec<Digest> = digests
        .iter()
        .map(|d| Digest {
            events: Vec::new(),
            ..d.clone()
        })
        .collect();
    let (actors_t, _) = best_of(3, || Briefing::build(&no_events));
    println!(
        "of which digests {:.1} ms, actors {:.1} ms, events the rest",
        digest_t * 1e3,
        actors_t * 1e3
    );
    let members: usize = briefing.events.iter().map(|e| e.members.len()).sum();
    println!(
        "{n} articles (seed {seed}): {} actors -> {} briefing actors, {members} events -> {} briefing events",
        analyses.iter().map(|a| a.actors.len()).sum::<usize>(),
        briefing.actors.len(),
        briefing.events.len()
    );
    println!(
        "analysis {:.1} ms (one thread), merge {:.2} ms: {:.1}% of the analysis",
        analysis * 1e3,
        merge * 1e3,
        100.0 * merge / analysis
    );
}
