//! What the timeline adds to its rows: the place and participants of the selected event, and
//! the marker and heading of planned events, which are listed after what happened (see
//! [`crate::tui::prepared::Prepared::new`]).
//!
//! ```text
//!  ┃ 18 Feb  US-Russia talks in Riyadh
//!            where: Riyadh
//!            who: Marco Rubio, Sergei Lavrov, Saudi Arabia
//!    ── planned ──
//!   »19 Feb  Zelensky's visit to Riyadh
//! ```

use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::{clean, truncate};
use crate::model::{Event, EventStatus};
use crate::tui::app::App;
use crate::tui::layout::Panel;

/// Before a planned event's date, in place of the blank (or `~`): reads without colour.
pub(super) const PLANNED: &str = "»";

/// Whether an event is planned (announced, scheduled, expected) rather than past.
pub(super) fn planned(e: &Event) -> bool {
    e.status == EventStatus::Planned
}

/// The event whose place and participants show: the cursor's while the timeline has the
/// focus, else the one selected with Enter.
pub(super) fn detailed(app: &App) -> Option<usize> {
    if app.focus == Panel::Timeline {
        Some(app.event_cursor)
    } else {
        app.event
    }
}

/// The place and participants of `e`, each on its own rows after `indent` cells (the first
/// of them `mark`, as on the event's other rows), at most `width` cells wide; participants by name (their ids when the analysis has no such actor),
/// on up to three rows.
pub(super) fn details(
    app: &App,
    e: &Event,
    mark: &'static str,
    indent: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(indent).max(1);
    let pad = " ".repeat(indent.saturating_sub(1));
    let mut out = Vec::new();
    let mut push = |label: &str, text: String, most: usize| {
        let text = format!("{label}: {text}");
        let rows = textwrap::wrap(&text, room);
        for (j, row) in rows.iter().take(most).enumerate() {
            let row = if j + 1 == most && rows.len() > most {
                truncate(&format!("{row} …"), room)
            } else {
                truncate(row, room)
            };
            out.push(Line::from(vec![
                Span::styled(mark, app.theme.event_mark),
                Span::raw(pad.clone()),
                Span::styled(row, app.theme.dim),
            ]));
        }
    };
    if let Some(place) = &e.place {
        push("where", clean(place).into_owned(), 2);
    }
    if !e.participants.is_empty() {
        let actors = app
            .prepared()
            .map(|p| p.analysis.actors.as_slice())
            .unwrap_or(&[]);
        let names: Vec<String> = e
            .participants
            .iter()
            .map(|id| {
                let name = actors.iter().find(|a| &a.id == id).map_or(id, |a| &a.name);
                clean(name).into_owned()
            })
            .collect();
        push("who", names.join(", "), 3);
    }
    if planned(e) {
        push("status", "planned".into(), 1);
    }
    out
}

/// The heading before the first planned event.
pub(super) fn heading(app: &App, width: usize) -> ListItem<'static> {
    let text = truncate("  ── planned ──", width);
    ListItem::new(Line::styled(text, app.theme.heading))
}

/// The first planned event (they come after the others), if any.
pub(super) fn first_planned(events: &[Event]) -> Option<usize> {
    events.iter().position(planned)
}
