//! CSV (RFC 4180): one row per briefing event, a header first, CRLF line ends, fields quoted
//! when they hold a comma, a quote or a line break, quotes doubled. A cell that a spreadsheet
//! would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
//! a leading `'`.

use super::{Input, one_line};

/// One field, neutralised and quoted as needed.
pub fn field(s: &str) -> String {
    let s = one_line(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV document.
pub fn csv(input: &Input<'_>) -> String {
    let b = input.briefing;
    let index = b.actor_index(input.articles.len());
    let mut out = String::from("date,label,kind,place,participants,sources\r\n");
    for e in &b.events {
        let row = [
            field(e.date.as_deref().unwrap_or("")),
            field(&e.label),
            field(&e.kind),
            field(e.place.as_deref().unwrap_or("")),
            field(&input.participants(e, &index).join("; ")),
            field(&input.sources(e).join("; ")),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
