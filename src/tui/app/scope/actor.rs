//! The detail view of a library actor (`i` on the actors panel in library scope): its name,
//! kind, role, affiliation and other names as its articles give them, then the entries a cursor
//! moves over: its quotations (from every article), the library events it takes part in, and
//! the articles that mention it. `Enter` on a quotation opens its article at it, the actor
//! selected at its nearest mention; on an event, the event's first report at its sentence; on
//! an article, the article at the actor's first mention there (`n`/`N` then step on through
//! the library). `Esc` closes it.

use super::{Overlay, Target};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::detail::scroll_for;
use crate::tui::keymap::Key;

/// An entry of a library actor's detail view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibEntry {
    /// A quotation (index into the actor's [`crate::tui::merged::ActorDetail::quotes`]).
    Quote(usize),
    /// A library event (index into the briefing's events).
    Event(usize),
    /// An article that mentions it (index into the briefing actor's members).
    Article(usize),
}

impl App {
    /// The entries of library actor `k`'s detail view, in the order shown: its quotations,
    /// its events, the articles that mention it.
    pub fn library_detail_entries(&self, k: usize) -> Vec<LibEntry> {
        let Some(m) = self.merged() else {
            return Vec::new();
        };
        let (Some(a), Some(d)) = (m.briefing.actors.get(k), m.details.get(k)) else {
            return Vec::new();
        };
        let mut out: Vec<LibEntry> = (0..d.quotes.len()).map(LibEntry::Quote).collect();
        out.extend(d.events.iter().map(|&e| LibEntry::Event(e)));
        out.extend((0..a.members.len()).map(LibEntry::Article));
        out
    }

    /// `i` on the library's actors panel: the detail view of the actor under its cursor.
    pub(in crate::tui::app) fn open_library_detail(&mut self) {
        let Some(m) = self.merged() else {
            self.notice = Some(self.not_ready());
            return;
        };
        if m.briefing.actors.get(self.scope.actor_cursor).is_none() {
            self.notice = Some("no actor here".into());
            return;
        }
        self.scope.overlay = Some(Overlay::Actor {
            actor: self.scope.actor_cursor,
            cursor: 0,
            scroll: 0,
        });
    }

    /// Keys while a library actor's detail view is open: move over its entries, scroll, go
    /// to one, close.
    pub(super) fn library_detail_key(&mut self, key: Key, actor: usize, cursor: usize) {
        let entries = self.library_detail_entries(actor);
        let n = entries.len();
        let last = n.saturating_sub(1);
        // The rows the box shows: its height less the borders (the help's box, as drawn).
        let height = usize::from(self.size.1.saturating_sub(4)).max(1);
        let page = height.saturating_sub(2).max(1);
        let action = self.keymap.action(key);
        let Some(Overlay::Actor { scroll, .. }) = self.scope.overlay else {
            return;
        };
        match action {
            Some(Action::ActorDetail | Action::Quit | Action::Clear | Action::LibraryScope) => {
                self.scope.overlay = None;
                return;
            }
            Some(Action::Help) => {
                self.scope.overlay = None;
                self.help = Some(crate::tui::app::Help::default());
                return;
            }
            Some(Action::Activate) => {
                if let Some(&entry) = entries.get(cursor) {
                    self.scope.overlay = None;
                    self.library_detail_go(actor, entry);
                }
                return;
            }
            _ => {}
        }
        if n == 0 {
            let (_, rows, height) = crate::tui::widgets::library_detail_rows(self);
            let max = rows.saturating_sub(height);
            let scroll = match action {
                Some(Action::Down) => scroll + 1,
                Some(Action::Up) => scroll.saturating_sub(1),
                Some(Action::PageDown | Action::HalfPageDown) => scroll + page,
                Some(Action::PageUp | Action::HalfPageUp) => scroll.saturating_sub(page),
                Some(Action::Top) => 0,
                Some(Action::Bottom) => max,
                _ => scroll,
            }
            .min(max);
            self.scope.overlay = Some(Overlay::Actor {
                actor,
                cursor,
                scroll,
            });
            return;
        }
        let cursor = match action {
            Some(Action::Down | Action::Next) => (cursor + 1).min(last),
            Some(Action::Up | Action::Prev) => cursor.saturating_sub(1),
            Some(Action::PageDown) => (cursor + page).min(last),
            Some(Action::PageUp) => cursor.saturating_sub(page),
            Some(Action::HalfPageDown) => (cursor + page / 2 + 1).min(last),
            Some(Action::HalfPageUp) => cursor.saturating_sub(page / 2 + 1),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => last,
            _ => cursor,
        }
        .min(last);
        self.scope.overlay = Some(Overlay::Actor {
            actor,
            cursor,
            scroll,
        });
        // The rows depend on the cursor (its entry is shown in full): measured again.
        let (ranges, _, height) = crate::tui::widgets::library_detail_rows(self);
        if let Some(range) = ranges.get(cursor) {
            let scroll = scroll_for(scroll, range.clone(), height, cursor == 0);
            self.scope.overlay = Some(Overlay::Actor {
                actor,
                cursor,
                scroll,
            });
        }
    }

    /// `Enter` on an entry of a library actor's detail view.
    fn library_detail_go(&mut self, k: usize, entry: LibEntry) {
        match entry {
            LibEntry::Quote(j) => {
                let Some(q) = self
                    .merged()
                    .and_then(|m| m.details.get(k))
                    .and_then(|d| d.quotes.get(j))
                    .cloned()
                else {
                    return;
                };
                self.scope.actor = Some((k, None));
                self.go_target(Target::Quote {
                    article: q.article,
                    actor: q.actor,
                    at: q.start,
                });
                if self.scope.pending.is_some() {
                    self.notice = Some("analysing…".into());
                }
            }
            LibEntry::Event(e) => {
                self.scope.event = Some((e, 0));
                self.scope.event_cursor = e;
                self.go_event(e, 0);
            }
            LibEntry::Article(member) => {
                self.overlay_go(
                    Overlay::Mentions {
                        actor: k,
                        cursor: member,
                    },
                    member,
                );
            }
        }
    }
}
