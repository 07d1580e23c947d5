//! Dates written in an article's text: a "Published 18 February 2025" line, a wire dateline
//! ("LONDON 1996-08-30"), a print-edition note ("appears in print in the 20 February, 2025
//! edition"). The loaders use them when the file gives no better date.

use jiff::civil::Date;

use crate::model::DateOrigin;

/// A date line may end with a time of day ("10.00 GMT", "T08:00:00Z") of about this length.
const TIME_AFTER_DATE: usize = 24;

/// How far after "Published" the date may start: "Published on Tuesday, " is about this long.
const LABEL_GAP: usize = 24;

/// Labelled date lines ("Published ...", "Updated ...", "Date: ...") and wire datelines are read
/// only in this many non-blank lines at the top: further down, such a line is more likely a
/// quotation, a table or an example than the story's own date.
const TOP_LINES: usize = 10;

/// The publication date the text states, with the kind of line it came from.
///
/// A "Published"/"Posted" line wins over a wire dateline, which wins over an "Updated" line,
/// which wins over a print-edition note (the print edition comes out after the text is written,
/// so that date is only an approximation: [`DateOrigin::PrintEdition`]). All but the
/// print-edition note (which closes a story) must stand in the first `TOP_LINES` non-blank
/// lines; lines inside a fenced code block (```` ``` ```` or `~~~`) are never read.
pub fn find(text: &str) -> Option<(Date, DateOrigin)> {
    let mut wire = None;
    let mut updated = None;
    let mut print = None;
    let mut fence: Option<&str> = None;
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    for (n, line) in lines.enumerate() {
        let trimmed = line.trim_start();
        if let Some(mark) = fence {
            if trimmed.starts_with(mark) {
                fence = None;
            }
            continue;
        }
        if let Some(mark) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            fence = Some(mark);
            continue;
        }
        match classify(line, n < TOP_LINES) {
            Some(Line::Published(d)) => return Some((d, DateOrigin::Dateline)),
            Some(Line::Wire(d)) => {
                wire.get_or_insert(d);
            }
            Some(Line::Updated(d)) => {
                updated.get_or_insert(d);
            }
            Some(Line::Print(d)) => {
                print.get_or_insert(d);
            }
            None => {}
        }
    }
    wire.or(updated)
        .map(|d| (d, DateOrigin::Dateline))
        .or_else(|| print.map(|d| (d, DateOrigin::PrintEdition)))
}

/// Whether the line is a date line of any kind (a title is not read from such a line).
pub fn is_date_line(line: &str) -> bool {
    classify(line, true).is_some()
}

/// What kind of date line a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Published(Date),
    Updated(Date),
    Wire(Date),
    Print(Date),
}

fn classify(line: &str, near_top: bool) -> Option<Line> {
    let line = line.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '-' | '_' | '>' | '#' | '•' | '—' | '–')
    });
    let line = line.trim_end();
    if line.is_empty() {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    if let Some(i) = lower.find("in print") {
        return find_date(line.get(i..)?).map(|(d, _)| Line::Print(d));
    }
    if !near_top {
        return None;
    }
    const PUBLISHED: [&str; 4] = ["first published", "published", "posted", "date:"];
    const UPDATED: [&str; 4] = ["last updated", "updated", "last modified", "modified"];
    for label in PUBLISHED {
        if lower.starts_with(label) {
            return date_after_label(line, label.len()).map(Line::Published);
        }
    }
    for label in UPDATED {
        if lower.starts_with(label) {
            return date_after_label(line, label.len()).map(Line::Updated);
        }
    }
    wire(line).map(Line::Wire)
}

/// The date that follows a label such as "Published" closely ("Published on 18 Feb 2025").
fn date_after_label(line: &str, label_len: usize) -> Option<Date> {
    let rest = line.get(label_len..)?;
    // The label must be a whole word: "Postedly" is not "Posted".
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    match find_date(rest) {
        Some((d, at)) if at <= LABEL_GAP => Some(d),
        _ => None,
    }
}

/// A wire dateline: a place in capitals, then a date ("LONDON 1996-08-30",
/// "MOSCOW, Feb. 18, 2025 (Reuters) -"), or a line that is a date and perhaps a time
/// ("Tue 18 Feb 2025 10.00 GMT").
fn wire(line: &str) -> Option<Date> {
    if let Some((d, len)) = parse_date_at(line)
        && line[len..].trim().chars().count() <= TIME_AFTER_DATE
    {
        return Some(d);
    }
    for (i, c) in line.char_indices().take(60) {
        if c != ' ' {
            continue;
        }
        let place = line[..i].trim_end_matches([',', ' ']);
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        let is_place = letters >= 2
            && place
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | ',' | '-' | '\'' | '/'));
        if !is_place {
            // The place is the line's first words; once a lowercase letter is seen it is over.
            if place.chars().any(char::is_lowercase) {
                return None;
            }
            continue;
        }
        if let Some((d, _)) = parse_date_at(line[i..].trim_start_matches([' ', ','])) {
            return Some(d);
        }
    }
    None
}

/// The first date written anywhere in `s`, with the byte offset where it starts.
pub fn find_date(s: &str) -> Option<(Date, usize)> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let at_word_start = c.is_alphanumeric() && !prev.is_some_and(char::is_alphanumeric);
        prev = Some(c);
        if at_word_start && let Some((d, _)) = parse_date_at(&s[i..]) {
            return Some((d, i));
        }
    }
    None
}

/// A date written at the very start of `s`, and how many bytes it takes. Reads `2025-02-18`,
/// `18 February 2025`, `20 February, 2025`, `18th Feb. 2025`, `February 18, 2025`,
/// `Feb 18 2025`, each optionally after a weekday (`Tuesday 18 February 2025`, `Tue, 18 Feb 2025`).
pub fn parse_date_at(s: &str) -> Option<(Date, usize)> {
    let mut c = Cursor { s, pos: 0 };
    let start = c.pos;
    if let Some(w) = c.word()
        && weekday(w)
    {
        c.skip_separators();
    } else {
        c.pos = start;
    }
    let after_weekday = c.pos;
    if let Some(r) = iso(&mut c) {
        return Some(r);
    }
    c.pos = after_weekday;
    // Day Month Year
    if let Some(day) = c.day() {
        c.skip_spaces();
        if let Some(month) = c.word().and_then(month) {
            c.skip_separators();
            if let Some(year) = c.year() {
                return Date::new(year, month, day).ok().map(|d| (d, c.pos));
            }
        }
    }
    c.pos = after_weekday;
    // Month Day, Year
    if let Some(month) = c.word().and_then(month) {
        c.skip_spaces();
        if let Some(day) = c.day() {
            c.skip_separators();
            if let Some(year) = c.year() {
                return Date::new(year, month, day).ok().map(|d| (d, c.pos));
            }
        }
    }
    None
}

fn iso(c: &mut Cursor<'_>) -> Option<(Date, usize)> {
    let s = c.s.get(c.pos..)?;
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    // "2025-02-180" is not a date.
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date: Date = s.get(..10)?.parse().ok()?;
    Some((date, c.pos + 10))
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
    }

    fn skip_separators(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}', ',']).len();
    }

    /// A run of letters, with a trailing full stop of an abbreviation ("Feb.").
    fn word(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        let word = &rest[..len];
        self.pos += len;
        if self.rest().starts_with('.') {
            self.pos += 1;
        }
        Some(word)
    }

    fn number(&mut self, max_digits: usize) -> Option<(i32, usize)> {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if len == 0 || len > max_digits {
            return None;
        }
        let n = rest[..len].parse().ok()?;
        self.pos += len;
        Some((n, len))
    }

    /// A day of the month: `18`, `18th`, `1st`.
    fn day(&mut self) -> Option<i8> {
        let (n, _) = self.number(2)?;
        let rest = self.rest().to_ascii_lowercase();
        for suffix in ["st", "nd", "rd", "th"] {
            if rest.starts_with(suffix)
                && !rest[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                self.pos += 2;
                break;
            }
        }
        if self.rest().starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        i8::try_from(n).ok().filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year, not followed by more digits or letters.
    fn year(&mut self) -> Option<i16> {
        let (n, len) = self.number(4)?;
        if len != 4 || self.rest().starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        i16::try_from(n).ok()
    }
}

fn month(word: &str) -> Option<i8> {
    crate::calendar::month_number(word)
}

fn weekday(word: &str) -> bool {
    crate::calendar::is_weekday(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_the_common_written_forms() {
        for s in [
            "2025-02-18",
            "18 February 2025",
            "18 February, 2025",
            "18th Feb. 2025",
            "February 18, 2025",
            "Feb 18 2025",
            "Feb. 18th, 2025",
            "Tuesday 18 February 2025",
            "Tue, 18 Feb 2025",
        ] {
            assert_eq!(
                parse_date_at(s).map(|(d, _)| d),
                Some(date(2025, 2, 18)),
                "{s}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_whole_date() {
        for s in [
            "February 2025",
            "18 February",
            "31 February 2025",
            "2025-02-180",
            "18 Febs 2025",
            "1998",
            "May",
            "32 May 2020",
            "18 February 20255",
        ] {
            assert_eq!(parse_date_at(s), None, "{s}");
        }
    }

    #[test]
    fn published_line_gives_a_dateline_date() {
        let text = "Some headline\nPublished 18 February 2025\n\nBody text.";
        assert_eq!(find(text), Some((date(2025, 2, 18), DateOrigin::Dateline)));
        let text = "Headline\nUpdated: Feb 18, 2025\nBody.";
        assert_eq!(find(text), Some((date(2025, 2, 18), DateOrigin::Dateline)));
    }

    #[test]
    fn print_edition_note_is_approximate() {
        let text = "Body.\n* A version of this article appears in print in the 20 February, 2025 edition of the Weekly\n";
        assert_eq!(
            find(text),
            Some((date(2025, 2, 20), DateOrigin::PrintEdition))
        );
    }

    #[test]
    fn wire_dateline_at_the_top() {
        let text = "SOCCER - LEAGUE RESULTS .\nLONDON 1996-08-30\nResults of matches .";
        assert_eq!(find(text), Some((date(1996, 8, 30), DateOrigin::Dateline)));
        let text = "MOSCOW, Feb. 18, 2025 (Wire) - Talks began.";
        assert_eq!(find(text), Some((date(2025, 2, 18), DateOrigin::Dateline)));
    }

    #[test]
    fn a_date_and_time_line_at_the_top() {
        let text = "Headline\nTue 18 Feb 2025 10.00 GMT\nBody.";
        assert_eq!(find(text), Some((date(2025, 2, 18), DateOrigin::Dateline)));
        let text = "Headline\n2025-02-18T08:00:00Z\nBody.";
        assert_eq!(find(text), Some((date(2025, 2, 18), DateOrigin::Dateline)));
    }

    #[test]
    fn published_beats_print_edition_and_updated() {
        let text = "Updated 19 Feb 2025\nPublished 18 Feb 2025\nappears in print in the 20 February 2025 edition";
        assert_eq!(find(text), Some((date(2025, 2, 18), DateOrigin::Dateline)));
    }

    #[test]
    fn dates_inside_prose_are_not_date_lines() {
        let text =
            "The talks on 18 February 2025 were long.\nPublished in 1998, the book sold well.";
        assert_eq!(find(text), None);
        let text = "Officials in LONDON said on 18 February 2025 that talks would go on.";
        assert_eq!(find(text), None);
    }

    #[test]
    fn a_date_line_far_down_is_not_the_publication_date() {
        let mut text = String::from("Council closes the bridge\n\n");
        for i in 0..12 {
            text.push_str(&format!("Paragraph {i} of the story.\n\n"));
        }
        for line in [
            "date: 2024-04-12",
            "Published 18 February 2025",
            "Updated 19 Feb 2025",
        ] {
            let t = format!("{text}{line}\n");
            assert_eq!(find(&t), None, "{line}");
        }
    }

    #[test]
    fn a_date_line_inside_a_code_fence_is_not_read() {
        for fence in ["```", "~~~"] {
            let t = format!("Notes\n{fence}yaml\ndate: 2024-04-12\n{fence}\nBody.");
            assert_eq!(find(&t), None, "{fence}");
        }
        let t = "Notes\n```\ndate: 2024-04-12\n```\nPublished 18 Feb 2025\nBody.";
        assert_eq!(find(t), Some((date(2025, 2, 18), DateOrigin::Dateline)));
    }

    #[test]
    fn a_print_edition_note_at_the_end_still_counts() {
        let mut text = String::from("Headline\n\n");
        for i in 0..20 {
            text.push_str(&format!("Paragraph {i}.\n\n"));
        }
        text.push_str(
            "A version of this article appears in print in the 20 February, 2025 edition",
        );
        assert_eq!(
            find(&text),
            Some((date(2025, 2, 20), DateOrigin::PrintEdition))
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "é",
            "2025-0é-18",
            "Published",
            "Published é",
            "18é",
            "ABC 18",
        ] {
            let _ = find(s);
            let _ = parse_date_at(s);
            let _ = find_date(s);
        }
    }
}
