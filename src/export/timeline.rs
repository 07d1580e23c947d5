//! TimelineJS3 JSON: `events` with `start_date` `{year, month, day}`, `text {headline, text}`,
//! `group`, and `display_date` where the date is approximate (a month, a week, a season, a
//! year). Undated events are left out (TimelineJS needs a start date).

use serde_json::{Map, Value, json};

use super::{Input, one_line};
use crate::briefing::{Grain, Interval};

/// Text from an article, safe in TimelineJS, which renders `headline` and `text` as HTML.
pub fn escape_html(s: &str) -> String {
    let line = one_line(s);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

use crate::calendar::MONTHS;

fn date_object(d: jiff::civil::Date, grain: Grain) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(d.year()));
    if grain != Grain::Year {
        m.insert("month".into(), json!(d.month()));
    }
    if matches!(grain, Grain::Day | Grain::Week | Grain::Range) {
        m.insert("day".into(), json!(d.day()));
    }
    Value::Object(m)
}

/// How an approximate date reads ("February 2025", "week 8 of 2025", "summer 2025", "2025").
fn display(value: &str, d: &Interval) -> Option<String> {
    let month = |m: i8| MONTHS.get(usize::try_from(m - 1).unwrap_or(0)).copied();
    match d.grain {
        Grain::Day | Grain::Range => None,
        Grain::Month => month(d.first.month()).map(|m| format!("{m} {}", d.first.year())),
        Grain::Year => Some(d.first.year().to_string()),
        Grain::Week => Some(format!(
            "week {} of {}",
            value
                .rsplit('W')
                .next()
                .unwrap_or("")
                .trim_start_matches('0'),
            d.first.year()
        )),
        Grain::Season => {
            let name = match value.rsplit('-').next().unwrap_or("") {
                "SP" => "spring".to_string(),
                "SU" => "summer".to_string(),
                "FA" | "AU" => "autumn".to_string(),
                "WI" => "winter".to_string(),
                q => q.to_string(),
            };
            Some(format!("{name} {}", d.first.year()))
        }
    }
}

/// The TimelineJS3 document, pretty-printed.
pub fn timelinejs(input: &Input<'_>) -> String {
    let b = input.briefing;
    let index = b.actor_index(input.articles.len());
    let mut events = Vec::new();
    for e in &b.events {
        let Some(value) = e.date.as_deref() else {
            continue;
        };
        let Some(d) = Interval::parse(value) else {
            continue;
        };
        let mut text = String::new();
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &e.place {
            parts.push(escape_html(p));
        }
        let who = input.participants(e, &index);
        if !who.is_empty() {
            parts.push(
                who.iter()
                    .map(|w| escape_html(w))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        if e.status == crate::briefing::Status::Planned {
            parts.push("planned".into());
        }
        if !parts.is_empty() {
            text.push_str(&format!("<p>{}</p>", parts.join(" · ")));
        }
        let sources: Vec<String> = input
            .sources(e)
            .iter()
            .map(|s| format!("<li>{}</li>", escape_html(s)))
            .collect();
        text.push_str(&format!("<p>Sources:</p><ul>{}</ul>", sources.concat()));
        for c in &e.conflicts {
            text.push_str(&format!("<p>Disagreement: {}</p>", escape_html(c)));
        }
        let mut ev = Map::new();
        ev.insert("start_date".into(), date_object(d.first, d.grain));
        if d.grain == Grain::Range || d.grain == Grain::Week {
            ev.insert("end_date".into(), date_object(d.last, Grain::Day));
        }
        if let Some(shown) = display(value, &d) {
            ev.insert("display_date".into(), json!(shown));
        }
        ev.insert(
            "text".into(),
            json!({"headline": escape_html(&e.label), "text": text}),
        );
        ev.insert("group".into(), json!(escape_html(&e.kind)));
        ev.insert("unique_id".into(), json!(e.id));
        events.push(Value::Object(ev));
    }
    let doc = json!({
        "title": {
            "text": {
                "headline": escape_html(&input.story()),
                "text": format!("{} article{}", input.articles.len(),
                    if input.articles.len() == 1 { "" } else { "s" }),
            }
        },
        "events": events,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
