//! From the text to the actor: a cursor on the highlighted names in the body, like a link
//! cursor in a browser. `o` puts it on the first name on screen (then on the next one), `O` on
//! the last (then the previous one); while it is on, `Tab` and `Shift-Tab` step too. `Enter`
//! selects the actor under it (the actors panel and the "mention k/n" counter follow), `i`
//! opens the actor's detail view, `Esc` leaves it. Stepping past the last name on screen
//! scrolls to the next one in the text.
//!
//! Worked example: on "Ada Quint met the Port Authority. Quint said…", `o` marks "Ada Quint",
//! `o` again "Port Authority", `Enter` selects the Port Authority at its mention 1/1.

use super::{App, Search};
use crate::model::Span;
use crate::tui::action::Action;
use crate::tui::layout::Panel;
use crate::tui::wrap;

impl App {
    /// Every name the body shows: (its span, the actor, the mention's index), in text order.
    /// While the filter is on, only the names in the sentences it shows.
    fn names(&self) -> Vec<(Span, usize, usize)> {
        let (Some(p), Some(article)) = (self.prepared(), self.article()) else {
            return Vec::new();
        };
        let lines = &self.wrapped.lines;
        let shown = |s: Span| {
            lines
                .get(wrap::line_of(lines, s.start))
                .is_some_and(|l| !l.blank && l.start <= s.start && s.start < l.end)
        };
        let mut out: Vec<(Span, usize, usize)> = p
            .analysis
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                a.mentions
                    .iter()
                    .enumerate()
                    .map(move |(k, m)| (m.span(), i, k))
            })
            .filter(|(s, _, _)| s.fits(&article.text) && shown(*s))
            .collect();
        out.sort_by_key(|(s, i, k)| (s.start, s.end, *i, *k));
        out
    }

    /// The span of the name under the cursor, if the cursor is on.
    pub fn name_spot(&self) -> Option<Span> {
        let (i, k) = self.name_cursor?;
        let a = self.prepared()?.analysis.actors.get(i)?;
        a.mentions.get(k).map(|m| m.span())
    }

    /// The actor under the name cursor.
    pub fn name_actor(&self) -> Option<usize> {
        self.name_spot()?;
        self.name_cursor.map(|(i, _)| i)
    }

    /// The bytes on screen in the body: from the top row's first to the last row's end.
    fn view_bytes(&self) -> Option<Span> {
        let lines = &self.wrapped.lines;
        let top = self.top_line();
        let h = usize::from(self.plan().text.height).max(1);
        let first = lines.get(top)?;
        let last = lines.get((top + h).min(lines.len()).checked_sub(1)?)?;
        Some(Span::new(first.start, last.end.max(first.start)))
    }

    /// Before an action: moving the focus to another panel (`1`, `3`, `4`) leaves the name
    /// cursor, so `Enter` there does what it does in that panel.
    pub(super) fn names_before(&mut self, action: Action) {
        if matches!(
            action,
            Action::FocusLibrary | Action::FocusActors | Action::FocusTimeline
        ) {
            self.name_cursor = None;
        }
    }

    /// `o` / `O` (and `Tab` / `Shift-Tab` while the cursor is on): the cursor to the next or
    /// previous name. From a cursor off screen (or none), the first or last name on screen.
    pub(super) fn step_name(&mut self, forward: bool) {
        // The cursor is in the text: the text has the focus (Tab steps, Enter selects).
        self.focus = Panel::Body;
        self.sync();
        if self.prepared().is_none() {
            self.notice = Some("the names show once the analysis is done".into());
            return;
        }
        let names = self.names();
        if names.is_empty() {
            self.name_cursor = None;
            self.notice = Some("no names in the text".into());
            return;
        }
        let view = self.view_bytes();
        let on_screen = |s: Span| view.is_some_and(|v| v.start <= s.start && s.start < v.end);
        let here = self
            .name_cursor
            .and_then(|c| names.iter().find(|(_, i, k)| (*i, *k) == c))
            .filter(|(s, _, _)| on_screen(*s))
            .copied();
        let key = |n: &(Span, usize, usize)| (n.0.start, n.0.end, n.1, n.2);
        let found = match (here, forward) {
            (Some(h), true) => names.iter().find(|n| key(n) > key(&h)),
            (Some(h), false) => names.iter().rev().find(|n| key(n) < key(&h)),
            (None, true) => {
                let from = view.map_or(0, |v| v.start);
                names.iter().find(|n| n.0.start >= from)
            }
            (None, false) => {
                let to = view.map_or(usize::MAX, |v| v.end);
                names.iter().rev().find(|n| n.0.start < to)
            }
        };
        let (next, wrapped) = match found {
            Some(n) => (*n, false),
            None if forward => (names[0], here.is_some()),
            None => (names[names.len() - 1], here.is_some()),
        };
        self.name_cursor = Some((next.1, next.2));
        self.show(next.0.start);
        if wrapped {
            self.notice = Some(super::keys::wrapped_notice(forward, "name"));
        }
    }

    /// `Enter` on a name: selects its actor at this mention (the actors panel's cursor and the
    /// "mention k/n" counter follow) and leaves the name cursor.
    pub(super) fn select_name(&mut self) {
        let Some((i, k)) = self.name_cursor.take() else {
            return;
        };
        if self.name_spot_of(i, k).is_none() {
            return;
        }
        self.record_jump();
        self.selected = Some((i, k));
        self.search = Search::default();
        if let Some(row) = self.row_of_actor(i) {
            self.actor_cursor = row;
        }
        self.sync();
        if let Some(s) = self.name_spot_of(i, k) {
            self.show(s.start);
        }
    }

    fn name_spot_of(&self, i: usize, k: usize) -> Option<Span> {
        let a = self.prepared()?.analysis.actors.get(i)?;
        a.mentions.get(k).map(|m| m.span())
    }
}
