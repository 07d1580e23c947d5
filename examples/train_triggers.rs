//! Trains the event trigger tagger from TimeML (TempEval-3 TBAQ-cleaned) and writes
//! `assets/lexicon/triggers.bin`; with `--cross`, first trains on each corpus alone and scores
//! the other (never a score on training text).
//!
//!     cargo run --release --example train_triggers -- TIMEBANK_DIR AQUAINT_DIR
//!         [--epochs N] [--bits N] [--out PATH] [--cross] [--models DIR]
//!
//! Each `.tml` file's TEXT is rebuilt as the scorer does (tags dropped, entities decoded), cut by
//! our tokenizer and tagged by the shipped part-of-speech model; the first word token an EVENT
//! overlaps takes its class. Deterministic: files in name order, no shuffling. Only weights are
//! written. `--models DIR` also writes the single-corpus models (`triggers-timebank.bin`,
//! `triggers-aquaint.bin`) for the cross-corpus experiments. MEANTIME is never read here.
//!
//! Scores printed for a held-out corpus: token level (a system trigger meets a gold EVENT by
//! overlap, any class; class accuracy of the met ones), and the scorer's notion of a timeline
//! event: system triggers that pass `Trigger::asserted_occurrence` against the gold asserted
//! occurrences (class OCCURRENCE, an instance with polarity POS, no modality, tense not FUTURE;
//! files with more NEG than POS instances read the other way, as `score.py` does), precision
//! against any gold EVENT. Also the speed of POS + triggers on the held-out text.

use std::path::Path;
use std::process::ExitCode;

use brief::analysis::pos;
use brief::analysis::triggers::{self, EventClass, Trainer};
use brief::segment::{Document, TokenKind};

/// A gold event: byte span, class, and whether some instance of it is asserted.
#[derive(Clone, Debug)]
struct Gold {
    start: usize,
    end: usize,
    class: Option<EventClass>,
    asserted: bool,
}

struct TmlDoc {
    text: String,
    events: Vec<Gold>,
}

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let (mut epochs, mut bits, mut cross) = (8usize, triggers::BITS, false);
    let mut out = "assets/lexicon/triggers.bin".to_string();
    let mut models: Option<String> = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => epochs = it.next().and_then(|s| s.parse().ok()).unwrap_or(epochs),
            "--bits" => bits = it.next().and_then(|s| s.parse().ok()).unwrap_or(bits),
            "--out" => out = it.next().unwrap_or(out),
            "--models" => models = it.next(),
            "--cross" => cross = true,
            _ => dirs.push(a),
        }
    }
    if dirs.len() != 2 {
        eprintln!(
            "usage: train_triggers TIMEBANK_DIR AQUAINT_DIR [--epochs N] [--bits N] [--out PATH] [--cross] [--models DIR]"
        );
        return ExitCode::FAILURE;
    }
    let tb = read_dir(&dirs[0]);
    let aq = read_dir(&dirs[1]);
    eprintln!("TimeBank {} files, AQUAINT {} files", tb.len(), aq.len());
    if cross {
        for (name, train, test, test_name) in [
            ("timebank", &tb, &aq, "AQUAINT"),
            ("aquaint", &aq, &tb, "TimeBank"),
        ] {
            let m = train_on(&[train], epochs, bits);
            println!("trained on {name} only, scored on {test_name}:");
            evaluate(&m, test);
            if let Some(dir) = &models {
                let p = Path::new(dir).join(format!("triggers-{name}.bin"));
                let h = header(epochs, bits, name);
                if let Err(e) = std::fs::write(&p, m.to_bytes(&h)) {
                    eprintln!("{}: {e}", p.display());
                }
            }
        }
    }
    let m = train_on(&[&tb, &aq], epochs, bits);
    let bytes = m.to_bytes(&header(epochs, bits, "TimeBank and AQUAINT"));
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    ExitCode::SUCCESS
}

fn header(epochs: usize, bits: u32, what: &str) -> String {
    format!(
        "# brief event trigger weights (averaged perceptron, {epochs} epochs, 2^{bits} buckets x {} labels), trained on the EVENT annotations of TempEval-3 TBAQ-cleaned {what} by `cargo run --release --example train_triggers`; weights only, no corpus text",
        triggers::LABELS
    )
}

fn train_on(sets: &[&Vec<TmlDoc>], epochs: usize, bits: u32) -> triggers::Model {
    let mut t = Trainer::new(bits);
    // Tagging is the same every epoch: done once.
    let prepared: Vec<(Document, Vec<pos::Pos>, Vec<u8>)> = sets
        .iter()
        .flat_map(|s| s.iter())
        .map(|d| {
            let doc = Document::new(&d.text);
            let tags = pos::tag(&doc);
            let gold = labels(&doc, &d.events);
            (doc, tags, gold)
        })
        .collect();
    for e in 0..epochs {
        let (mut r, mut n) = (0, 0);
        for (doc, tags, gold) in &prepared {
            let (a, b) = t.train_doc(doc, tags, gold);
            r += a;
            n += b;
        }
        eprintln!(
            "epoch {}: {:.2}% of candidates right",
            e + 1,
            100.0 * r as f64 / n.max(1) as f64
        );
    }
    t.finish()
}

/// The label of each token: the class of the first word token each EVENT overlaps.
fn labels(doc: &Document, events: &[Gold]) -> Vec<u8> {
    let mut out = vec![0u8; doc.tokens.len()];
    for g in events {
        let Some(c) = g.class else { continue };
        if let Some(i) = doc
            .tokens
            .iter()
            .position(|t| t.kind == TokenKind::Word && t.start < g.end && g.start < t.end)
        {
            out[i] = c as u8;
        }
    }
    out
}

fn evaluate(m: &triggers::Model, docs: &[TmlDoc]) {
    let (mut sys, mut gold, mut met, mut class_ok) = (0usize, 0usize, 0usize, 0usize);
    let (mut a_sys, mut a_gold, mut a_found, mut a_right) = (0usize, 0usize, 0usize, 0usize);
    let mut skipped_gold = 0usize;
    let (mut o_found, mut any_found) = (0usize, 0usize);
    let mut secs = 0.0;
    let mut bytes = 0usize;
    for d in docs {
        let doc = Document::new(&d.text);
        let t0 = std::time::Instant::now();
        let keys = pos::keys(&doc);
        let tags = pos::tag_with(&doc, &keys, pos::model());
        let found = triggers::find_with(&doc, &keys, &tags, m);
        secs += t0.elapsed().as_secs_f64();
        bytes += d.text.len();
        let overlaps = |t: &triggers::Trigger, g: &Gold| t.start < g.end && g.start < t.end;
        sys += found.len();
        gold += d.events.len();
        for g in &d.events {
            let tok = doc
                .tokens
                .iter()
                .position(|t| t.kind == TokenKind::Word && t.start < g.end && g.start < t.end);
            if tok.is_none_or(|i| !triggers::candidate(tags[i])) {
                skipped_gold += 1;
            }
        }
        for t in &found {
            if let Some(g) = d.events.iter().find(|g| overlaps(t, g)) {
                met += 1;
                class_ok += usize::from(g.class == Some(t.class));
            }
        }
        let asserted: Vec<&triggers::Trigger> =
            found.iter().filter(|t| t.asserted_occurrence()).collect();
        a_sys += asserted.len();
        a_right += asserted
            .iter()
            .filter(|t| d.events.iter().any(|g| overlaps(t, g)))
            .count();
        for g in d
            .events
            .iter()
            .filter(|g| g.asserted && g.class == Some(EventClass::Occurrence))
        {
            o_found += usize::from(
                found
                    .iter()
                    .any(|t| t.class == EventClass::Occurrence && overlaps(t, g)),
            );
            any_found += usize::from(found.iter().any(|t| overlaps(t, g)));
        }
        for g in d
            .events
            .iter()
            .filter(|g| g.asserted && g.class == Some(EventClass::Occurrence))
        {
            a_gold += 1;
            a_found += usize::from(asserted.iter().any(|t| overlaps(t, g)));
        }
    }
    let pr = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let (p, r) = (pr(met, sys), pr(met, gold));
    println!(
        "  token level: P {p:.3} R {r:.3} F1 {:.3} ({met} met of {sys} system, {gold} gold; {skipped_gold} gold on a non-candidate tag); class right {:.3}",
        2.0 * p * r / (p + r).max(1e-9),
        pr(class_ok, met)
    );
    println!(
        "  asserted occurrences: recall {:.3} ({a_found}/{a_gold}), precision against any EVENT {:.3} ({a_right}/{a_sys})",
        pr(a_found, a_gold),
        pr(a_right, a_sys)
    );
    println!(
        "  of the gold asserted occurrences, met by an OCCURRENCE trigger whatever its cues {:.3}, by a trigger of any class {:.3}",
        pr(o_found, a_gold),
        pr(any_found, a_gold)
    );
    println!(
        "  speed: keys + POS + triggers {:.1} MB/s ({bytes} bytes, wall clock)",
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}

fn read_dir(dir: &str) -> Vec<TmlDoc> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|raw| read_tml(&raw))
        .collect()
}

/// The value of attribute `name` in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!(" {name}=\"");
    let p = tag.find(&pat)? + pat.len();
    let rest = &tag[p..];
    rest.find('"').map(|e| &rest[..e])
}

fn decode_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(e) = rest.find(';') else { break };
        let ent = &rest[1..e];
        match ent {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => {
                let n = ent
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()));
                match n.and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[..=e]),
                }
            }
        }
        rest = &rest[e + 1..];
    }
    out.push_str(rest);
}

fn read_tml(raw: &str) -> TmlDoc {
    let body = raw
        .find("<TEXT>")
        .and_then(|s| raw[s + 6..].find("</TEXT>").map(|e| &raw[s + 6..s + 6 + e]))
        .unwrap_or("");
    let mut text = String::new();
    let mut events = Vec::new();
    let mut open: Option<(usize, String, Option<EventClass>)> = None;
    let mut ids = Vec::new();
    let mut rest = body;
    while let Some(p) = rest.find('<') {
        decode_into(&mut text, &rest[..p]);
        let Some(e) = rest[p..].find('>') else { break };
        let tag = &rest[p..p + e + 1];
        if tag.starts_with("<EVENT ") {
            let class = attr(tag, "class").and_then(EventClass::from_name);
            open = Some((
                text.len(),
                attr(tag, "eid").unwrap_or("").to_string(),
                class,
            ));
        } else if tag == "</EVENT>"
            && let Some((s, eid, class)) = open.take()
        {
            ids.push(eid);
            events.push(Gold {
                start: s,
                end: text.len(),
                class,
                asserted: false,
            });
        }
        rest = &rest[p + e + 1..];
    }
    decode_into(&mut text, rest);
    // Instances: asserted when polarity POS, no modality, tense not FUTURE.
    let inst: Vec<&str> = raw
        .match_indices("<MAKEINSTANCE")
        .filter_map(|(p, _)| raw[p..].find('>').map(|e| &raw[p..p + e]))
        .collect();
    let neg = inst
        .iter()
        .filter(|t| attr(t, "polarity") == Some("NEG"))
        .count();
    let flip = 2 * neg > inst.len();
    for t in &inst {
        let pol = attr(t, "polarity").unwrap_or("POS");
        let pos_ = if flip { pol == "NEG" } else { pol == "POS" };
        let modal =
            attr(t, "modality").is_some_and(|m| !m.is_empty() && !m.eq_ignore_ascii_case("none"));
        if pos_
            && !modal
            && attr(t, "tense") != Some("FUTURE")
            && let Some(eid) = attr(t, "eventID")
            && let Some(k) = ids.iter().position(|x| x == eid)
        {
            events[k].asserted = true;
        }
    }
    TmlDoc { text, events }
}
