//! What a key can ask for. One vocabulary for the key map file, the help screen and the code.

use serde::{Deserialize, Serialize};

use super::layout::Panel;

/// Something the user asks the reader to do. The names (snake case) are the ones used in
/// `keys.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Quit, saving the reading position.
    Quit,
    /// Show or hide the help screen (every binding, searchable).
    Help,
    /// Move the focus to the next panel.
    FocusNext,
    /// Move the focus to the previous panel.
    FocusPrev,
    /// Focus the library (in medium layouts it takes the side column).
    FocusLibrary,
    /// Focus the body text.
    FocusBody,
    /// Focus the actors.
    FocusActors,
    /// Focus the timeline.
    FocusTimeline,
    /// Scroll or move the cursor one line down.
    Down,
    /// Scroll or move the cursor one line up.
    Up,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Open the article, select the actor (first mention) or go to the event's sentence.
    Activate,
    /// Next search match, or next mention of the selected actor (wraps).
    Next,
    /// Previous search match, or previous mention of the selected actor (wraps).
    Prev,
    /// Search the body as you type; Enter keeps the matches, Esc drops them.
    Search,
    /// Clear the search, the filter and the selection, one at a time.
    Clear,
    /// Show only the sentences that mention the selected actor (again: show all).
    Filter,
    /// Open the previous article.
    PrevArticle,
    /// Open the next article.
    NextArticle,
    /// Back to where the last jump came from.
    JumpBack,
    /// Forward again in the jump list.
    JumpForward,
    /// List the library again (after `brief fetch` or `brief add`: new articles appear,
    /// removed ones go, the article on screen stays), then read the article on screen again
    /// from disk and analyse it again. Only the disk is read, never the network.
    Reload,
    /// Reading view: the body alone, the whole width (again: back to the panels).
    ReadingView,
    /// Clear the terminal and draw everything again (after another program wrote over it).
    Redraw,
    /// List the problems met loading the articles (files that did not load, warnings).
    Problems,
    /// Order the actors panel by salience, by mentions or by name (cycles).
    SortActors,
    /// The name cursor to the next name in the text (the first on screen to start); while it
    /// is on, `Tab` steps too, `Enter` selects the actor, `Esc` leaves.
    NextName,
    /// The name cursor to the previous name in the text (the last on screen to start).
    PrevName,
    /// The actor in full (the one under the name cursor, the actors panel's cursor, or the
    /// selected one): its names, role, affiliation, mentions, the quotations it said, the
    /// events it takes part in and the sentences naming it; `Enter` on one shows it.
    ActorDetail,
    /// The library view: every article on a row, the whole screen wide (again: back).
    LibraryView,
    /// In the library view: order by date, title or source (cycles).
    SortLibrary,
    /// In the library view: only the articles not marked read (again: all).
    UnreadOnly,
    /// Mark the article read, or unread when it was (library view, or the library panel).
    ToggleRead,
    /// Show only the paragraphs holding a pattern (as less's `&`); an empty one shows all.
    LineFilter,
    /// Copy the sentence being read (or the selected event's) with the article's title, source
    /// and date to the clipboard, by OSC 52 (works over SSH).
    Copy,
    /// The actors and timeline panels between this article and all articles of the library
    /// (actors with their article counts, events merged across articles).
    LibraryScope,
    /// What is new since the reader was last opened: articles, actors, events.
    SinceLast,
}

impl Action {
    /// Every action, in the order the help screen lists them.
    pub const ALL: [Action; 42] = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::Activate,
        Action::Next,
        Action::Prev,
        Action::Search,
        Action::Clear,
        Action::Filter,
        Action::NextName,
        Action::PrevName,
        Action::ActorDetail,
        Action::SortActors,
        Action::LineFilter,
        Action::Copy,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLibrary,
        Action::FocusBody,
        Action::FocusActors,
        Action::FocusTimeline,
        Action::PrevArticle,
        Action::NextArticle,
        Action::JumpBack,
        Action::JumpForward,
        Action::ReadingView,
        Action::Reload,
        Action::Redraw,
        Action::Problems,
        Action::LibraryView,
        Action::SortLibrary,
        Action::UnreadOnly,
        Action::ToggleRead,
        Action::LibraryScope,
        Action::SinceLast,
        Action::Help,
        Action::Quit,
    ];

    /// Its name in `keys.json`.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// What it does, for the help screen.
    pub const fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit (the reading position is kept)",
            Action::Help => "this help; / searches it",
            Action::FocusNext => "focus the next panel",
            Action::FocusPrev => "focus the previous panel",
            Action::FocusLibrary => "focus the library",
            Action::FocusBody => "focus the text",
            Action::FocusActors => "focus the actors",
            Action::FocusTimeline => "focus the timeline",
            Action::Down => "line down",
            Action::Up => "line up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "to the top",
            Action::Bottom => "to the bottom",
            Action::Activate => "open article / select actor / go to event",
            Action::Next => "next match, or next mention of the actor",
            Action::Prev => "previous match, or previous mention",
            Action::Search => "search the text as you type",
            Action::Clear => "clear search, filter, selection",
            Action::Filter => "only sentences mentioning the actor",
            Action::PrevArticle => "previous article",
            Action::NextArticle => "next article",
            Action::JumpBack => "back in the jump list",
            Action::JumpForward => "forward in the jump list",
            Action::Reload => "reload the library and the article from disk",
            Action::ReadingView => "reading view: the text alone, full width",
            Action::Redraw => "redraw the screen",
            Action::Problems => "list the problems met loading the articles",
            Action::SortActors => "order the actors by salience, mentions or name",
            Action::NextName => "cursor to the next name (Tab too, Enter selects)",
            Action::PrevName => "cursor to the previous name (S-Tab too)",
            Action::ActorDetail => "the actor in full: quotes, events, sentences",
            Action::LibraryView => "library view: every article on a row (again: back)",
            Action::SortLibrary => "library view: order by date, title or source",
            Action::UnreadOnly => "library view: unread articles only (again: all)",
            Action::ToggleRead => "mark the article read or unread",
            Action::LineFilter => "only paragraphs holding a pattern (empty: all)",
            Action::Copy => "copy the sentence (event's, quote's) with title, source, date",
            Action::LibraryScope => "actors and timeline: this article / all articles",
            Action::SinceLast => "what is new since the reader was last opened",
        }
    }

    /// A one-word label for the status line hints.
    pub const fn hint(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Activate => "select",
            Action::Next => "next",
            Action::Prev => "prev",
            Action::Search => "search",
            Action::Filter => "filter",
            Action::ReadingView => "reading",
            Action::FocusNext => "panel",
            Action::NextArticle => "article",
            Action::Down => "down",
            Action::PageDown => "page",
            Action::LibraryView => "list",
            Action::LibraryScope => "scope",
            Action::SinceLast => "new",
            Action::Clear => "close",
            _ => "",
        }
    }

    /// The hints shown in the status line for a focused panel, most useful first.
    pub fn hints_for(panel: Panel, has_selection: bool) -> &'static [Action] {
        match (panel, has_selection) {
            (Panel::Library, _) => &[
                Action::Down,
                Action::Activate,
                Action::LibraryView,
                Action::NextArticle,
                Action::FocusNext,
                Action::Help,
                Action::Quit,
            ],
            (Panel::Body, true) => &[
                Action::Next,
                Action::Prev,
                Action::Filter,
                Action::Search,
                Action::ReadingView,
                Action::Help,
                Action::Quit,
            ],
            (Panel::Body, false) => &[
                Action::PageDown,
                Action::Search,
                Action::ReadingView,
                Action::FocusNext,
                Action::Help,
                Action::Quit,
            ],
            (Panel::Actors, _) => &[
                Action::Down,
                Action::Activate,
                Action::Next,
                Action::Filter,
                Action::FocusNext,
                Action::Help,
                Action::Quit,
            ],
            (Panel::Timeline, _) => &[
                Action::Down,
                Action::Activate,
                Action::FocusNext,
                Action::Help,
                Action::Quit,
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case() {
        assert_eq!(Action::HalfPageDown.name(), "half_page_down");
        assert_eq!(Action::ReadingView.name(), "reading_view");
    }

    #[test]
    fn all_lists_every_action_once() {
        let mut v = Action::ALL.to_vec();
        v.sort();
        v.dedup();
        assert_eq!(v.len(), Action::ALL.len());
    }
}
