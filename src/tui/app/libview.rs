//! The library view (`L`): every article on one row, the whole screen wide, as in newsboat's
//! or mutt's index. `/` filters the titles as it is typed, `S` cycles the order (date, title,
//! source), `u` shows the unread only, `m` marks read or unread, Enter opens the article in
//! the panel view. The rows are worked out when something changes (the order, the filter), not
//! on every frame, and only the rows on screen are drawn: a library of thousands stays fast.

use std::cmp::Reverse;

use super::App;
use crate::tui::action::Action;
use crate::tui::keymap::{Key, KeyName};
use crate::tui::saved;

/// The order of the library view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first; undated last.
    #[default]
    Date,
    /// By title, A to Z (case ignored).
    Title,
    /// By source, A to Z, newest first within one; no source last.
    Source,
}

impl Sort {
    /// Its name in the header ("sorted by date").
    pub const fn name(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Source => "source",
        }
    }

    const fn next(self) -> Self {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Source,
            Sort::Source => Sort::Date,
        }
    }
}

/// The state of the library view.
#[derive(Debug, Clone, Default)]
pub struct LibView {
    /// The view is on (it takes the whole screen).
    pub on: bool,
    /// The cursor: a place in `rows`.
    pub cursor: usize,
    /// The first row shown.
    pub scroll: usize,
    /// The order.
    pub sort: Sort,
    /// Only the articles not marked read.
    pub unread_only: bool,
    /// Only the titles holding this (case ignored).
    pub query: String,
    /// The filter is being typed.
    pub typing: bool,
    /// The articles shown, in order (indices into the shelf).
    pub rows: Vec<usize>,
    /// The widest source and folder names in the library (for the columns; no folder column
    /// when every article is in one), and whether any article has a date.
    pub widths: (usize, usize, bool),
    /// The widest title in the library.
    pub longest: usize,
    /// The folder every article is in, when they are all in one (said in the header).
    pub one_folder: Option<String>,
    /// Bumped by every change that is not in the fields above (a read mark).
    version: u64,
}

impl LibView {
    /// What decides the screen, to tell whether a key changed it.
    pub fn signature(&self) -> impl PartialEq + use<> {
        (
            (self.on, self.cursor, self.scroll, self.sort),
            (self.unread_only, self.query.clone(), self.typing),
            (self.rows.len(), self.version),
        )
    }
}

/// The folder an article is in (its file's folder's name), if it has a file.
pub fn folder(article: &crate::model::Article) -> Option<String> {
    let p = article.path.as_ref()?;
    let name = p.parent()?.file_name()?;
    Some(name.to_string_lossy().into_owned())
}

impl App {
    /// Whether article `i` is marked read (read to the end, or marked with `m`).
    pub fn is_read(&self, i: usize) -> bool {
        self.read_state(i).is_some_and(|p| p >= 100)
    }

    /// The rows of the library view on screen: its height less the header, the column
    /// headings and the status line.
    pub fn libview_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3)).max(1)
    }

    /// Lists the rows again (order, filter, unread only), the cursor kept on its article when
    /// it is still listed.
    pub fn libview_rebuild(&mut self) {
        let n = self.shelf.articles.len();
        let keep = self
            .libview
            .rows
            .get(self.libview.cursor)
            .copied()
            .unwrap_or(self.current);
        let query = self.libview.query.to_lowercase();
        let arts = &self.shelf.articles;
        let mut rows: Vec<usize> = (0..n)
            .filter(|&i| query.is_empty() || arts[i].title.to_lowercase().contains(&query))
            .collect();
        if self.libview.unread_only {
            rows.retain(|&i| !self.is_read(i));
        }
        match self.libview.sort {
            Sort::Date => {
                rows.sort_by_key(|&i| (arts[i].published.is_none(), Reverse(arts[i].published)))
            }
            Sort::Title => rows.sort_by_cached_key(|&i| arts[i].title.to_lowercase()),
            Sort::Source => rows.sort_by_cached_key(|&i| {
                (
                    arts[i].source.is_none(),
                    arts[i].source.as_deref().map(str::to_lowercase),
                    arts[i].published.is_none(),
                    Reverse(arts[i].published),
                )
            }),
        }
        let width = |s: &str| crate::tui::wrap::str_width(&crate::safe::sanitize(s));
        let src = arts
            .iter()
            .filter_map(|a| a.source.as_deref().map(width))
            .max()
            .unwrap_or(0);
        let folders: std::collections::BTreeSet<Option<String>> = arts.iter().map(folder).collect();
        let fold = if folders.len() > 1 {
            folders
                .iter()
                .flatten()
                .map(|f| width(f))
                .max()
                .unwrap_or(0)
        } else {
            0
        };
        self.libview.one_folder = match folders.into_iter().next() {
            Some(Some(f)) if fold == 0 => Some(f),
            _ => None,
        };
        self.libview.longest = arts.iter().map(|a| width(&a.title)).max().unwrap_or(0);
        let dated = arts.iter().any(|a| a.published.is_some());
        self.libview.widths = (src, fold, dated);
        self.libview.cursor = rows
            .iter()
            .position(|&i| i == keep)
            .unwrap_or(self.libview.cursor);
        self.libview.rows = rows;
        self.libview_follow();
    }

    /// Keeps the cursor on screen (a third from the top when it jumped out of view).
    fn libview_follow(&mut self) {
        let h = self.libview_height();
        let n = self.libview.rows.len();
        let v = &mut self.libview;
        v.cursor = v.cursor.min(n.saturating_sub(1));
        if v.cursor < v.scroll {
            v.scroll = v.cursor;
        } else if v.cursor >= v.scroll + h {
            v.scroll = v.cursor + 1 - h;
        }
        v.scroll = v.scroll.min(n.saturating_sub(h));
    }

    /// Opens the library view on the article on screen, or closes it.
    pub(super) fn toggle_libview(&mut self) {
        if self.libview.on {
            self.libview.on = false;
            self.libview.typing = false;
            return;
        }
        self.libview.on = true;
        self.libview.rows.clear();
        self.libview.cursor = 0;
        self.libview_rebuild();
    }

    /// `m`: marks the article read, or unread when it was read. In the library view the
    /// article under the cursor; in the panels the one under the library's cursor.
    pub(super) fn toggle_read(&mut self, i: usize) {
        let Some(a) = self.shelf.articles.get(i) else {
            return;
        };
        let key = saved::key(a);
        let title = crate::safe::sanitize(&a.title).into_owned();
        if self.is_read(i) {
            self.saved.read.remove(&key);
            if i == self.current {
                self.progress = 0;
            }
            self.notice = Some(format!("marked unread: {title}"));
        } else {
            self.saved.read.insert(key, 100);
            self.notice = Some(format!("marked read: {title}"));
        }
        self.libview.version += 1;
    }

    /// A key while the library view is on; every key is taken (the panels are not on screen).
    pub(super) fn libview_key(&mut self, key: Key) {
        if self.libview.typing {
            match key.code {
                KeyName::Char(c) if !key.ctrl && !key.alt => self.libview.query.push(c),
                KeyName::Backspace => {
                    self.libview.query.pop();
                }
                KeyName::Enter => self.libview.typing = false,
                KeyName::Esc => {
                    self.libview.typing = false;
                    self.libview.query.clear();
                }
                _ => return,
            }
            self.libview_rebuild();
            return;
        }
        let Some(action) = self.keymap.action(key) else {
            return;
        };
        let h = self.libview_height() as isize;
        match action {
            Action::Down => self.libview_move(1),
            Action::Up => self.libview_move(-1),
            Action::PageDown => self.libview_move((h - 1).max(1)),
            Action::PageUp => self.libview_move(-(h - 1).max(1)),
            Action::HalfPageDown => self.libview_move((h / 2).max(1)),
            Action::HalfPageUp => self.libview_move(-(h / 2).max(1)),
            Action::Top => self.libview_move(isize::MIN / 2),
            Action::Bottom => self.libview_move(isize::MAX / 2),
            Action::Activate => {
                let Some(&i) = self.libview.rows.get(self.libview.cursor) else {
                    self.notice = Some("no article here".into());
                    return;
                };
                self.libview.on = false;
                if i != self.current {
                    self.record_jump();
                    self.open(i);
                }
                self.focus = crate::tui::layout::Panel::Body;
                self.reading = false;
            }
            Action::Search => {
                self.libview.typing = true;
                self.libview.query.clear();
                self.libview_rebuild();
            }
            Action::Clear if !self.libview.query.is_empty() => {
                self.libview.query.clear();
                self.libview_rebuild();
            }
            Action::Clear | Action::LibraryView => self.toggle_libview(),
            Action::SortLibrary => {
                self.libview.sort = self.libview.sort.next();
                self.libview_rebuild();
            }
            Action::UnreadOnly => {
                self.libview.unread_only = !self.libview.unread_only;
                self.libview_rebuild();
            }
            Action::ToggleRead => {
                if let Some(&i) = self.libview.rows.get(self.libview.cursor) {
                    self.toggle_read(i);
                }
            }
            Action::Reload => {
                self.update(action);
                self.libview_rebuild();
            }
            Action::Quit | Action::Help | Action::Problems | Action::Redraw | Action::Copy => {
                self.update(action);
            }
            _ => {}
        }
    }

    fn libview_move(&mut self, delta: isize) {
        let n = self.libview.rows.len();
        if n == 0 {
            return;
        }
        self.libview.cursor = self.libview.cursor.saturating_add_signed(delta).min(n - 1);
        self.libview_follow();
    }
}
