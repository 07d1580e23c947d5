//! Events for the timeline: what happened, when, where, and who took part. (Filled in by the
//! timeline issue.)

use jiff::civil::Date;

use super::text::Document;
use crate::model::{Actor, Event, Timex};

/// Finds the events of a document, sorted for the timeline.
pub fn extract(
    _doc: &Document,
    _actors: &[Actor],
    _timexes: &[Timex],
    _reference: Option<Date>,
) -> Vec<Event> {
    Vec::new()
}

/// Sorts events by date, undated ones last in text order.
pub fn sort_timeline(events: &mut [Event]) {
    events.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y).then(a.start.cmp(&b.start)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.start.cmp(&b.start),
    });
}
