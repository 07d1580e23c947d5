//! The reader's keys: `App::key` with one key, then a full draw into a ratatui `TestBackend`, at
//! 80x24 and 200x60 (issue 6 asks for at most 1 ms at 200x60), on the bundled sample plus
//! generated articles. Also what the core does when the reader opens another article of a
//! library: its text loaded on demand and its analysis read back from the cache.
//!
//!     cargo bench --bench reader

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use brief::cache::Cache;
use brief::library::Library;
use brief::load::{self, Loaded};
use brief::tui::keymap::{Key, KeyMap};
use brief::tui::{ColorMode, app_for, widgets};
use brief::{Options, synth};

fn keys(c: &mut Criterion) {
    let end = jiff::civil::Date::new(2025, 2, 18).expect("valid date");
    let mut articles = vec![load::sample()];
    articles.extend(synth::corpus(42, 20, end));
    let mut g = c.benchmark_group("reader");
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let loaded = Loaded {
            articles: articles.clone(),
            problems: Vec::new(),
        };
        let mut app = app_for(loaded, ColorMode::Always, KeyMap::default());
        app.resize(w, h);
        while app.analyze_pending() {}
        let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
        // Down then up: the view stays near the top, so every iteration does the same work.
        let (Some(down), Some(up)) = (Key::parse("j"), Key::parse("k")) else {
            continue;
        };
        let (down, up) = (down.to_event(), up.to_event());
        let mut flip = false;
        g.bench_function(format!("key_and_draw_{w}x{h}"), |b| {
            b.iter(|| {
                flip = !flip;
                app.key(if flip { &down } else { &up });
                let drawn = terminal.draw(|f| {
                    let area = f.area();
                    widgets::draw(&app, area, f.buffer_mut());
                });
                black_box(drawn.is_ok())
            })
        });
    }
    g.finish();
}

fn open_from_library(c: &mut Criterion) {
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

criterion_group!(benches, keys, open_from_library);
criterion_main!(benches);
