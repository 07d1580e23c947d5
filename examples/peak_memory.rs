//! Peak resident size of a library, against the total size of its texts:
//!
//!     cargo run --release --example peak_memory -- DIR [reader|all]
//!
//! Both modes list the folder ([`brief::library::Library`]) and analyse every article on every
//! core, then print the peak resident size (`VmHWM` in `/proc/self/status`, Linux).
//! - `reader` (default): what the reader holds: the list, and the texts and analyses of the
//!   last articles at hand; every article is loaded and analysed in batches into an analysis
//!   cache (a temporary one, with no entries at the start, so everything is analysed).
//! - `all`: every text and every analysis held at once, as `brief analyze --json` does.
use std::collections::VecDeque;
use std::path::PathBuf;
use std::process::ExitCode;

use brief::library::Library;
use brief::{Analysis, Article};

/// How many recent articles (text and analysis) the reader keeps at hand in `reader` mode.
const WINDOW: usize = 100;
/// Articles analysed per batch (on every core) in `reader` mode.
const BATCH: usize = 256;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: peak_memory DIR [reader|all]");
        return ExitCode::from(2);
    };
    let hold_all = args.next().as_deref() == Some("all");
    let before = status_kb("VmHWM:").unwrap_or(0);
    let (library, problems, _) = Library::scan_with(&[dir], None);
    let listed = status_kb("VmHWM:").unwrap_or(0);
    let options = brief::Options::default();
    let cache_dir = std::env::temp_dir().join(format!("brief-peak-{}", std::process::id()));
    let cache = brief::cache::Cache::at(&cache_dir);
    let mut text = 0usize;
    let mut held: VecDeque<(Article, Analysis)> = VecDeque::new();
    let mut loaded = listed;
    let indices: Vec<usize> = (0..library.len()).collect();
    if hold_all {
        let articles: Vec<_> = indices
            .iter()
            .filter_map(|&i| library.load(i).ok())
            .collect();
        text = articles.iter().map(|a| a.text.len()).sum();
        loaded = status_kb("VmHWM:").unwrap_or(0);
        let analyses = brief::analysis::analyze_all(&articles, &options);
        held = articles.into_iter().zip(analyses).collect();
    } else {
        for batch in indices.chunks(BATCH) {
            let articles: Vec<_> = batch.iter().filter_map(|&i| library.load(i).ok()).collect();
            text += articles.iter().map(|a| a.text.len()).sum::<usize>();
            let analyses = brief::parallel::map_in_order(&articles, 2, |a| match &cache {
                Some(c) => c.get_or_analyze(a, &options),
                None => brief::analyze(a, &options),
            });
            held.extend(articles.into_iter().zip(analyses));
            while held.len() > WINDOW {
                held.pop_front();
            }
        }
    }
    let _ = std::fs::remove_dir_all(&cache_dir);
    let peak = status_kb("VmHWM:").unwrap_or(0);
    let rss = status_kb("VmRSS:").unwrap_or(0);
    println!(
        "mode {}: {} entries listed ({} problems), {:.1} MB of text, {} articles held with their analyses",
        if hold_all {
            "all (every text and analysis held)"
        } else {
            "reader (list + analysis through the cache, a window of recent articles held)"
        },
        library.len(),
        problems.len(),
        text as f64 / 1e6,
        held.len()
    );
    println!(
        "heap held by the analyses (estimate): {:.1} MB",
        held.iter().map(|(_, a)| analysis_bytes(a)).sum::<usize>() as f64 / 1e6
    );
    println!(
        "peak RSS: at start {:.1} MB, listed {:.1} MB, loaded {:.1} MB, analysed {:.1} MB (now {:.1} MB)",
        before as f64 / 1024.0,
        listed as f64 / 1024.0,
        loaded as f64 / 1024.0,
        peak as f64 / 1024.0,
        rss as f64 / 1024.0
    );
    println!(
        "peak / text = {:.2} (target <= 2.5)",
        peak as f64 * 1024.0 / text.max(1) as f64
    );
    ExitCode::SUCCESS
}

/// Roughly how many heap bytes an analysis holds (capacities, not lengths).
fn analysis_bytes(a: &brief::Analysis) -> usize {
    use std::mem::size_of;
    let s = |x: &String| x.capacity();
    let o = |x: &Option<String>| x.as_ref().map_or(0, String::capacity);
    let actors: usize = a
        .actors
        .iter()
        .map(|x| {
            s(&x.id)
                + s(&x.name)
                + o(&x.role)
                + o(&x.affiliation)
                + x.aliases.capacity() * size_of::<String>()
                + x.aliases.iter().map(s).sum::<usize>()
                + x.mentions.capacity() * size_of::<brief::model::Mention>()
        })
        .sum();
    let events: usize = a
        .events
        .iter()
        .map(|e| {
            s(&e.label)
                + s(&e.kind)
                + o(&e.date)
                + o(&e.place)
                + e.participants.iter().map(s).sum::<usize>()
                + e.participants.capacity() * size_of::<String>()
        })
        .sum();
    actors
        + a.actors.capacity() * size_of::<brief::model::Actor>()
        + a.timexes.capacity() * size_of::<brief::model::Timex>()
        + a.timexes.iter().map(|t| o(&t.value)).sum::<usize>()
        + a.events.capacity() * size_of::<brief::model::Event>()
        + events
        + a.quotes.capacity() * size_of::<brief::model::Quote>()
        + a.quotes.iter().map(|q| o(&q.speaker)).sum::<usize>()
}

/// A `kB` field of `/proc/self/status`.
fn status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
