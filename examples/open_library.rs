//! How fast a library opens, and what the analysis cache saves, by wall clock:
//!
//!     cargo run --release --example open_library -- DIR [CACHE_DIR]
//!
//! Scans the folder with a cold title cache, then a warm one; then analyses a sample of its
//! articles with an empty analysis cache (misses) and again (hits). `CACHE_DIR` (default: a new
//! folder under the system's temporary folder) is emptied first.
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use brief::cache::Cache;
use brief::library::Library;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: open_library DIR [CACHE_DIR]");
        return ExitCode::from(2);
    };
    let cache_dir = args.next().map_or_else(
        || std::env::temp_dir().join(format!("brief-open-{}", std::process::id())),
        PathBuf::from,
    );
    let _ = std::fs::remove_dir_all(&cache_dir);
    let titles = cache_dir.join("titles.json");
    let paths = [dir];
    for round in ["cold", "warm"] {
        let t = Instant::now();
        let (lib, problems, stats) = Library::scan_with(&paths, Some(&titles));
        println!(
            "scan ({round} title cache): {} articles from {} files ({} from the cache), {} problems, {:.1} ms",
            lib.len(),
            stats.files,
            stats.cached,
            problems.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let (lib, _, _) = Library::scan_with(&paths, Some(&titles));
    let t = Instant::now();
    let first = lib.load(0);
    println!(
        "load the first article on demand: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    if first.is_err() {
        return ExitCode::FAILURE;
    }
    let n = lib.len().min(1000);
    let articles: Vec<_> = (0..n).filter_map(|i| lib.load(i).ok()).collect();
    let Some(cache) = Cache::at(cache_dir.join("analysis")) else {
        return ExitCode::FAILURE;
    };
    let options = brief::Options::default();
    for round in ["miss", "hit"] {
        let t = Instant::now();
        let all = brief::parallel::map_in_order(&articles, brief::parallel::threads(), |a| {
            cache.get_or_analyze(a, &options)
        });
        let secs = t.elapsed().as_secs_f64();
        println!(
            "analysis cache {round}: {} articles in {:.1} ms ({:.3} ms each, {} threads)",
            all.len(),
            secs * 1e3,
            secs * 1e3 / all.len().max(1) as f64,
            brief::parallel::threads()
        );
    }
    let _ = std::fs::remove_dir_all(&cache_dir);
    ExitCode::SUCCESS
}
