//! Any bytes as a plain-text file: decoded (BOM, UTF-16, lossy UTF-8) and read as an article,
//! or refused with one line naming the file; never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.txt");
    let mut problems = Vec::new();
    if let Ok(src) = brief::load::decode(bytes, path, &mut problems) {
        let article = brief::load::plain::parse(src, Some(path));
        assert!(!article.text.trim().is_empty(), "an article has text");
    }
    for p in &problems {
        assert!(!p.to_string().contains('\n'), "one line: {p}");
    }
});
