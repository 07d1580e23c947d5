//! The order of the actors panel (`s` cycles it): by salience, the analysis's order (named
//! often, early and in the headline); by mentions, the most mentioned first; or by name. The
//! headings by kind stay: only the actors under each heading are reordered.

use std::borrow::Cow;

use super::{ActorRow, App};

/// How the actors panel orders the actors under each kind heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorSort {
    /// The analysis's order: most salient first.
    #[default]
    Salience,
    /// Most mentions first (ties: the more salient first).
    Mentions,
    /// By name, ignoring case (ties: the more salient first).
    Name,
}

impl ActorSort {
    /// The next order in the cycle.
    pub const fn next(self) -> Self {
        match self {
            ActorSort::Salience => ActorSort::Mentions,
            ActorSort::Mentions => ActorSort::Name,
            ActorSort::Name => ActorSort::Salience,
        }
    }

    /// The order saved as `name` (its [`ActorSort::label`]); `None` for a name not known.
    pub fn from_label(name: &str) -> Option<Self> {
        [ActorSort::Salience, ActorSort::Mentions, ActorSort::Name]
            .into_iter()
            .find(|s| s.label() == name)
    }

    /// Its name on screen ("by salience").
    pub const fn label(self) -> &'static str {
        match self {
            ActorSort::Salience => "salience",
            ActorSort::Mentions => "mentions",
            ActorSort::Name => "name",
        }
    }
}

impl App {
    /// The rows of the actors panel in the chosen order: the analysis's rows (headings by kind,
    /// most salient first under each), the actors under each heading sorted again when the
    /// order is by mentions or by name.
    pub fn actor_rows(&self) -> Cow<'_, [ActorRow]> {
        let Some(p) = self.prepared() else {
            return Cow::Borrowed(&[]);
        };
        if self.actor_sort == ActorSort::Salience {
            return Cow::Borrowed(&p.actor_rows);
        }
        let actors = &p.analysis.actors;
        let mut rows = p.actor_rows.clone();
        // Each run of actor rows between headings is one kind's list.
        for run in rows.split_mut(|r| matches!(r, ActorRow::Heading(_))) {
            match self.actor_sort {
                ActorSort::Salience => {}
                ActorSort::Mentions => run.sort_by_key(|r| match r {
                    ActorRow::Actor(i) => (
                        std::cmp::Reverse(actors.get(*i).map_or(0, |a| a.mentions.len())),
                        *i,
                    ),
                    ActorRow::Heading(_) => (std::cmp::Reverse(0), usize::MAX),
                }),
                ActorSort::Name => run.sort_by_cached_key(|r| match r {
                    ActorRow::Actor(i) => (
                        actors
                            .get(*i)
                            .map_or_else(String::new, |a| a.name.to_lowercase()),
                        *i,
                    ),
                    ActorRow::Heading(_) => (String::new(), usize::MAX),
                }),
            }
        }
        Cow::Owned(rows)
    }

    /// The row of actor `i` in the actors panel, as now ordered.
    pub fn row_of_actor(&self, i: usize) -> Option<usize> {
        self.actor_rows()
            .iter()
            .position(|r| *r == ActorRow::Actor(i))
    }

    /// `s`: the next order of the actors panel; the cursor stays on its actor.
    pub(super) fn cycle_actor_sort(&mut self) {
        if self.scope.library {
            // The library's actors have their own order (by articles): this one is the
            // article's, which the panel does not show now.
            self.notice = Some(format!(
                "{} orders this article's actors: {} shows them",
                self.keymap.label(crate::tui::action::Action::SortActors),
                self.keymap.label(crate::tui::action::Action::LibraryScope)
            ));
            return;
        }
        let at = self.actor_row(self.actor_cursor);
        self.actor_sort = self.actor_sort.next();
        if let Some(row) = at.and_then(|i| self.row_of_actor(i)) {
            self.actor_cursor = row;
        }
        self.notice = Some(format!("actors by {}", self.actor_sort.label()));
    }
}
