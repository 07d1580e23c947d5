//! Ad-hoc speed of the actor extraction, one core, release build:
//!
//!     cargo run --release --example actors_speed -- [FILES or a folder...]
//!     cargo run --release --example actors_speed -- --synth 1000
//!
//! Without arguments it times the bundled sample; `--synth N` times the generated corpus of
//! `examples/throughput` (N articles, seed 42). Each text is tokenized once (timed apart) and
//! its actors extracted repeatedly until about 50 MB have gone through.
use std::time::Instant;

use brief::analysis::actors;
use brief::segment::Document;

fn main() {
    let mut texts: Vec<String> = Vec::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = &args[..]
        && flag == "--synth"
    {
        let n: usize = n.parse().unwrap_or(1000);
        let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
        texts.extend(brief::synth::corpus(42, n, end).into_iter().map(|a| a.text));
    }
    let synth = !texts.is_empty();
    for arg in args.iter().filter(|_| !synth) {
        let path = std::path::Path::new(&arg);
        if path.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            entries.sort();
            texts.extend(
                entries
                    .iter()
                    .filter_map(|p| std::fs::read_to_string(p).ok()),
            );
        } else if let Ok(t) = std::fs::read_to_string(path) {
            texts.push(t);
        }
    }
    if texts.is_empty() {
        let json: serde_json::Value =
            serde_json::from_str(brief::load::SAMPLE_JSON).unwrap_or_default();
        texts.push(json["text"].as_str().unwrap_or("").to_string());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let rounds = (50_000_000 / bytes.max(1)).max(1);
    // Warm up the word lists and the model.
    let _ = actors::extract(&Document::new("Warm up in Paris."));
    let c0 = cpu_seconds().unwrap_or(0.0);
    let t0 = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    for _ in 0..rounds.min(20) {
        docs = texts.iter().map(|t| Document::new(t)).collect();
    }
    let tok = cpu_seconds().map_or(t0.elapsed().as_secs_f64(), |c| c - c0) / rounds.min(20) as f64;
    let cpu0 = cpu_seconds().unwrap_or(0.0);
    let t1 = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            n += actors::extract(d).len();
        }
    }
    let wall = t1.elapsed().as_secs_f64() / rounds as f64;
    // On a shared machine wall time counts other processes' turns: use this thread's CPU time.
    let cpu = cpu_seconds().map(|c| c - cpu0);
    let ext = cpu.map_or(wall, |c| c / rounds as f64);
    let mb = bytes as f64 / 1e6;
    println!(
        "{} texts, {:.2} MB, {} words, {} rounds ({} actors)",
        texts.len(),
        mb,
        words,
        rounds,
        n / rounds
    );
    println!(
        "extract: {:.1} MB/s by wall clock, {:.1} MB/s by CPU time",
        mb / wall,
        mb / ext
    );
    println!(
        "tokenize+sentences: {:.1} MB/s; actors::extract: {:.1} MB/s, {:.0} words/s; both: {:.1} MB/s",
        mb / tok,
        mb / ext,
        words as f64 / ext,
        mb / (tok + ext)
    );
}

/// This thread's CPU time (Linux `schedstat`), if known.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
