//! The `brief` command: parse the arguments, load the articles, run a command.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use brief::cache::Cache;
use brief::load::{self, Loaded};
use brief::{Options, contract, parallel};

const AFTER_HELP: &str = "\
Examples:
  brief                              open the library, or the bundled sample when it is empty
  brief ~/briefings                  open every article in a folder
  brief analyze article.txt          actors and timeline, readable
  brief analyze --json --date 2025-02-18 article.txt
  curl -s https://example.org/story.txt | brief analyze -
  brief render --size 100x30 --keys \"j j Enter\"   the screen after those keys, as text

Reads .txt (and files with no extension), .md/.markdown (front matter: title, date, source,
url), .json briefings (schema: assets/briefing.schema.json) and .html/.htm web pages (the
article's text; standard input starting with '<' too). Exit status: 0 when something
loaded, 2 when nothing usable was loaded or the arguments are wrong, 1 when the output or the
terminal failed.";

const ANALYZE_HELP: &str = "\
Examples:
  brief analyze                          the library, or the bundled sample
  brief analyze story.txt notes.md       a readable summary of each
  brief analyze --json ~/briefings       the analysis contract, one JSON document
  brief analyze --json --date 2025-02-18 story.txt
                                         resolve \"today\", \"on Monday\" against that date

Analyses are kept in the cache folder (`brief --help` names it), keyed by each file's path,
size and modification time, the analyser's version and --date; a second run reads them back.
--no-cache analyses afresh without reading or writing it.";

/// A terminal reader for news briefings: the text, its key actors and a timeline, side by side.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, after_help = long_help(), after_long_help = long_help())]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles or folders to open (`-` reads one article from standard input).
    paths: Vec<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    /// Reference date for relative expressions in the reader ("today", "on Monday"),
    /// YYYY-MM-DD, as `brief analyze --date`: wins over the articles' own dates.
    #[arg(long, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles: actors with roles, time expressions, events.
    #[command(after_help = ANALYZE_HELP)]
    Analyze {
        /// Print the analysis as one JSON document (its fields: README, `brief analyze --json`).
        #[arg(long)]
        json: bool,
        /// Reference date for relative expressions ("today", "on Monday"), YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// Analyse everything afresh: neither read nor write the analysis cache.
        #[arg(long)]
        no_cache: bool,
        /// Articles or folders (`-` reads standard input).
        paths: Vec<PathBuf>,
    },
    /// Export the articles as one briefing: a Markdown memo, TimelineJS JSON, iCalendar, CSV.
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Reference date for relative expressions, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// Articles or folders (`-` reads standard input).
        paths: Vec<PathBuf>,
    },
    /// Print a shell completion script for brief (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Install, for example:\n  brief completions bash > ~/.local/share/bash-completion/completions/brief\n  brief completions zsh > ~/.zfunc/_brief\n  brief completions fish > ~/.config/fish/completions/brief.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print brief's manual page (roff) on standard output: `brief man > brief.1; man ./brief.1`.
    Man,
    /// Print the reader's screen after replaying keys, as plain text.
    Render {
        /// Screen size, COLSxROWS.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to replay, separated by spaces ("j j Enter n", "/Riyadh Enter").
        ///
        /// Each item is one key: a character (j G ? [ 1), a name (Enter Esc Tab BackTab Up Down
        /// Left Right PgUp PgDn Home End Backspace space), C-x for Ctrl (C-d C-u C-o C-n), M-x
        /// for Alt; `/text` types a search (add Enter to keep it); `resize:COLSxROWS` resizes.
        #[arg(long, default_value = "")]
        keys: String,
        /// Keep the styles as ANSI escape sequences.
        #[arg(long)]
        ansi: bool,
        /// Reference date for relative expressions, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// Articles or folders.
        paths: Vec<PathBuf>,
    },
    /// Save web pages or files into the library, to read offline.
    #[cfg(feature = "net")]
    #[command(after_help = ADD_HELP)]
    Add {
        /// Fetch again and update in place an article already in the library.
        #[arg(long)]
        refresh: bool,
        #[command(flatten)]
        net: NetArgs,
        /// http(s) URLs of pages, or files (.txt, .md, .json).
        #[arg(required = true)]
        inputs: Vec<String>,
    },
    /// The feeds `brief fetch` reads: add, list, import and export them.
    #[cfg(feature = "net")]
    #[command(subcommand, after_help = FEEDS_HELP)]
    Feeds(FeedsCommand),
    /// Fetch every feed and save its new articles into the library.
    #[cfg(feature = "net")]
    #[command(after_help = FETCH_HELP)]
    Fetch {
        #[command(flatten)]
        net: NetArgs,
    },
}

#[cfg(feature = "net")]
const ADD_HELP: &str = "\
Examples:
  brief add https://example.org/2025/02/talks.html
  brief add saved-page.html notes.md
  brief add --refresh https://example.org/2025/02/talks.html

Each article is saved under LIBRARY/web/SITE/ as a JSON briefing with its URL and the time it
was fetched. The same URL twice is one article: it is updated only with --refresh.";

#[cfg(feature = "net")]
const FETCH_HELP: &str = "\
Reads every feed of the feeds file (`brief feeds --help`): RSS, Atom and JSON Feed. Each new
entry is saved under LIBRARY/feeds/FEED/ with its full text: the entry's own content when it is
the whole article, otherwise its page, fetched and extracted. Requests are conditional (ETag,
Last-Modified; kept in STATE/feeds.json), at most 2 at once per site and 8 in all, retried with
back-off on server errors and time-outs. Exit status: 0 when at least one feed was read, 2 when
none was.";

/// HTTP options of `brief add` and `brief fetch`.
#[cfg(feature = "net")]
#[derive(Debug, clap::Args)]
struct NetArgs {
    /// Seconds to wait for a connection or for data before giving up (a request as a whole
    /// gets four times as long).
    #[arg(long, default_value_t = 15.0, value_parser = parse_seconds)]
    timeout: f64,
    /// Times a request is tried again after a server error, a 429 or a time-out.
    #[arg(long, default_value_t = 2)]
    retries: u32,
}

#[cfg(feature = "net")]
impl NetArgs {
    fn options(&self, refresh: bool) -> brief::fetch::FetchOptions {
        let settings = brief::net::Settings {
            timeout: std::time::Duration::from_secs_f64(self.timeout),
            retries: self.retries,
            ..brief::net::Settings::default()
        };
        brief::fetch::FetchOptions { settings, refresh }
    }
}

#[cfg(feature = "net")]
fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 3600.0 => Ok(x),
        _ => Err(format!(
            "'{s}' is not a number of seconds between 0 and 3600"
        )),
    }
}

#[cfg(feature = "net")]
#[derive(Debug, Subcommand)]
enum FeedsCommand {
    /// Add a feed to the feeds file.
    Add {
        /// The feed's http(s) URL.
        url: String,
        /// A name for it (the feed's own title otherwise).
        #[arg(long)]
        name: Option<String>,
        /// A tag (repeat for more).
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// List the feeds: name, URL, tags.
    List,
    /// Add the feeds of an OPML file (another reader's export).
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Print the feeds as OPML.
    Export,
}

#[cfg(feature = "net")]
const FEEDS_HELP: &str = "\
The feeds file is CONFIG/feeds (`brief --help` names the folder), one feed a line in the syntax
of newsboat's `urls` file: the URL, then \"~Name\" and tags, quoted when they hold spaces.
  https://example.org/world/rss.xml \"~Example World\" news world
Lines starting with # are comments.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// A one-page memo: the story, key actors, the dated timeline with sources, quotes.
    Markdown,
    /// TimelineJS3 JSON.
    Timelinejs,
    /// iCalendar (RFC 5545): one all-day event per dated event.
    Ics,
    /// One row per event: date, label, kind, place, participants, sources.
    Csv,
}

const EXPORT_HELP: &str = "\
Examples:
  brief export --format markdown ~/briefings          a memo of every article in a folder
  brief export --format ics -o talks.ics a.txt b.md   the dated events, for a calendar
  brief export --format timelinejs ~/briefings > timeline.json
  brief export --format csv ~/briefings               one row per event, for a spreadsheet

The articles are merged as in `brief analyze --json` (its `briefing`). The iCalendar DTSTAMP is
the current time, or SOURCE_DATE_EPOCH (seconds) when set.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn long_help() -> String {
    let show =
        |p: Option<PathBuf>| p.map_or_else(|| "(unknown)".to_string(), |p| p.display().to_string());
    format!(
        "{AFTER_HELP}\n\nFolders:\n  library  {}\n  config   {}\n  state    {}\n  cache    {}",
        show(brief::paths::library_dir()),
        show(brief::paths::config_dir()),
        show(brief::paths::state_dir()),
        show(brief::paths::cache_dir()),
    )
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(format!("'{s}' is not a date of the form YYYY-MM-DD"));
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|_| format!("'{s}' is not a day of the calendar"))
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{s}' is not a size of the form COLSxROWS"))?;
    let w = w
        .parse()
        .map_err(|_| format!("'{w}' is not a number of columns"))?;
    let h = h
        .parse()
        .map_err(|_| format!("'{h}' is not a number of rows"))?;
    Ok((w, h))
}

/// [`load_inputs`] with its problems reported on stderr; exit status 2 when nothing loaded.
fn load_reported(paths: &[PathBuf]) -> Result<Loaded, ExitCode> {
    let loaded = load_inputs(paths);
    report(&loaded);
    // A bad `.brief.json` in an article's folder: one line, and the defaults are used.
    for p in brief::folder::problems(&loaded.articles) {
        eprintln!("brief: {p}");
    }
    if loaded.articles.is_empty() {
        return Err(ExitCode::from(2));
    }
    Ok(loaded)
}

/// Loads the given paths; with none, the library folder when it has files, else the sample.
fn load_inputs(paths: &[PathBuf]) -> Loaded {
    if !paths.is_empty() {
        return load::load_paths(paths);
    }
    let mut problems = Vec::new();
    if let Some(dir) = brief::paths::library_dir()
        && has_entries(&dir)
    {
        let loaded = load::load_paths(&[dir]);
        if !loaded.articles.is_empty() {
            return loaded;
        }
        // A library where nothing loads still says why, and the sample opens instead.
        problems = loaded.problems;
    }
    Loaded {
        articles: vec![load::sample()],
        problems,
    }
}

/// Whether a folder holds anything but hidden files (a stray `.DS_Store` is not a library).
fn has_entries(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.filter_map(Result::ok)
            .any(|e| !e.file_name().to_string_lossy().starts_with('.'))
    })
}

fn report(loaded: &Loaded) {
    let mut err = std::io::stderr().lock();
    for p in &loaded.problems {
        let _ = writeln!(err, "brief: {p}");
    }
}

/// The analysis of one article ([`brief::cache::analyse`]); should an extractor fail (a bug),
/// the article keeps its place in the output with empty lists and one line on stderr, so the
/// other articles still come out.
fn guarded(cache: Option<&Cache>, article: &brief::Article, options: &Options) -> brief::Analysis {
    let (analysis, fresh) = brief::cache::analyse(cache, article, options);
    if fresh == brief::cache::Fresh::Failed {
        let name = article
            .path
            .as_ref()
            .map_or_else(|| article.title.clone(), |p| p.display().to_string());
        eprintln!(
            "brief: error: {}: the analysis failed (a bug in brief); its lists are empty",
            brief::safe::sanitize(&name)
        );
    }
    analysis
}

/// The analyses of the articles, handed out in order, computed a batch at a time on every core
/// (from the cache when valid and `use_cache`, the others analysed and stored): only one batch
/// of analyses is held at once, so `brief analyze` of a large library does not keep them all.
struct Analyses<'a> {
    articles: &'a [brief::Article],
    options: &'a Options,
    cache: Option<Cache>,
    /// Index of the first article of `batch`.
    start: usize,
    batch: Vec<Option<brief::Analysis>>,
}

/// Articles analysed together: enough to keep both cores busy, few enough to hold.
const BATCH: usize = 256;

impl<'a> Analyses<'a> {
    fn new(articles: &'a [brief::Article], options: &'a Options, use_cache: bool) -> Self {
        Self {
            articles,
            options,
            cache: if use_cache { Cache::open() } else { None },
            start: 0,
            batch: Vec::new(),
        }
    }

    /// The analysis of article `i` (each is handed out once).
    fn take(&mut self, i: usize) -> brief::Analysis {
        if i < self.start || i >= self.start + self.batch.len() {
            let end = (i + BATCH).min(self.articles.len());
            let batch = self.articles.get(i..end).unwrap_or(&[]);
            let (cache, options) = (self.cache.as_ref(), self.options);
            self.start = i;
            self.batch = parallel::map_in_order(batch, parallel::threads(), |a| {
                // Looking entries up is file reads and JSON parsing: worth the cores too.
                Some(guarded(cache, a, options))
            });
        }
        let slot = self.batch.get_mut(i - self.start).and_then(Option::take);
        slot.unwrap_or_else(|| {
            self.articles
                .get(i)
                .map_or_else(brief::Analysis::default, |a| {
                    guarded(self.cache.as_ref(), a, self.options)
                })
        })
    }
}

impl Drop for Analyses<'_> {
    fn drop(&mut self) {
        if let Some(c) = &self.cache {
            for to in c.take_set_aside() {
                eprintln!(
                    "brief: warning: {}: a corrupt analysis cache entry, set aside and analysed afresh",
                    brief::safe::sanitize(&to.display().to_string())
                );
            }
            c.prune(CACHE_ENTRIES);
        }
    }
}

/// How many analyses the cache keeps (a few kilobytes each): several large libraries.
const CACHE_ENTRIES: usize = 50_000;

/// Runs `brief analyze`: the contract with `--json`, else a readable summary per article.
fn run_analyze(
    json: bool,
    date: Option<jiff::civil::Date>,
    use_cache: bool,
    paths: &[PathBuf],
) -> ExitCode {
    let loaded = match load_reported(paths) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = Options { date };
    let articles = &loaded.articles;
    let analyses = std::cell::RefCell::new(Analyses::new(articles, &options, use_cache));
    // `write_with` asks for each article's analysis in order; the hint makes finding its index
    // O(1), the search keeps it right should it ever ask otherwise.
    let hint = std::cell::Cell::new(0usize);
    let analysis_of = |a: &brief::Article| {
        let i = hint.get();
        let i = if articles.get(i).is_some_and(|x| std::ptr::eq(x, a)) {
            Some(i)
        } else {
            articles.iter().position(|x| std::ptr::eq(x, a))
        };
        hint.set(i.map_or(0, |i| i + 1));
        match i {
            Some(i) => analyses.borrow_mut().take(i),
            None => guarded(None, a, &options),
        }
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if json {
        contract::write_with(&mut out, articles, analysis_of)
    } else {
        articles
            .iter()
            .enumerate()
            .try_for_each(|(i, a)| {
                let an = analyses.borrow_mut().take(i);
                out.write_all(brief::report::summary(a, &an).as_bytes())
            })
            .and_then(|()| out.flush())
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of the pipe has what it wanted (`brief analyze --json | head`).
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs `brief export`: every article analysed, merged, written in one format.
fn run_export(
    format: ExportFormat,
    output: Option<&std::path::Path>,
    date: Option<jiff::civil::Date>,
    paths: &[PathBuf],
) -> ExitCode {
    let loaded = match load_reported(paths) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = Options { date };
    let articles = &loaded.articles;
    let cache = Cache::open();
    let analyses = parallel::map_in_order(articles, parallel::threads(), |a| {
        guarded(cache.as_ref(), a, &options)
    });
    let briefing = brief::briefing::Briefing::from_analyses(
        analyses
            .iter()
            .zip(articles)
            .map(|(an, a)| (an, a.text.as_str())),
    );
    let input = brief::export::Input {
        articles,
        analyses: &analyses,
        briefing: &briefing,
    };
    let text = match format {
        ExportFormat::Markdown => brief::export::markdown(&input),
        ExportFormat::Timelinejs => brief::export::timelinejs(&input),
        ExportFormat::Csv => brief::export::csv(&input),
        ExportFormat::Ics => {
            let now = std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .and_then(|s| jiff::Timestamp::from_second(s).ok())
                .unwrap_or_else(jiff::Timestamp::now);
            brief::export::ics(&input, &now.strftime("%Y%m%dT%H%M%SZ").to_string())
        }
    };
    let written = match output {
        Some(path) => {
            std::fs::write(path, text.as_bytes()).map_err(|e| (path.display().to_string(), e))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| ("the output".to_string(), e))
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err((_, e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err((what, e)) => {
            eprintln!("brief: cannot write {}: {e}", brief::safe::sanitize(&what));
            ExitCode::FAILURE
        }
    }
}

/// Writes `bytes` on standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze {
            json,
            date,
            no_cache,
            paths,
        }) => run_analyze(json, date, !no_cache, &paths),
        Some(Command::Export {
            format,
            ref output,
            date,
            ref paths,
        }) => run_export(format, output.as_deref(), date, paths),
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "brief", &mut out);
            write_stdout(&out)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => write_stdout(&out),
                Err(e) => {
                    eprintln!("brief: cannot write the manual page: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Render {
            size,
            ref keys,
            ansi,
            date,
            ref paths,
        }) => reader::render(paths, size, keys, ansi, cli.color, Options { date }),
        #[cfg(feature = "net")]
        Some(Command::Add {
            refresh,
            ref net,
            ref inputs,
        }) => ExitCode::from(brief::fetch::run_add(inputs, &net.options(refresh))),
        #[cfg(feature = "net")]
        Some(Command::Feeds(ref c)) => ExitCode::from(match c {
            FeedsCommand::Add { url, name, tags } => {
                brief::feeds::run_add(url, name.clone(), tags.clone())
            }
            FeedsCommand::List => brief::feeds::run_list(),
            FeedsCommand::Import { file } => brief::feeds::run_import(file),
            FeedsCommand::Export => brief::feeds::run_export(),
        }),
        #[cfg(feature = "net")]
        Some(Command::Fetch { ref net }) => {
            ExitCode::from(brief::fetch::run_fetch(&net.options(false)))
        }
        None => reader::run(&cli.paths, cli.color, Options { date: cli.date }),
    }
}

/// The reader's entry points, or a plain summary when built without the terminal layer.
#[cfg(feature = "tui")]
mod reader {
    use super::*;

    fn color(choice: ColorChoice) -> brief::tui::ColorMode {
        match choice {
            ColorChoice::Auto => brief::tui::ColorMode::Auto,
            ColorChoice::Always => brief::tui::ColorMode::Always,
            ColorChoice::Never => brief::tui::ColorMode::Never,
        }
    }

    /// What the reader opens: files and folders given, or the library folder, scanned for
    /// titles and dates only (texts are read when shown); standard input and the sample are
    /// loaded in full. `None` (after saying why) when there is nothing to open.
    /// From how many files the title scan runs behind the first frame.
    const SCAN_IN_BACKGROUND_FROM: usize = 200;

    fn inputs(paths: &[PathBuf]) -> Option<brief::tui::Input> {
        use brief::library::Library;
        use brief::tui::Input;
        let dirs: Vec<PathBuf>;
        let scan = if paths.is_empty() {
            match brief::paths::library_dir().filter(|d| has_entries(d)) {
                Some(dir) => {
                    dirs = vec![dir];
                    &dirs[..]
                }
                None => &[],
            }
        } else if paths.iter().any(|p| p.as_os_str() == "-") {
            // Standard input can be read only once: load it all.
            let loaded = load_inputs(paths);
            if loaded.articles.is_empty() {
                report(&loaded);
            }
            return (!loaded.articles.is_empty()).then_some(Input::Loaded(loaded));
        } else {
            paths
        };
        let mut problems = Vec::new();
        if !scan.is_empty() {
            // A large library: the list of files comes first (folders only, no file read), the
            // reader draws at once and reads titles and dates on another thread. A few files
            // are scanned here (milliseconds), so that nothing usable still means a clear
            // error and exit status 2 rather than an empty reader.
            let (names, p) = Library::placeholders(scan);
            if names.len() > SCAN_IN_BACKGROUND_FROM {
                return Some(Input::Scanning(names, p, scan.to_vec()));
            }
            let (lib, p) = Library::scan(scan);
            if !lib.is_empty() || !paths.is_empty() {
                let loaded = Loaded {
                    articles: Vec::new(),
                    problems: p,
                };
                if lib.is_empty() {
                    report(&loaded);
                }
                return (!lib.is_empty()).then_some(Input::Library(
                    lib,
                    loaded.problems,
                    scan.to_vec(),
                ));
            }
            // A library where nothing loads still says why, and the sample opens instead.
            problems = p;
        }
        Some(Input::Loaded(Loaded {
            articles: vec![load::sample()],
            problems,
        }))
    }

    pub fn run(paths: &[PathBuf], choice: ColorChoice, options: Options) -> ExitCode {
        let Some(input) = inputs(paths) else {
            return ExitCode::from(2);
        };
        match brief::tui::run_with(input, color(choice), options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::FAILURE
            }
        }
    }

    pub fn render(
        paths: &[PathBuf],
        size: (u16, u16),
        keys: &str,
        ansi: bool,
        choice: ColorChoice,
        options: Options,
    ) -> ExitCode {
        // Headless: every text loaded up front, so each file's warnings are reported before
        // the screen, as the other commands do.
        let loaded = match load_reported(paths) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        match brief::tui::render_with(loaded, size, keys, ansi, color(choice), options) {
            Ok(screen) => {
                print!("{screen}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::from(2)
            }
        }
    }
}

#[cfg(not(feature = "tui"))]
mod reader {
    use super::*;

    pub fn run(paths: &[PathBuf], _choice: ColorChoice, options: Options) -> ExitCode {
        let loaded = match load_reported(paths) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        for a in &loaded.articles {
            print!(
                "{}",
                brief::report::summary(
                    a,
                    &brief::analyze(a, &brief::folder::options_for(a, &options))
                )
            );
        }
        ExitCode::SUCCESS
    }

    pub fn render(
        _paths: &[PathBuf],
        _size: (u16, u16),
        _keys: &str,
        _ansi: bool,
        _choice: ColorChoice,
        _options: Options,
    ) -> ExitCode {
        eprintln!("brief: built without the terminal layer (feature `tui`)");
        ExitCode::from(2)
    }
}
