//! The library's briefing for the reader's library scope: every article the reader holds
//! analysed (through the analysis cache when the reader has one) and merged by
//! [`crate::briefing`], on a thread of its own so that no key ever waits for it.
//!
//! Only what the merge needs of each analysis is kept while the thread runs (a
//! [`crate::briefing::Digest`]: no text, no mentions), and of that only the briefing and each
//! member's mention count once it is done: a library of 500 articles costs a few megabytes.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::briefing::{Briefing, Digest};
use crate::library::Library;
use crate::model::{Analysis, Article};

/// Where the articles come from: a library (each read from its file in turn) or articles
/// loaded in full (a few files, standard input).
#[derive(Debug, Clone)]
pub enum Source {
    /// A library: article `i` is `Library::load(i)`.
    Library(Library),
    /// Articles with their text.
    Articles(Vec<Article>),
}

impl Source {
    fn len(&self) -> usize {
        match self {
            Source::Library(l) => l.len(),
            Source::Articles(a) => a.len(),
        }
    }

    /// When article `i` came: `fetched` (written by `brief fetch` and `brief add`), else its
    /// file's modification time; `None` when neither is known.
    fn added(&self, i: usize) -> Option<jiff::Timestamp> {
        match self {
            Source::Library(l) => {
                let e = l.entries().get(i)?;
                e.fetched.or_else(|| {
                    let ns = i128::from(e.stamp.mtime_ns);
                    (ns > 0)
                        .then(|| jiff::Timestamp::from_nanosecond(ns).ok())
                        .flatten()
                })
            }
            Source::Articles(a) => {
                let a = a.get(i)?;
                a.fetched.or_else(|| {
                    let meta = std::fs::metadata(a.path.as_deref()?).ok()?;
                    jiff::Timestamp::try_from(meta.modified().ok()?).ok()
                })
            }
        }
    }

    fn load(&self, i: usize) -> Option<Article> {
        match self {
            Source::Library(l) => l.load(i).ok(),
            Source::Articles(a) => a.get(i).cloned(),
        }
    }
}

/// What tells one list of articles from another: each article's file, or its title when it
/// has none. A library listed again (`r`) or replaced by its scan is a new list, and the
/// briefing made for the old one is not used.
pub type ArticleId = (Option<PathBuf>, String);

/// The id of an article of the reader's list (see [`ArticleId`]).
pub fn article_id(a: &Article) -> ArticleId {
    match &a.path {
        Some(p) => (Some(p.clone()), String::new()),
        None => (None, a.title.clone()),
    }
}

/// The library's briefing and what the reader needs beside it.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The merged actors and events.
    pub briefing: Briefing,
    /// For each briefing actor, for each of its members: how many mentions the article gives
    /// it (the steps `n` takes in that article).
    pub mentions: Vec<Vec<usize>>,
    /// The articles it was made from, in order.
    pub articles: Vec<ArticleId>,
    /// When each article came (see [`Source`]'s `added`).
    pub added: Vec<Option<jiff::Timestamp>>,
    /// The year most of the dated events are in: dates in it are shown without it.
    pub year: Option<i16>,
    /// How many articles could not be read (they count as articles with no actors).
    pub failed: usize,
    /// How long it took.
    pub took: Duration,
    /// For each briefing actor, what its detail view (`i`) shows beside the briefing.
    pub details: Vec<ActorDetail>,
}

/// What the library's detail view of an actor shows that the briefing does not hold: the
/// other names and affiliation its articles give, its quotations and the events it takes
/// part in, across the articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDetail {
    /// The names its articles give it besides its name, each once.
    pub aliases: Vec<String>,
    /// The affiliation the first article giving one gives.
    pub affiliation: Option<String>,
    /// Its quotations, article after article.
    pub quotes: Vec<LibQuote>,
    /// The briefing events one of its members takes part in (indices into the events).
    pub events: Vec<usize>,
}

/// A quotation an actor said in one article of the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibQuote {
    /// The article.
    pub article: usize,
    /// The speaker's actor id in that article.
    pub actor: String,
    /// Where the quoted text starts in the article's text (as the article's analysis has it).
    pub start: usize,
    /// The quoted text, at most [`QUOTE_MAX`] bytes of it.
    pub text: String,
}

/// The most of a quotation kept for the detail view (a library may hold thousands).
pub const QUOTE_MAX: usize = 600;

/// The quotations of an analysis with a speaker: (speaker id, start, text cut to
/// [`QUOTE_MAX`]).
fn quotes_of(article: &Article, analysis: &Analysis) -> Vec<(String, usize, String)> {
    analysis
        .quotes
        .iter()
        .filter_map(|q| {
            let speaker = q.speaker.clone()?;
            let text = article.text.get(q.start..q.end)?;
            let mut cut = text.len().min(QUOTE_MAX);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            Some((speaker, q.start, text[..cut].to_string()))
        })
        .collect()
}

/// The details of each briefing actor (see [`ActorDetail`]).
fn details(
    briefing: &Briefing,
    digests: &[Digest],
    quotes: &[Vec<(String, usize, String)>],
) -> Vec<ActorDetail> {
    let index = briefing.actor_index(digests.len());
    let mut out = vec![ActorDetail::default(); briefing.actors.len()];
    for (k, a) in briefing.actors.iter().enumerate() {
        let d = &mut out[k];
        for m in &a.members {
            let Some(x) = digests
                .get(m.article)
                .and_then(|g| g.actors.iter().find(|x| x.id == m.actor))
            else {
                continue;
            };
            for name in std::iter::once(&x.name).chain(&x.aliases) {
                if *name != a.name && !d.aliases.contains(name) {
                    d.aliases.push(name.clone());
                }
            }
            if d.affiliation.is_none() {
                d.affiliation.clone_from(&x.affiliation);
            }
        }
    }
    for (i, list) in quotes.iter().enumerate() {
        for (speaker, start, text) in list {
            if let Some(&k) = index.get(i).and_then(|m| m.get(speaker.as_str())) {
                out[k].quotes.push(LibQuote {
                    article: i,
                    actor: speaker.clone(),
                    start: *start,
                    text: text.clone(),
                });
            }
        }
    }
    for (e, ev) in briefing.events.iter().enumerate() {
        for m in &ev.members {
            let Some(event) = digests.get(m.article).and_then(|g| g.events.get(m.event)) else {
                continue;
            };
            for p in &event.participants {
                if let Some(&k) = index.get(m.article).and_then(|x| x.get(p.as_str()))
                    && out[k].events.last() != Some(&e)
                {
                    out[k].events.push(e);
                }
            }
        }
    }
    out
}

impl Merged {
    /// Whether it was made from exactly these articles.
    pub fn fits(&self, articles: &[Article]) -> bool {
        self.articles.len() == articles.len()
            && self
                .articles
                .iter()
                .zip(articles)
                .all(|(id, a)| match (&id.0, &a.path) {
                    (Some(p), Some(q)) => p == q,
                    (None, None) => id.1 == a.title,
                    _ => false,
                })
    }

    /// Whether article `i` came after `since` (every article does when `since` is `None`: no
    /// reader listed this library before).
    pub fn is_new(&self, i: usize, since: Option<jiff::Timestamp>) -> bool {
        match since {
            None => true,
            Some(t) => self.added.get(i).copied().flatten().is_some_and(|a| a > t),
        }
    }
}

/// How one article is analysed on the thread.
pub type AnalyseFn = dyn Fn(&Article) -> Analysis + Send + Sync + 'static;

/// A briefing being made on its thread.
#[derive(Debug)]
pub struct Job {
    rx: Receiver<Merged>,
    done: Arc<AtomicUsize>,
    total: usize,
}

/// What a job has to say.
#[derive(Debug)]
pub enum Poll {
    /// Still running: this many articles of the total analysed.
    Running(usize, usize),
    /// Finished.
    Done(Box<Merged>),
    /// The thread is gone without a result (it could not start, or panicked).
    Gone,
}

impl Job {
    /// Starts merging the articles of `source`, `ids` being the reader's list they are (see
    /// [`ArticleId`]), each analysed with `analyse`.
    pub fn spawn(source: Source, ids: Vec<ArticleId>, analyse: Arc<AnalyseFn>) -> Job {
        let (tx, rx) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let total = source.len();
        let counter = Arc::clone(&done);
        let _ = std::thread::Builder::new()
            .name("brief-library".into())
            .spawn(move || {
                let merged = build(&source, ids, analyse.as_ref(), &counter);
                let _ = tx.send(merged);
            });
        Job { rx, done, total }
    }

    /// Its state now, without waiting.
    pub fn poll(&self) -> Poll {
        match self.rx.try_recv() {
            Ok(m) => Poll::Done(Box::new(m)),
            Err(TryRecvError::Empty) => {
                Poll::Running(self.done.load(Ordering::Relaxed), self.total)
            }
            Err(TryRecvError::Disconnected) => Poll::Gone,
        }
    }

    /// Waits at most `timeout` for the result (headless replays and tests).
    pub fn wait(&self, timeout: Duration) -> Poll {
        match self.rx.recv_timeout(timeout) {
            Ok(m) => Poll::Done(Box::new(m)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                Poll::Running(self.done.load(Ordering::Relaxed), self.total)
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Poll::Gone,
        }
    }
}

/// Analyses every article of `source` (on the cores the machine has, the UI thread aside) and
/// merges them.
fn build(source: &Source, ids: Vec<ArticleId>, analyse: &AnalyseFn, done: &AtomicUsize) -> Merged {
    let started = Instant::now();
    let n = source.len();
    let indices: Vec<usize> = (0..n).collect();
    let threads = crate::parallel::threads().saturating_sub(1).max(1);
    type Quotes = Vec<(String, usize, String)>;
    let digests: Vec<Option<(Digest, Quotes)>> =
        crate::parallel::map_in_order(&indices, threads, |&i| {
            let run = std::panic::AssertUnwindSafe(|| {
                source.load(i).map(|a| {
                    let analysis = analyse(&a);
                    let quotes = quotes_of(&a, &analysis);
                    (Digest::from_analysis(analysis, &a.text), quotes)
                })
            });
            let d = std::panic::catch_unwind(run).ok().flatten();
            done.fetch_add(1, Ordering::Relaxed);
            d
        });
    let failed = digests.iter().filter(|d| d.is_none()).count();
    let (digests, quotes): (Vec<Digest>, Vec<Quotes>) =
        digests.into_iter().map(Option::unwrap_or_default).unzip();
    let briefing = Briefing::build(&digests);
    let mentions = briefing
        .actors
        .iter()
        .map(|a| {
            a.members
                .iter()
                .map(|m| {
                    digests
                        .get(m.article)
                        .and_then(|d| d.actors.iter().find(|x| x.id == m.actor))
                        .map_or(0, |x| x.mentions)
                })
                .collect()
        })
        .collect();
    let year = common_year(&briefing);
    let details = details(&briefing, &digests, &quotes);
    Merged {
        briefing,
        mentions,
        articles: ids,
        added: (0..n).map(|i| source.added(i)).collect(),
        year,
        failed,
        took: started.elapsed(),
        details,
    }
}

/// The year most dated events are in (the first of the most common), if any.
fn common_year(b: &Briefing) -> Option<i16> {
    let mut counts: std::collections::BTreeMap<i16, usize> = std::collections::BTreeMap::new();
    for e in &b.events {
        let year = e
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i16>().ok());
        if let Some(y) = year {
            *counts.entry(y).or_default() += 1;
        }
    }
    let most = counts.values().copied().max()?;
    counts.into_iter().find(|(_, n)| *n == most).map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(s).unwrap()
    }

    #[test]
    fn new_is_after_the_last_listing_and_everything_on_a_first_visit() {
        let m = Merged {
            added: vec![Some(ts(100)), Some(ts(300)), None],
            ..Merged::default()
        };
        assert!(!m.is_new(0, Some(ts(200))));
        assert!(m.is_new(1, Some(ts(200))));
        assert!(!m.is_new(2, Some(ts(200))), "no date: not new");
        assert!((0..3).all(|i| m.is_new(i, None)));
    }

    #[test]
    fn a_briefing_fits_only_the_list_it_was_made_from() {
        let a = |path: Option<&str>, title: &str| Article {
            path: path.map(PathBuf::from),
            title: title.into(),
            ..Article::default()
        };
        let list = vec![a(Some("x.txt"), "X"), a(None, "Pasted")];
        let m = Merged {
            articles: list.iter().map(article_id).collect(),
            ..Merged::default()
        };
        assert!(m.fits(&list));
        // A title changed by the scan is the same file.
        assert!(m.fits(&[a(Some("x.txt"), "Better title"), a(None, "Pasted")]));
        assert!(!m.fits(&[a(Some("y.txt"), "X"), a(None, "Pasted")]));
        assert!(!m.fits(&list[..1]));
    }

    #[test]
    fn the_common_year_is_the_one_most_events_are_in() {
        let ev = |date: Option<&str>| crate::briefing::BriefingEvent {
            id: String::new(),
            label: String::new(),
            kind: String::new(),
            date: date.map(str::to_string),
            place: None,
            status: crate::briefing::Status::Happened,
            members: Vec::new(),
            conflicts: Vec::new(),
        };
        let b = Briefing {
            actors: Vec::new(),
            events: vec![
                ev(Some("1707")),
                ev(Some("2025-03-03")),
                ev(Some("2025-W10")),
                ev(None),
                ev(Some("PAST_REF")),
            ],
        };
        assert_eq!(common_year(&b), Some(2025));
        assert_eq!(common_year(&Briefing::default()), None);
    }
}
