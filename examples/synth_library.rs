//! Writes a library of generated news-like articles, for benchmarks and trying the reader at scale.
//!
//!     cargo run --release --example synth_library -- DIR [COUNT] [SEED]
//!
//! Articles are written as a mix of plain text (with a dateline), Markdown with front matter and
//! JSON briefings, in subfolders of 500, so that every loader is exercised.

use std::path::PathBuf;
use std::process::ExitCode;

use brief::synth;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: synth_library DIR [COUNT] [SEED]");
        return ExitCode::from(2);
    };
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let mut bytes = 0usize;
    for (i, a) in synth::corpus(seed, count, end).into_iter().enumerate() {
        let sub = dir.join(format!("{:03}", i / 500));
        if let Err(e) = std::fs::create_dir_all(&sub) {
            eprintln!("synth_library: {}: {e}", sub.display());
            return ExitCode::FAILURE;
        }
        let date = a.published.map(|d| d.to_string()).unwrap_or_default();
        let (name, body) = match i % 3 {
            0 => (format!("{i:05}.txt"), a.text.clone()),
            1 => (
                format!("{i:05}.md"),
                format!(
                    "---\ntitle: {}\ndate: {date}\nsource: {}\n---\n{}",
                    a.title,
                    a.source.as_deref().unwrap_or(""),
                    a.text
                ),
            ),
            _ => (
                format!("{i:05}.json"),
                serde_json::json!({
                    "title": a.title,
                    "source": a.source,
                    "published": date,
                    "text": a.text,
                })
                .to_string(),
            ),
        };
        bytes += a.text.len();
        if let Err(e) = std::fs::write(sub.join(&name), body) {
            eprintln!("synth_library: {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!(
        "wrote {count} articles ({bytes} bytes of text) under {}",
        dir.display()
    );
    ExitCode::SUCCESS
}
