//! The cost of each step of the trigger path (word keys, part-of-speech tags, triggers) on the
//! generated corpus, three runs: `cargo run --release --example trig_speed -- [ARTICLES]`.
use std::time::Instant;

use brief::analysis::{pos, triggers};
use brief::segment::{Document, TokenKind};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let articles = brief::synth::corpus(42, n, end);
    let docs: Vec<Document> = articles.iter().map(|a| Document::new(&a.text)).collect();
    // `BRIEF_POS_MODEL=FILE`: another part-of-speech model (from `train_pos`) to time.
    let other = std::env::var_os("BRIEF_POS_MODEL")
        .and_then(|p| std::fs::read(p).ok())
        .map(|b| pos::Model::from_bytes(&b));
    let pm = other.as_ref().unwrap_or_else(|| pos::model());
    let tm = triggers::model();
    let (mut toks, mut words, mut hits, mut cands, mut found) = (0, 0, 0, 0, 0);
    for d in &docs {
        let keys = pos::keys(d);
        let tags = pos::tag_with(d, &keys, pm);
        toks += d.tokens.len();
        for (t, k) in d.tokens.iter().zip(&keys) {
            if t.kind == TokenKind::Word {
                words += 1;
                if pm.lookup(k.lower).is_some() {
                    hits += 1;
                }
            }
        }
        cands += tags.iter().filter(|&&p| triggers::candidate(p)).count();
        found += triggers::find_with(d, &keys, &tags, tm).len();
    }
    println!("tokens {toks} words {words} dict hits {hits} candidates {cands} triggers {found}");
    for _ in 0..3 {
        let t0 = Instant::now();
        let keys: Vec<_> = docs.iter().map(pos::keys).collect();
        let t1 = Instant::now();
        let tags: Vec<_> = docs
            .iter()
            .zip(&keys)
            .map(|(d, k)| pos::tag_with(d, k, pm))
            .collect();
        let t2 = Instant::now();
        let mut k = 0;
        for ((d, ks), tg) in docs.iter().zip(&keys).zip(&tags) {
            k += triggers::find_with(d, ks, tg, tm).len();
        }
        let t3 = Instant::now();
        println!(
            "keys {:.1} ms, pos {:.1} ms, triggers {:.1} ms ({k})",
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            (t3 - t2).as_secs_f64() * 1e3
        );
    }
}
