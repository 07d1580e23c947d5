//! `brief fetch` and `brief add` (feature `net`): feeds and pages fetched into the library.
//!
//! `brief fetch` reads every feed of the feeds file (RSS 0.9x/1.0/2.0, Atom, JSON Feed, through
//! `feed-rs`) and saves each new entry under `LIBRARY/feeds/FEED/` as a JSON briefing with its
//! URL and the time it was fetched. An entry whose own content is the whole article is saved
//! from it; otherwise its page is fetched and its article extracted. Requests are conditional
//! (ETag, Last-Modified, kept in `STATE/feeds.json` with the entries already seen); at most 2
//! run at once per host and 8 in all. One feed's failure never stops the others.
//!
//! This is the part of brief that writes to the terminal besides the reader: a progress bar on
//! standard error when it is a terminal, and a summary.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use serde::{Deserialize, Serialize};

use crate::feeds::{self, Feed};
use crate::fragment;
use crate::model::Article;
use crate::net::{self, Client, NetError, Outcome, Page, Settings, Validators};
use crate::safe::sanitize;
use crate::save::{self, Briefing, Index};

mod add;
mod entries;

pub use add::run_add;
#[allow(clippy::wildcard_imports)]
use entries::*;

/// Requests at once to one host.
const PER_HOST: usize = 2;
/// Requests at once in all.
const WORKERS: usize = 8;
/// An entry's own content is taken as the whole article from this many characters of text
/// (about 250 words) when it does not end like a teaser.
const WHOLE_ARTICLE_CHARS: usize = 1500;
/// Entries remembered per feed as seen (newest kept).
const SEEN_PER_FEED: usize = 5000;

const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
                           application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5";

/// What `brief fetch` remembers of each feed (`STATE/feeds.json`).
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    feeds: BTreeMap<String, FeedState>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct FeedState {
    /// Its folder under `LIBRARY/feeds/`.
    folder: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
    /// Hashes of the entries already saved or found in the library, oldest first.
    #[serde(default)]
    seen: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_fetched: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_error: Option<String>,
}

fn state_path() -> Option<PathBuf> {
    crate::paths::state_dir().map(|d| d.join("feeds.json"))
}

fn read_state(path: &Path, warnings: &mut Vec<String>) -> State {
    let Ok(bytes) = std::fs::read(path) else {
        return State::default();
    };
    match serde_json::from_slice(&bytes) {
        Ok(s) => s,
        Err(_) => {
            let to = crate::paths::set_aside(path);
            warnings.push(format!(
                "{}: corrupt, set aside{}; feeds are fetched afresh",
                path.display(),
                to.map_or_else(String::new, |t| format!(" as {}", t.display()))
            ));
            State::default()
        }
    }
}

fn write_state(path: &Path, state: &State) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, path)
}

/// Options of `brief fetch` and `brief add`.
#[derive(Debug, Clone, Default)]
pub struct FetchOptions {
    /// HTTP settings.
    pub settings: Settings,
    /// `brief add --refresh`: fetch again and update in place an article already saved.
    pub refresh: bool,
}

/// One entry of a feed, ready to save or to fetch.
#[derive(Debug, Clone)]
struct Item {
    /// What makes it one article: its link, else its id, else its text.
    key: String,
    link: Option<String>,
    title: Option<String>,
    published: Option<String>,
    /// The text of its own content, when that is the whole article.
    whole: Option<String>,
    /// The best text the feed has for it (content or summary), for when the page fails.
    feed_text: Option<String>,
}

/// What happened to one feed.
#[derive(Debug, Default)]
struct Report {
    label: String,
    read: bool,
    new: usize,
    error: Option<String>,
    /// Pages that failed: (link, problem, whether the feed's text was saved instead).
    pages: Vec<(String, String, bool)>,
    /// Entries that could not be saved at all.
    unsaved: usize,
}

/// Work for the pool.
enum Job {
    Feed(usize),
    Page(usize, Item),
}

impl Job {
    fn url<'a>(&'a self, feeds: &'a [Feed]) -> &'a str {
        match self {
            Job::Feed(i) => feeds.get(*i).map_or("", |f| f.url.as_str()),
            Job::Page(_, item) => item.link.as_deref().unwrap_or(""),
        }
    }
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    per_host: HashMap<String, usize>,
    running: usize,
}

/// Everything the workers share.
struct Run<'a> {
    client: Client,
    feeds: &'a [Feed],
    library: PathBuf,
    fetched_at: String,
    queue: Mutex<Queue>,
    wake: Condvar,
    state: Mutex<State>,
    index: Mutex<Index>,
    reports: Vec<Mutex<Report>>,
    bar: indicatif::ProgressBar,
}

/// Runs `brief fetch`; returns the exit status (0 when a feed was read, 2 when none).
pub fn run_fetch(options: &FetchOptions) -> u8 {
    let (Some(feeds_path), Some(library), Some(state_file)) =
        (feeds::path(), crate::paths::library_dir(), state_path())
    else {
        eprintln!("brief: error: no home folder, so no feeds file, library or state folder");
        return 2;
    };
    let Some(feeds) = feeds::read_reporting(&feeds_path) else {
        return 2;
    };
    if feeds.is_empty() {
        eprintln!(
            "brief: error: no feeds in {}; add one with `brief feeds add URL` or `brief feeds import FILE.opml`",
            sanitize(&feeds_path.display().to_string())
        );
        return 2;
    }
    let mut warnings = Vec::new();
    let state = read_state(&state_file, &mut warnings);
    for w in &warnings {
        eprintln!("brief: warning: {}", sanitize(w));
    }
    let summary = fetch_all(&feeds, &library, state, options, &state_file);
    print!("{}", summary.text);
    if summary.read > 0 { 0 } else { 2 }
}

struct Summary {
    text: String,
    read: usize,
}

fn fetch_all(
    feeds: &[Feed],
    library: &Path,
    state: State,
    options: &FetchOptions,
    state_file: &Path,
) -> Summary {
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(feeds.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let run = Run {
        client: Client::new(options.settings.clone()),
        feeds,
        library: library.to_path_buf(),
        fetched_at: save::now(),
        queue: Mutex::new(Queue {
            jobs: (0..feeds.len()).map(Job::Feed).collect(),
            ..Queue::default()
        }),
        wake: Condvar::new(),
        state: Mutex::new(state),
        index: Mutex::new(Index::scan(library)),
        reports: feeds
            .iter()
            .map(|f| {
                Mutex::new(Report {
                    label: f.name.clone().unwrap_or_else(|| f.url.clone()),
                    ..Report::default()
                })
            })
            .collect(),
        bar,
    };
    let workers = WORKERS.min(feeds.len().max(1) * PER_HOST).max(1);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| worker(&run));
        }
    });
    run.bar.finish_and_clear();
    let state = run.state.into_inner().unwrap_or_else(|p| p.into_inner());
    let mut text = String::new();
    if let Err(e) = write_state(state_file, &state) {
        text.push_str(&format!(
            "brief: warning: {}: cannot save the feeds' state ({}); the next fetch reads them whole\n",
            sanitize(&state_file.display().to_string()),
            crate::load::io_problem(&e)
        ));
    }
    let reports: Vec<Report> = run
        .reports
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|p| p.into_inner()))
        .collect();
    let (text2, read) = summary(&reports);
    text.push_str(&text2);
    Summary { text, read }
}

/// "12 feeds, 37 new articles, 2 failed:" and one line per failure, at most a screen.
fn summary(reports: &[Report]) -> (String, usize) {
    const SHOWN: usize = 15;
    let read = reports.iter().filter(|r| r.read).count();
    let new: usize = reports.iter().map(|r| r.new).sum();
    let failed: Vec<&Report> = reports.iter().filter(|r| r.error.is_some()).collect();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut out = format!(
        "{}, {}",
        plural(reports.len(), "feed", "feeds"),
        plural(new, "new article", "new articles")
    );
    if failed.is_empty() {
        out.push('\n');
    } else {
        out.push_str(&format!(", {} failed:\n", failed.len()));
        for r in failed.iter().take(SHOWN) {
            out.push_str(&format!(
                "  {}: {}\n",
                sanitize(&r.label),
                sanitize(r.error.as_deref().unwrap_or(""))
            ));
        }
        if failed.len() > SHOWN {
            out.push_str(&format!("  and {} more\n", failed.len() - SHOWN));
        }
    }
    let pages: Vec<(&Report, &(String, String, bool))> = reports
        .iter()
        .flat_map(|r| r.pages.iter().map(move |p| (r, p)))
        .collect();
    if !pages.is_empty() {
        let kept = pages.iter().filter(|(_, p)| p.2).count();
        out.push_str(&format!(
            "{} could not be fetched ({kept} saved with the feed's own text, {} left for the next fetch):\n",
            plural(pages.len(), "page", "pages"),
            pages.len() - kept
        ));
        for (_, (link, problem, _)) in pages.iter().take(SHOWN) {
            out.push_str(&format!("  {}: {}\n", sanitize(link), sanitize(problem)));
        }
        if pages.len() > SHOWN {
            out.push_str(&format!("  and {} more\n", pages.len() - SHOWN));
        }
    }
    let unsaved: usize = reports.iter().map(|r| r.unsaved).sum();
    if unsaved > 0 {
        out.push_str(&format!(
            "{} could not be saved (see above); the next fetch tries again\n",
            plural(unsaved, "entry", "entries")
        ));
    }
    (out, read)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn worker(run: &Run<'_>) {
    loop {
        let (job, host) = {
            let mut q = lock(&run.queue);
            loop {
                let free = q.jobs.iter().position(|j| {
                    let h = net::host_key(j.url(run.feeds));
                    q.per_host.get(&h).copied().unwrap_or(0) < PER_HOST
                });
                if let Some(i) = free
                    && let Some(job) = q.jobs.remove(i)
                {
                    let h = net::host_key(job.url(run.feeds));
                    *q.per_host.entry(h.clone()).or_default() += 1;
                    q.running += 1;
                    break (job, h);
                }
                if q.jobs.is_empty() && q.running == 0 {
                    run.wake.notify_all();
                    return;
                }
                q = run.wake.wait(q).unwrap_or_else(|p| p.into_inner());
            }
        };
        let follow = match job {
            Job::Feed(i) => {
                let label = lock(&run.reports[i]).label.clone();
                run.bar.set_message(sanitize(&label).into_owned());
                do_feed(run, i)
            }
            Job::Page(i, item) => {
                do_page(run, i, item);
                Vec::new()
            }
        };
        run.bar.inc_length(follow.len() as u64);
        run.bar.inc(1);
        let mut q = lock(&run.queue);
        if let Some(n) = q.per_host.get_mut(&host) {
            *n = n.saturating_sub(1);
        }
        q.running -= 1;
        q.jobs.extend(follow);
        run.wake.notify_all();
    }
}

/// Fetches and reads one feed; saves the entries whose content is whole; returns the page jobs.
fn do_feed(run: &Run<'_>, i: usize) -> Vec<Job> {
    let Some(feed) = run.feeds.get(i) else {
        return Vec::new();
    };
    let validators = {
        let st = lock(&run.state);
        st.feeds.get(&feed.url).map(|s| Validators {
            etag: s.etag.clone(),
            last_modified: s.last_modified.clone(),
        })
    };
    let fail = |msg: String| {
        let mut st = lock(&run.state);
        let fs = st.feeds.entry(feed.url.clone()).or_default();
        fs.last_error = Some(msg.clone());
        lock(&run.reports[i]).error = Some(msg);
        Vec::new()
    };
    let page = match run.client.get(&feed.url, ACCEPT_FEED, validators.as_ref()) {
        Ok(Outcome::NotModified) => {
            let mut st = lock(&run.state);
            let fs = st.feeds.entry(feed.url.clone()).or_default();
            fs.last_fetched = Some(run.fetched_at.clone());
            fs.last_error = None;
            lock(&run.reports[i]).read = true;
            return Vec::new();
        }
        Ok(Outcome::Fetched(p)) => p,
        Err(e) => return fail(e.message),
    };
    let parsed = match parse_feed(&page) {
        Ok(f) => f,
        Err(e) => return fail(e),
    };
    let title = parsed
        .title
        .as_ref()
        .map(|t| clean_inline(&t.content))
        .filter(|t| !t.is_empty());
    let source = feed
        .name
        .clone()
        .or_else(|| title.clone())
        .unwrap_or_else(|| {
            url::Url::parse(&feed.url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default()
        });
    let items = items_of(&parsed, &page.url);
    // The folder: kept from earlier fetches, else from the name or title, not another feed's.
    let (folder, seen): (String, HashSet<String>) = {
        let mut st = lock(&run.state);
        let taken: HashSet<String> = st
            .feeds
            .iter()
            .filter(|(u, _)| *u != &feed.url)
            .map(|(_, s)| s.folder.clone())
            .collect();
        let fs = st.feeds.entry(feed.url.clone()).or_default();
        if fs.folder.is_empty() {
            let base = save::slug(&source, 40, "feed");
            let mut name = base.clone();
            let mut n = 2;
            while taken.contains(&name) {
                name = format!("{base}-{n}");
                n += 1;
            }
            fs.folder = name;
        }
        fs.title = title.clone();
        fs.last_fetched = Some(run.fetched_at.clone());
        fs.last_error = None;
        (fs.folder.clone(), fs.seen.iter().cloned().collect())
    };
    let mut report = lock(&run.reports[i]);
    report.read = true;
    if feed.name.is_none()
        && let Some(t) = &title
    {
        report.label = t.clone();
    }
    drop(report);
    let dir = run.library.join("feeds").join(&folder);
    let mut jobs = Vec::new();
    let mut pending_validators = true;
    for item in items {
        let h = save::hash(&item.key);
        if seen.contains(&h) {
            continue;
        }
        if lock(&run.index).find(&item.key).is_some() {
            mark_seen(run, &feed.url, &h);
            continue;
        }
        match &item.whole {
            Some(text) => {
                if !save_item(run, i, &dir, &source, &item, text, None) {
                    pending_validators = false;
                }
            }
            None if item.link.is_some() => jobs.push(Job::Page(i, item)),
            None => match item.feed_text.clone() {
                Some(text) => {
                    if !save_item(run, i, &dir, &source, &item, &text, None) {
                        pending_validators = false;
                    }
                }
                None => mark_seen(run, &feed.url, &h), // Nothing to read: no link, no text.
            },
        }
    }
    // Validators are kept only when every entry is settled or queued: a 304 next time must not
    // hide an entry that failed to save.
    let mut st = lock(&run.state);
    let fs = st.feeds.entry(feed.url.clone()).or_default();
    if pending_validators {
        fs.etag = page.etag.clone();
        fs.last_modified = page.last_modified.clone();
    } else {
        fs.etag = None;
        fs.last_modified = None;
    }
    jobs
}

/// Fetches an entry's page, extracts its article and saves it (the feed's text when the page
/// fails and the feed has some).
fn do_page(run: &Run<'_>, i: usize, item: Item) {
    let Some(feed) = run.feeds.get(i) else { return };
    let link = item.link.clone().unwrap_or_default();
    let (dir, source) = {
        let st = lock(&run.state);
        let fs = st.feeds.get(&feed.url);
        let folder = fs.map_or_else(|| String::from("feed"), |s| s.folder.clone());
        let source = feed
            .name
            .clone()
            .or_else(|| fs.and_then(|s| s.title.clone()))
            .unwrap_or_else(|| lock(&run.reports[i]).label.clone());
        (run.library.join("feeds").join(folder), source)
    };
    let result = match run.client.get(&link, ACCEPT_PAGE, None) {
        Ok(Outcome::Fetched(page)) => page_article(&page),
        Ok(Outcome::NotModified) => Err(String::from("answered 304 to a plain request")),
        Err(e) => Err(e.message),
    };
    match result {
        Ok(article) if !article.text.trim().is_empty() => {
            let text = match &item.feed_text {
                // An extraction shorter than the feed's own text lost the article.
                Some(t) if t.len() > article.text.len() => t.clone(),
                _ => article.text.clone(),
            };
            save_item(run, i, &dir, &source, &item, &text, Some(&article));
        }
        other => {
            let problem = match other {
                Err(e) => e,
                Ok(_) => String::from("no article text found in the page"),
            };
            let kept = match &item.feed_text {
                Some(t) => save_item(run, i, &dir, &source, &item, t, None),
                None => false,
            };
            let mut r = lock(&run.reports[i]);
            r.pages.push((link, problem, kept));
            if !kept {
                drop(r);
                // Not seen: the next fetch gets the whole feed and tries again.
                let mut st = lock(&run.state);
                if let Some(fs) = st.feeds.get_mut(&feed.url) {
                    fs.etag = None;
                    fs.last_modified = None;
                }
            }
        }
    }
}

fn mark_seen(run: &Run<'_>, feed_url: &str, h: &str) {
    let mut st = lock(&run.state);
    let fs = st.feeds.entry(feed_url.to_string()).or_default();
    if !fs.seen.iter().any(|s| s == h) {
        fs.seen.push(h.to_string());
        if fs.seen.len() > SEEN_PER_FEED {
            let extra = fs.seen.len() - SEEN_PER_FEED;
            fs.seen.drain(..extra);
        }
    }
}

/// Saves one entry; false (with a line on standard error) when it could not be written.
fn save_item(
    run: &Run<'_>,
    i: usize,
    dir: &Path,
    source: &str,
    item: &Item,
    text: &str,
    page: Option<&Article>,
) -> bool {
    let Some(feed) = run.feeds.get(i) else {
        return false;
    };
    let title = item
        .title
        .clone()
        .or_else(|| page.map(|a| a.title.clone()))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| crate::load::plain::title(text, None));
    let page_date = page.and_then(|a| a.published).map(|d| d.to_string());
    let published = item.published.clone().or(page_date);
    let briefing = Briefing {
        title: &title,
        source: Some(source).filter(|s| !s.is_empty()),
        published: published.as_deref(),
        url: item.link.as_deref(),
        byline: page.and_then(|a| a.byline.as_deref()),
        fetched: &run.fetched_at,
        feed: Some(&feed.url),
        text,
        markdown: None,
    };
    let name = save::slug(&title, 60, "article");
    let saved = lock(&run.index).save(dir, &name, &item.key, &briefing);
    match saved {
        Ok(_) => {
            lock(&run.reports[i]).new += 1;
            mark_seen(run, &feed.url, &save::hash(&item.key));
            true
        }
        Err(e) => {
            run.bar.suspend(|| {
                eprintln!(
                    "brief: error: {}: cannot save it ({})",
                    sanitize(&dir.display().to_string()),
                    crate::load::io_problem(&e)
                );
            });
            lock(&run.reports[i]).unsaved += 1;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers_are_not_whole_articles() {
        let long = "A sentence of news with words in it. ".repeat(60);
        assert!(is_whole(&long));
        assert!(!is_whole(&format!("{long} Continue reading")));
        assert!(!is_whole(&format!("{long}…")));
        assert!(!is_whole("Short summary."));
    }

    #[test]
    fn pages_name_their_feeds() {
        let html = br#"<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml?a=1&amp;b=2"></head></html>"#;
        assert_eq!(
            discovered_feed(html, "https://example.org/news/").as_deref(),
            Some("https://example.org/feed.xml?a=1&b=2")
        );
        assert_eq!(
            discovered_feed(b"<html></html>", "https://example.org/"),
            None
        );
    }

    #[test]
    fn the_summary_fits_a_line_when_all_is_well() {
        let r = vec![
            Report {
                label: "A".into(),
                read: true,
                new: 3,
                ..Report::default()
            },
            Report {
                label: "B".into(),
                error: Some("not found (HTTP 404 Not Found)".into()),
                ..Report::default()
            },
        ];
        let (text, read) = summary(&r);
        assert_eq!(read, 1);
        assert_eq!(
            text,
            "2 feeds, 3 new articles, 1 failed:\n  B: not found (HTTP 404 Not Found)\n"
        );
    }
}
