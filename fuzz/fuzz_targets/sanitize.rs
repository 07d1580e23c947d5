//! `safe::sanitize` output never carries a control, bidi or zero-width character.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let out = brief::safe::sanitize(s);
    assert_eq!(
        out.chars().count(),
        s.chars().count(),
        "one placeholder per character"
    );
    for c in out.chars() {
        assert!(!c.is_control(), "control {c:?} in {out:?}");
        assert!(!brief::safe::is_unsafe(c), "unsafe {c:?} in {out:?}");
    }
    let lines = brief::safe::sanitize_lines(s);
    for c in lines.chars() {
        assert!(c == '\n' || !c.is_control(), "control {c:?} in {lines:?}");
        assert!(
            c == '\n' || !brief::safe::is_unsafe(c),
            "unsafe {c:?} in {lines:?}"
        );
    }
});
