//! Copying over SSH (`y`): the text goes to the terminal's clipboard by OSC 52, `ESC ] 52 ; c ;`
//! then the text in base64 then `BEL`, the one way that reaches the local clipboard from a
//! remote machine (xterm, kitty, WezTerm, iTerm2, foot, Windows Terminal; tmux with
//! `set -g set-clipboard on`). What is copied is plain text: control characters (and the
//! invisible ones [`crate::safe`] replaces on screen) removed, runs of blanks made one space,
//! so nothing copied from an article can act on the terminal or on the program it is pasted
//! into. The sequence goes out in one write, never split by a frame.
//!
//! Off with `"clipboard": false` in `config.json` in the config folder, or with the
//! environment variable `BRIEF_CLIPBOARD=off` (also `0`, `false`, `no`), which wins over the
//! file (for one session: a terminal that shows OSC 52 as garbage, a shared screen).

use std::io::{self, Write};
use std::path::Path;

/// The environment variable that turns copying off (or on).
pub const ENV: &str = "BRIEF_CLIPBOARD";

/// At most this many bytes of text are copied (terminals cap OSC 52, some at 74,994 bytes of
/// base64): a sentence is far less.
pub const MAX_TEXT: usize = 32 * 1024;

/// `s` as plain text: control and invisible characters removed (a tab or line break becomes a
/// space), blanks collapsed, trimmed.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for c in s.chars() {
        if c.is_whitespace() {
            blank = !out.is_empty();
            continue;
        }
        if c.is_control() || crate::safe::is_unsafe(c) {
            continue;
        }
        if blank {
            out.push(' ');
            blank = false;
        }
        out.push(c);
    }
    out
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` (made [`plain`], cut to [`MAX_TEXT`] bytes) on the
/// clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    let mut text = plain(text);
    if text.len() > MAX_TEXT {
        let mut end = MAX_TEXT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    let mut seq = b"\x1b]52;c;".to_vec();
    seq.extend_from_slice(base64(text.as_bytes()).as_bytes());
    seq.push(0x07);
    seq
}

/// Writes the OSC 52 sequence for `text` to `out` in one write, and flushes.
pub fn send(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(&osc52(text))?;
    out.flush()
}

/// Whether copying is on, from `config.json`'s text (if any) and the environment variable's
/// value (if set), and a notice when one of them could not be read.
pub fn enabled_from(config: Option<&str>, env: Option<&str>) -> (bool, Option<String>) {
    let mut on = true;
    let mut notice = None;
    if let Some(json) = config {
        match serde_json::from_str::<serde_json::Value>(json) {
            Ok(v) => match v.get("clipboard") {
                None => {}
                Some(serde_json::Value::Bool(b)) => on = *b,
                Some(other) => {
                    notice = Some(format!(
                        "config.json: \"clipboard\" is {}, not true or false; copying stays on",
                        crate::safe::sanitize(&other.to_string())
                    ));
                }
            },
            Err(e) => notice = Some(format!("config.json not used ({e})")),
        }
    }
    if let Some(v) = env {
        match v.trim().to_ascii_lowercase().as_str() {
            "off" | "0" | "false" | "no" => on = false,
            "on" | "1" | "true" | "yes" | "osc52" => on = true,
            _ => {
                notice = Some(format!(
                    "{ENV}={} not understood (off or on)",
                    crate::safe::sanitize(v)
                ));
            }
        }
    }
    (on, notice)
}

/// Whether copying is on, from `config.json` in `dir` and [`ENV`].
pub fn enabled(dir: Option<&Path>) -> (bool, Option<String>) {
    let config = dir.and_then(|d| std::fs::read_to_string(d.join("config.json")).ok());
    let env = std::env::var(ENV).ok();
    enabled_from(config.as_deref(), env.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), enc, "{raw}");
        }
    }

    #[test]
    fn the_sequence_is_exactly_osc_52_base64_bel() {
        assert_eq!(osc52("héllo"), b"\x1b]52;c;aMOpbGxv\x07".to_vec());
        assert_eq!(
            osc52("Pier vote — Coast Gazette"),
            b"\x1b]52;c;UGllciB2b3RlIOKAlCBDb2FzdCBHYXpldHRl\x07".to_vec()
        );
    }

    #[test]
    fn control_characters_never_get_into_the_clipboard() {
        let evil = "Pier\u{1b}]52;c;ZXZpbA==\u{7} vote\r\n\tnow \u{9b}31m\u{202e}x\u{200b}y";
        let p = plain(evil);
        assert_eq!(p, "Pier]52;c;ZXZpbA== vote now 31mxy");
        assert!(!p.chars().any(|c| c.is_control()));
        // The payload is base64 only: no byte of the text is in the sequence as it is.
        let seq = osc52(evil);
        let body = &seq[7..seq.len() - 1];
        assert!(
            body.iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))
        );
    }

    #[test]
    fn one_write_for_the_whole_sequence() {
        #[derive(Default)]
        struct Counting {
            writes: Vec<Vec<u8>>,
        }
        impl Write for Counting {
            fn write(&mut self, data: &[u8]) -> io::Result<usize> {
                self.writes.push(data.to_vec());
                Ok(data.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut out = Counting::default();
        send(&mut out, "The pier reopens on Monday.").unwrap();
        assert_eq!(out.writes.len(), 1);
        assert_eq!(out.writes[0], osc52("The pier reopens on Monday."));
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_TEXT);
        let seq = osc52(&long);
        assert!(seq.len() < MAX_TEXT * 4 / 3 + 16);
    }

    #[test]
    fn the_switch_is_read_from_the_config_file_and_the_environment() {
        assert_eq!(enabled_from(None, None), (true, None));
        assert!(!enabled_from(Some(r#"{"clipboard": false}"#), None).0);
        assert!(enabled_from(Some(r#"{"clipboard": true}"#), None).0);
        assert!(enabled_from(Some(r#"{"other": 1}"#), None).0);
        // The environment wins over the file.
        assert!(!enabled_from(Some(r#"{"clipboard": true}"#), Some("off")).0);
        assert!(enabled_from(Some(r#"{"clipboard": false}"#), Some("on")).0);
        for off in ["0", "false", "NO", " off "] {
            assert!(!enabled_from(None, Some(off)).0, "{off}");
        }
        let (on, notice) = enabled_from(Some("{oops"), None);
        assert!(on && notice.unwrap().starts_with("config.json not used"));
        let (on, notice) = enabled_from(Some(r#"{"clipboard": "nope"}"#), Some("maybe"));
        assert!(on && notice.unwrap().contains("not understood"));
    }

    #[test]
    fn the_config_file_is_read_from_the_config_folder() {
        if std::env::var_os(ENV).is_some() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        assert!(enabled(Some(dir.path())).0);
        std::fs::write(dir.path().join("config.json"), r#"{"clipboard": false}"#).unwrap();
        assert!(!enabled(Some(dir.path())).0);
    }
}
