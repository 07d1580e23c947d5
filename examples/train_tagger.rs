//! Trains the name tagger's weights from CoNLL-2003 and writes `assets/lexicon/tagger.bin`.
//!
//!     cargo run --release --example train_tagger -- /path/to/conll2003/eng.train [EPOCHS] [OUT]
//!         [--bits N] [--dev /path/to/conll2003/eng.testa]
//!
//! `--bits` sets the number of feature buckets (2^N, default the shipped size); `--dev` prints
//! the raw tagger's PER+ORG+LOC F1 on a held-out file (exact spans on our tokens: a quick guide
//! while tuning, not the scorer's figure).
//!
//! Each document is rebuilt as the scorer does (tokens joined by spaces, one sentence a line),
//! cut with our own tokenizer, and each token takes the label of the gold name it starts or lies
//! in. Deterministic: documents in file order, no shuffling, so the same corpus gives the same
//! weights. Only the weights are written; no corpus text.

use std::process::ExitCode;

use brief::analysis::actors::tagger::{self, O, Trainer, label};
use brief::analysis::lexicon;
use brief::segment::Document;

fn main() -> ExitCode {
    let mut args: Vec<String> = Vec::new();
    let mut bits = tagger::BITS;
    let mut dev = None;
    let mut it = std::env::args();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bits" => bits = it.next().and_then(|s| s.parse().ok()).unwrap_or(bits),
            "--dev" => dev = it.next(),
            _ => args.push(a),
        }
    }
    let Some(path) = args.get(1) else {
        eprintln!("usage: train_tagger CONLL_TRAIN_FILE [EPOCHS] [OUT] [--bits N] [--dev FILE]");
        return ExitCode::FAILURE;
    };
    let epochs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(8);
    let out = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "assets/lexicon/tagger.bin".to_string());
    let raw = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let docs = read_conll(&raw);
    eprintln!("{} documents", docs.len());
    let mut trainer = Trainer::new(bits);
    for epoch in 0..epochs {
        let (mut right, mut total) = (0, 0);
        for (text, spans) in &docs {
            let doc = Document::new(text);
            let gold = labels(&doc, spans);
            let (r, t) = trainer.train_doc(&doc, &gold);
            right += r;
            total += t;
        }
        eprintln!(
            "epoch {}: {:.2}% of scored tokens right",
            epoch + 1,
            100.0 * right as f64 / total.max(1) as f64
        );
    }
    let model = trainer.finish();
    let header = format!(
        "# brief name tagger weights (averaged perceptron, {} epochs, 2^{} buckets x {} labels), trained on CoNLL-2003 eng.train by `cargo run --release --example train_tagger -- eng.train {}`; weights only, no corpus text",
        epochs,
        bits,
        tagger::LABELS,
        epochs
    );
    if let Some(dev) = dev {
        match std::fs::read_to_string(&dev) {
            Ok(raw) => evaluate(&model, &read_conll(&raw)),
            Err(e) => eprintln!("{dev}: {e}"),
        }
    }
    let bytes = model.to_bytes(&header);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    ExitCode::SUCCESS
}

/// A document: its text and its names as (start, end, type index).
type Doc = (String, Vec<(usize, usize, usize)>);

/// Documents as (text, [(start, end, type index)]).
fn read_conll(raw: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut first_in_sentence = true;
    let flush = |text: &mut String, spans: &mut Vec<_>, docs: &mut Vec<_>| {
        if !text.is_empty() {
            docs.push((std::mem::take(text), std::mem::take(spans)));
        }
    };
    for line in raw.lines() {
        if line.starts_with("-DOCSTART-") {
            if let Some(c) = cur.take() {
                spans.push(c);
            }
            if !first_in_sentence {
                text.push('\n');
                first_in_sentence = true;
            }
            flush(&mut text, &mut spans, &mut docs);
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            if let Some(c) = cur.take() {
                spans.push(c);
            }
            if !first_in_sentence {
                text.push('\n');
                first_in_sentence = true;
            }
            continue;
        }
        let (tok, tag) = (parts[0], parts[parts.len() - 1]);
        if !first_in_sentence {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(tok);
        let end = text.len();
        let typ = tag
            .get(2..)
            .and_then(|t| tagger::TYPES.iter().position(|x| *x == t));
        let begins = tag.starts_with("B-")
            || (tag.starts_with("I-")
                && (first_in_sentence || cur.is_none_or(|c| Some(c.2) != typ)));
        if let Some(c) = cur
            && (typ.is_none() || begins)
        {
            spans.push(c);
            cur = None;
        }
        match (typ, cur.as_mut()) {
            (Some(t), None) => cur = Some((start, end, t)),
            (Some(_), Some(c)) => c.1 = end,
            _ => {}
        }
        first_in_sentence = false;
    }
    if let Some(c) = cur.take() {
        spans.push(c);
    }
    if !first_in_sentence {
        text.push('\n');
    }
    flush(&mut text, &mut spans, &mut docs);
    docs
}

fn labels(doc: &Document, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut out = vec![O; doc.tokens.len()];
    let mut k = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        while k < spans.len() && spans[k].1 <= t.start {
            k += 1;
        }
        if let Some(&(s, e, typ)) = spans.get(k)
            && t.start >= s
            && t.end <= e
        {
            out[i] = label(tagger::EntityType::ALL[typ], t.start != s);
        }
    }
    out
}

/// Prints the tagger's PER+ORG+LOC precision, recall and F1 on documents (exact spans).
fn evaluate(model: &tagger::Model, docs: &[Doc]) {
    let lx = lexicon::get();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (text, spans) in docs {
        let doc = Document::new(text);
        let gold = names(&labels(&doc, spans));
        let info = tagger::token_info(&doc, lx);
        let found = names(&tagger::tag_with(&doc, &info, model));
        tp += found.iter().filter(|n| gold.contains(n)).count();
        fp += found.iter().filter(|n| !gold.contains(n)).count();
        fn_ += gold.iter().filter(|n| !found.contains(n)).count();
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    eprintln!("dev PER+ORG+LOC: P {p:.4} R {r:.4} F1 {f:.4} (tp {tp}, fp {fp}, fn {fn_})");
}

/// The PER, ORG and LOC names of a label sequence, as (first token, end token, type).
fn names(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == O {
            i += 1;
            continue;
        }
        let t = tagger::type_of(labels[i]);
        let mut j = i + 1;
        while j < labels.len() && labels[j] == label(t, true) {
            j += 1;
        }
        if t != tagger::EntityType::Misc {
            out.push((i, j, t as usize));
        }
        i = j;
    }
    out
}
