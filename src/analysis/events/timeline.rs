//! The timeline order: by date, undated events last in text order.

use std::fmt::Write as _;
use std::ops::Range;

use crate::model::Event;

/// Sorts events by date, undated ones last in text order.
///
/// Dates compare by their start day: a range by its start, an ISO week by its Monday, a season or
/// quarter by its first month, a year or month before any day inside it.
pub fn sort_timeline(events: &mut [Event]) {
    // Every key is written once into one buffer; the order is found on indices, then applied.
    let mut keys = String::with_capacity(events.len() * 10);
    let spans: Vec<Range<usize>> = events
        .iter()
        .map(|e| {
            let from = keys.len();
            if let Some(d) = e.date.as_deref() {
                push_date_key(&mut keys, d);
            }
            from..keys.len()
        })
        .collect();
    let mut order: Vec<(bool, &str, &str, usize, usize, usize)> = events
        .iter()
        .zip(&spans)
        .enumerate()
        .map(|(i, (e, span))| {
            (
                e.date.is_none(),
                keys.get(span.clone()).unwrap_or(""),
                e.date.as_deref().unwrap_or(""),
                e.start,
                e.end,
                i,
            )
        })
        .collect();
    // The index ends every key: an unstable sort keeps equal events in their order.
    order.sort_unstable();
    let mut order: Vec<usize> = order.into_iter().map(|k| k.5).collect();
    // Position k takes the event at order[k]: follow each cycle of the permutation once.
    for i in 0..order.len() {
        let mut j = i;
        while order[j] != j {
            let next = order[j];
            order[j] = j;
            if next == i {
                break;
            }
            events.swap(j, next);
            j = next;
        }
    }
}

/// A key for a TIMEX3 value that sorts chronologically as text: "YYYY-MM-DD", with `00` for a
/// part the value does not give, followed by what is left of the value.
#[cfg(test)]
pub(super) fn date_key(value: &str) -> String {
    let mut out = String::new();
    push_date_key(&mut out, value);
    out
}

/// Appends the key of `date_key` to `out`.
fn push_date_key(out: &mut String, value: &str) {
    // The start of a range "A/B": a byte loop, values are short.
    let first = match value.bytes().position(|b| b == b'/') {
        Some(k) => value.get(..k).unwrap_or(value),
        None => value,
    };
    let b = first.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        out.push_str(first);
        return;
    }
    let year = &first[..4];
    let rest = &first[4..];
    let tail = |from: usize| rest.get(from..).unwrap_or("");
    if let Some(r) = rest.strip_prefix("-W") {
        let week: Option<i8> = r.get(..2).and_then(|w| w.parse().ok());
        let y: Option<i16> = year.parse().ok();
        if let (Some(y), Some(w)) = (y, week)
            && let Ok(d) = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
        {
            let d = d.date();
            // Writing to a String cannot fail.
            let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            out.push_str(tail(4));
            return;
        }
        out.extend([year, "-00-00", rest]);
        return;
    }
    if let Some(r) = rest.strip_prefix('-') {
        let month = match r.get(..2) {
            Some("Q1") | Some("WI") => Some("-01-00"),
            Some("Q2") => Some("-04-00"),
            Some("SP") => Some("-03-00"),
            Some("Q3") | Some("SU") => Some("-06-00"),
            Some("FA") => Some("-09-00"),
            Some("Q4") => Some("-10-00"),
            _ => None,
        };
        if let Some(m) = month {
            out.extend([year, m, tail(3)]);
            return;
        }
        if digits(5..7) {
            if b.get(7) == Some(&b'-') && digits(8..10) {
                out.push_str(first);
                return;
            }
            out.extend([&first[..7], "-00", tail(3)]);
            return;
        }
    }
    out.extend([year, "-00-00", rest]);
}
