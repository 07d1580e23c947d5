//! iCalendar (RFC 5545): one all-day VEVENT per dated briefing event (planned ones included,
//! as TENTATIVE). A day is `DTSTART;VALUE=DATE`; a month, week, season, year or range spans its
//! days (`DTEND` is the day after the last, as the RFC has it). Lines end in CRLF and are folded
//! at 75 octets; text values escape `\`, `;`, `,` and line breaks.

use super::{Input, one_line};
use crate::briefing::{Grain, Interval, Status};

/// A TEXT value (RFC 5545 3.3.11): one line, `\`, `;` and `,` escaped.
pub fn escape_text(s: &str) -> String {
    let line = one_line(s);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | ';' | ',') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One content line, folded at 75 octets (never inside a character), ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn basic(d: jiff::civil::Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The calendar. `stamp` is the DTSTAMP, a UTC date-time `YYYYMMDDTHHMMSSZ` (the time of the
/// export; given, so that the export itself stays pure).
pub fn ics(input: &Input<'_>, stamp: &str) -> String {
    let b = input.briefing;
    let index = b.actor_index(input.articles.len());
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//brief//briefing export//EN",
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, l);
    }
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&input.story())),
    );
    for e in &b.events {
        let Some(value) = e.date.as_deref() else {
            continue;
        };
        let Some(d) = Interval::parse(value) else {
            continue;
        };
        let Ok(end) = d.last.tomorrow() else {
            continue;
        };
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:{}-{}@brief", e.id, uid_hash(e, value)),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", basic(d.first)));
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", basic(end)));
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&e.label)));
        if let Some(p) = &e.place {
            push_line(&mut out, &format!("LOCATION:{}", escape_text(p)));
        }
        let mut desc: Vec<String> = Vec::new();
        if d.grain != Grain::Day {
            desc.push(format!("Date as reported: {value}"));
        }
        let who = input.participants(e, &index);
        if !who.is_empty() {
            desc.push(format!("Participants: {}", who.join(", ")));
        }
        desc.push(format!("Sources: {}", input.sources(e).join("; ")));
        desc.extend(e.conflicts.iter().map(|c| format!("Disagreement: {c}")));
        let desc: Vec<String> = desc.iter().map(|d| escape_text(d)).collect();
        push_line(&mut out, &format!("DESCRIPTION:{}", desc.join("\\n")));
        push_line(&mut out, &format!("CATEGORIES:{}", escape_text(&e.kind)));
        push_line(
            &mut out,
            match e.status {
                Status::Planned => "STATUS:TENTATIVE",
                Status::Happened => "STATUS:CONFIRMED",
            },
        );
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// A short hash of what the event is, so that UIDs differ between exports of different
/// briefings (FNV-1a, 32 bits, hexadecimal).
fn uid_hash(e: &crate::briefing::BriefingEvent, value: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in e.label.bytes().chain(value.bytes()).chain(e.kind.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}
