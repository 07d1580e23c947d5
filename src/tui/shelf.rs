//! The reader's article store: the articles (texts read lazily from a library, at most
//! [`TEXTS_HELD`] held), their analyses (made on the worker thread, or here), and the library's
//! scan while it runs. Nothing here knows what is on screen: the view ([`super::App`]) says which
//! article is current and turns what the store reports into notices and cursor moves.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use super::prepared::Prepared;
use super::worker::{Done, Job, Worker};
use crate::library::Library;
use crate::model::{Analysis, Article};
use crate::{Options, analyze};

/// How many article texts (and their analyses) a reader opened on a library holds at once;
/// the others are read again from their files when shown.
pub const TEXTS_HELD: usize = 64;

/// A finished scan: the library with titles and dates, and the problems met.
pub type ScanDone = (Library, Vec<crate::load::LoadError>);

/// The articles and their analyses.
#[derive(Debug)]
pub struct Shelf {
    /// The articles.
    pub articles: Vec<Article>,
    analyses: Vec<Option<Prepared>>,
    options: Options,
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
    /// Paths to scan once the first frame is drawn ([`Shelf::take_scan_paths`]).
    scan_paths: Option<Vec<PathBuf>>,
    /// The files and folders the library was listed from: `r` lists them again.
    library_paths: Vec<PathBuf>,
}

/// What came of asking for an analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Sent to the worker: it comes back through [`Shelf::next_done`].
    Sent,
    /// Analysed here, or nothing to do.
    Done,
}

/// A finished analysis from the worker, or why there is none.
#[derive(Debug)]
pub enum Next {
    /// One arrived.
    Done(Done),
    /// None waiting (or none within the time given).
    Empty,
    /// The worker is gone: analyses are made here from now on.
    Gone,
}

/// What a finished scan did to the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relisted {
    /// The same files in the same order: titles, dates and sources replaced, nothing else.
    Kept,
    /// A file held several articles: the list was rebuilt; the article on screen is now this.
    Rebuilt(usize),
}

/// An article of the list as the scan gives it: no text until it is shown.
fn listed(e: &crate::library::Listing) -> Article {
    Article {
        title: e.title.clone(),
        source: e.source.clone(),
        published: e.published,
        date_origin: e.date_origin,
        fetched: e.fetched,
        path: Some(e.path.clone()),
        ..Article::default()
    }
}

impl Shelf {
    /// A store of articles loaded in full, nothing analysed yet.
    pub fn new(articles: Vec<Article>) -> Self {
        let n = articles.len();
        Self {
            articles,
            analyses: vec![None; n],
            options: Options::default(),
            library: None,
            held: VecDeque::new(),
            worker: None,
            pending: Vec::new(),
            next_token: 0,
            analysed: 0,
            scan: None,
            scan_paths: None,
            library_paths: Vec::new(),
        }
    }

    /// The analysis options (`--date`).
    pub fn options(&self) -> Options {
        self.options
    }

    /// Analyses from now on use `options`; those made with others are dropped.
    pub fn set_options(&mut self, options: Options) {
        if options != self.options {
            self.options = options;
            for a in &mut self.analyses {
                *a = None;
            }
        }
    }

    /// A store on a library: the list from its titles and dates, each text read when shown.
    pub fn from_library(library: Library) -> Self {
        let mut shelf = Self::new(library.entries().iter().map(listed).collect());
        shelf.library = Some(library);
        shelf
    }

    /// The library the articles are read from, when the reader is on one.
    pub fn library(&self) -> Option<&Library> {
        self.library.as_ref()
    }

    /// The analysis of article `i`, when made.
    pub fn prepared(&self, i: usize) -> Option<&Prepared> {
        self.analyses.get(i).and_then(Option::as_ref)
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
    /// [`TEXTS_HELD`] (with their analyses), never `current`. A text that cannot be read gives
    /// the notice to show.
    pub fn ensure_text(&mut self, i: usize, current: usize) -> Result<(), String> {
        let Some(lib) = &self.library else {
            return Ok(());
        };
        if i >= self.articles.len() {
            return Ok(());
        }
        if let Some(at) = self.held.iter().position(|&h| h == i) {
            self.held.remove(at);
            self.held.push_back(i);
            return Ok(());
        }
        let mut result = Ok(());
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
            Err(e) => result = Err(e.to_string()),
        }
        self.held.push_back(i);
        while self.held.len() > TEXTS_HELD {
            let Some(old) = self.held.pop_front() else {
                break;
            };
            if old == current {
                self.held.push_back(old);
                continue;
            }
            self.forget(old);
        }
        result
    }

    /// Forgets article `i`'s text and analysis (it is read again when shown).
    fn forget(&mut self, i: usize) {
        if let Some(a) = self.articles.get_mut(i) {
            a.text = String::new();
            a.curated = Default::default();
        }
        if let Some(slot) = self.analyses.get_mut(i) {
            *slot = None;
        }
        self.pending.retain(|(j, _)| *j != i);
    }

    /// Analyses from now on go to `worker`.
    pub fn attach_worker(&mut self, worker: Worker) {
        self.worker = Some(worker);
    }

    /// Whether analyses go to a worker.
    pub fn has_worker(&self) -> bool {
        self.worker.is_some()
    }

    /// Whether an analysis is being made on the worker.
    pub fn analysis_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Has article `i` analysed if not yet done: on the worker when there is one, else now.
    pub fn ensure_analysis(&mut self, i: usize) -> Asked {
        let Some(worker) = &self.worker else {
            self.analyze_now(i);
            return Asked::Done;
        };
        let wanted = self.analyses.get(i).is_some_and(Option::is_none)
            && !self.pending.iter().any(|(j, _)| *j == i);
        let Some(article) = self.articles.get(i).filter(|_| wanted) else {
            return Asked::Done;
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
            Asked::Sent
        } else {
            self.worker = None;
            self.analyze_now(i);
            Asked::Done
        }
    }

    /// Analyses article `i` now if not yet done.
    pub fn analyze_now(&mut self, i: usize) {
        if let (Some(slot @ None), Some(article)) = (self.analyses.get_mut(i), self.articles.get(i))
        {
            *slot = Some(Prepared::new(
                &article.text,
                analyze(article, &crate::folder::options_for(article, &self.options)),
            ));
        }
    }

    /// Uses a given analysis for article `i`.
    pub fn set_analysis(&mut self, i: usize, analysis: Analysis) {
        if let (Some(slot), Some(article)) = (self.analyses.get_mut(i), self.articles.get(i)) {
            *slot = Some(Prepared::new(&article.text, analysis));
        }
    }

    /// The next finished analysis: waiting at most `timeout`, or not at all when `None`.
    pub fn next_done(&mut self, timeout: Option<Duration>) -> Next {
        let Some(w) = &self.worker else {
            return Next::Empty;
        };
        match timeout {
            Some(t) => w.recv_timeout(t).map_or(Next::Empty, Next::Done),
            None => match w.try_recv() {
                Ok(Some(done)) => Next::Done(done),
                Ok(None) => Next::Empty,
                Err(_) => {
                    // The thread is gone (it could not start): analyse here from now on.
                    self.worker = None;
                    self.pending.clear();
                    Next::Gone
                }
            },
        }
    }

    /// Stores a finished analysis; returns its article, or `None` when it was asked for before
    /// a reload or its text was since forgotten.
    pub fn accept(&mut self, done: Done) -> Option<usize> {
        if done.analysed {
            self.analysed += 1;
        }
        let before = self.pending.len();
        self.pending
            .retain(|&(i, t)| (i, t) != (done.index, done.token));
        if self.pending.len() == before {
            return None;
        }
        self.set_analysis(done.index, done.analysis);
        Some(done.index)
    }

    /// Reads article `i` again from its file (from a library, its entry says which article of
    /// the file it is); its analysis is made again. Returns the path read, or the notice to show.
    pub fn reload(&mut self, i: usize) -> Result<PathBuf, String> {
        let Some(path) = self.articles.get(i).and_then(|a| a.path.clone()) else {
            return Err("nothing to reload: this article has no file".into());
        };
        let loaded = match &self.library {
            Some(lib) => lib.load(i).map(|a| vec![a]),
            None => crate::load::load_file(&path),
        };
        match loaded {
            Ok(mut list) if !list.is_empty() => {
                let article = list.swap_remove(0);
                if let Some(slot) = self.articles.get_mut(i) {
                    *slot = article;
                }
                if let Some(slot) = self.analyses.get_mut(i) {
                    *slot = None;
                }
                // A result asked for before the reload is for the old text.
                self.pending.retain(|(j, _)| *j != i);
                Ok(path)
            }
            Ok(_) => Err(format!("{}: no article in the file", path.display())),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The scan to take results from (see [`Shelf::next_scan`]).
    pub fn attach_scan(&mut self, scan: Receiver<ScanDone>) {
        self.scan = Some(scan);
    }

    /// Marks the list as file names to be replaced by a scan of `paths`.
    pub fn set_scan_paths(&mut self, paths: Vec<PathBuf>) {
        self.library_paths.clone_from(&paths);
        self.scan_paths = Some(paths);
    }

    /// The files and folders the library is listed from, for [`Shelf::rescan`].
    pub fn set_library_paths(&mut self, paths: Vec<PathBuf>) {
        self.library_paths = paths;
    }

    /// The files and folders the library is listed from (empty: not a library).
    pub fn library_paths(&self) -> &[PathBuf] {
        &self.library_paths
    }

    /// Takes a new listing of the library (after `brief fetch` or `brief add`): new files
    /// appear, removed ones go. An article whose file is unchanged (same size and time) keeps
    /// its text and analysis. Returns where `current` is now: the same article (same file and
    /// place in it), or when it is gone the one now at its row. A scan still running is
    /// dropped (this listing is newer).
    pub fn rescan(&mut self, library: Library, current: usize) -> usize {
        self.scan = None;
        self.scan_paths = None;
        let old_entries: Vec<crate::library::Listing> = self
            .library
            .as_ref()
            .map(|l| l.entries().to_vec())
            .unwrap_or_default();
        let mut old_articles = std::mem::take(&mut self.articles);
        let mut old_analyses = std::mem::take(&mut self.analyses);
        let old_held = std::mem::take(&mut self.held);
        let old_current = old_entries.get(current).map(|e| (e.path.clone(), e.index));
        let by_place: std::collections::HashMap<(&PathBuf, usize), usize> = old_entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((&e.path, e.index), i))
            .collect();
        let mut moved = vec![None; old_articles.len()];
        let mut new_current = None;
        for (j, e) in library.entries().iter().enumerate() {
            let old = by_place.get(&(&e.path, e.index)).copied();
            if old_current
                .as_ref()
                .is_some_and(|(p, k)| *p == e.path && *k == e.index)
            {
                new_current = Some(j);
            }
            let kept = old
                .filter(|&i| old_entries[i].stamp == e.stamp && !old_articles[i].text.is_empty());
            match kept {
                Some(i) => {
                    let mut a = std::mem::take(&mut old_articles[i]);
                    a.title = e.title.clone();
                    a.source = e.source.clone();
                    a.published = e.published;
                    a.date_origin = e.date_origin;
                    a.fetched = e.fetched;
                    self.articles.push(a);
                    self.analyses
                        .push(old_analyses.get_mut(i).and_then(Option::take));
                    moved[i] = Some(j);
                }
                None => {
                    self.articles.push(listed(e));
                    self.analyses.push(None);
                }
            }
        }
        self.held = old_held
            .into_iter()
            .filter_map(|i| moved.get(i).copied().flatten())
            .collect();
        self.pending.clear();
        self.library = Some(library);
        new_current.unwrap_or_else(|| current.min(self.articles.len().saturating_sub(1)))
    }

    /// The paths to scan, once.
    pub fn take_scan_paths(&mut self) -> Option<Vec<PathBuf>> {
        self.scan_paths.take()
    }

    /// Whether the library's scan is still running.
    pub fn scan_pending(&self) -> bool {
        self.scan.is_some()
    }

    /// The finished scan, waiting at most `timeout` (not at all when `None`): `None` while it
    /// runs, `Some(None)` when the scan thread died (the file names stay).
    pub fn next_scan(&mut self, timeout: Option<Duration>) -> Option<Option<ScanDone>> {
        let rx = self.scan.as_ref()?;
        let got = match timeout {
            None => match rx.try_recv() {
                Ok(done) => Some(Some(done)),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(None),
            },
            Some(t) => match rx.recv_timeout(t) {
                Ok(done) => Some(Some(done)),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(None),
            },
        };
        if got.is_some() {
            self.scan = None;
        }
        got
    }

    /// Takes a finished scan's list (not empty): titles, dates and sources replace the file
    /// names, and `current`'s file stays on screen.
    pub fn relist(&mut self, library: Library, current: usize) -> Relisted {
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
                a.fetched = e.fetched;
            }
            self.library = Some(library);
            return Relisted::Kept;
        }
        // A file held several articles: the list is rebuilt and the file on screen reopened.
        let path = self.articles.get(current).and_then(|a| a.path.clone());
        let i = path
            .as_ref()
            .and_then(|p| library.entries().iter().position(|e| &e.path == p))
            .unwrap_or(0);
        self.articles = library.entries().iter().map(listed).collect();
        self.analyses = vec![None; self.articles.len()];
        self.held.clear();
        self.pending.clear();
        self.library = Some(library);
        Relisted::Rebuilt(i)
    }
}
