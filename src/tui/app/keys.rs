//! Keys and actions: a key event becomes an action by the key map (or text, while a search or
//! the help's filter is typed), and each action changes the view.

use crossterm::event::KeyEvent;

use super::{App, Help, Search, Wrapped};
use crate::tui::action::Action;
use crate::tui::keymap::{Key, KeyName};
use crate::tui::layout::{Mode, Panel};
use crate::tui::wrap;

impl App {
    /// Handles one key event; returns whether the screen changed (nothing to draw otherwise).
    pub fn key(&mut self, ev: &KeyEvent) -> bool {
        if ev.kind != crossterm::event::KeyEventKind::Press {
            return false;
        }
        let Some(key) = Key::from_event(ev) else {
            return false;
        };
        let before = self.view();
        let article = self.current;
        self.notice = None;
        if key.alt && self.keymap.action(key).is_none() {
            // Esc and the next key arriving together (a fast typist, an SSH packet) read as
            // Alt-key: take them as the two keys they were.
            self.handle(Key::plain(KeyName::Esc));
            self.handle(Key { alt: false, ..key });
        } else {
            self.handle(key);
        }
        self.sync();
        // A key that stayed in the article reads it as far as the view's bottom; leaving it
        // (`]`, `[`, a jump to another) or quitting does not, and the filter's rows are not
        // the text's.
        if self.current == article
            && !self.quit
            && !self.filter
            && !self.libview.on
            && self.linefilter.pattern.is_none()
        {
            self.progress = self.progress.max(self.percent());
        }
        before != self.view()
    }

    fn handle(&mut self, key: Key) {
        let typing = self.search.typing || self.help.as_ref().is_some_and(|h| h.typing);
        if self.keymap.action(key) == Some(Action::Redraw) && (key.ctrl || !typing) {
            self.repaint = true;
        } else if self.help.is_some() {
            self.help_key(key);
        } else if self.scope.overlay.is_some() {
            self.scope_overlay_key(key);
        } else if self.problems_view.is_some() {
            self.problems_key(key);
        } else if self.detail.is_some() {
            self.detail_key(key);
        } else if self.libview.on {
            self.libview_key(key);
        } else if self.linefilter.typing {
            self.line_filter_key(key);
        } else if self.keymap.action(key) == Some(Action::Clear)
            && self.search.query.is_empty()
            && !self.filter
            && self.linefilter.pattern.is_some()
            && self.name_cursor.is_none()
        {
            // Esc: the line filter goes after the search, the actor filter and the name cursor.
            self.set_line_filter(None);
        } else if self.search.typing {
            self.search_key(key);
        } else if let Some(action) = self.keymap.action(key) {
            self.update(action);
        }
        self.sync();
    }

    /// The state that decides what is on screen, to tell whether a key changed anything.
    fn view(&self) -> impl PartialEq + use<> {
        (
            (self.current, self.focus, self.reading, self.help.clone()),
            (
                self.problems_view,
                self.libview.signature(),
                self.linefilter.clone(),
            ),
            (self.search.clone(), self.selected, self.event, self.filter),
            (self.library_cursor, self.actor_cursor, self.event_cursor),
            (
                self.top_line(),
                self.notice.clone(),
                self.quit,
                self.repaint,
            ),
            (self.actor_sort, self.name_cursor, self.detail),
            self.scope_view(),
        )
    }

    fn help_key(&mut self, key: Key) {
        // The last first row: the help's rows as wrapped on screen, less the rows shown.
        let max_scroll = {
            let (rows, height) = crate::tui::widgets::help_rows(self);
            rows.saturating_sub(height)
        };
        let Some(help) = self.help.as_mut() else {
            return;
        };
        if help.typing {
            match key.code {
                KeyName::Char(c) if !key.ctrl && !key.alt => help.query.push(c),
                KeyName::Backspace => {
                    help.query.pop();
                }
                KeyName::Enter => help.typing = false,
                KeyName::Esc => {
                    help.typing = false;
                    help.query.clear();
                }
                _ => {}
            }
            help.scroll = 0;
            return;
        }
        match self.keymap.action(key) {
            Some(Action::Help | Action::Quit) => self.help = None,
            Some(Action::Clear) if help.query.is_empty() => self.help = None,
            Some(Action::Clear) => help.query.clear(),
            Some(Action::Search) => {
                help.typing = true;
                help.query.clear();
            }
            Some(Action::Down) => help.scroll += 1,
            Some(Action::Up) => help.scroll = help.scroll.saturating_sub(1),
            Some(Action::PageDown | Action::HalfPageDown) => help.scroll += 10,
            Some(Action::PageUp | Action::HalfPageUp) => {
                help.scroll = help.scroll.saturating_sub(10);
            }
            Some(Action::Top) => help.scroll = 0,
            Some(Action::Bottom) => help.scroll = max_scroll,
            _ => {}
        }
        // Held within the text, so `k` after many `j`s moves at once.
        if let Some(help) = self.help.as_mut() {
            help.scroll = help.scroll.min(max_scroll);
        }
    }

    /// Keys while the list of load problems is open: scroll it, or close it.
    fn problems_key(&mut self, key: Key) {
        let max_scroll = {
            let (rows, height) = crate::tui::widgets::problem_rows(self);
            rows.saturating_sub(height)
        };
        let Some(scroll) = self.problems_view.as_mut() else {
            return;
        };
        match self.keymap.action(key) {
            Some(Action::Problems | Action::Quit | Action::Clear) => self.problems_view = None,
            Some(Action::Help) => {
                self.problems_view = None;
                self.help = Some(Help::default());
            }
            Some(Action::Down) => *scroll += 1,
            Some(Action::Up) => *scroll = scroll.saturating_sub(1),
            Some(Action::PageDown | Action::HalfPageDown) => *scroll += 10,
            Some(Action::PageUp | Action::HalfPageUp) => *scroll = scroll.saturating_sub(10),
            Some(Action::Top) => *scroll = 0,
            Some(Action::Bottom) => *scroll = max_scroll,
            _ => {}
        }
        if let Some(scroll) = self.problems_view.as_mut() {
            *scroll = (*scroll).min(max_scroll);
        }
    }

    fn search_key(&mut self, key: Key) {
        match key.code {
            KeyName::Char(c) if !key.ctrl && !key.alt => {
                self.search.query.push(c);
                self.run_search(true);
            }
            KeyName::Backspace => {
                self.search.query.pop();
                self.run_search(true);
            }
            KeyName::Enter => {
                self.search.typing = false;
                if self.search.query.is_empty() {
                    self.search = Search::default();
                } else if self.search.matches.is_empty() {
                    self.notice = Some(format!("not found: {}", self.search.query));
                }
            }
            KeyName::Esc => self.search = Search::default(),
            _ => {}
        }
    }

    /// Finds the query; the current match is the first at or after the top of the view.
    fn run_search(&mut self, incremental: bool) {
        let Some(article) = self.shelf.articles.get(self.current) else {
            return;
        };
        self.search.matches = wrap::search(&article.text, &self.search.query);
        let from = self.top;
        self.search.current = if self.search.matches.is_empty() {
            None
        } else {
            Some(
                self.search
                    .matches
                    .iter()
                    .position(|m| m.start >= from)
                    .unwrap_or(0),
            )
        };
        if let Some(m) = self.search.current.and_then(|i| self.search.matches.get(i)) {
            let pos = m.start;
            if !incremental {
                self.record_jump();
            }
            self.show(pos);
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.scope_update(action) {
            return;
        }
        let (page, list_page) = self.pages();
        let (page, list_page) = (page as isize, list_page as isize);
        self.names_before(action);
        match action {
            // The name cursor (app/names.rs), while it is on.
            Action::FocusNext | Action::NextName if self.name_cursor.is_some() => {
                self.step_name(true);
            }
            Action::FocusPrev | Action::PrevName if self.name_cursor.is_some() => {
                self.step_name(false);
            }
            Action::Activate if self.name_cursor.is_some() => self.select_name(),
            Action::Clear if self.name_cursor.is_some() => self.name_cursor = None,
            Action::Quit => self.quit = true,
            Action::Help => self.help = Some(Help::default()),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(Panel::ALL.len() - 1),
            Action::FocusLibrary => self.focus_on(Panel::Library),
            Action::FocusBody => self.focus_on(Panel::Body),
            Action::FocusActors => self.focus_on(Panel::Actors),
            Action::FocusTimeline => self.focus_on(Panel::Timeline),
            Action::Down => self.move_by(1, 1),
            Action::Up => self.move_by(-1, -1),
            Action::PageDown => self.move_by((page - 1).max(1), list_page),
            Action::PageUp => self.move_by(-(page - 1).max(1), -list_page),
            Action::HalfPageDown => self.move_by((page / 2).max(1), (list_page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1), -(list_page / 2).max(1)),
            Action::Top => self.move_to(false),
            Action::Bottom => self.move_to(true),
            Action::Activate => self.activate(),
            Action::Next => self.step(true),
            Action::Prev => self.step(false),
            Action::Search => self.start_search(),
            Action::Clear => self.clear_one(),
            Action::Filter => self.toggle_filter(),
            Action::NextArticle => self.next_article(true),
            Action::PrevArticle => self.next_article(false),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::Reload => self.reload(),
            Action::ReadingView => self.toggle_reading(),
            Action::Redraw => self.repaint = true,
            Action::Problems => self.problems_view = Some(0),
            Action::SortActors => self.cycle_actor_sort(),
            Action::NextName => self.step_name(true),
            Action::PrevName => self.step_name(false),
            Action::ActorDetail => self.open_detail(),
            Action::LibraryView => self.toggle_libview(),
            Action::LineFilter => self.start_line_filter(),
            Action::Copy => self.copy(),
            Action::ToggleRead if self.focus == Panel::Library => {
                self.toggle_read(self.library_cursor);
            }
            Action::ToggleRead | Action::SortLibrary | Action::UnreadOnly => {
                let key = self.keymap.label(Action::LibraryView);
                self.notice = Some(format!("in the library view ({key})"));
            }
            // Taken by `scope_update` above.
            Action::LibraryScope | Action::SinceLast => {}
        }
    }

    /// The rows a page moves: in the body (its text's height) and in the focused list panel
    /// (inside its border, as drawn).
    fn pages(&self) -> (usize, usize) {
        let plan = self.plan();
        let page = usize::from(plan.text.height.max(1));
        let list_page = plan
            .panel(self.focus)
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1));
        (page, list_page)
    }

    fn cycle_focus(&mut self, step: usize) {
        let n = Panel::ALL.len();
        self.focus = Panel::ALL[(self.focus.index() + step) % n];
        self.reading = false;
    }

    fn start_search(&mut self) {
        self.search = Search {
            typing: true,
            ..Search::default()
        };
        self.reveal_body();
    }

    /// Esc: clears the innermost of search, filter, event, actor and reading view.
    fn clear_one(&mut self) {
        if !self.search.query.is_empty() {
            self.search = Search::default();
        } else if self.filter {
            self.leave_filter();
        } else if self.event.is_some() {
            self.event = None;
        } else if self.selected.is_some() {
            self.selected = None;
        } else if self.reading {
            self.reading = false;
        }
    }

    fn next_article(&mut self, forward: bool) {
        let n = self.shelf.articles.len();
        if n <= 1 {
            self.notice = Some("only one article open".into());
            return;
        }
        let (i, wrapped) = step_index(self.current, n, forward);
        self.record_jump();
        self.open(i);
        if wrapped {
            self.notice = Some(wrapped_notice(forward, "article"));
        }
    }

    /// Back in the jump list to the nearest place that is not where the reader is now.
    fn jump_back(&mut self) {
        let here = self.place();
        let Some(at) = self.jumps[..self.jump_at.min(self.jumps.len())]
            .iter()
            .rposition(|p| *p != here)
        else {
            self.notice = Some("no earlier place in the jump list".into());
            return;
        };
        if self.jump_at >= self.jumps.len() {
            self.jumps.push(here);
        }
        self.jump_at = at;
        self.go(self.jumps[at]);
    }

    /// Forward in the jump list to the nearest place that is not where the reader is now.
    fn jump_forward(&mut self) {
        let here = self.place();
        let from = (self.jump_at + 1).min(self.jumps.len());
        let Some(at) = self.jumps[from..].iter().position(|p| *p != here) else {
            self.notice = Some("no later place in the jump list".into());
            return;
        };
        self.jump_at = from + at;
        self.go(self.jumps[self.jump_at]);
    }

    fn toggle_reading(&mut self) {
        self.reading = !self.reading;
        if self.reading {
            self.focus = Panel::Body;
        }
    }

    /// In the narrow layout the body is hidden behind the panel that jumps into it: show it.
    pub(super) fn reveal_body(&mut self) {
        if self.mode() == Mode::Narrow {
            self.focus = Panel::Body;
        }
    }

    fn focus_on(&mut self, panel: Panel) {
        self.focus = panel;
        self.reading = false;
    }

    fn move_by(&mut self, body: isize, list: isize) {
        match self.focus {
            Panel::Body => self.scroll(body),
            Panel::Library => {
                self.library_cursor =
                    clamp_add(self.library_cursor, list, self.shelf.articles.len());
            }
            Panel::Actors => {
                let rows = self.prepared().map_or(0, |p| p.actor_rows.len());
                let mut c = clamp_add(self.actor_cursor, list, rows);
                // Headings are not selectable: step over them.
                if self.actor_row(c).is_none() {
                    c = clamp_add(c, list.signum(), rows);
                    if self.actor_row(c).is_none() {
                        c = self.actor_cursor;
                    }
                }
                self.actor_cursor = c;
            }
            Panel::Timeline => {
                let n = self.prepared().map_or(0, |p| p.analysis.events.len());
                self.event_cursor = clamp_add(self.event_cursor, list, n);
            }
        }
    }

    fn move_to(&mut self, end: bool) {
        match self.focus {
            Panel::Body => {
                self.record_jump();
                self.set_top_line(if end { usize::MAX } else { 0 });
            }
            Panel::Library => {
                self.library_cursor = if end {
                    self.shelf.articles.len().saturating_sub(1)
                } else {
                    0
                };
            }
            Panel::Actors => {
                let rows = self.prepared().map_or(0, |p| p.actor_rows.len());
                self.actor_cursor = if end {
                    rows.saturating_sub(1)
                } else {
                    1.min(rows.saturating_sub(1))
                };
            }
            Panel::Timeline => {
                let n = self.prepared().map_or(0, |p| p.analysis.events.len());
                self.event_cursor = if end { n.saturating_sub(1) } else { 0 };
            }
        }
    }

    fn activate(&mut self) {
        match self.focus {
            Panel::Library => {
                if self.library_cursor != self.current {
                    self.record_jump();
                    self.open(self.library_cursor);
                }
                self.focus = Panel::Body;
            }
            Panel::Actors => {
                let Some(i) = self.actor_row(self.actor_cursor) else {
                    self.notice = Some("no actor here".into());
                    return;
                };
                self.record_jump();
                self.selected = Some((i, 0));
                self.search = Search::default();
                self.reveal_body();
                self.sync();
                self.jump_to_mention();
            }
            Panel::Timeline => {
                let Some(ev) = self
                    .prepared()
                    .and_then(|p| p.analysis.events.get(self.event_cursor))
                else {
                    self.notice = Some("no event here".into());
                    return;
                };
                let (start, end) = (ev.start, ev.end);
                if start >= end {
                    self.notice = Some("the text does not state this event".into());
                    self.event = Some(self.event_cursor);
                    return;
                }
                self.event = Some(self.event_cursor);
                self.reveal_body();
                if self.filter {
                    self.filter = false;
                    self.sync();
                }
                self.record_jump();
                let first = self.event_sentence().map_or(start, |s| s.start);
                self.show_from(first, start);
            }
            Panel::Body => {
                if self.selected.is_some() {
                    self.record_jump();
                    self.jump_to_mention();
                }
            }
        }
    }

    fn jump_to_mention(&mut self) {
        let Some((_, k)) = self.selected else {
            return;
        };
        let Some(m) = self.mentions().get(k).copied() else {
            self.notice = Some("this actor has no mention in the text".into());
            return;
        };
        self.show(m.start);
    }

    fn step(&mut self, forward: bool) {
        self.reveal_body();
        if !self.search.matches.is_empty() {
            let n = self.search.matches.len();
            let cur = self.search.current.unwrap_or(0);
            let (next, wrapped) = step_index(cur, n, forward);
            self.record_jump();
            self.search.current = Some(next);
            let pos = self.search.matches[next].start;
            self.show(pos);
            if wrapped {
                self.notice = Some(wrapped_notice(forward, "match"));
            }
            return;
        }
        let n = self.mentions().len();
        match self.selected {
            Some((i, k)) if n > 0 => {
                let (next, wrapped) = step_index(k, n, forward);
                self.record_jump();
                self.selected = Some((i, next));
                self.jump_to_mention();
                if wrapped && self.notice.is_none() {
                    self.notice = Some(wrapped_notice(forward, "mention"));
                }
            }
            Some(_) => self.notice = Some("this actor has no mention in the text".into()),
            None if !self.search.query.is_empty() => {
                self.notice = Some(format!("not found: {}", self.search.query));
            }
            None => {
                self.notice = Some("nothing to step through: select an actor or search (/)".into());
            }
        }
    }

    /// Shows the whole text again at the place being read: the current mention when it is on
    /// screen, else the top row, stays on the row of the screen it was on.
    fn leave_filter(&mut self) {
        let h = usize::from(self.plan().text.height);
        let top = self.top_line();
        let spot = self
            .selected
            .and_then(|(_, k)| self.mentions().get(k).map(|m| m.start))
            .map(|pos| (pos, wrap::line_of(&self.wrapped.lines, pos)))
            .filter(|&(_, line)| line >= top && line < top + h);
        let (anchor, offset) = match spot {
            Some((pos, line)) => (pos, line - top),
            None => (self.wrapped.lines.get(top).map_or(self.top, |l| l.start), 0),
        };
        self.filter = false;
        self.sync();
        let line = wrap::line_of(&self.wrapped.lines, anchor);
        self.set_top_line(line.saturating_sub(offset));
    }

    fn toggle_filter(&mut self) {
        if self.filter {
            self.leave_filter();
            return;
        } else if self.selected.is_none() {
            self.notice = Some("select an actor first (Enter in the actors panel)".into());
            return;
        } else {
            self.filter = true;
            self.reveal_body();
        }
        self.sync();
        if let Some(m) = self
            .selected
            .and_then(|(_, k)| self.mentions().get(k).copied())
        {
            self.top = 0;
            self.show(m.start);
        }
    }

    /// `r`: on a library, lists its files and folders again (after `brief fetch` or `brief
    /// add`: new articles appear, removed ones go, the article on screen stays), then reads
    /// the article on screen again from disk and analyses it again. Only the disk is read.
    fn reload(&mut self) {
        let listed = self.relist_library();
        match self.shelf.reload(self.current) {
            Ok(path) => {
                self.wrapped = Wrapped::default();
                let top = self.top;
                let i = self.current;
                self.open(i);
                self.top = top.min(self.article().map_or(0, |a| a.text.len()));
                self.notice = Some(match listed {
                    Some(l) => format!("{l}; reloaded {}", path.display()),
                    None => format!("reloaded {}", path.display()),
                });
            }
            Err(notice) => {
                if listed.is_some() {
                    self.wrapped = Wrapped::default();
                    let i = self.current;
                    self.open(i);
                }
                self.notice = Some(match listed {
                    Some(l) if self.shelf.articles.is_empty() => l,
                    Some(l) => format!("{l}; {notice}"),
                    None => notice,
                });
            }
        }
    }

    /// Lists the library again, when the reader is on one; says what changed.
    fn relist_library(&mut self) -> Option<String> {
        let paths = self.shelf.library_paths().to_vec();
        if paths.is_empty() {
            return None;
        }
        let before: std::collections::HashSet<(Option<std::path::PathBuf>, String)> = self
            .shelf
            .articles
            .iter()
            .map(|a| (a.path.clone(), a.title.clone()))
            .collect();
        let (library, problems) = crate::library::Library::scan(&paths);
        self.add_problems(problems.iter().map(ToString::to_string));
        if library.is_empty() {
            // Everything gone (a folder removed or unmounted): keep what is on screen.
            return Some("the library lists no article now; the list is kept".into());
        }
        let n_before = self.shelf.articles.len();
        let key = self.article().map(crate::tui::saved::key);
        if key.is_some() {
            // The place in the article on screen is kept (it is reopened below).
            let mut saved = std::mem::take(&mut self.saved);
            self.remember(&mut saved);
            self.saved = saved;
        }
        let i = self.shelf.rescan(library, self.current);
        crate::tui::saved::relocate(&mut self.saved, &self.shelf.articles);
        let added = self
            .shelf
            .articles
            .iter()
            .filter(|a| !before.contains(&(a.path.clone(), a.title.clone())))
            .count();
        let removed = (n_before + added).saturating_sub(self.shelf.articles.len());
        self.current = i;
        self.library_cursor = i;
        self.selected = None;
        self.event = None;
        if self.article().map(crate::tui::saved::key) != key {
            // The article on screen was removed: the one now at its row opens at its place.
            self.progress = 0;
            self.top = self.saved_position(i);
        }
        self.saved.listed = Some(jiff::Timestamp::now());
        let n = self.shelf.articles.len();
        Some(format!(
            "library: {n} article{}, {added} added, {removed} removed",
            if n == 1 { "" } else { "s" }
        ))
    }
}

/// The next index from `cur` among `n` (one step, round), and whether it went round.
fn step_index(cur: usize, n: usize, forward: bool) -> (usize, bool) {
    if forward {
        let next = (cur + 1) % n.max(1);
        (next, next <= cur)
    } else {
        let next = (cur + n.max(1) - 1) % n.max(1);
        (next, next >= cur)
    }
}

/// What the status line says when stepping went round the end.
pub(super) fn wrapped_notice(forward: bool, what: &str) -> String {
    if forward {
        format!("wrapped to the first {what}")
    } else {
        format!("wrapped to the last {what}")
    }
}

fn clamp_add(cur: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    cur.saturating_add_signed(delta).min(len - 1)
}
