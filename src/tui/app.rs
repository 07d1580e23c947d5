//! The reader's view and `update`: keys become actions, actions change the view. The articles
//! and their analyses are in the [`Shelf`]; nothing here draws (the panels only read this state).

mod copy;
pub mod detail;
mod keys;
mod libview;
mod linefilter;
mod names;
mod order;
mod scope;

use std::collections::BTreeMap;
use std::sync::mpsc::Receiver;

use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::KeyMap;
pub use super::layout::Panel;
use super::layout::{self, Mode, Plan, SideContent};
pub use super::prepared::{ActorRow, Prepared};
use super::saved::{self, Saved};
use super::shelf::{Asked, Next, Relisted, Shelf};
pub use super::shelf::{ScanDone, TEXTS_HELD};
use super::theme::Theme;
use super::worker::{Done, Worker};
use super::wrap::{self, Mark, Row};
use crate::library::Library;
use crate::model::{Analysis, Article, Span};
pub use libview::{LibView, Sort, folder};
pub use linefilter::LineFilter;
pub use order::ActorSort;
pub use scope::{HEADLESS_WAIT, LibEntry, Overlay, Scope, SinceRow};

/// How long opening an article waits for its analysis before drawing without it.
const GRACE: std::time::Duration = std::time::Duration::from_millis(4);

/// What the reader opens: articles loaded in full, or a library whose texts are read when shown.
#[derive(Debug)]
pub enum Input {
    /// Articles with their text (standard input, the sample, a few files).
    Loaded(crate::load::Loaded),
    /// A scanned library, the problems of the scan, and the files and folders it was listed
    /// from (`r` lists them again).
    Library(
        Library,
        Vec<crate::load::LoadError>,
        Vec<std::path::PathBuf>,
    ),
    /// A library being listed: file names for titles ([`Library::placeholders`]) and the
    /// problems met listing; the reader scans these paths for titles and dates after its first
    /// frame.
    Scanning(
        Library,
        Vec<crate::load::LoadError>,
        Vec<std::path::PathBuf>,
    ),
}

impl From<crate::load::Loaded> for Input {
    fn from(l: crate::load::Loaded) -> Self {
        Input::Loaded(l)
    }
}

/// The search: what is typed, its matches, the current one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// Being typed (keys are text).
    pub typing: bool,
    /// The query.
    pub query: String,
    /// Matches in the text.
    pub matches: Vec<Span>,
    /// The current match.
    pub current: Option<usize>,
}

/// The help screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// The filter being typed.
    pub typing: bool,
    /// Only lines containing this show.
    pub query: String,
    /// The first line shown.
    pub scroll: usize,
}

/// A place to come back to: the article, the top of the view, and the mention or match that
/// was current there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct JumpPoint {
    article: usize,
    top: usize,
    mention: Option<(usize, usize)>,
    matched: Option<usize>,
}

/// The wrapped body for one article, width and filter.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    key: Option<(usize, u16, bool, Option<usize>)>,
    /// The rows.
    pub lines: Vec<Row>,
    /// The link targets shown on the rows (Markdown), by row.
    pub inlines: Vec<wrap::Inline>,
}

/// Everything the reader shows and remembers while it runs.
#[derive(Debug)]
pub struct App {
    /// The articles and their analyses.
    pub shelf: Shelf,
    /// The article on screen.
    pub current: usize,
    /// The focused panel.
    pub focus: Panel,
    /// The reading view is on.
    pub reading: bool,
    /// The help screen, when open.
    pub help: Option<Help>,
    /// The search.
    pub search: Search,
    /// The selected actor (index into the analysis's actors) and its current mention.
    pub selected: Option<(usize, usize)>,
    /// The selected event.
    pub event: Option<usize>,
    /// Only the sentences mentioning the selected actor are shown.
    pub filter: bool,
    /// The cursor row in the library.
    pub library_cursor: usize,
    /// The cursor row in the actors panel (index into `actor_rows`).
    pub actor_cursor: usize,
    /// The cursor row in the timeline.
    pub event_cursor: usize,
    /// The order of the actors panel (`s` cycles it).
    pub actor_sort: ActorSort,
    /// The name cursor in the body (`o`): the actor and its mention under it.
    pub name_cursor: Option<(usize, usize)>,
    /// The actor detail view, when open (`i`).
    pub detail: Option<detail::Detail>,
    /// The byte at the top of the body.
    pub top: usize,
    /// The terminal size.
    pub size: (u16, u16),
    /// One line for the status bar, until the next key.
    pub notice: Option<String>,
    /// The user asked to quit.
    pub quit: bool,
    /// The user asked for the whole screen to be drawn again (`Ctrl-l`): the event loop
    /// clears the terminal and forgets the frame it last drew (see [`App::take_repaint`]).
    pub repaint: bool,
    /// The key map.
    pub keymap: KeyMap,
    /// The styles.
    pub theme: Theme,
    /// The wrapped body (kept in step by [`App::sync`]).
    pub wrapped: Wrapped,
    /// What is remembered between runs.
    pub saved: Saved,
    /// How far the article on screen was read on this visit, in percent: the bottom of the
    /// view after each key that stayed in it (not while filtered). Opening an article and
    /// leaving it (`]`, `[`, a jump) reads nothing.
    pub progress: u8,
    /// The problems met loading articles (one line each, as on standard error), listed by `!`
    /// and printed to standard error when the reader quits.
    pub problems: Vec<String>,
    /// The list of problems is open, scrolled this many rows.
    pub problems_view: Option<usize>,
    /// Articles fetched after this are new (`brief fetch` or `brief add` saved them since a
    /// reader last listed the library); `None`: the library was never listed, every fetched
    /// article is new.
    pub new_since: Option<jiff::Timestamp>,
    /// The articles opened in this run (their keys): no longer new.
    opened: std::collections::HashSet<String>,
    /// The library view (`L`; see `app/libview.rs`).
    pub libview: LibView,
    /// The line filter (`&`; see `app/linefilter.rs`).
    pub linefilter: LineFilter,
    /// `y` copies (OSC 52); off by `config.json` or `BRIEF_CLIPBOARD` (see `clip.rs`).
    pub clipboard_on: bool,
    /// What `y` asked to copy, for the event loop to send (see `app/copy.rs`).
    pub clipboard: Option<String>,
    jumps: Vec<JumpPoint>,
    jump_at: usize,
    /// The library scope of the actors and timeline panels, and "since last time".
    pub scope: Scope,
}

impl App {
    /// A reader on `articles`, the first one open and analysed; the others are analysed when
    /// opened.
    pub fn new(articles: Vec<Article>, theme: Theme, keymap: KeyMap) -> Self {
        let mut app = Self::new_deferred(articles, theme, keymap);
        app.analyze_pending();
        app
    }

    /// Like [`App::new`] but nothing analysed yet, so a first frame can be drawn before the
    /// analysis runs (see [`App::analyze_pending`]).
    pub fn new_deferred(articles: Vec<Article>, theme: Theme, keymap: KeyMap) -> Self {
        Self::on(Shelf::new(articles), theme, keymap)
    }

    fn on(shelf: Shelf, theme: Theme, keymap: KeyMap) -> Self {
        let mut app = Self {
            shelf,
            current: 0,
            focus: Panel::Body,
            reading: false,
            help: None,
            search: Search::default(),
            selected: None,
            event: None,
            filter: false,
            library_cursor: 0,
            actor_cursor: 0,
            event_cursor: 0,
            actor_sort: ActorSort::default(),
            name_cursor: None,
            detail: None,
            top: 0,
            size: (80, 24),
            notice: None,
            quit: false,
            repaint: false,
            keymap,
            theme,
            wrapped: Wrapped::default(),
            saved: Saved::default(),
            progress: 0,
            problems: Vec::new(),
            problems_view: None,
            new_since: None,
            opened: std::collections::HashSet::new(),
            libview: LibView::default(),
            linefilter: LineFilter::default(),
            clipboard_on: true,
            clipboard: None,
            jumps: Vec::new(),
            jump_at: 0,
            scope: Scope::default(),
        };
        // The first article is on screen: not new.
        app.mark_opened();
        app
    }

    /// A reader on a library: the list from its titles and dates, each text read from its file
    /// when shown and at most [`TEXTS_HELD`] held; nothing analysed yet.
    pub fn from_library(library: Library, theme: Theme, keymap: KeyMap) -> Self {
        let mut app = Self::on(Shelf::from_library(library), theme, keymap);
        app.ensure_text(0);
        app.sync();
        app
    }

    /// Analyses from now on use `options` (`--date`: the reference date for relative
    /// expressions, as `brief analyze --date`).
    pub fn set_options(&mut self, options: crate::Options) {
        self.shelf.set_options(options);
        self.sync();
    }

    /// Whether a full repaint was asked for since the last call; clears the request.
    pub fn take_repaint(&mut self) -> bool {
        std::mem::take(&mut self.repaint)
    }

    /// How many article texts are held now.
    pub fn texts_held(&self) -> usize {
        self.shelf.texts_held()
    }

    /// Reads article `i`'s text when not held (see [`Shelf::ensure_text`]).
    fn ensure_text(&mut self, i: usize) {
        if let Err(notice) = self.shelf.ensure_text(i, self.current) {
            if !self.problems.contains(&notice) {
                self.problems.push(notice.clone());
            }
            self.notice = Some(notice);
        }
    }

    /// Adds load problems to the list (`!`) and says how many there are in the status line.
    pub fn add_problems(&mut self, problems: impl IntoIterator<Item = String>) {
        let before = self.problems.len();
        for p in problems {
            if !self.problems.contains(&p) {
                self.problems.push(p);
            }
        }
        let n = self.problems.len();
        if n > before {
            let key = self
                .keymap
                .keys(Action::Problems)
                .first()
                .map_or_else(|| "!".to_string(), ToString::to_string);
            self.notice = Some(format!(
                "{n} problem{}, {key} to list",
                if n == 1 { "" } else { "s" }
            ));
        }
    }

    /// Analyses from now on go to `worker`, and the article on screen is asked for at once.
    pub fn attach_worker(&mut self, worker: Worker) {
        self.shelf.attach_worker(worker);
        self.ensure_analysis(self.current);
    }

    /// Whether an analysis is being made on the worker.
    pub fn analysis_pending(&self) -> bool {
        self.shelf.analysis_pending()
    }

    /// Shows the list from `placeholders` now and takes the real one from `scan` when it
    /// arrives (see [`App::receive`]).
    pub fn attach_scan(&mut self, scan: Receiver<ScanDone>) {
        self.shelf.attach_scan(scan);
        self.listing_notice();
    }

    /// Marks the list as file names to be replaced by a scan of `paths` (started by the caller
    /// with [`App::take_scan_paths`], after the first frame).
    pub fn set_scan_paths(&mut self, paths: Vec<std::path::PathBuf>) {
        self.listing_notice();
        self.shelf.set_scan_paths(paths);
    }

    fn listing_notice(&mut self) {
        if self.notice.is_none() {
            self.notice = Some(format!("listing {} files…", self.shelf.articles.len()));
        }
    }

    /// The paths to scan, once.
    pub fn take_scan_paths(&mut self) -> Option<Vec<std::path::PathBuf>> {
        self.shelf.take_scan_paths()
    }

    /// Whether the library's scan is still running.
    pub fn scan_pending(&self) -> bool {
        self.shelf.scan_pending()
    }

    /// Takes the finished scan, if any: titles, dates and sources replace the file names; the
    /// article on screen stays on screen. Returns whether it arrived.
    fn accept_scan(&mut self, done: Option<ScanDone>) -> bool {
        self.clear_listing_notice();
        let Some((library, problems)) = done else {
            return true;
        };
        self.add_problems(problems.iter().map(ToString::to_string));
        if library.is_empty() {
            return true;
        }
        let relisted = self.shelf.relist(library, self.current);
        self.wrapped = Wrapped::default();
        if let Relisted::Rebuilt(i) = relisted {
            self.current = i;
            self.library_cursor = i;
            self.selected = None;
            self.event = None;
            self.actor_cursor = 0;
            self.event_cursor = 0;
            self.ensure_text(i);
            if self.shelf.has_worker() {
                self.ensure_analysis(i);
            }
        }
        if self.libview.on {
            // The rows were file names: list the titles, dates and sources.
            self.libview_rebuild();
        }
        self.sync();
        true
    }

    fn clear_listing_notice(&mut self) {
        if self
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("listing "))
        {
            self.notice = None;
        }
    }

    /// Waits (at most `timeout`) for the library's scan to finish and takes it: `brief render`
    /// and tests.
    pub fn wait_scan(&mut self, timeout: std::time::Duration) {
        if let Some(done) = self.shelf.next_scan(Some(timeout)) {
            self.accept_scan(done);
        }
    }

    /// Takes the analyses the worker finished and the library's scan when done; returns
    /// whether the screen changed.
    pub fn receive(&mut self) -> bool {
        let mut changed = match self.shelf.next_scan(None) {
            Some(done) => self.accept_scan(done),
            None => false,
        };
        loop {
            match self.shelf.next_done(None) {
                Next::Done(done) => changed |= self.accept(done),
                Next::Empty => break,
                Next::Gone => {
                    self.analyze_pending();
                    return true;
                }
            }
        }
        changed |= self.receive_scope();
        changed
    }

    /// Waits (at most `timeout` per result) until no analysis is pending: `brief render` and
    /// tests, where the screen must not depend on timing.
    pub fn wait_analyses(&mut self, timeout: std::time::Duration) {
        while self.analysis_pending() {
            match self.shelf.next_done(Some(timeout)) {
                Next::Done(done) => {
                    self.accept(done);
                }
                Next::Empty | Next::Gone => break,
            }
        }
    }

    /// Takes a finished analysis; returns whether it is the article on screen's.
    fn accept(&mut self, done: Done) -> bool {
        match self.shelf.accept(done) {
            Some(i) => {
                self.analysis_arrived(i);
                i == self.current
            }
            None => false,
        }
    }

    /// Analyses the article on screen if it is not yet; returns whether it did (and the screen
    /// needs drawing again).
    pub fn analyze_pending(&mut self) -> bool {
        if self.prepared().is_some() || self.shelf.articles.is_empty() {
            return false;
        }
        self.shelf.analyze_now(self.current);
        self.actor_cursor = self.first_actor_row();
        self.restore_actor();
        self.sync();
        true
    }

    /// The first row of the actors panel that is an actor.
    fn first_actor_row(&self) -> usize {
        self.prepared()
            .and_then(|p| {
                p.actor_rows
                    .iter()
                    .position(|r| matches!(r, ActorRow::Actor(_)))
            })
            .unwrap_or(0)
    }

    /// Restores what `saved` remembers: the last article, its position and actor.
    /// Articles fetched after the library was last listed are new in this run, and the
    /// library is recorded as listed now. A remembered file gone since, found again in the
    /// list by its size and first KB, keeps its position and read mark ([`saved::relocate`]).
    pub fn restore(&mut self, mut saved: Saved) {
        // Files moved or renamed since are found again by their size and first KB.
        saved::relocate(&mut saved, &self.shelf.articles);
        let last = saved.last.clone();
        self.new_since = saved.listed;
        if let Some(sort) = saved.actor_sort.as_deref().and_then(ActorSort::from_label) {
            self.actor_sort = sort;
        }
        self.saved = saved;
        self.saved.listed = Some(jiff::Timestamp::now());
        if let Some(i) =
            last.and_then(|k| self.shelf.articles.iter().position(|a| saved::key(a) == k))
        {
            self.current = i;
            self.library_cursor = i;
        }
        self.ensure_text(self.current);
        // The run starts here: the article shown before the restore was never seen.
        self.opened.clear();
        self.mark_opened();
        if self.shelf.has_worker() {
            self.ensure_analysis(self.current);
        }
        self.top = self.saved_position(self.current);
        self.restore_actor();
        self.sync();
    }

    /// The state to save: everything remembered plus where the reader is now.
    pub fn to_saved(&self) -> Saved {
        let mut s = self.saved.clone();
        self.remember(&mut s);
        s
    }

    fn remember(&self, s: &mut Saved) {
        // A saved name this version does not know stays until the order is changed.
        let saved_sort = s.actor_sort.as_deref().map(ActorSort::from_label);
        if saved_sort.map_or(ActorSort::default(), Option::unwrap_or_default) != self.actor_sort {
            s.actor_sort = (self.actor_sort != ActorSort::default())
                .then(|| self.actor_sort.label().to_string());
        }
        let Some(article) = self.shelf.articles.get(self.current) else {
            return;
        };
        let key = saved::key(article);
        s.last = Some(key.clone());
        s.positions.insert(key.clone(), self.top);
        match self.selected_actor() {
            Some(a) => {
                s.actors.insert(key.clone(), a.id.clone());
            }
            None => {
                s.actors.remove(&key);
            }
        }
        if self.progress > 0 {
            let old = s.read.get(&key).copied().unwrap_or(0);
            s.read.insert(key, self.progress.max(old));
        }
    }

    fn saved_position(&self, i: usize) -> usize {
        self.shelf
            .articles
            .get(i)
            .and_then(|a| self.saved.positions.get(&saved::key(a)).copied())
            .unwrap_or(0)
    }

    fn restore_actor(&mut self) {
        let Some(article) = self.shelf.articles.get(self.current) else {
            return;
        };
        let Some(id) = self.saved.actors.get(&saved::key(article)).cloned() else {
            return;
        };
        if self.selected.is_some() {
            return;
        }
        if let Some(p) = self.prepared()
            && let Some(i) = p.analysis.actors.iter().position(|a| a.id == id)
        {
            self.selected = Some((i, 0));
        }
    }

    /// Uses a given analysis for article `i` instead of analysing it (tests, curated input).
    pub fn set_analysis(&mut self, i: usize, analysis: Analysis) {
        self.shelf.set_analysis(i, analysis);
        self.analysis_arrived(i);
    }

    /// The view after article `i`'s analysis arrived.
    fn analysis_arrived(&mut self, i: usize) {
        if i == self.current {
            self.actor_cursor = self.first_actor_row();
        }
        self.restore_actor();
        self.sync();
    }

    /// Has article `i` analysed if not yet done: on the worker when there is one (the panels
    /// show "analysing…" meanwhile), else now.
    fn ensure_analysis(&mut self, i: usize) {
        if self.shelf.ensure_analysis(i) == Asked::Sent {
            // An analysis from the cache is back in about a millisecond: waiting that long
            // draws the screen once instead of twice (fewer bytes over SSH); a longer one
            // fills in later.
            self.wait_analyses(GRACE);
        }
    }

    /// The article on screen.
    pub fn article(&self) -> Option<&Article> {
        self.shelf.articles.get(self.current)
    }

    /// The analysis of the article on screen, when made.
    pub fn prepared(&self) -> Option<&Prepared> {
        self.shelf.prepared(self.current)
    }

    /// The selected actor.
    pub fn selected_actor(&self) -> Option<&crate::model::Actor> {
        let (i, _) = self.selected?;
        self.prepared()?.analysis.actors.get(i)
    }

    /// The frame layout at the current size.
    pub fn plan(&self) -> Plan {
        let (w, h) = self.size;
        let side = self.scope_side().unwrap_or_else(|| {
            self.prepared()
                .map_or_else(SideContent::default, |p| SideContent {
                    actor_rows: p.actor_rows.len(),
                    events: p.analysis.events.len(),
                })
        });
        layout::plan(Rect::new(0, 0, w, h), self.focus, self.reading, side)
    }

    /// How far down the article the view is, in percent.
    pub fn percent(&self) -> u8 {
        let lines = &self.wrapped.lines;
        let h = usize::from(self.plan().text.height);
        if lines.len() <= h {
            return 100;
        }
        let bottom = (self.top_line() + h).min(lines.len());
        u8::try_from(bottom * 100 / lines.len()).unwrap_or(100)
    }

    /// Brings the wrapped body in step with the article, width and filter.
    pub fn sync(&mut self) {
        let width = self.plan().text.width;
        let filter_actor = if self.filter {
            self.selected.map(|(i, _)| i)
        } else {
            None
        };
        let key = (self.current, width, self.filter, filter_actor);
        if self.wrapped.key == Some(key) {
            return;
        }
        let Some(article) = self.shelf.articles.get(self.current) else {
            self.wrapped = Wrapped::default();
            return;
        };
        let blocks: Vec<wrap::Block> = match (filter_actor, self.prepared()) {
            (Some(i), Some(p)) => {
                let mut v: Vec<Span> = p
                    .analysis
                    .actors
                    .get(i)
                    .map(|a| {
                        a.mentions
                            .iter()
                            .filter_map(|m| p.sentence_at(m.start))
                            .collect()
                    })
                    .unwrap_or_default();
                v.dedup();
                v.into_iter()
                    .map(|span| wrap::Block {
                        span,
                        tight: false,
                        indent: 0,
                    })
                    .collect()
            }
            _ => match &article.markup {
                // Markdown: the blocks as parsed.
                Some(m) => m
                    .blocks
                    .iter()
                    .map(|b| wrap::Block {
                        span: b.span,
                        tight: b.tight,
                        indent: u16::from(b.indent),
                    })
                    .collect(),
                None => wrap::blocks(&article.text, wrap::Reflow::of(article)),
            },
        };
        let blocks = self.line_filtered(&article.text, blocks);
        let links: Vec<(usize, &str)> = article
            .markup
            .iter()
            .flat_map(|m| m.links.iter().map(|l| (l.at, l.url.as_str())))
            .collect();
        let (lines, inlines) = wrap::wrap_linked(&article.text, &blocks, width, &links);
        self.wrapped = Wrapped {
            key: Some(key),
            lines,
            inlines,
        };
    }

    /// The first row shown.
    pub fn top_line(&self) -> usize {
        wrap::line_of(&self.wrapped.lines, self.top).min(self.max_top())
    }

    fn max_top(&self) -> usize {
        let h = usize::from(self.plan().text.height);
        self.wrapped.lines.len().saturating_sub(h)
    }

    fn set_top_line(&mut self, line: usize) {
        let line = line.min(self.max_top());
        self.top = self.wrapped.lines.get(line).map_or(0, |l| l.start);
    }

    fn scroll(&mut self, delta: isize) {
        let top = self.top_line();
        self.set_top_line(top.saturating_add_signed(delta));
    }

    /// Scrolls so byte `pos` is on screen (a third from the top when it was not).
    fn show(&mut self, pos: usize) {
        let h = usize::from(self.plan().text.height);
        let line = wrap::line_of(&self.wrapped.lines, pos);
        let top = self.top_line();
        if line < top || line >= top + h {
            self.set_top_line(line.saturating_sub(h / 3));
        }
    }

    /// Scrolls so the rows from byte `first` to byte `pos` are on screen, `first`'s row at
    /// least (a sentence's first line above its event): a third from the top when they were
    /// not, or at the top when the two do not fit that way.
    fn show_from(&mut self, first: usize, pos: usize) {
        let h = usize::from(self.plan().text.height);
        let first_line = wrap::line_of(&self.wrapped.lines, first.min(pos));
        let line = wrap::line_of(&self.wrapped.lines, pos);
        let top = self.top_line();
        if first_line < top || line >= top + h {
            let mut new_top = first_line.saturating_sub(h / 3);
            if line >= new_top + h {
                new_top = first_line;
            }
            self.set_top_line(new_top);
        }
    }

    fn place(&self) -> JumpPoint {
        JumpPoint {
            article: self.current,
            top: self
                .wrapped
                .lines
                .get(self.top_line())
                .map_or(self.top, |l| l.start),
            mention: self.selected,
            matched: self.search.current,
        }
    }

    fn record_jump(&mut self) {
        self.jumps.truncate(self.jump_at);
        let here = self.place();
        if self.jumps.last() != Some(&here) {
            self.jumps.push(here);
        }
        self.jump_at = self.jumps.len();
    }

    fn go(&mut self, place: JumpPoint) {
        if place.article != self.current {
            self.open(place.article);
        }
        self.top = place.top;
        // The mention or match current there is current again ("mention 2/7" follows).
        if let Some((i, k)) = place.mention
            && self
                .prepared()
                .and_then(|p| p.analysis.actors.get(i))
                .is_some_and(|a| k < a.mentions.len())
        {
            self.selected = Some((i, k));
        }
        if let Some(m) = place.matched
            && m < self.search.matches.len()
        {
            self.search.current = Some(m);
        }
        self.sync();
    }

    /// Opens article `i`, keeping the position of the one left.
    fn open(&mut self, i: usize) {
        if i >= self.shelf.articles.len() {
            return;
        }
        let mut saved = std::mem::take(&mut self.saved);
        self.remember(&mut saved);
        self.saved = saved;
        self.current = i;
        self.progress = 0;
        self.library_cursor = i;
        self.ensure_text(i);
        self.ensure_analysis(i);
        self.mark_opened();
        self.selected = None;
        self.event = None;
        self.name_cursor = None;
        self.filter = false;
        self.search = Search::default();
        self.actor_cursor = self.first_actor_row();
        self.event_cursor = 0;
        self.top = self.saved_position(i);
        self.restore_actor();
        self.sync();
    }

    /// The actor at an actors-panel row (`None` for headings).
    pub fn actor_row(&self, row: usize) -> Option<usize> {
        match self.actor_rows().get(row)? {
            ActorRow::Actor(i) => Some(*i),
            ActorRow::Heading(_) => None,
        }
    }

    fn mentions(&self) -> &[crate::model::Mention] {
        self.selected_actor().map_or(&[], |a| a.mentions.as_slice())
    }

    /// Sets the terminal size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.size = (cols, rows);
        self.sync();
    }

    /// The layout kind now.
    pub fn mode(&self) -> Mode {
        self.plan().mode()
    }

    /// The marks on the body: the kinds, then the selected actor's mentions, the search matches.
    pub fn marks(&self) -> Vec<(Span, Mark)> {
        let mut marks = self.prepared().map(|p| p.marks.clone()).unwrap_or_default();
        if let Some(m) = self.article().and_then(|a| a.markup.as_ref()) {
            marks.extend(m.styles.iter().map(|s| (s.span, Mark::Md(s.style))));
        }
        if let Some((_, k)) = self.selected {
            for (j, m) in self.mentions().iter().enumerate() {
                let mark = if j == k {
                    Mark::MentionCurrent
                } else {
                    Mark::Mention
                };
                marks.push((m.span(), mark));
            }
        }
        for (j, m) in self.search.matches.iter().enumerate() {
            let mark = if Some(j) == self.search.current {
                Mark::SearchCurrent
            } else {
                Mark::Search
            };
            marks.push((*m, mark));
        }
        if let Some(s) = self.name_spot() {
            marks.push((s, Mark::Cursor));
        }
        marks
    }

    /// The span of the selected event's sentence.
    pub fn event_sentence(&self) -> Option<Span> {
        let p = self.prepared()?;
        let ev = p.analysis.events.get(self.event?)?;
        if ev.start >= ev.end {
            return None;
        }
        let s = p.sentence_at(ev.start).unwrap_or(ev.span());
        Some(Span::new(s.start.min(ev.start), s.end.max(ev.end)))
    }

    /// Where the current mention or match is.
    pub fn current_spot(&self) -> Option<Span> {
        if let Some(m) = self.search.current.and_then(|i| self.search.matches.get(i)) {
            return Some(*m);
        }
        let (_, k) = self.selected?;
        self.mentions().get(k).map(|m| m.span())
    }

    /// Read state of each article for the library: how far it was read, if read at all.
    pub fn read_state(&self, i: usize) -> Option<u8> {
        let a = self.shelf.articles.get(i)?;
        let saved = self.saved.read.get(&saved::key(a)).copied();
        if i == self.current && self.progress > 0 {
            return Some(saved.unwrap_or(0).max(self.progress));
        }
        saved
    }

    /// Whether article `i` is new: fetched since the library was last listed (see
    /// [`App::new_since`]) and neither opened in this run nor read before.
    pub fn is_new(&self, i: usize) -> bool {
        let Some(a) = self.shelf.articles.get(i) else {
            return false;
        };
        let Some(fetched) = a.fetched else {
            return false;
        };
        if self.new_since.is_some_and(|t| fetched <= t) || i == self.current {
            return false;
        }
        let key = saved::key(a);
        !self.opened.contains(&key) && !self.saved.read.contains_key(&key)
    }

    /// How many articles are new ([`App::is_new`]).
    pub fn new_count(&self) -> usize {
        (0..self.shelf.articles.len())
            .filter(|&i| self.is_new(i))
            .count()
    }

    /// The article on screen is no longer new.
    pub(crate) fn mark_opened(&mut self) {
        if let Some(a) = self.article()
            && a.fetched.is_some()
        {
            self.opened.insert(saved::key(a));
        }
    }

    /// Key map labels by action, for hints and help.
    pub fn labels(&self) -> BTreeMap<Action, String> {
        Action::ALL
            .iter()
            .map(|a| (*a, self.keymap.label(*a)))
            .collect()
    }
}
