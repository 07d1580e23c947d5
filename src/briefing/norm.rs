//! Normalised names and dates for comparing articles.

use jiff::civil::Date;

use crate::analysis::lexicon::FastMap;

/// A name folded for comparison: lower case, common Latin diacritics dropped, dots and
/// apostrophes removed ("U.S." = "us"), a possessive `'s` dropped, other punctuation as one
/// space, a leading "the" dropped.
pub fn name(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == '.' || c == '\'' || c == '\u{2019}' || c == '\u{02bc}' {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                for l in c.to_lowercase() {
                    out.push(fold(l));
                }
            }
        } else {
            space = true;
        }
    }
    if out.starts_with("the ") {
        out.replace_range(..4, "");
    }
    out
}

/// Folded names stored once each and compared by index.
#[derive(Default)]
pub struct Interner {
    ids: FastMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    /// The index of a folded name, stored on its first use.
    pub fn id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(folded.to_string());
        self.ids.insert(folded.to_string(), id);
        id
    }

    /// The folded name of an index.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

/// A lower-case letter without its diacritic, for the common Latin ones.
fn fold(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì'..='ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ő' | 'ō' => 'o',
        'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// Words before a person's name that are not part of it.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
];

/// A person's name folded by [`name`], honorifics dropped.
pub fn person(s: &str) -> String {
    let n = name(s);
    let mut rest = n.as_str();
    while let Some((first, tail)) = rest.split_once(' ') {
        if HONORIFICS.contains(&first) {
            rest = tail;
        } else {
            break;
        }
    }
    // "Mark Felt Sr." is Mark Felt; "W. Mark Felt" too.
    let mut words: Vec<&str> = rest.split(' ').collect();
    while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    if words.len() > 2 && words.first().is_some_and(|w| w.len() == 1) {
        words.remove(0);
    }
    words.join(" ")
}

/// Words after a person's name that are not part of it.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grain {
    /// One day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A range of days given by the text.
    Range,
    /// A season or quarter.
    Season,
    /// A year.
    Year,
}

/// A TIMEX3 date value as the days it covers (first and last, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// First day.
    pub first: Date,
    /// Last day.
    pub last: Date,
    /// How precise the value is.
    pub grain: Grain,
}

/// How two dates relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFit {
    /// The same day (or the same coarser value).
    Same,
    /// One contains the other, or they overlap: compatible.
    Compatible,
    /// Two days one apart: a time zone, a late report; only with strong evidence.
    Near,
    /// Different days, months, years.
    Apart,
}

impl Interval {
    /// Parses a TIMEX3 date value: `2025-02-18`, `2025-02`, `2025`, `2025-W08`, `2025-SU`,
    /// `2025-Q1`, `2025-02-12/2025-02-14`. Anything else (unresolved `XXXX`, `PRESENT_REF`) is
    /// `None`.
    pub fn parse(value: &str) -> Option<Self> {
        if let Some((a, b)) = value.split_once('/') {
            let a = Self::parse(a)?;
            let b = Self::parse(b)?;
            return (a.first <= b.last).then_some(Self {
                first: a.first,
                last: b.last,
                grain: Grain::Range,
            });
        }
        let year: i16 = value.get(..4)?.parse().ok()?;
        if !value.is_char_boundary(4) || !value.as_bytes().iter().take(4).all(u8::is_ascii_digit) {
            return None;
        }
        let rest = &value[4..];
        let day = |m: i8, d: i8| Date::new(year, m, d).ok();
        if rest.is_empty() {
            return Some(Self {
                first: day(1, 1)?,
                last: day(12, 31)?,
                grain: Grain::Year,
            });
        }
        let rest = rest.strip_prefix('-')?;
        if let Some(w) = rest.strip_prefix('W') {
            let w: i8 = w.get(..2)?.parse().ok()?;
            let week = jiff::civil::ISOWeekDate::new(year, w, jiff::civil::Weekday::Monday).ok()?;
            let first = week.date();
            let last = first.checked_add(jiff::Span::new().days(6)).ok()?;
            return Some(Self {
                first,
                last,
                grain: Grain::Week,
            });
        }
        let season = match rest {
            "SP" => Some((3, 5)),
            "SU" => Some((6, 8)),
            "FA" | "AU" => Some((9, 11)),
            "Q1" | "H1" => Some((1, 3)),
            "Q2" => Some((4, 6)),
            "Q3" | "H2" => Some((7, 9)),
            "Q4" => Some((10, 12)),
            _ => None,
        };
        if let Some((m1, m2)) = season {
            let first = day(m1, 1)?;
            let last = day(m2, 1)?.last_of_month();
            return Some(Self {
                first,
                last,
                grain: Grain::Season,
            });
        }
        let month: i8 = rest.get(..2)?.parse().ok()?;
        let rest = &rest[2..];
        if rest.is_empty() {
            let first = day(month, 1)?;
            return Some(Self {
                first,
                last: first.last_of_month(),
                grain: Grain::Month,
            });
        }
        let d: i8 = rest.strip_prefix('-')?.get(..2)?.parse().ok()?;
        // A time of day after the date ("2025-02-18T10:00") keeps the day.
        let tail = rest.get(3..).unwrap_or("");
        if !(tail.is_empty() || tail.starts_with('T')) {
            return None;
        }
        let first = day(month, d)?;
        Some(Self {
            first,
            last: first,
            grain: Grain::Day,
        })
    }

    /// Whether it covers the other wholly.
    pub fn contains(&self, other: &Interval) -> bool {
        self.first <= other.first && other.last <= self.last
    }

    /// How two dates relate.
    pub fn fit(&self, other: &Interval) -> DateFit {
        if self == other {
            return DateFit::Same;
        }
        if self.grain == Grain::Day && other.grain == Grain::Day {
            let apart = (other.first - self.first).get_days().abs();
            return if apart == 1 {
                DateFit::Near
            } else {
                DateFit::Apart
            };
        }
        if self.contains(other) || other.contains(self) {
            DateFit::Compatible
        } else if self.grain == Grain::Range || other.grain == Grain::Range {
            // Ranges that overlap (a conference and one of its days given loosely).
            if self.first <= other.last && other.first <= self.last {
                DateFit::Compatible
            } else {
                DateFit::Apart
            }
        } else {
            DateFit::Apart
        }
    }
}

/// Words that say nothing about which event a label names.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "by", "from", "between",
    "over", "after", "before", "into", "about", "s", "new", "its", "his", "her", "their", "as",
];

/// A folded word without its commonest inflection, so that a label's "checked", "checks" and
/// "checking" compare equal: `-ing`, `-ed`, `-es`, `-s` cut from words long enough to keep a
/// stem of four letters.
pub fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 4
            && !stem.ends_with('s')
        {
            return stem;
        }
    }
    w
}

/// Past forms and participles of irregular verbs with their base, sorted by form.
const IRREGULAR: &[(&str, &str)] = &[
    ("arisen", "arise"),
    ("arose", "arise"),
    ("ate", "eat"),
    ("awoke", "awake"),
    ("beaten", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("bled", "bleed"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("crept", "creep"),
    ("dealt", "deal"),
    ("did", "do"),
    ("done", "do"),
    ("drank", "drink"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("drunk", "drink"),
    ("dug", "dig"),
    ("eaten", "eat"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("got", "get"),
    ("gotten", "get"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hung", "hang"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("lain", "lie"),
    ("led", "lead"),
    ("left", "leave"),
    ("lent", "lend"),
    ("lit", "light"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("oversaw", "oversee"),
    ("overseen", "oversee"),
    ("overtaken", "overtake"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("overtook", "overtake"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rang", "ring"),
    ("risen", "rise"),
    ("rose", "rise"),
    ("rung", "ring"),
    ("said", "say"),
    ("sang", "sing"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shaken", "shake"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("slain", "slay"),
    ("slept", "sleep"),
    ("slew", "slay"),
    ("slid", "slide"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("sprang", "spring"),
    ("spun", "spin"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("stricken", "strike"),
    ("struck", "strike"),
    ("stuck", "stick"),
    ("stung", "sting"),
    ("sung", "sing"),
    ("sunk", "sink"),
    ("swam", "swim"),
    ("swept", "sweep"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("swum", "swim"),
    ("swung", "swing"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("understood", "understand"),
    ("undertook", "undertake"),
    ("upheld", "uphold"),
    ("went", "go"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// The base form of an English irregular verb's past or participle ("struck" -> "strike"),
/// else the word as it is: so that "shot" and "shoots" (stem "shoot") compare equal.
pub fn base_verb(w: &str) -> &str {
    IRREGULAR
        .binary_search_by_key(&w, |&(form, _)| form)
        .map_or(w, |at| IRREGULAR[at].1)
}

/// The root of a word naming a happening, shared by its forms: "arrested", "arrests" and
/// "arresting" give "arrest"; "struck", "strike", "strikes" and "striking" give "strik"
/// (a final "e" goes, as `stem` takes it with "-es", "-ed" and "-ing").
pub fn event_root(w: &str) -> &str {
    let w = base_verb(stem(w));
    w.strip_suffix('e').filter(|r| r.len() >= 3).unwrap_or(w)
}

/// The words of a folded label that say which event it names: not stop words, not the folded
/// kind, not one letter.
pub fn content_words<'a>(label: &'a str, kind: &'a str) -> impl Iterator<Item = &'a str> {
    label
        .split(' ')
        .filter(move |w| w.len() > 1 && !STOP.contains(w) && *w != kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_verbs_find_their_base() {
        assert!(
            IRREGULAR.windows(2).all(|w| w[0] < w[1]),
            "the table is sorted for its binary search"
        );
        assert_eq!(base_verb("struck"), "strike");
        assert_eq!(base_verb("shot"), stem("shooting"));
        assert_eq!(base_verb("wound"), "wound", "a noun too: kept");
        assert_eq!(base_verb("arrest"), "arrest");
        for form in ["struck", "strike", "strikes", "striking"] {
            assert_eq!(event_root(form), "strik", "{form}");
        }
        for form in ["charged", "charges", "charge", "charging"] {
            assert_eq!(event_root(form), "charg", "{form}");
        }
    }

    #[test]
    fn names_fold() {
        assert_eq!(name("U.S."), "us");
        assert_eq!(name("The  Kremlin's"), "kremlin");
        assert_eq!(name("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
        assert_eq!(name("Jean-Luc Côté"), "jean luc cote");
        assert_eq!(person("Mr. Halvor Brandt"), "halvor brandt");
        assert_eq!(person("Dr Brandt"), "brandt");
    }

    #[test]
    fn dates_parse_and_fit() {
        let d = |s| Interval::parse(s).unwrap();
        assert_eq!(d("2025-02-18").fit(&d("2025-02")), DateFit::Compatible);
        assert_eq!(d("2025-02-18").fit(&d("2025-02-18")), DateFit::Same);
        assert_eq!(d("2025-02-18").fit(&d("2025-02-19")), DateFit::Near);
        assert_eq!(d("2025-02-18").fit(&d("2025-02-25")), DateFit::Apart);
        assert_eq!(d("2025-02").fit(&d("2025-03")), DateFit::Apart);
        assert_eq!(d("2025-W08").fit(&d("2025-02-18")), DateFit::Compatible);
        assert_eq!(
            d("2025-02-12/2025-02-14").fit(&d("2025-02-13")),
            DateFit::Compatible
        );
        assert_eq!(d("2024").fit(&d("2025-02")), DateFit::Apart);
        assert_eq!(d("2025-SU").first, Date::new(2025, 6, 1).unwrap());
        for bad in [
            "XXXX-XX-XX",
            "PRESENT_REF",
            "2025-13",
            "2025-02-30",
            "",
            "20",
            "2025-0é",
        ] {
            assert!(Interval::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn label_words_drop_the_kind_and_stop_words() {
        let label = name("Talks between Norway and Chile in Oslo");
        let words: Vec<&str> = content_words(&label, "talks").collect();
        assert_eq!(words, ["norway", "chile", "oslo"]);
        for w in ["checked", "checks", "checking", "check"] {
            assert_eq!(stem(w), "check", "{w}");
        }
        assert_eq!(stem("press"), "press");
    }
}
