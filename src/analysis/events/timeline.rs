//! The timeline order: by date, undated events last in text order.

use std::ops::Range;

use crate::model::Event;

/// Sorts events by date, undated ones last in text order.
///
/// Dates compare by their start day: a range by its start, an ISO week by its Monday, a season or
/// quarter by its first month, a year or month before any day inside it.
pub fn sort_timeline(events: &mut [Event]) {
    events.sort_by_cached_key(|e| {
        (
            e.date.is_none(),
            e.date.as_deref().map(date_key).unwrap_or_default(),
            e.date.clone().unwrap_or_default(),
            e.start,
            e.end,
        )
    });
}

/// A key for a TIMEX3 value that sorts chronologically as text: "YYYY-MM-DD", with `00` for a
/// part the value does not give, followed by what is left of the value.
pub(super) fn date_key(value: &str) -> String {
    let first = value.split('/').next().unwrap_or(value);
    let b = first.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return first.to_string();
    }
    let year = &first[..4];
    let rest = &first[4..];
    let tail = |from: usize| rest.get(from..).unwrap_or("").to_string();
    if let Some(r) = rest.strip_prefix("-W") {
        let week: Option<i8> = r.get(..2).and_then(|w| w.parse().ok());
        let y: Option<i16> = year.parse().ok();
        if let (Some(y), Some(w)) = (y, week)
            && let Ok(d) = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
        {
            let d = d.date();
            return format!("{:04}-{:02}-{:02}{}", d.year(), d.month(), d.day(), tail(4));
        }
        return format!("{year}-00-00{rest}");
    }
    if let Some(r) = rest.strip_prefix('-') {
        let month = match r.get(..2) {
            Some("Q1") | Some("WI") => Some("01"),
            Some("Q2") => Some("04"),
            Some("SP") => Some("03"),
            Some("Q3") | Some("SU") => Some("06"),
            Some("FA") => Some("09"),
            Some("Q4") => Some("10"),
            _ => None,
        };
        if let Some(m) = month {
            return format!("{year}-{m}-00{}", tail(3));
        }
        if digits(5..7) {
            if b.get(7) == Some(&b'-') && digits(8..10) {
                return first.to_string();
            }
            return format!("{}-00{}", &first[..7], tail(3));
        }
    }
    format!("{year}-00-00{rest}")
}
