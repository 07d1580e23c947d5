//! Any text as a JSON briefing: articles with per-article problems, or one error line.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let path = Path::new("fuzz.json");
    let mut problems = Vec::new();
    match brief::load::json::parse(src, path, &mut problems) {
        Ok(articles) => {
            for a in &articles {
                assert!(!a.text.trim().is_empty(), "an article has text");
            }
        }
        Err(e) => problems.push(e),
    }
    for p in &problems {
        assert!(!p.to_string().contains('\n'), "one line: {p}");
    }
});
