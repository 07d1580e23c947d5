//! The time expressions of the bundled sample (a golden snapshot) and properties that hold for
//! any text and any reference date.

use brief::analysis::time::extract;
use brief::model::{Timex, TimexType};
use brief::segment::Document;
use jiff::civil::Date;
use proptest::prelude::*;
use serde::Serialize;

const SAMPLE: &str = include_str!("../assets/briefings/riyadh-talks.json");

#[derive(Serialize)]
struct Shown<'a> {
    text: &'a str,
    #[serde(rename = "type")]
    kind: TimexType,
    value: Option<&'a str>,
}

#[test]
fn sample_timexes() {
    let json: serde_json::Value = serde_json::from_str(SAMPLE).expect("the sample is JSON");
    let text = json["text"].as_str().expect("the sample has a text");
    let doc = Document::new(text);
    let timexes = extract(&doc, Date::new(2025, 2, 18).ok());
    let shown: Vec<Shown> = timexes
        .iter()
        .map(|t| Shown {
            text: &text[t.start..t.end],
            kind: t.kind,
            value: t.value.as_deref(),
        })
        .collect();
    // The ten values the gold annotation requires.
    for (span, value) in [
        ("today", "2025-02-18"),
        ("2022", "2022"),
        ("2017", "2017"),
        ("from 12 to 14 February", "2025-02-12/2025-02-14"),
        ("12 February", "2025-02-12"),
        ("this week", "2025-W08"),
        ("tomorrow", "2025-02-19"),
        ("Monday", "2025-02-17"),
        ("Tuesday", "2025-02-18"),
        ("20 February, 2025", "2025-02-20"),
    ] {
        assert!(
            shown
                .iter()
                .any(|s| s.text == span && s.value == Some(value)),
            "{span} = {value} missing"
        );
    }
    insta::assert_json_snapshot!(shown);
}

/// Whether a value has one of the TIMEX3 shapes this tagger writes.
fn valid_value(v: &str) -> bool {
    if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") {
        return true;
    }
    if let Some(rest) = v.strip_prefix('P') {
        let rest = rest.strip_prefix('T').unwrap_or(rest);
        return !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.');
    }
    if let Some(rest) = v.strip_prefix("XXXX-") {
        return !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    }
    v.bytes().take(2).all(|b| b.is_ascii_digit())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'/'))
}

/// The start of a value that begins with a calendar date, as a date.
fn day_of(v: &str) -> Option<Date> {
    let s = v.get(..10)?;
    let (y, rest) = s.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

fn check(text: &str, timexes: &[Timex]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for t in timexes {
        prop_assert!(t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!(t.start >= last_end, "sorted and not overlapping");
        last_end = t.end;
        if let Some(v) = &t.value {
            prop_assert!(valid_value(v), "bad value {v:?}");
            if let Some((a, b)) = v.split_once('/') {
                if a.len() == b.len() {
                    prop_assert!(a <= b, "unordered range {v}");
                }
                if let (Some(a), Some(b)) = (day_of(a), day_of(b)) {
                    prop_assert!(a <= b);
                }
            }
            if v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[0].is_ascii_digit() {
                prop_assert!(day_of(v).is_some(), "not a calendar day: {v}");
            }
        }
    }
    Ok(())
}

/// Words that steer the tagger, so that random text hits its patterns often.
const WORDS: &[&str] = &[
    "on",
    "the",
    "last",
    "next",
    "this",
    "week",
    "year",
    "Monday",
    "Friday",
    "February",
    "May",
    "12",
    "14",
    "2022",
    "1990s",
    "from",
    "to",
    "between",
    "and",
    "ago",
    "two",
    "a",
    "half",
    "hours",
    "days",
    "since",
    "today",
    "tomorrow",
    "at",
    "3",
    "p.m.",
    "every",
    "daily",
    "-",
    ",",
    "quarter",
    "third",
    "29",
    "31",
    "December",
    "will",
    "met",
    "/",
    "12:30",
    "early",
    "the end of",
    "following",
    "day",
    "Christmas",
    "fiscal",
    "nineteen",
    "ninety-six",
    "é",
    "’s",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_any_date(text in any::<String>(), y in 1i16..=9999, m in 1i8..=12, d in 1i8..=28) {
        let doc = Document::new(&text);
        let r = Date::new(y, m, d).ok();
        check(&text, &extract(&doc, r))?;
        check(&text, &extract(&doc, None))?;
    }

    #[test]
    fn time_words_any_date(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 0..40),
        y in 1i16..=9999, m in 1i8..=12, d in 1i8..=28,
    ) {
        let text = words.join(" ");
        let doc = Document::new(&text);
        let r = Date::new(y, m, d).ok();
        check(&text, &extract(&doc, r))?;
        check(&text, &extract(&doc, None))?;
    }
}
