//! Trains the part-of-speech tagger's weights from CoNLL-2003 and writes `assets/lexicon/pos.bin`.
//!
//!     cargo run --release --example train_pos -- /path/to/conll2003/eng.train [EPOCHS] [OUT]
//!         [--bits N] [--dev /path/to/conll2003/eng.testa] [--dict-min N] [--dict-share F]
//!
//! Each document is rebuilt as the scorer rebuilds CoNLL text (tokens joined by spaces, one
//! sentence a line) and cut by our own tokenizer; each of our tokens takes the POS tag of the
//! CoNLL token it starts in (merged as `pos::Pos::from_ptb` says). Deterministic: documents in
//! file order, no shuffling. Only the weights are written, no corpus text. `--dev` prints the
//! accuracy on a held-out file (words scored by the model, and all tokens).

use std::process::ExitCode;

use brief::analysis::pos::{self, Pos, Trainer};
use brief::segment::{Document, TokenKind};

/// The tag dictionary's words: seen at least this many times ...
const DICT_MIN: u32 = 3;
/// ... with one tag in at least this share of them.
const DICT_SHARE: f64 = 0.95;

fn main() -> ExitCode {
    let mut args: Vec<String> = Vec::new();
    let mut bits = pos::BITS;
    let mut dev = None;
    let (mut dict_min, mut dict_share) = (DICT_MIN, DICT_SHARE);
    let mut it = std::env::args();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bits" => bits = it.next().and_then(|s| s.parse().ok()).unwrap_or(bits),
            "--dev" => dev = it.next(),
            "--dict-min" => dict_min = it.next().and_then(|s| s.parse().ok()).unwrap_or(dict_min),
            "--dict-share" => {
                dict_share = it.next().and_then(|s| s.parse().ok()).unwrap_or(dict_share);
            }
            _ => args.push(a),
        }
    }
    let Some(path) = args.get(1) else {
        eprintln!("usage: train_pos CONLL_TRAIN_FILE [EPOCHS] [OUT] [--bits N] [--dev FILE]");
        return ExitCode::FAILURE;
    };
    let epochs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(6);
    let out = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "assets/lexicon/pos.bin".to_string());
    let docs = match std::fs::read_to_string(path) {
        Ok(raw) => read_conll(&raw),
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("{} documents", docs.len());
    let mut trainer = Trainer::new(bits);
    for (text, spans) in &docs {
        let doc = Document::new(text);
        trainer.count(&doc, &gold_tags(&doc, spans));
    }
    let n = trainer.freeze_dict(dict_min, dict_share);
    eprintln!("tag dictionary: {n} words ({dict_min}+ times, {dict_share} one tag)");
    for epoch in 0..epochs {
        let (mut right, mut total) = (0, 0);
        for (text, spans) in &docs {
            let doc = Document::new(text);
            let gold = gold_tags(&doc, spans);
            let (r, t) = trainer.train_doc(&doc, &gold);
            right += r;
            total += t;
        }
        eprintln!(
            "epoch {}: {:.2}% of words right",
            epoch + 1,
            100.0 * right as f64 / total.max(1) as f64
        );
    }
    let model = trainer.finish();
    if let Some(dev) = dev {
        match std::fs::read_to_string(&dev) {
            Ok(raw) => evaluate(&model, &read_conll(&raw)),
            Err(e) => eprintln!("{dev}: {e}"),
        }
    }
    let header = format!(
        "# brief part-of-speech tagger weights (averaged perceptron, {epochs} epochs, 2^{bits} buckets x {} tags, a tag dictionary of words seen {dict_min}+ times with one tag in {dict_share} of them), trained on the POS column of CoNLL-2003 eng.train by `cargo run --release --example train_pos -- eng.train {epochs}`; weights only, no corpus text",
        pos::TAGS
    );
    let bytes = model.to_bytes(&header);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    ExitCode::SUCCESS
}

/// A document: its text and its CoNLL tokens as (start, end, tag).
type Doc = (String, Vec<(usize, usize, Pos)>);

fn read_conll(raw: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut first = true;
    for line in raw.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with("-DOCSTART-") || parts.is_empty() {
            if !first {
                text.push('\n');
                first = true;
            }
            if line.starts_with("-DOCSTART-") && !text.is_empty() {
                docs.push((std::mem::take(&mut text), std::mem::take(&mut spans)));
            }
            continue;
        }
        if !first {
            text.push(' ');
        }
        first = false;
        let start = text.len();
        text.push_str(parts[0]);
        let tag = parts.get(1).copied().unwrap_or("NN");
        spans.push((start, text.len(), Pos::from_ptb(tag)));
    }
    if !text.is_empty() {
        docs.push((text, spans));
    }
    docs
}

/// The gold tag of each of our tokens: that of the CoNLL token it starts in (punctuation and
/// numbers cut out of a longer CoNLL token keep their own kind's tag).
fn gold_tags(doc: &Document, spans: &[(usize, usize, Pos)]) -> Vec<Pos> {
    let mut k = 0;
    doc.tokens
        .iter()
        .map(|t| {
            while k < spans.len() && spans[k].1 <= t.start {
                k += 1;
            }
            match spans.get(k) {
                Some(&(s, _, tag)) if s == t.start => tag,
                _ => match t.kind {
                    TokenKind::Punct => Pos::Punct,
                    TokenKind::Number => Pos::CD,
                    TokenKind::Word => spans.get(k).map_or(Pos::NN, |s| s.2),
                },
            }
        })
        .collect()
}

fn evaluate(model: &pos::Model, docs: &[Doc]) {
    let (mut wr, mut wt, mut ar, mut at) = (0usize, 0usize, 0usize, 0usize);
    let mut confusion = std::collections::BTreeMap::<(&str, &str), usize>::new();
    let t0 = std::time::Instant::now();
    let mut bytes = 0;
    for (text, spans) in docs {
        let doc = Document::new(text);
        bytes += text.len();
        let keys = pos::keys(&doc);
        let tags = pos::tag_with(&doc, &keys, model);
        let gold = gold_tags(&doc, spans);
        for ((t, g), tok) in tags.iter().zip(&gold).zip(&doc.tokens) {
            at += 1;
            ar += usize::from(t == g);
            if tok.kind == TokenKind::Word {
                wt += 1;
                wr += usize::from(t == g);
                if t != g {
                    *confusion.entry((g.name(), t.name())).or_default() += 1;
                }
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    eprintln!(
        "dev: words {:.2}% right ({wr}/{wt}), all tokens {:.2}% ({ar}/{at}); {:.1} MB/s (tokenizer included)",
        100.0 * wr as f64 / wt.max(1) as f64,
        100.0 * ar as f64 / at.max(1) as f64,
        bytes as f64 / 1e6 / secs
    );
    let mut c: Vec<_> = confusion.into_iter().collect();
    c.sort_by_key(|x| std::cmp::Reverse(x.1));
    for ((g, t), n) in c.iter().take(12) {
        eprintln!("  gold {g:<5} tagged {t:<5} {n}");
    }
}
