//! Any bytes on standard input: sniffed as JSON, Markdown or text, then loaded; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut problems = Vec::new();
    match brief::load::load_stdin(bytes, &mut problems) {
        Ok(articles) => {
            for a in &articles {
                assert!(a.path.is_none(), "standard input has no path");
            }
        }
        Err(e) => problems.push(e),
    }
    for p in &problems {
        assert!(!p.to_string().contains('\n'), "one line: {p}");
    }
});
