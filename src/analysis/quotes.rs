//! Direct quotations and their speakers.
//!
//! A quotation is text between curly (“…”) or straight ("…") double quotes. Its speaker is the
//! actor named next to a verb of saying in the same sentence: before the quotation ("Sorokin said
//! the talks were “…”", "but added that “…”") or after it ("“…,” said Ivanov", "“…,” Ivanov
//! said"). Short quoted phrases with no speaker are scare quotes ("to “reset” ties"), not
//! quotations.

use crate::model::{Actor, ActorKind, Quote};
use crate::segment::{Document, TokenKind};

/// Verbs and phrases that introduce or follow a quotation.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "announced",
    "noted",
    "explained",
    "warned",
    "insisted",
    "declared",
    "asked",
    "argued",
    "stressed",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "replied",
    "answered",
    "claimed",
    "remarked",
    "acknowledged",
    "admitted",
    "recalled",
    "concluded",
    "continued",
    "described",
    "called",
];

/// How many tokens may stand between the speaker and the quotation.
const REACH: usize = 12;

/// Finds the quotations of a document, in text order.
pub fn extract(doc: &Document, actors: &[Actor]) -> Vec<Quote> {
    // Speaker candidates: mentions of people (and of organisations and countries, which issue
    // statements), as (start, end, actor index).
    let mut speakers: Vec<(usize, usize, usize, bool)> = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind != ActorKind::Place)
        .flat_map(|(k, a)| {
            let person = a.kind == ActorKind::Person;
            a.mentions.iter().map(move |m| (m.start, m.end, k, person))
        })
        .collect();
    speakers.sort_unstable();
    let mut out = Vec::new();
    let toks = &doc.tokens;
    let mut open: Option<usize> = None;
    let mut last: Option<(usize, Option<usize>)> = None;
    for (i, t) in toks.iter().enumerate() {
        // A straight quote left open at a paragraph's end does not pair across it: the next
        // paragraph's quote opens anew (a quotation running on opens each paragraph).
        if t.breaks_before >= 2 {
            open = None;
        }
        if t.kind != TokenKind::Punct {
            continue;
        }
        let s = t.text(doc.text);
        let (is_open, is_close) = match s {
            "\u{201C}" => (true, false),
            "\u{201D}" => (false, true),
            // A straight quote opens when it leans on the word after it, and closes when it
            // leans on the word before it.
            "\"" => {
                let next_attached = toks.get(i + 1).is_some_and(|n| !n.space_before);
                if t.space_before && next_attached || i == 0 {
                    (true, false)
                } else if !t.space_before {
                    (false, true)
                } else {
                    (open.is_none(), open.is_some())
                }
            }
            _ => (false, false),
        };
        if is_open {
            open = Some(i);
        } else if is_close && let Some(o) = open.take() {
            if i <= o + 1 {
                continue;
            }
            let (start, end) = (toks[o].end, toks[i].start);
            let words = (o + 1..i)
                .filter(|&k| toks[k].kind == TokenKind::Word)
                .count();
            let speaker = speaker(doc, &speakers, o, i, last);
            last = Some((i, speaker));
            if speaker.is_some() || words >= 4 {
                out.push(Quote {
                    speaker: speaker.map(|k| actors[k].id.clone()),
                    start: trim_start(doc.text, start, end),
                    end: trim_end(doc.text, start, end),
                });
            }
        }
    }
    out.retain(|q| q.start < q.end);
    out
}

fn trim_start(text: &str, start: usize, end: usize) -> usize {
    let inner = text.get(start..end).unwrap_or("");
    start + (inner.len() - inner.trim_start().len())
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let inner = text.get(start..end).unwrap_or("");
    start + inner.trim_end().len()
}

fn is_speech(doc: &Document, k: usize) -> bool {
    SPEECH.contains(&doc.tok(k))
}

/// The actor index of the speaker of the quotation between tokens `o` and `c`; `prev` is the
/// closing token and speaker of the quotation before, which "but added that “…”" continues.
fn speaker(
    doc: &Document,
    speakers: &[(usize, usize, usize, bool)],
    o: usize,
    c: usize,
    prev: Option<(usize, Option<usize>)>,
) -> Option<usize> {
    let toks = &doc.tokens;
    let (lo, hi) = sentence_range(doc, o, c);
    // "he said": the last person named before the quotation.
    let pronoun = |k: usize| -> Option<Option<usize>> {
        matches!(doc.tok(k), "he" | "she" | "He" | "She").then(|| {
            let at = toks.get(o).map_or(0, |t| t.start);
            // Speakers are sorted by start: look back from the quotation, not through all.
            let n = speakers.partition_point(|m| m.0 < at);
            speakers[..n]
                .iter()
                .rev()
                .take(200)
                .find(|m| m.1 <= at && m.3)
                .map(|m| m.2)
        })
    };
    let mention_at = |k: usize| -> Option<usize> {
        let t = toks.get(k)?;
        let n = speakers.partition_point(|m| m.0 <= t.start);
        speakers[..n]
            .iter()
            .rev()
            .take(8)
            .find(|m| t.end <= m.1)
            .map(|m| m.2)
    };
    // Before: "X said (that) “…”", a verb of saying at most four words before the quotation
    // and the speaker's name at most three words before the verb.
    let from = o.saturating_sub(5).max(lo);
    if let Some(v) = (from..o).rev().find(|&k| is_speech(doc, k)) {
        for k in (v.saturating_sub(3).max(lo)..v).rev() {
            if let Some(a) = mention_at(k) {
                return Some(a);
            }
            if let Some(p) = pronoun(k) {
                return p;
            }
            if let Some((pc, ps)) = prev
                && pc == k
            {
                return ps;
            }
        }
    }
    // After: "“…,” said X" or "“…,” X said".
    let to = (c + 6).min(hi);
    let mut found = None;
    let mut verb = false;
    for k in c + 1..to {
        if is_speech(doc, k) {
            verb = true;
        } else if found.is_none()
            && let Some(a) = mention_at(k)
        {
            found = Some(a);
        } else if found.is_none()
            && let Some(p) = pronoun(k)
        {
            found = p;
        }
        if verb && found.is_some() {
            return found;
        }
        if matches!(doc.tok(k), "." | "\u{201C}") {
            break;
        }
    }
    None
}

/// Token range of the sentences holding tokens `o..=c`.
fn sentence_range(doc: &Document, o: usize, c: usize) -> (usize, usize) {
    let at = |k: usize| {
        let pos = doc.tokens.get(k).map_or(0, |t| t.start);
        doc.sentence_at(pos)
            .and_then(|s| doc.sentences.get(s))
            .map(|s| (s.tokens.start, s.tokens.end))
    };
    let lo = at(o).map_or(0, |r| r.0);
    let hi = at(c).map_or(doc.tokens.len(), |r| r.1);
    // A closing quote may end a sentence: let "said X" after it count too.
    let hi = doc
        .sentence_at(doc.tokens.get(hi).map_or(usize::MAX, |t| t.start))
        .and_then(|s| doc.sentences.get(s))
        .filter(|_| hi < doc.tokens.len())
        .map_or(hi, |s| s.tokens.end.min(hi + REACH));
    (lo, hi)
}
