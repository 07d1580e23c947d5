//! Any text as a Markdown file (front matter, heading, marks): an article or one error line.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let path = Path::new("fuzz.md");
    let mut problems = Vec::new();
    match brief::load::markdown::parse(src, path, &mut problems) {
        Ok(a) => assert!(!a.text.trim().is_empty(), "an article has text"),
        Err(e) => problems.push(e),
    }
    for p in &problems {
        assert!(!p.to_string().contains('\n'), "one line: {p}");
    }
});
