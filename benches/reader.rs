//! The reader's keys: `update` with one key, then a draw into a ratatui `TestBackend`, at 80x24
//! and 200x60 (issue 6 asks for at most 1 ms at 200x60).
//!
//!     cargo bench --bench reader
//!
//! ============================================================================================
//! PLACE FOR THE READER BENCH (to be wired by the lead when the reader's `tui` API is merged):
//! build the reader's state on the generated library below, then for each size bench
//! `state.update(key)` + `terminal.draw(|f| view(f, &state))` for a scrolling key (`j`) and a
//! panel switch. Until then this bench measures what the reader already needs from the core at
//! each key: loading the article on screen from the library and reading its analysis back from
//! the cache.
//! ============================================================================================

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use brief::cache::Cache;
use brief::library::Library;
use brief::{Options, synth};

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let dir = tmp.path().join("lib");
    synth::write_library(&dir, 42, 100, end).expect("write the library");
    let (library, _, _) = Library::scan_with(&[dir], None);
    let cache = Cache::at(tmp.path().join("cache")).expect("cache folder");
    let options = Options::default();
    for i in 0..library.len() {
        if let Ok(a) = library.load(i) {
            let _ = cache.get_or_analyze(&a, &options);
        }
    }
    let mut g = c.benchmark_group("reader");
    // TODO(lead): "update_draw_80x24" and "update_draw_200x60" with brief::tui's API.
    let mut i = 0usize;
    g.bench_function("open_next_article_from_cache", |b| {
        b.iter(|| {
            i = (i + 1) % library.len().max(1);
            let a = library.load(i).ok();
            black_box(a.and_then(|a| cache.get(&a, &options)))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
