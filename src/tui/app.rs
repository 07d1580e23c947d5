//! The reader's state and `update`: keys become actions, actions change the state. Nothing here
//! draws; the panels only read this state.

use std::collections::{BTreeMap, VecDeque};
use std::sync::mpsc::Receiver;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Key, KeyCodeOrd, KeyMap};
use super::layout::{self, Mode, Plan};
use super::state::{self, Saved};
use super::text::{self, Line, Mark};
use super::theme::Theme;
use super::worker::{Job, Worker};
use crate::analysis::text::Document;
use crate::library::Library;
use crate::model::{ActorKind, Analysis, Article, Span};
use crate::{Options, analyze};

/// How many article texts (and their analyses) a reader opened on a library holds at once;
/// the others are read again from their files when shown.
pub const TEXTS_HELD: usize = 64;

/// How long opening an article waits for its analysis before drawing without it.
const GRACE: std::time::Duration = std::time::Duration::from_millis(4);

/// What the reader opens: articles loaded in full, or a library whose texts are read when shown.
#[derive(Debug)]
pub enum Input {
    /// Articles with their text (standard input, the sample, a few files).
    Loaded(crate::load::Loaded),
    /// A scanned library and the problems of the scan.
    Library(Library, Vec<crate::load::LoadError>),
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

/// A panel that can have the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    /// The list of articles.
    Library,
    /// The article text.
    Body,
    /// The actors, grouped by kind.
    Actors,
    /// The timeline of events.
    Timeline,
}

impl Panel {
    /// In focus order (and the order of the `1`-`4` keys).
    pub const ALL: [Panel; 4] = [Panel::Library, Panel::Body, Panel::Actors, Panel::Timeline];

    /// Its name on screen.
    pub const fn title(self) -> &'static str {
        match self {
            Panel::Library => "Library",
            Panel::Body => "Text",
            Panel::Actors => "Actors",
            Panel::Timeline => "Timeline",
        }
    }

    fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// One article's analysis and what the screen derives from it once.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The analysis.
    pub analysis: Analysis,
    /// The sentences of the text.
    pub sentences: Vec<Span>,
    /// Highlights by kind: actor mentions, dates, quotes.
    pub marks: Vec<(Span, Mark)>,
    /// The rows of the actors panel: a heading per kind, then its actors (indices).
    pub actor_rows: Vec<ActorRow>,
}

/// One row of the actors panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRow {
    /// A heading ("People").
    Heading(ActorKind),
    /// An actor (index into `Analysis::actors`).
    Actor(usize),
}

impl Prepared {
    /// Derives what the screen needs from an analysis of `text`.
    pub fn new(text: &str, analysis: Analysis) -> Self {
        let doc = Document::new(text);
        let sentences = doc.sentences.iter().map(|s| s.span).collect();
        let valid = |s: Span| s.start < s.end && s.end <= text.len();
        let mut marks = Vec::new();
        for a in &analysis.actors {
            for m in &a.mentions {
                if valid(m.span()) {
                    marks.push((m.span(), Mark::Kind(a.kind)));
                }
            }
        }
        for t in &analysis.timexes {
            if valid(t.span()) {
                marks.push((t.span(), Mark::Date));
            }
        }
        for q in &analysis.quotes {
            let s = Span::new(q.start, q.end);
            if valid(s) {
                marks.push((s, Mark::Quote));
            }
        }
        marks.sort_by_key(|(s, _)| (s.start, s.end));
        let mut actor_rows = Vec::new();
        for group in [
            &[ActorKind::Person][..],
            &[ActorKind::Organisation],
            &[ActorKind::Country, ActorKind::Group],
            &[ActorKind::Place],
        ] {
            let members: Vec<usize> = (0..analysis.actors.len())
                .filter(|&i| group.contains(&analysis.actors[i].kind))
                .collect();
            if !members.is_empty() {
                actor_rows.push(ActorRow::Heading(group[0]));
                actor_rows.extend(members.into_iter().map(ActorRow::Actor));
            }
        }
        Self {
            analysis,
            sentences,
            marks,
            actor_rows,
        }
    }

    /// The sentence holding byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        self.sentences
            .get(i.checked_sub(1)?)
            .copied()
            .filter(|s| pos < s.end.max(s.start + 1))
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

/// A place to come back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    article: usize,
    top: usize,
}

/// The wrapped body for one article, width and filter.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    key: Option<(usize, u16, bool, Option<usize>)>,
    /// The rows.
    pub lines: Vec<Line>,
}

/// Everything the reader shows and remembers while it runs.
#[derive(Debug)]
pub struct App {
    /// The articles.
    pub articles: Vec<Article>,
    analyses: Vec<Option<Prepared>>,
    options: Options,
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
    /// The byte at the top of the body.
    pub top: usize,
    /// The terminal size.
    pub size: (u16, u16),
    /// One line for the status bar, until the next key.
    pub notice: Option<String>,
    /// The user asked to quit.
    pub quit: bool,
    /// The key map.
    pub keymap: KeyMap,
    /// The styles.
    pub theme: Theme,
    /// The wrapped body (kept in step by [`App::sync`]).
    pub wrapped: Wrapped,
    /// What is remembered between runs.
    pub saved: Saved,
    jumps: Vec<Place>,
    jump_at: usize,
    /// Where texts not held are read from (a reader opened on a library).
    library: Option<Library>,
    /// The articles whose text is held, least recently shown first.
    held: VecDeque<usize>,
    worker: Option<Worker>,
    /// Analyses asked of the worker and not back yet: (article, token).
    pending: Vec<(usize, u64)>,
    next_token: u64,
    /// How many analyses the worker computed (not from the cache).
    pub analysed: usize,
    /// The library's scan (titles and dates) while it runs: the list shows file names until
    /// it is done.
    scan: Option<Receiver<ScanDone>>,
    /// Paths to scan once the first frame is drawn ([`App::take_scan_paths`]).
    scan_paths: Option<Vec<std::path::PathBuf>>,
}

/// An article of the list as the scan gives it: no text until it is shown.
fn listed(e: &crate::library::Entry) -> Article {
    Article {
        title: e.title.clone(),
        source: e.source.clone(),
        published: e.published,
        date_origin: e.date_origin,
        path: Some(e.path.clone()),
        ..Article::default()
    }
}

/// A finished scan: the library with titles and dates, and the problems met.
pub type ScanDone = (Library, Vec<crate::load::LoadError>);

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
        let n = articles.len();
        Self {
            articles,
            analyses: vec![None; n],
            options: Options::default(),
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
            top: 0,
            size: (80, 24),
            notice: None,
            quit: false,
            keymap,
            theme,
            scan: None,
            scan_paths: None,
            wrapped: Wrapped::default(),
            saved: Saved::default(),
            jumps: Vec::new(),
            jump_at: 0,
            library: None,
            held: VecDeque::new(),
            worker: None,
            pending: Vec::new(),
            next_token: 0,
            analysed: 0,
        }
    }

    /// A reader on a library: the list from its titles and dates, each text read from its file
    /// when shown and at most [`TEXTS_HELD`] held; nothing analysed yet.
    pub fn from_library(library: Library, theme: Theme, keymap: KeyMap) -> Self {
        let articles = library.entries().iter().map(listed).collect();
        let mut app = Self::new_deferred(articles, theme, keymap);
        app.library = Some(library);
        app.ensure_text(0);
        app.sync();
        app
    }

    /// How many article texts are held now.
    pub fn texts_held(&self) -> usize {
        if self.library.is_some() {
            self.held.len()
        } else {
            self.articles.len()
        }
    }

    /// Reads article `i`'s text when not held, and forgets the least recently shown beyond
    /// [`TEXTS_HELD`] (with their analyses). A text that cannot be read leaves a notice.
    fn ensure_text(&mut self, i: usize) {
        let Some(lib) = &self.library else {
            return;
        };
        if i >= self.articles.len() {
            return;
        }
        if let Some(at) = self.held.iter().position(|&h| h == i) {
            self.held.remove(at);
            self.held.push_back(i);
            return;
        }
        match lib.load(i) {
            Ok(a) => {
                if let Some(slot) = self.articles.get_mut(i) {
                    // The list keeps the scanned title, so it does not change under the cursor.
                    *slot = Article {
                        title: std::mem::take(&mut slot.title),
                        ..a
                    };
                }
            }
            Err(e) => self.notice = Some(e.to_string()),
        }
        self.held.push_back(i);
        while self.held.len() > TEXTS_HELD {
            let Some(old) = self.held.pop_front() else {
                break;
            };
            if old == self.current {
                self.held.push_back(old);
                continue;
            }
            if let Some(a) = self.articles.get_mut(old) {
                a.text = String::new();
                a.curated = Default::default();
            }
            if let Some(slot) = self.analyses.get_mut(old) {
                *slot = None;
            }
            self.pending.retain(|(j, _)| *j != old);
        }
    }

    /// Analyses from now on go to `worker`, and the article on screen is asked for at once.
    pub fn attach_worker(&mut self, worker: Worker) {
        self.worker = Some(worker);
        self.ensure_analysis(self.current);
    }

    /// Whether an analysis is being made on the worker.
    pub fn analysis_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Shows the list from `placeholders` now and takes the real one from `scan` when it
    /// arrives (see [`App::receive`]).
    pub fn attach_scan(&mut self, scan: Receiver<ScanDone>) {
        self.scan = Some(scan);
        if self.notice.is_none() {
            self.notice = Some(format!("listing {} files…", self.articles.len()));
        }
    }

    /// Marks the list as file names to be replaced by a scan of `paths` (started by the caller
    /// with [`App::take_scan_paths`], after the first frame).
    pub fn set_scan_paths(&mut self, paths: Vec<std::path::PathBuf>) {
        if self.notice.is_none() {
            self.notice = Some(format!("listing {} files…", self.articles.len()));
        }
        self.scan_paths = Some(paths);
    }

    /// The paths to scan, once.
    pub fn take_scan_paths(&mut self) -> Option<Vec<std::path::PathBuf>> {
        self.scan_paths.take()
    }

    /// Whether the library's scan is still running.
    pub fn scan_pending(&self) -> bool {
        self.scan.is_some()
    }

    /// Takes the finished scan, if any: titles, dates and sources replace the file names; the
    /// article on screen stays on screen. Returns whether it arrived.
    fn receive_scan(&mut self) -> bool {
        let Some(rx) = &self.scan else {
            return false;
        };
        match rx.try_recv() {
            Ok(done) => self.accept_scan(Some(done)),
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            // The scan thread died: the file names stay.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.accept_scan(None),
        }
    }

    fn accept_scan(&mut self, done: Option<ScanDone>) -> bool {
        self.scan = None;
        let Some((library, problems)) = done else {
            self.clear_listing_notice();
            return true;
        };
        self.clear_listing_notice();
        if let Some(p) = problems.first() {
            let more = problems.len() - 1;
            self.notice = Some(if more > 0 {
                format!("{p} (and {more} more)")
            } else {
                p.to_string()
            });
        }
        if library.is_empty() {
            return true;
        }
        let same_files = library.len() == self.articles.len()
            && library
                .entries()
                .iter()
                .zip(&self.articles)
                .all(|(e, a)| a.path.as_ref() == Some(&e.path));
        if same_files {
            // Usual case (one article per file): texts and analyses held stay where they are.
            for (e, a) in library.entries().iter().zip(&mut self.articles) {
                a.title = e.title.clone();
                a.source = e.source.clone();
                a.published = e.published;
                a.date_origin = e.date_origin;
            }
            self.library = Some(library);
            self.wrapped = Wrapped::default();
            self.sync();
            return true;
        }
        // A file held several articles: the list is rebuilt and the file on screen reopened.
        let path = self.articles.get(self.current).and_then(|a| a.path.clone());
        let at = |lib: &Library| {
            path.as_ref()
                .and_then(|p| lib.entries().iter().position(|e| &e.path == p))
                .unwrap_or(0)
        };
        let i = at(&library);
        self.articles = library.entries().iter().map(listed).collect();
        self.analyses = vec![None; self.articles.len()];
        self.held.clear();
        self.pending.clear();
        self.library = Some(library);
        self.current = i;
        self.library_cursor = i;
        self.selected = None;
        self.event = None;
        self.actor_cursor = 0;
        self.event_cursor = 0;
        self.wrapped = Wrapped::default();
        self.ensure_text(i);
        if self.worker.is_some() {
            self.ensure_analysis(i);
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
        let Some(rx) = &self.scan else {
            return;
        };
        match rx.recv_timeout(timeout) {
            Ok(done) => {
                self.accept_scan(Some(done));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                self.accept_scan(None);
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
    }

    /// Takes the analyses the worker finished and the library's scan when done; returns
    /// whether the screen changed.
    pub fn receive(&mut self) -> bool {
        let mut changed = self.receive_scan();
        while let Some(w) = &self.worker {
            match w.try_recv() {
                Ok(Some(done)) => changed |= self.accept(done),
                Ok(None) => break,
                Err(_) => {
                    // The thread is gone (it could not start): analyse here from now on.
                    self.worker = None;
                    self.pending.clear();
                    self.analyze_pending();
                    return true;
                }
            }
        }
        changed
    }

    /// Waits (at most `timeout` per result) until no analysis is pending: `brief render` and
    /// tests, where the screen must not depend on timing.
    pub fn wait_analyses(&mut self, timeout: std::time::Duration) {
        while self.analysis_pending() {
            match self.worker.as_ref().and_then(|w| w.recv_timeout(timeout)) {
                Some(done) => {
                    self.accept(done);
                }
                None => break,
            }
        }
    }

    fn accept(&mut self, done: super::worker::Done) -> bool {
        if done.analysed {
            self.analysed += 1;
        }
        let before = self.pending.len();
        self.pending
            .retain(|&(i, t)| (i, t) != (done.index, done.token));
        if self.pending.len() == before {
            // Asked for before a reload, or its text was since forgotten.
            return false;
        }
        self.set_analysis(done.index, done.analysis);
        done.index == self.current
    }

    /// Analyses the article on screen if it is not yet; returns whether it did (and the screen
    /// needs drawing again). (The scale issue moves this to another thread.)
    pub fn analyze_pending(&mut self) -> bool {
        if self.prepared().is_some() || self.articles.is_empty() {
            return false;
        }
        self.analyze_now(self.current);
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

    /// Uses a given analysis for article `i` instead of analysing it (tests, curated input, and
    /// later an analysis made on another thread).
    pub fn set_analysis(&mut self, i: usize, analysis: Analysis) {
        if let (Some(slot), Some(article)) = (self.analyses.get_mut(i), self.articles.get(i)) {
            *slot = Some(Prepared::new(&article.text, analysis));
        }
        if i == self.current {
            self.actor_cursor = self.first_actor_row();
        }
        self.restore_actor();
        self.sync();
    }

    /// Restores what `saved` remembers: the last article, its position and actor.
    pub fn restore(&mut self, saved: Saved) {
        let last = saved.last.clone();
        self.saved = saved;
        if let Some(i) = last.and_then(|k| self.articles.iter().position(|a| state::key(a) == k)) {
            self.current = i;
            self.library_cursor = i;
        }
        self.ensure_text(self.current);
        if self.worker.is_some() {
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
        let Some(article) = self.articles.get(self.current) else {
            return;
        };
        let key = state::key(article);
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
        let pct = self.percent();
        let old = s.read.get(&key).copied().unwrap_or(0);
        s.read.insert(key, pct.max(old));
    }

    fn saved_position(&self, i: usize) -> usize {
        self.articles
            .get(i)
            .and_then(|a| self.saved.positions.get(&state::key(a)).copied())
            .unwrap_or(0)
    }

    fn restore_actor(&mut self) {
        let Some(article) = self.articles.get(self.current) else {
            return;
        };
        let Some(id) = self.saved.actors.get(&state::key(article)).cloned() else {
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

    /// Has article `i` analysed if not yet done: on the worker when there is one (the panels
    /// show "analysing…" meanwhile), else now.
    fn ensure_analysis(&mut self, i: usize) {
        let Some(worker) = &self.worker else {
            return self.analyze_now(i);
        };
        let wanted = self.analyses.get(i).is_some_and(Option::is_none)
            && !self.pending.iter().any(|(j, _)| *j == i);
        let Some(article) = self.articles.get(i).filter(|_| wanted) else {
            return;
        };
        self.next_token += 1;
        let token = self.next_token;
        let job = Job {
            index: i,
            token,
            article: article.clone(),
        };
        if worker.send(job) {
            self.pending.push((i, token));
            // An analysis from the cache is back in about a millisecond: waiting that long
            // draws the screen once instead of twice (fewer bytes over SSH); a longer one
            // fills in later.
            self.wait_analyses(GRACE);
        } else {
            self.worker = None;
            self.analyze_now(i);
        }
    }

    /// Analyses article `i` now if not yet done.
    fn analyze_now(&mut self, i: usize) {
        if let (Some(slot @ None), Some(article)) = (self.analyses.get_mut(i), self.articles.get(i))
        {
            *slot = Some(Prepared::new(
                &article.text,
                analyze(article, &self.options),
            ));
        }
    }

    /// The article on screen.
    pub fn article(&self) -> Option<&Article> {
        self.articles.get(self.current)
    }

    /// The analysis of the article on screen, when made.
    pub fn prepared(&self) -> Option<&Prepared> {
        self.analyses.get(self.current).and_then(Option::as_ref)
    }

    /// The selected actor.
    pub fn selected_actor(&self) -> Option<&crate::model::Actor> {
        let (i, _) = self.selected?;
        self.prepared()?.analysis.actors.get(i)
    }

    /// The frame layout at the current size.
    pub fn plan(&self) -> Plan {
        let (w, h) = self.size;
        layout::plan(Rect::new(0, 0, w, h), self.focus, self.reading)
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
        let Some(article) = self.articles.get(self.current) else {
            self.wrapped = Wrapped::default();
            return;
        };
        let blocks = match (filter_actor, self.prepared()) {
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
                v
            }
            _ => text::paragraphs(&article.text),
        };
        self.wrapped = Wrapped {
            key: Some(key),
            lines: text::wrap(&article.text, &blocks, width),
        };
    }

    /// The first row shown.
    pub fn top_line(&self) -> usize {
        text::line_of(&self.wrapped.lines, self.top).min(self.max_top())
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
        let line = text::line_of(&self.wrapped.lines, pos);
        let top = self.top_line();
        if line < top || line >= top + h {
            self.set_top_line(line.saturating_sub(h / 3));
        }
    }

    fn place(&self) -> Place {
        Place {
            article: self.current,
            top: self.top,
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

    fn go(&mut self, place: Place) {
        if place.article != self.current {
            self.open(place.article);
        }
        self.top = place.top;
    }

    /// Opens article `i`, keeping the position of the one left.
    fn open(&mut self, i: usize) {
        if i >= self.articles.len() {
            return;
        }
        let mut saved = std::mem::take(&mut self.saved);
        self.remember(&mut saved);
        self.saved = saved;
        self.current = i;
        self.library_cursor = i;
        self.ensure_text(i);
        self.ensure_analysis(i);
        self.selected = None;
        self.event = None;
        self.filter = false;
        self.search = Search::default();
        self.actor_cursor = self.first_actor_row();
        self.event_cursor = 0;
        self.top = self.saved_position(i);
        self.restore_actor();
        self.sync();
    }

    /// Handles one key event; returns whether the screen changed (nothing to draw otherwise).
    pub fn key(&mut self, ev: &KeyEvent) -> bool {
        if ev.kind != crossterm::event::KeyEventKind::Press {
            return false;
        }
        let Some(key) = Key::from_event(ev) else {
            return false;
        };
        let before = self.view();
        self.notice = None;
        if key.alt && self.keymap.action(key).is_none() {
            // Esc and the next key arriving together (a fast typist, an SSH packet) read as
            // Alt-key: take them as the two keys they were.
            self.handle(Key::plain(KeyCodeOrd::Esc));
            self.handle(Key { alt: false, ..key });
        } else {
            self.handle(key);
        }
        self.sync();
        before != self.view()
    }

    fn handle(&mut self, key: Key) {
        if self.help.is_some() {
            self.help_key(key);
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
            (self.search.clone(), self.selected, self.event, self.filter),
            (self.library_cursor, self.actor_cursor, self.event_cursor),
            (self.top_line(), self.notice.clone(), self.quit),
        )
    }

    fn help_key(&mut self, key: Key) {
        let Some(help) = self.help.as_mut() else {
            return;
        };
        if help.typing {
            match key.code {
                KeyCodeOrd::Char(c) if !key.ctrl && !key.alt => help.query.push(c),
                KeyCodeOrd::Backspace => {
                    help.query.pop();
                }
                KeyCodeOrd::Enter => help.typing = false,
                KeyCodeOrd::Esc => {
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
                help.scroll = help.scroll.saturating_sub(10)
            }
            Some(Action::Top) => help.scroll = 0,
            _ => {}
        }
    }

    fn search_key(&mut self, key: Key) {
        match key.code {
            KeyCodeOrd::Char(c) if !key.ctrl && !key.alt => {
                self.search.query.push(c);
                self.run_search(true);
            }
            KeyCodeOrd::Backspace => {
                self.search.query.pop();
                self.run_search(true);
            }
            KeyCodeOrd::Enter => {
                self.search.typing = false;
                if self.search.query.is_empty() {
                    self.search = Search::default();
                } else if self.search.matches.is_empty() {
                    self.notice = Some(format!("not found: {}", self.search.query));
                }
            }
            KeyCodeOrd::Esc => self.search = Search::default(),
            _ => {}
        }
    }

    /// Finds the query; the current match is the first at or after the top of the view.
    fn run_search(&mut self, incremental: bool) {
        let Some(article) = self.articles.get(self.current) else {
            return;
        };
        self.search.matches = text::search(&article.text, &self.search.query);
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
        let page = usize::from(self.plan().text.height.max(1));
        let list_page = self
            .plan()
            .panel(self.focus)
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1));
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = Some(Help::default()),
            Action::FocusNext | Action::FocusPrev => {
                let n = Panel::ALL.len();
                let step = if action == Action::FocusNext {
                    1
                } else {
                    n - 1
                };
                self.focus = Panel::ALL[(self.focus.index() + step) % n];
                self.reading = false;
            }
            Action::FocusLibrary => self.focus_on(Panel::Library),
            Action::FocusBody => self.focus_on(Panel::Body),
            Action::FocusActors => self.focus_on(Panel::Actors),
            Action::FocusTimeline => self.focus_on(Panel::Timeline),
            Action::Down => self.move_by(1, 1),
            Action::Up => self.move_by(-1, -1),
            Action::PageDown => {
                self.move_by(page.saturating_sub(1).max(1) as isize, list_page as isize)
            }
            Action::PageUp => self.move_by(
                -(page.saturating_sub(1).max(1) as isize),
                -(list_page as isize),
            ),
            Action::HalfPageDown => {
                self.move_by((page / 2).max(1) as isize, (list_page / 2).max(1) as isize)
            }
            Action::HalfPageUp => self.move_by(
                -((page / 2).max(1) as isize),
                -((list_page / 2).max(1) as isize),
            ),
            Action::Top => self.move_to(false),
            Action::Bottom => self.move_to(true),
            Action::Activate => self.activate(),
            Action::Next => self.step(true),
            Action::Prev => self.step(false),
            Action::Search => {
                self.search = Search {
                    typing: true,
                    ..Search::default()
                };
                self.reveal_body();
            }
            Action::Clear => {
                if !self.search.query.is_empty() {
                    self.search = Search::default();
                } else if self.filter {
                    self.filter = false;
                } else if self.event.is_some() {
                    self.event = None;
                } else if self.selected.is_some() {
                    self.selected = None;
                } else if self.reading {
                    self.reading = false;
                }
            }
            Action::Filter => self.toggle_filter(),
            Action::PrevArticle | Action::NextArticle => {
                let n = self.articles.len();
                if n > 1 {
                    let i = if action == Action::NextArticle {
                        (self.current + 1) % n
                    } else {
                        (self.current + n - 1) % n
                    };
                    self.record_jump();
                    self.open(i);
                } else {
                    self.notice = Some("only one article open".into());
                }
            }
            Action::JumpBack => {
                if self.jump_at == 0 {
                    self.notice = Some("no earlier place in the jump list".into());
                } else {
                    if self.jump_at == self.jumps.len() {
                        let here = self.place();
                        self.jumps.push(here);
                    }
                    self.jump_at -= 1;
                    if let Some(p) = self.jumps.get(self.jump_at).copied() {
                        self.go(p);
                    }
                }
            }
            Action::JumpForward => {
                if self.jump_at + 1 >= self.jumps.len() {
                    self.notice = Some("no later place in the jump list".into());
                } else {
                    self.jump_at += 1;
                    if let Some(p) = self.jumps.get(self.jump_at).copied() {
                        self.go(p);
                    }
                }
            }
            Action::Reload => self.reload(),
            Action::ReadingView => {
                self.reading = !self.reading;
                if self.reading {
                    self.focus = Panel::Body;
                }
            }
        }
    }

    /// In the narrow layout the body is hidden behind the panel that jumps into it: show it.
    fn reveal_body(&mut self) {
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
                self.library_cursor = clamp_add(self.library_cursor, list, self.articles.len());
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
                    self.articles.len().saturating_sub(1)
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

    /// The actor at an actors-panel row (`None` for headings).
    pub fn actor_row(&self, row: usize) -> Option<usize> {
        match self.prepared()?.actor_rows.get(row)? {
            ActorRow::Actor(i) => Some(*i),
            ActorRow::Heading(_) => None,
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
                self.show(start);
            }
            Panel::Body => {
                if self.selected.is_some() {
                    self.jump_to_mention();
                }
            }
        }
    }

    fn mentions(&self) -> &[crate::model::Mention] {
        self.selected_actor().map_or(&[], |a| a.mentions.as_slice())
    }

    fn jump_to_mention(&mut self) {
        let Some((_, k)) = self.selected else {
            return;
        };
        let Some(m) = self.mentions().get(k).copied() else {
            self.notice = Some("this actor has no mention in the text".into());
            return;
        };
        self.record_jump();
        self.show(m.start);
    }

    fn step(&mut self, forward: bool) {
        self.reveal_body();
        if !self.search.matches.is_empty() {
            let n = self.search.matches.len();
            let cur = self.search.current.unwrap_or(0);
            let next = if forward {
                (cur + 1) % n
            } else {
                (cur + n - 1) % n
            };
            self.search.current = Some(next);
            let pos = self.search.matches[next].start;
            self.record_jump();
            self.show(pos);
            return;
        }
        let n = self.mentions().len();
        match self.selected {
            Some((i, k)) if n > 0 => {
                let next = if forward {
                    (k + 1) % n
                } else {
                    (k + n - 1) % n
                };
                self.selected = Some((i, next));
                self.jump_to_mention();
            }
            Some(_) => self.notice = Some("this actor has no mention in the text".into()),
            None => {
                self.notice = Some("nothing to step through: select an actor or search (/)".into());
            }
        }
    }

    fn toggle_filter(&mut self) {
        if self.filter {
            self.filter = false;
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

    fn reload(&mut self) {
        let Some(path) = self.article().and_then(|a| a.path.clone()) else {
            self.notice = Some("nothing to reload: this article has no file".into());
            return;
        };
        // From a library, its entry says which article of the file this is.
        let loaded = match &self.library {
            Some(lib) => lib.load(self.current).map(|a| vec![a]),
            None => crate::load::load_file(&path),
        };
        match loaded {
            Ok(mut list) if !list.is_empty() => {
                let article = list.swap_remove(0);
                let i = self.current;
                if let Some(slot) = self.articles.get_mut(i) {
                    *slot = article;
                }
                if let Some(slot) = self.analyses.get_mut(i) {
                    *slot = None;
                }
                // A result asked for before the reload is for the old text.
                self.pending.retain(|(j, _)| *j != i);
                self.wrapped = Wrapped::default();
                let top = self.top;
                self.open(i);
                self.top = top.min(self.articles.get(i).map_or(0, |a| a.text.len()));
                self.notice = Some(format!("reloaded {}", path.display()));
            }
            Ok(_) => self.notice = Some(format!("{}: no article in the file", path.display())),
            Err(e) => self.notice = Some(e.to_string()),
        }
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

    /// Read state of each article for the library: percent read, if opened before.
    pub fn read_state(&self, i: usize) -> Option<u8> {
        if i == self.current {
            return Some(self.percent());
        }
        let a = self.articles.get(i)?;
        self.saved.read.get(&state::key(a)).copied()
    }

    /// Key map labels by action, for hints and help.
    pub fn labels(&self) -> BTreeMap<Action, String> {
        Action::ALL
            .iter()
            .map(|a| (*a, self.keymap.label(*a)))
            .collect()
    }
}

fn clamp_add(cur: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    cur.saturating_add_signed(delta).min(len - 1)
}
