//! The actor detail view (`i`): everything the article says about one actor, over the panels.
//! Its names, kind, role, affiliation and mention count, then the entries a cursor moves over:
//! the quotations it said (issue 16: who said what), the events it takes part in, and each
//! sentence it is named in. `Enter` on an entry closes the view and shows it in the body with
//! the actor selected at its mention there ("mention k/n" follows); `Esc` closes it.
//!
//! Worked example: a story where Ada Quint is named in four sentences, said one quotation and
//! takes part in two events lists one quote, two events and four sentences; `G Enter` shows the
//! last sentence with "mention 4/4" in the status line.

use super::{App, Help, Search};
use crate::model::Span;
use crate::tui::action::Action;
use crate::tui::keymap::Key;
use crate::tui::layout::Panel;

/// The detail view's state: whose it is, the entry under the cursor, the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Detail {
    /// The actor (index into the analysis's actors).
    pub actor: usize,
    /// The entry under the cursor (index into [`App::detail_targets`]).
    pub cursor: usize,
    /// The first row shown.
    pub scroll: usize,
}

/// An entry of the detail view and where `Enter` on it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A quotation the actor said (index into the analysis's quotes).
    Quote(usize),
    /// An event the actor takes part in (index into the analysis's events).
    Event(usize),
    /// A sentence naming the actor, and the first mention in it (index into its mentions).
    Sentence(Span, usize),
}

/// The first row to show so the rows `entry` of an entry are on screen (as many as fit, its
/// first one always), moving as little as possible from `scroll`; the top when the cursor is
/// on the first entry, so the actor's summary shows.
pub fn scroll_for(
    scroll: usize,
    entry: std::ops::Range<usize>,
    height: usize,
    first: bool,
) -> usize {
    let height = height.max(1);
    let mut s = if first { 0 } else { scroll };
    if entry.end > s + height {
        s = entry.end - height;
    }
    if entry.start < s {
        s = entry.start;
    }
    s
}

impl App {
    /// The entries of the detail view of actor `i`, in the order shown: its quotations, the
    /// events it takes part in, the sentences naming it.
    pub fn detail_targets_of(&self, i: usize) -> Vec<Target> {
        let Some(p) = self.prepared() else {
            return Vec::new();
        };
        let Some(a) = p.analysis.actors.get(i) else {
            return Vec::new();
        };
        let mut out: Vec<Target> = p
            .analysis
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker.as_deref() == Some(a.id.as_str()))
            .map(|(j, _)| Target::Quote(j))
            .collect();
        out.extend(
            p.analysis
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| e.participants.contains(&a.id))
                .map(|(j, _)| Target::Event(j)),
        );
        let mut last: Option<Span> = None;
        for (k, m) in a.mentions.iter().enumerate() {
            let s = p.sentence_at(m.start).unwrap_or(m.span());
            if last != Some(s) {
                out.push(Target::Sentence(s, k));
                last = Some(s);
            }
        }
        out
    }

    /// The entries of the open detail view.
    pub fn detail_targets(&self) -> Vec<Target> {
        self.detail
            .map(|d| self.detail_targets_of(d.actor))
            .unwrap_or_default()
    }

    /// `i`: the detail view of the actor under the name cursor, else the one under the actors
    /// panel's cursor (when it has the focus), else the selected one.
    pub(super) fn open_detail(&mut self) {
        // The library's actors panel: the library actor under its cursor, across the articles.
        if self.scope.library
            && self.focus == Panel::Actors
            && !self.reading
            && self.name_cursor.is_none()
        {
            self.open_library_detail();
            return;
        }
        // In the library scope the panel lists the library's actors, not this article's.
        let on_panel = (self.focus == Panel::Actors && !self.reading && !self.scope.library)
            .then(|| self.actor_row(self.actor_cursor))
            .flatten();
        let actor = self
            .name_actor()
            .or(on_panel)
            .or(self.selected.map(|(i, _)| i));
        match actor {
            Some(actor) => {
                self.detail = Some(Detail {
                    actor,
                    cursor: 0,
                    scroll: 0,
                });
            }
            None if self.scope.library => {
                self.notice = Some(format!(
                    "the actor in full is this article's: {} on a name, or {} for its actors",
                    self.keymap.label(Action::NextName),
                    self.keymap.label(Action::LibraryScope)
                ));
            }
            None => {
                self.notice = Some(
                    "no actor to show: select one (Enter in the actors panel, or o on a name)"
                        .into(),
                );
            }
        }
    }

    /// Keys while the detail view is open: move over its entries, scroll, go to one, close.
    pub(super) fn detail_key(&mut self, key: Key) {
        let Some(mut d) = self.detail else {
            return;
        };
        let (entries, rows, height) = crate::tui::widgets::detail_rows(self);
        let n = entries.len();
        let last = n.saturating_sub(1);
        let page = height.saturating_sub(2).max(1);
        let action = self.keymap.action(key);
        match action {
            Some(Action::ActorDetail | Action::Quit | Action::Clear) => {
                self.detail = None;
                return;
            }
            Some(Action::Help) => {
                self.detail = None;
                self.help = Some(Help::default());
                return;
            }
            Some(Action::Activate) => {
                self.detail_go();
                return;
            }
            Some(Action::Copy) => {
                // The entry under the cursor: a quotation with its speaker, an event's or a
                // naming sentence.
                self.copy();
                return;
            }
            _ => {}
        }
        if n == 0 {
            // Nothing to move over: the keys scroll.
            let max = rows.saturating_sub(height);
            d.scroll = match action {
                Some(Action::Down) => d.scroll + 1,
                Some(Action::Up) => d.scroll.saturating_sub(1),
                Some(Action::PageDown | Action::HalfPageDown) => d.scroll + page,
                Some(Action::PageUp | Action::HalfPageUp) => d.scroll.saturating_sub(page),
                Some(Action::Top) => 0,
                Some(Action::Bottom) => max,
                _ => d.scroll,
            }
            .min(max);
            self.detail = Some(d);
            return;
        }
        d.cursor = match action {
            Some(Action::Down | Action::Next) => (d.cursor + 1).min(last),
            Some(Action::Up | Action::Prev) => d.cursor.saturating_sub(1),
            Some(Action::PageDown) => (d.cursor + page).min(last),
            Some(Action::PageUp) => d.cursor.saturating_sub(page),
            Some(Action::HalfPageDown) => (d.cursor + page / 2 + 1).min(last),
            Some(Action::HalfPageUp) => d.cursor.saturating_sub(page / 2 + 1),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => last,
            _ => d.cursor,
        }
        .min(last);
        self.detail = Some(d);
        // The rows depend on the cursor (its entry is shown in full): measured again.
        let (entries, _, height) = crate::tui::widgets::detail_rows(self);
        if let Some(range) = entries.get(d.cursor) {
            d.scroll = scroll_for(d.scroll, range.clone(), height, d.cursor == 0);
        }
        self.detail = Some(d);
    }

    /// `Enter` in the detail view: closes it and shows the entry in the body, the actor
    /// selected at its mention there.
    fn detail_go(&mut self) {
        let Some(d) = self.detail else {
            return;
        };
        let Some(target) = self.detail_targets().get(d.cursor).copied() else {
            return;
        };
        let Some(p) = self.prepared() else {
            return;
        };
        let Some(a) = p.analysis.actors.get(d.actor) else {
            return;
        };
        // The mention nearest a place: the actor's mention there is the current one.
        let nearest =
            |pos: usize| (0..a.mentions.len()).min_by_key(|&k| a.mentions[k].start.abs_diff(pos));
        let (mention, first, pos, event) = match target {
            Target::Sentence(s, k) => (
                Some(k),
                s.start,
                a.mentions.get(k).map_or(s.start, |m| m.start),
                None,
            ),
            Target::Quote(j) => {
                let Some(q) = p.analysis.quotes.get(j) else {
                    return;
                };
                let first = p.sentence_at(q.start).map_or(q.start, |s| s.start);
                (nearest(q.start), first, q.start, None)
            }
            Target::Event(j) => {
                let Some(e) = p.analysis.events.get(j) else {
                    return;
                };
                if e.start >= e.end {
                    self.detail = None;
                    self.event = Some(j);
                    self.event_cursor = j;
                    self.notice = Some("the text does not state this event".into());
                    return;
                }
                let first = p.sentence_at(e.start).map_or(e.start, |s| s.start);
                (nearest(e.start), first, e.start, Some(j))
            }
        };
        self.detail = None;
        self.name_cursor = None;
        self.record_jump();
        self.search = Search::default();
        self.selected = Some((d.actor, mention.unwrap_or(0)));
        if let Some(row) = self.row_of_actor(d.actor) {
            self.actor_cursor = row;
        }
        if let Some(j) = event {
            self.event = Some(j);
            self.event_cursor = j;
        }
        // The filter shows the actor's sentences only; a quotation's or event's may not name it.
        if self.filter && !matches!(target, Target::Sentence(..)) {
            self.filter = false;
        }
        self.reveal_body();
        self.sync();
        self.show_from(first, pos);
    }
}
