//! Prints the `brief analyze --json` contract for plain-text or JSON-briefing files, without the
//! loaders (for measuring the analysis with `score.py --cmd`):
//!
//!     cargo build --release --example analyze_json
//!     python3 score.py conll eng.testa --cmd target/release/examples/analyze_json

use brief::model::Article;
use brief::{Options, analyze, contract};

fn main() {
    let mut date = None;
    let mut articles = Vec::new();
    for arg in std::env::args().skip(1) {
        if let Some(d) = arg.strip_prefix("--date=") {
            date = d.parse().ok();
            continue;
        }
        let Ok(raw) = std::fs::read_to_string(&arg) else {
            eprintln!("{arg}: cannot read");
            std::process::exit(1);
        };
        let text = if arg.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&raw)
                .ok()
                .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
                .unwrap_or_default()
        } else {
            raw.strip_prefix('\u{feff}').unwrap_or(&raw).to_string()
        };
        articles.push(Article {
            text,
            path: Some(arg.into()),
            ..Article::default()
        });
    }
    let options = Options { date };
    let analyses: Vec<_> = articles.iter().map(|a| analyze(a, &options)).collect();
    let pairs: Vec<_> = articles.iter().zip(&analyses).collect();
    println!("{}", contract::to_json(&pairs));
}
