//! Writes a library of generated news-like articles, for benchmarks and trying the reader at scale.
//!
//!     cargo run --release --example synth_library -- DIR [COUNT] [SEED]
//!
//! Articles are written as a mix of plain text (with a dateline), Markdown with front matter and
//! JSON briefings, in subfolders of 500, so that every loader is exercised
//! ([`brief::synth::write_library`]).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: synth_library DIR [COUNT] [SEED]");
        return ExitCode::from(2);
    };
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    match brief::synth::write_library(&dir, seed, count, end) {
        Ok(bytes) => {
            println!(
                "wrote {count} articles ({bytes} bytes of text) under {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth_library: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
