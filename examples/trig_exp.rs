//! A throwaway experiment: every asserted OCCURRENCE trigger as a timeline event, in the shape
//! of `brief analyze --json` (text, timexes, events with `trigger`), so that
//! `score.py timeml|meantime --cmd "target/release/examples/trig_exp [OPTIONS]"` can score what
//! the trigger tagger would give the timeline before it is wired in.
//!
//!     trig_exp [--model PATH] [--margin N] [--keep-inf] [--noun-dct] [--date=YYYY-MM-DD] FILE...
//!
//! A trigger's date: the calendar value of the nearest DATE time expression of its sentence,
//! else the reference date for a past-tense verb (and, with `--noun-dct`, for a noun or an
//! adjective), else none. `--model` reads single-corpus weights (train_triggers `--models`):
//! score a corpus only with a model not trained on it.

use std::path::PathBuf;

use brief::analysis::{self, pos, triggers};
use brief::model::TimexType;
use brief::segment::Document;

fn main() {
    let mut files = Vec::new();
    let mut model_path = None;
    let mut date = None;
    let (mut margin, mut keep_inf, mut noun_dct) = (0i16, false, false);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if let Some(d) = a.strip_prefix("--date=") {
            date = d.parse::<jiff::civil::Date>().ok();
            continue;
        }
        match a.as_str() {
            "--model" => model_path = it.next(),
            "--margin" => margin = it.next().and_then(|s| s.parse().ok()).unwrap_or(0),
            "--keep-inf" => keep_inf = true,
            "--noun-dct" => noun_dct = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    let model = match &model_path {
        Some(p) => triggers::Model::from_bytes(&std::fs::read(p).unwrap_or_default()),
        None => triggers::Model::from_bytes(&[]),
    };
    let model = if model_path.is_some() {
        &model
    } else {
        triggers::model()
    };
    let options = brief::Options { date };
    let mut arts = Vec::new();
    for f in &files {
        let Ok(articles) = brief::load::load_file(f) else {
            continue;
        };
        for art in articles {
            let a = analysis::analyze(&art, &options);
            let reference = a.reference.map(|r| r.date.to_string());
            let doc = Document::new(&art.text);
            let keys = pos::keys(&doc);
            let tags = pos::tag_with(&doc, &keys, pos::model());
            let mut events = Vec::new();
            for t in triggers::find_with(&doc, &keys, &tags, model) {
                let ok = t.class == triggers::EventClass::Occurrence
                    && !t.negated
                    && !t.modal
                    && !t.future
                    && (keep_inf || t.tense != triggers::Tense::Infinitive)
                    && t.margin >= margin;
                if !ok {
                    continue;
                }
                let sent = doc.sentence_at(t.start).map(|s| doc.sentences[s].span);
                let timex = a
                    .timexes
                    .iter()
                    .filter(|x| {
                        x.kind == TimexType::Date
                            && sent.is_some_and(|s| s.start <= x.start && x.end <= s.end)
                            && x.value.as_deref().is_some_and(|v| {
                                v.len() >= 4 && v.bytes().take(4).all(|b| b.is_ascii_digit())
                            })
                    })
                    .min_by_key(|x| x.start.abs_diff(t.start));
                let date = match timex {
                    Some(x) => x.value.clone(),
                    None if t.tense == triggers::Tense::Past || (noun_dct && !t.pos.is_verb()) => {
                        reference.clone()
                    }
                    None => None,
                };
                events.push(serde_json::json!({
                    "label": &art.text[t.start..t.end],
                    "kind": "event",
                    "date": date,
                    "place": null,
                    "participants": [],
                    "start": t.start,
                    "end": t.end,
                    "trigger": {"start": t.start, "end": t.end},
                }));
            }
            arts.push(serde_json::json!({
                "text": art.text,
                "timexes": a.timexes,
                "events": events,
                "actors": a.actors,
            }));
        }
    }
    println!("{}", serde_json::json!({ "articles": arts }));
}
