//! Fewer bytes for the same styles: the frame's SGR sequences (`ESC [ … m`) rewritten as the
//! shortest change from what the terminal shows to what the next characters need.
//!
//! ratatui's crossterm backend writes a style change as several sequences (`ESC[22m ESC[1m
//! ESC[38;5;6;49m`), undoes bold to set dim, sets the background with every foreground, and
//! ends each frame with four resets. About a third of a full frame is such sequences: closing
//! the library view repaints the whole screen (10.3 KB at 120x40 before this, 7.8 KB after).
//!
//! The rewrite keeps the terminal's state exact: a style is written only just before text
//! (or an erase or scroll, which paint with the background), as one sequence, the shorter of
//! the change and a reset followed by the style; at the end of a frame the terminal is left as
//! ratatui leaves it (no styles). A sequence it does not understand is passed on as is, and
//! the styles after it are passed on unchanged until a reset.

/// The styles the terminal draws with: the attributes (bit `n` for SGR `n`, 1 to 9) and the
/// colours as their parameters (`[38, 5, 6]`, `[31]`); empty for the default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pen {
    attrs: u16,
    fg: Vec<u16>,
    bg: Vec<u16>,
    ul: Vec<u16>,
}

impl Pen {
    /// Applies one SGR sequence's parameters; `false` when one is not understood (the pen is
    /// then unknown).
    fn apply(&mut self, params: &[u16]) -> bool {
        let mut i = 0;
        while i < params.len() {
            let p = params[i];
            match p {
                0 => *self = Pen::default(),
                1..=9 => self.attrs |= 1 << p,
                22 => self.attrs &= !(1 << 1 | 1 << 2),
                23 | 24 | 27 | 28 | 29 => self.attrs &= !(1 << (p - 20)),
                25 => self.attrs &= !(1 << 5 | 1 << 6),
                30..=37 | 90..=97 => self.fg = vec![p],
                40..=47 | 100..=107 => self.bg = vec![p],
                39 => self.fg.clear(),
                49 => self.bg.clear(),
                59 => self.ul.clear(),
                38 | 48 | 58 => {
                    let len = match params.get(i + 1) {
                        Some(5) => 3,
                        Some(2) => 5,
                        _ => return false,
                    };
                    let Some(c) = params.get(i..i + len) else {
                        return false;
                    };
                    let c = c.to_vec();
                    match p {
                        38 => self.fg = c,
                        48 => self.bg = c,
                        _ => self.ul = c,
                    }
                    i += len;
                    continue;
                }
                _ => return false,
            }
            i += 1;
        }
        true
    }

    /// The parameters that set this pen from a reset.
    fn full(&self) -> Vec<u16> {
        let mut out = vec![0];
        out.extend((1..=9).filter(|n| self.attrs & (1 << n) != 0));
        for c in [&self.fg, &self.bg, &self.ul] {
            out.extend_from_slice(c);
        }
        out
    }

    /// The parameters that change `self` into `to`, without a reset.
    fn change(&self, to: &Pen) -> Vec<u16> {
        let mut out = Vec::new();
        let gone = self.attrs & !to.attrs;
        let mut add = to.attrs & !self.attrs;
        // 22 ends bold and dim both, 25 both blinks: what stays is set again.
        if gone & (1 << 1 | 1 << 2) != 0 {
            out.push(22);
            add |= to.attrs & (1 << 1 | 1 << 2);
        }
        if gone & (1 << 5 | 1 << 6) != 0 {
            out.push(25);
            add |= to.attrs & (1 << 5 | 1 << 6);
        }
        for n in [3u16, 4, 7, 8, 9] {
            if gone & (1 << n) != 0 {
                out.push(20 + n);
            }
        }
        out.extend((1..=9).filter(|n| add & (1 << n) != 0));
        for (from, to, reset) in [
            (&self.fg, &to.fg, 39),
            (&self.bg, &to.bg, 49),
            (&self.ul, &to.ul, 59),
        ] {
            if from != to {
                if to.is_empty() {
                    out.push(reset);
                } else {
                    out.extend_from_slice(to);
                }
            }
        }
        out
    }
}

/// The rewriter's memory between frames: what the terminal shows and what the next text needs.
/// It starts with no styles, as ratatui assumes.
#[derive(Debug, Clone)]
pub struct Sgr {
    /// The styles last written to the terminal (`None`: not known).
    shown: Option<Pen>,
    /// The styles the sequences so far asked for (`None`: not understood).
    wanted: Option<Pen>,
}

impl Default for Sgr {
    fn default() -> Self {
        Sgr {
            shown: Some(Pen::default()),
            wanted: Some(Pen::default()),
        }
    }
}

impl Sgr {
    /// Writes what changes the terminal's styles to the wanted ones, if anything.
    fn settle(&mut self, out: &mut Vec<u8>) {
        let Some(wanted) = &self.wanted else {
            return;
        };
        if self.shown.as_ref() == Some(wanted) {
            return;
        }
        let full = wanted.full();
        let params = match &self.shown {
            Some(shown) => {
                let change = shown.change(wanted);
                if digits(&change) <= digits(&full) {
                    change
                } else {
                    full
                }
            }
            None => full,
        };
        out.extend_from_slice(b"\x1b[");
        for (k, &p) in params.iter().enumerate() {
            if k > 0 {
                out.push(b';');
            }
            push_number(out, p);
        }
        out.push(b'm');
        self.shown = Some(wanted.clone());
    }

    /// One frame's bytes with its SGR sequences rewritten; the terminal is left with the
    /// styles the frame ends with.
    pub fn rewrite(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(input.len());
        let mut i = 0;
        while i < input.len() {
            if input[i] != 0x1b {
                // Text (or a control character): the styles must be in place.
                let end = input[i..]
                    .iter()
                    .position(|&b| b == 0x1b)
                    .map_or(input.len(), |p| i + p);
                self.settle(&mut out);
                out.extend_from_slice(&input[i..end]);
                i = end;
                continue;
            }
            let Some((len, sgr)) = csi(&input[i..]) else {
                // Not a CSI sequence (OSC, a lone ESC …): passed on with the styles in place.
                self.settle(&mut out);
                out.push(input[i]);
                i += 1;
                continue;
            };
            let seq = &input[i..i + len];
            match sgr {
                Some(params) => {
                    let applied = self.wanted.as_mut().is_some_and(|pen| pen.apply(&params));
                    if !applied {
                        // Not understood: from here the sequences go out as they are, until a
                        // reset makes the styles known again.
                        self.settle(&mut out);
                        out.extend_from_slice(seq);
                        let mut pen = Pen::default();
                        let known = params.first() == Some(&0) && pen.apply(&params);
                        self.wanted = known.then_some(pen);
                        self.shown = self.wanted.clone();
                    }
                }
                None => {
                    // Cursor moves leave the styles alone; anything else (an erase, a scroll)
                    // may paint with them.
                    if !matches!(seq.last(), Some(b'H' | b'A' | b'B' | b'C' | b'D' | b'G')) {
                        self.settle(&mut out);
                    }
                    out.extend_from_slice(seq);
                }
            }
            i += len;
        }
        self.settle(&mut out);
        out
    }
}

/// The number of bytes the parameters take.
fn digits(params: &[u16]) -> usize {
    params
        .iter()
        .map(|&p| match p {
            0..=9 => 2,
            10..=99 => 3,
            100..=999 => 4,
            1000..=9999 => 5,
            _ => 6,
        })
        .sum()
}

/// `n` in decimal, without allocating.
fn push_number(out: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A CSI sequence at the start of `s`: its length, and its parameters when it is an SGR
/// sequence made of numbers (an empty parameter is 0).
#[allow(clippy::type_complexity)]
fn csi(s: &[u8]) -> Option<(usize, Option<Vec<u16>>)> {
    if s.get(1) != Some(&b'[') {
        return None;
    }
    let end = s[2..].iter().position(|b| (0x40..=0x7e).contains(b))? + 2;
    let body = &s[2..end];
    if s[end] != b'm' {
        return Some((end + 1, None));
    }
    let params = if body.is_empty() {
        Some(vec![0])
    } else {
        body.split(|&b| b == b';')
            .map(|p| {
                if p.is_empty() {
                    Some(0)
                } else if p.iter().all(u8::is_ascii_digit) {
                    std::str::from_utf8(p).ok()?.parse().ok()
                } else {
                    None
                }
            })
            .collect::<Option<Vec<u16>>>()
    };
    match params {
        Some(p) => Some((end + 1, Some(p))),
        // `38:5:6` and the like: a sequence passed on as it is, the styles then unknown.
        None => Some((end + 1, Some(vec![u16::MAX]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> String {
        String::from_utf8_lossy(&Sgr::default().rewrite(input.as_bytes())).into_owned()
    }

    #[test]
    fn one_sequence_per_change_and_nothing_when_unchanged() {
        assert_eq!(
            run("\x1b[22m\x1b[1m\x1b[38;5;6;49mA\x1b[22m\x1b[1mB\x1b[39m\x1b[49m\x1b[59m\x1b[0m"),
            "\x1b[1;38;5;6mAB\x1b[0m"
        );
    }

    #[test]
    fn bold_to_dim_and_back() {
        assert_eq!(
            run("\x1b[1mA\x1b[22m\x1b[2mB\x1b[22m\x1b[1mC\x1b[0m"),
            "\x1b[1mA\x1b[0;2mB\x1b[0;1mC\x1b[0m"
        );
    }

    #[test]
    fn a_reset_when_shorter() {
        assert_eq!(
            run("\x1b[1;3;4;38;5;2mA\x1b[22m\x1b[23m\x1b[24m\x1b[39m\x1b[7mB\x1b[0m"),
            "\x1b[1;3;4;38;5;2mA\x1b[0;7mB\x1b[0m"
        );
    }

    #[test]
    fn styles_wait_for_text_but_not_for_an_erase() {
        assert_eq!(
            run("\x1b[7m\x1b[3;4H\x1b[27mA\x1b[41m\x1b[2J\x1b[49m"),
            "\x1b[3;4HA\x1b[41m\x1b[2J\x1b[0m"
        );
    }

    #[test]
    fn the_terminal_is_left_as_the_frame_ends_and_the_next_frame_starts_from_it() {
        let mut sgr = Sgr::default();
        assert_eq!(sgr.rewrite(b"\x1b[1mA"), b"\x1b[1mA");
        assert_eq!(sgr.rewrite(b"\x1b[1mB\x1b[0m"), b"B\x1b[0m");
        assert_eq!(sgr.rewrite(b"C"), b"C");
    }

    #[test]
    fn unknown_sequences_pass_as_they_are() {
        assert_eq!(
            run("\x1b[4:3mA\x1b[1mB\x1b[0mC\x1b[1mD"),
            "\x1b[4:3mA\x1b[1mB\x1b[0mC\x1b[1mD"
        );
        assert_eq!(
            run("\x1b]52;c;eA==\x07\x1b[1mA"),
            "\x1b]52;c;eA==\x07\x1b[1mA"
        );
        assert_eq!(run("\x1b[38;5mA"), "\x1b[38;5mA");
    }

    /// What a stream draws over a screen: each cell written, with its character and styles.
    fn drawn(bytes: &[u8]) -> std::collections::BTreeMap<(usize, usize), (String, Pen)> {
        let text = std::str::from_utf8(bytes).unwrap();
        let mut cells = std::collections::BTreeMap::new();
        let (mut pen, mut at) = (Pen::default(), (0, 0));
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '\x1b' {
                let (len, sgr) = csi(rest.as_bytes()).unwrap();
                match sgr {
                    Some(p) => assert!(pen.apply(&p), "{:?}", &rest[..len]),
                    None => {
                        let (row, col) = rest[2..len - 1].split_once(';').unwrap();
                        at = (row.parse::<usize>().unwrap(), col.parse::<usize>().unwrap());
                    }
                }
                rest = &rest[len..];
                continue;
            }
            cells.insert(at, (c.to_string(), pen.clone()));
            at.1 += crate::tui::wrap::str_width(&c.to_string());
            rest = &rest[c.len_utf8()..];
        }
        cells
    }

    /// Closing the library view repaints the whole screen; issue 13 measured it at up to 12.9 ms
    /// (10.3 KB at 120x40, a third of it style sequences).
    #[test]
    fn closing_the_library_view_draws_the_same_cells_in_far_fewer_bytes() {
        use ratatui::backend::{Backend, CrosstermBackend};

        use crate::tui::keymap::{Key, KeyMap, KeyName};
        use crate::tui::{App, draw_buffer, theme::Theme};
        let article = |title: &str, text: &str| crate::model::Article {
            title: title.into(),
            source: Some("The Lantern Gazette".into()),
            text: text.into(),
            ..crate::model::Article::default()
        };
        let text = "Mayor Orla Fenwick of Brackenmoor met Tobias Quill, the chair of the \
                    Harbour Guild, on Monday in Saltmere.\n\n\"We will open the north pier \
                    by spring,\" Fenwick said after the meeting.\n\nThe Harbour Guild will \
                    vote on the plan next week, Quill said.\n";
        let mut app = App::new(
            vec![article("Pier talks", text), article("Guild vote", text)],
            Theme::new(true),
            KeyMap::default(),
        );
        app.resize(120, 40);
        app.key(&Key::plain(KeyName::Char('L')).to_event());
        let library = draw_buffer(&app);
        app.key(&Key::plain(KeyName::Esc).to_event());
        let panels = draw_buffer(&app);
        assert_ne!(library, panels);
        let mut raw = Vec::new();
        CrosstermBackend::new(&mut raw)
            .draw(library.diff(&panels).into_iter())
            .unwrap();
        let short = Sgr::default().rewrite(&raw);
        assert_eq!(drawn(&short), drawn(&raw));
        assert!(
            short.len() * 100 <= raw.len() * 85,
            "{} bytes rewritten, {} before",
            short.len(),
            raw.len()
        );
    }

    #[test]
    fn never_panics_on_cut_sequences() {
        for s in [
            "\x1b",
            "\x1b[",
            "\x1b[1",
            "\x1b[38;5;",
            "\x1b[99999999m",
            "\x1b[;m",
        ] {
            let _ = run(s);
        }
    }
}
