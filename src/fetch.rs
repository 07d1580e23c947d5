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
    let (feeds, problems) = match feeds::read(&feeds_path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("brief: error: {}", sanitize(&e));
            return 2;
        }
    };
    for p in &problems {
        eprintln!(
            "brief: warning: {}: {}",
            sanitize(&feeds_path.display().to_string()),
            sanitize(p)
        );
    }
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

/// Parses a feed body; an HTML page or anything else that is not a feed is one line.
fn parse_feed(page: &Page) -> Result<feed_rs::model::Feed, String> {
    if looks_like_html(page) {
        let hint = discovered_feed(&page.body, &page.url)
            .map_or_else(String::new, |u| format!("; the page names a feed: {u}"));
        return Err(format!("a web page (HTML), not a feed{hint}"));
    }
    let parser = |bytes: &[u8]| {
        feed_rs::parser::Builder::new()
            .base_uri(Some(&page.url))
            // Entries with no id: none made up (a random one would make them new each time).
            .id_generator(|_, _, _| String::new())
            .build()
            .parse(bytes)
    };
    let first = parser(&page.body);
    match first {
        Ok(f) => Ok(f),
        Err(e) => {
            // A charset the XML does not declare (from the HTTP header, or Windows-1252 for
            // bytes that are not UTF-8): transcoded to UTF-8 and parsed again.
            if let Some(utf8) = transcoded(page)
                && let Ok(f) = parser(&utf8)
            {
                return Ok(f);
            }
            Err(feed_problem(&e))
        }
    }
}

fn feed_problem(e: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            String::from("not a feed (no RSS, Atom or JSON Feed root)")
        }
        ParseFeedError::JsonSerde(e) => format!("malformed JSON Feed: {e}"),
        ParseFeedError::XmlReader(e) => format!("malformed XML: {e}"),
        ParseFeedError::IoError(e) => format!("cannot read the feed: {e}"),
        other => format!("malformed feed: {other}"),
    }
}

/// The body re-encoded to UTF-8 from its declared or guessed charset, the XML declaration's
/// encoding dropped; `None` when there is nothing to change.
fn transcoded(page: &Page) -> Option<Vec<u8>> {
    let valid = std::str::from_utf8(&page.body).is_ok();
    let label = page
        .charset
        .as_deref()
        .filter(|c| !c.eq_ignore_ascii_case("utf-8"))
        .or((!valid).then_some("windows-1252"))?;
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _, _) = enc.decode(&page.body);
    let mut text = text.into_owned();
    if text.trim_start().starts_with("<?xml")
        && let Some(end) = text.find("?>")
    {
        text.replace_range(..end + 2, "<?xml version=\"1.0\"?>");
    }
    Some(text.into_bytes())
}

fn looks_like_html(page: &Page) -> bool {
    let head: Vec<u8> = page
        .body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    let html_head = head.starts_with(b"<!doctype html") || head.starts_with(b"<html");
    let html_type = matches!(page.mime.as_deref(), Some("text/html"));
    html_head || (html_type && !head.starts_with(b"<?xml") && !head.starts_with(b"<rss"))
}

/// The first feed a page names with `<link rel="alternate" type="application/rss+xml"...>`.
fn discovered_feed(body: &[u8], base: &str) -> Option<String> {
    let text = String::from_utf8_lossy(body.get(..body.len().min(256 * 1024))?);
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<link") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        from = end;
        if !(tag.contains("application/rss+xml")
            || tag.contains("application/atom+xml")
            || tag.contains("application/feed+json"))
        {
            continue;
        }
        let at = tag.find("href=")? + 5;
        let original = text.get(start..end)?;
        let rest = original.get(at..)?;
        let (quote, rest) = match rest.chars().next()? {
            q @ ('"' | '\'') => (Some(q), &rest[1..]),
            _ => (None, rest),
        };
        let href: String = match quote {
            Some(q) => rest.chars().take_while(|&c| c != q).collect(),
            None => rest.chars().take_while(|c| !c.is_whitespace()).collect(),
        };
        let href = fragment::entities(&href);
        return url::Url::parse(base)
            .and_then(|b| b.join(&href))
            .ok()
            .map(|u| u.to_string());
    }
    None
}

/// A feed's or entry's title as one line of plain text.
fn clean_inline(s: &str) -> String {
    let text = if s.contains('<') || s.contains('&') {
        fragment::text(s)
    } else {
        s.to_string()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entries of a feed as items, duplicates (same key) dropped after the first.
fn items_of(feed: &feed_rs::model::Feed, base: &str) -> Vec<Item> {
    let base = url::Url::parse(base).ok();
    let mut keys = HashSet::new();
    let mut out = Vec::new();
    for e in &feed.entries {
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| e.links.first())
            .and_then(|l| resolve(base.as_ref(), &l.href));
        // RSS: a guid that is a permalink is the link when there is no <link>.
        let link = link.or_else(|| {
            (e.id.starts_with("http://") || e.id.starts_with("https://"))
                .then(|| resolve(base.as_ref(), &e.id))
                .flatten()
        });
        let content = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(html_or_text)
            .filter(|t| !t.trim().is_empty());
        let summary = e
            .summary
            .as_ref()
            .map(|s| html_or_text(&s.content))
            .filter(|t| !t.trim().is_empty());
        // RSS 2.0 feeds often carry the whole article in <description>: the longer text counts.
        let feed_text = match (content, summary) {
            (Some(c), Some(s)) => Some(if c.len() >= s.len() { c } else { s }),
            (c, s) => c.or(s),
        };
        let whole = feed_text.clone().filter(|t| is_whole(t));
        let key = match (&link, e.id.trim()) {
            (Some(l), _) => save::url_key(l),
            (None, id) if !id.is_empty() => format!("{}#{id}", save::url_key(base_str(&base))),
            (None, _) => match &feed_text {
                Some(t) => format!("{}#text-{}", save::url_key(base_str(&base)), save::hash(t)),
                None => continue,
            },
        };
        if !keys.insert(key.clone()) {
            continue;
        }
        let published = e
            .published
            .or(e.updated)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        out.push(Item {
            key,
            link,
            title: e
                .title
                .as_ref()
                .map(|t| clean_inline(&t.content))
                .filter(|t| !t.is_empty()),
            published,
            whole,
            feed_text,
        });
    }
    out
}

fn base_str(base: &Option<url::Url>) -> &str {
    base.as_ref().map_or("", url::Url::as_str)
}

/// An absolute http(s) URL for a link, relative ones resolved against the feed's URL.
fn resolve(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let u = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

fn html_or_text(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        fragment::text(s)
    } else {
        s.trim().to_string()
    }
}

/// Whether an entry's own content is the whole article: long enough, and not a teaser.
fn is_whole(text: &str) -> bool {
    let tail: String = text
        .trim_end()
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let teaser = tail.ends_with('\u{2026}')
        || tail.ends_with("...")
        || tail.ends_with("[…]")
        || tail.ends_with("[...]")
        || tail.contains("read more")
        || tail.contains("continue reading")
        || tail.contains("read the full");
    text.chars().count() >= WHOLE_ARTICLE_CHARS && !teaser
}

/// The article of a fetched page: HTML through the extractor, plain text as it is; anything
/// else (a PDF, an image, a feed) refused in one line.
fn page_article(page: &Page) -> Result<Article, String> {
    let mime = page.mime.as_deref().unwrap_or("");
    let head = page.body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if mime == "text/plain" {
        let mut problems = Vec::new();
        let text = crate::load::decode(&page.body, Path::new(&page.url), &mut problems)
            .map_err(|e| e.problem)?;
        return Ok(crate::load::plain::parse(text, None));
    }
    let htmlish = mime.is_empty()
        || mime == "text/html"
        || mime == "application/xhtml+xml"
        || (head == Some(b'<')
            && !matches!(
                mime,
                "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml"
            ));
    if !htmlish {
        return Err(format!("{mime}, not a web page"));
    }
    html_article(&page.body, &page.url, page.charset.as_deref())
}

/// The article of an HTML page, through the HTML extractor (`load::html`).
fn html_article(body: &[u8], url: &str, charset: Option<&str>) -> Result<Article, String> {
    let a = crate::load::html::article_from_html(body, Some(url), charset)?;
    if a.text.trim().is_empty() {
        return Err(String::from("no article text found in the page"));
    }
    Ok(a)
}

/// Runs `brief add`: each URL fetched and each file loaded, saved into the library; returns the
/// exit status (0 when every input is in the library, 2 when none is, 1 when only some are).
pub fn run_add(inputs: &[String], options: &FetchOptions) -> u8 {
    let Some(library) = crate::paths::library_dir() else {
        eprintln!("brief: error: no home folder, so no library folder");
        return 2;
    };
    let client = Client::new(options.settings.clone());
    let mut index = Index::scan(&library);
    let fetched = save::now();
    let (mut ok, mut failed) = (0, 0);
    for input in inputs {
        let result = if input.contains("://") {
            add_url(
                input,
                &client,
                &library,
                &mut index,
                &fetched,
                options.refresh,
            )
        } else {
            add_file(
                Path::new(input),
                &library,
                &mut index,
                &fetched,
                options.refresh,
            )
        };
        match result {
            Ok(lines) => {
                ok += 1;
                for l in lines {
                    println!("{}", sanitize(&l));
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("brief: error: {}: {}", sanitize(input), sanitize(&e));
            }
        }
    }
    match (ok, failed) {
        (_, 0) => 0,
        (0, _) => 2,
        _ => 1,
    }
}

fn add_url(
    input: &str,
    client: &Client,
    library: &Path,
    index: &mut Index,
    fetched: &str,
    refresh: bool,
) -> Result<Vec<String>, String> {
    let url = net::check_url(input).map_err(|e: NetError| e.message)?;
    let key = save::url_key(url.as_str());
    let existing = index.find(&key);
    if let Some(p) = &existing
        && !refresh
    {
        return Ok(vec![format!(
            "already in the library: {} (--refresh fetches it again)",
            p.display()
        )]);
    }
    let page = match client.get(url.as_str(), ACCEPT_PAGE, None) {
        Ok(Outcome::Fetched(p)) => p,
        Ok(Outcome::NotModified) => return Err(String::from("answered 304 to a plain request")),
        Err(e) => return Err(e.message),
    };
    if page.mime.as_deref().is_some_and(|m| {
        matches!(
            m,
            "application/rss+xml" | "application/atom+xml" | "application/feed+json"
        )
    }) {
        return Err(format!(
            "a feed, not an article; follow it with `brief feeds add {}`",
            url
        ));
    }
    let article = page_article(&page)?;
    let host = url.host_str().unwrap_or("web");
    let source = article.source.clone().unwrap_or_else(|| host.to_string());
    let dir = library.join("web").join(save::slug(host, 60, "web"));
    save_article(
        &article,
        &key,
        Some(&key),
        &source,
        &dir,
        index,
        fetched,
        existing,
    )
}

fn add_file(
    path: &Path,
    library: &Path,
    index: &mut Index,
    fetched: &str,
    refresh: bool,
) -> Result<Vec<String>, String> {
    let articles = crate::load::load_file(path).map_err(|e| e.problem)?;
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let many = articles.len() > 1;
    let mut lines = Vec::new();
    for (n, article) in articles.iter().enumerate() {
        let url = article.url.as_deref().map(save::url_key);
        let key = url.clone().unwrap_or_else(|| {
            let k = format!("file://{}", canonical.display());
            if many { format!("{k}#{n}") } else { k }
        });
        let existing = index.find(&key);
        if let Some(p) = &existing
            && !refresh
        {
            lines.push(format!("already in the library: {}", p.display()));
            continue;
        }
        let host = url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_string));
        let folder = host
            .as_deref()
            .map_or_else(|| String::from("files"), |h| save::slug(h, 60, "web"));
        let source = article.source.clone().or(host).unwrap_or_default();
        let dir = library.join("web").join(folder);
        lines.extend(save_article(
            article,
            &key,
            url.as_deref(),
            &source,
            &dir,
            index,
            fetched,
            existing,
        )?);
    }
    Ok(lines)
}

#[allow(clippy::too_many_arguments)]
fn save_article(
    article: &Article,
    key: &str,
    url: Option<&str>,
    source: &str,
    dir: &Path,
    index: &mut Index,
    fetched: &str,
    existing: Option<PathBuf>,
) -> Result<Vec<String>, String> {
    let published = article.published.map(|d| d.to_string());
    let briefing = Briefing {
        title: &article.title,
        source: Some(source).filter(|s| !s.is_empty()),
        published: published.as_deref(),
        url,
        byline: article.byline.as_deref(),
        fetched,
        feed: None,
        text: &article.text,
    };
    let io = |e: std::io::Error| format!("cannot save it ({})", crate::load::io_problem(&e));
    match existing {
        Some(p) => {
            save::replace(&p, &briefing).map_err(io)?;
            Ok(vec![format!(
                "updated: {} ({})",
                article.title,
                p.display()
            )])
        }
        None => {
            let name = save::slug(&article.title, 60, "article");
            let p = index.save(dir, &name, key, &briefing).map_err(io)?;
            Ok(vec![format!("saved: {} ({})", article.title, p.display())])
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
