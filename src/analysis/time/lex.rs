//! The closed word lists of time expressions, each word folded to one class so that the matcher
//! compares small enums instead of strings. Month and weekday names, number words and units are
//! those of English; the function words are the ones TimeML spans are built from.

/// A calendar unit of a duration or a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A weekend.
    Weekend,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

/// Function words and time words that take part in patterns (named after the word).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Soon,
    Future,
    Past,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    This,
    Last,
    Next,
    Coming,
    Previous,
    Following,
    Latest,
    The,
    A,
    And,
    Half,
    Of,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Hourly,
    Fiscal,
    Since,
    From,
    To,
    Through,
    Until,
    Between,
    In,
    On,
    At,
    Am,
    Pm,
    Noon,
    Midnight,
    Few,
    Several,
    Many,
    Some,
    Couple,
    More,
    Than,
    Nearly,
    About,
    Almost,
    Around,
    Over,
    Least,
    Less,
    Up,
    Ahead,
    Before,
    After,
    End,
    Beginning,
    Start,
    Middle,
    Same,
    That,
    Other,
    Zone,
    Old,
    Overnight,
    Spring,
    Summer,
    Fall,
    Winter,
    During,
    By,
    Within,
    For,
}

/// A part of the day (a small code rather than its text keeps [`Class`] at eight bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
}

impl DayPart {
    /// Its TIMEX3 code: `MO`, `AF`, `EV`, `NI`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Morning => "MO",
            Self::Afternoon => "AF",
            Self::Evening => "EV",
            Self::Night => "NI",
        }
    }
}

/// The class of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Nothing a pattern uses.
    Other,
    /// A month name, 1 to 12; `abbr` when shortened ("Feb").
    Month(i8, bool),
    /// A weekday, 1 (Monday) to 7; `plural` for "Mondays".
    Weekday(i8, bool),
    /// A cardinal number word ("three", "twenty-four").
    NumberWord(u32),
    /// An ordinal word ("third").
    Ordinal(u32),
    /// A unit word; `plural` for "years".
    Unit(Unit, bool),
    /// A part of the day.
    DayPart(DayPart),
    /// A function or time word.
    Keyword(Keyword),
    /// A holiday with a rule for its date: 1 Christmas, 2 (US) Thanksgiving, 3 Halloween,
    /// 4 (US) Election Day, 5 Easter (Sunday).
    Holiday(u8),
    /// "the nineties": the decade of the 1900s (its tens digit).
    DecadeWord(u8),
    /// A word with a hyphen inside: matched by parts.
    Hyphenated,
}

/// The longest word in [`WORDS`] plus room: longer tokens are never time words.
const MAX_WORD: usize = 14;

// One class a token, kept for every token of a document: small on purpose.
const _: () = assert!(std::mem::size_of::<Class>() <= 8);

/// The class of a word (any case).
pub fn classify(word: &str) -> Class {
    let b = word.as_bytes();
    if b.len() > MAX_WORD || b.is_empty() || !b[0].is_ascii_alphabetic() {
        return Class::Other;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    let x = u128::from_le_bytes(buf);
    classify_packed(x as u64, (x >> 64) as u64, b.len())
}

/// The class of the word `text[start..end]`, as [`classify`] gives it; reads the word with one
/// or two 8-byte loads when the text goes on that far.
pub fn classify_in(text: &str, start: usize, end: usize) -> Class {
    let b = text.as_bytes();
    let len = end.wrapping_sub(start);
    if len > MAX_WORD || len == 0 || !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return Class::Other;
    }
    let load = |at: usize| {
        b.get(at..at + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map(u64::from_le_bytes)
    };
    if len <= 8 {
        if let Some(lo) = load(start) {
            let mask = u64::MAX >> (64 - 8 * len);
            return classify_packed(lo & mask, 0, len);
        }
    } else if let (Some(lo), Some(hi)) = (load(start), load(start + 8)) {
        let mask = u64::MAX >> (128 - 8 * len);
        return classify_packed(lo, hi & mask, len);
    }
    text.get(start..end).map_or(Class::Other, classify)
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;

/// Whether a byte of `x` is `b` (`b` not 0: the padding bytes are 0).
const fn has_byte(x: u64, b: u8) -> bool {
    let y = x ^ (ONES * b as u64);
    y.wrapping_sub(ONES) & !y & HIGH != 0
}

/// Folds ASCII upper-case letters to lower case, all eight bytes at once (SWAR). Every byte is
/// below 0x80, so adding to it cannot carry into the next one: the high bit then says whether
/// the byte is >= 'A', and whether it is > 'Z'.
const fn fold(x: u64) -> u64 {
    let ge_a = (x + ONES * (0x80 - b'A') as u64) & HIGH;
    let gt_z = (x + ONES * (0x80 - b'Z' - 1) as u64) & HIGH;
    x | ((ge_a & !gt_z) >> 2)
}

/// The class of a word of `len` bytes (1 to [`MAX_WORD`]) packed little-endian in `lo` and
/// `hi`, the bytes after it zero.
fn classify_packed(lo: u64, hi: u64, len: usize) -> Class {
    if has_byte(lo, b'-') || hi != 0 && has_byte(hi, b'-') {
        return Class::Hyphenated;
    }
    // No word of the lists has a byte outside ASCII.
    if (lo | hi) & HIGH != 0 {
        return Class::Other;
    }
    let key = u128::from(fold(lo)) | (u128::from(fold(hi)) << 64) | ((len as u128) << 120);
    let mut i = slot(key);
    loop {
        match KEYS[i] {
            0 => return Class::Other,
            k if k == key => return WORDS[usize::from(INDEX[i])].1,
            _ => i = (i + 1) % SLOTS,
        }
    }
}

/// Every word of the closed lists (lower case) and its class.
const WORDS: &[(&str, Class)] = {
    use self::Class::{
        DayPart as Part, DecadeWord, Holiday, Keyword as KwC, Month, NumberWord, Ordinal,
        Unit as UnitC, Weekday,
    };
    use self::Keyword as K;
    &[
        ("january", Month(1, false)),
        ("february", Month(2, false)),
        ("march", Month(3, false)),
        ("april", Month(4, false)),
        ("may", Month(5, false)),
        ("june", Month(6, false)),
        ("july", Month(7, false)),
        ("august", Month(8, false)),
        ("september", Month(9, false)),
        ("october", Month(10, false)),
        ("november", Month(11, false)),
        ("december", Month(12, false)),
        ("jan", Month(1, true)),
        ("feb", Month(2, true)),
        ("mar", Month(3, true)),
        ("apr", Month(4, true)),
        ("jun", Month(6, true)),
        ("jul", Month(7, true)),
        ("aug", Month(8, true)),
        ("sep", Month(9, true)),
        ("sept", Month(9, true)),
        ("oct", Month(10, true)),
        ("nov", Month(11, true)),
        ("dec", Month(12, true)),
        ("monday", Weekday(1, false)),
        ("tuesday", Weekday(2, false)),
        ("wednesday", Weekday(3, false)),
        ("thursday", Weekday(4, false)),
        ("friday", Weekday(5, false)),
        ("saturday", Weekday(6, false)),
        ("sunday", Weekday(7, false)),
        ("mondays", Weekday(1, true)),
        ("tuesdays", Weekday(2, true)),
        ("wednesdays", Weekday(3, true)),
        ("thursdays", Weekday(4, true)),
        ("fridays", Weekday(5, true)),
        ("saturdays", Weekday(6, true)),
        ("sundays", Weekday(7, true)),
        ("one", NumberWord(1)),
        ("two", NumberWord(2)),
        ("three", NumberWord(3)),
        ("four", NumberWord(4)),
        ("five", NumberWord(5)),
        ("six", NumberWord(6)),
        ("seven", NumberWord(7)),
        ("eight", NumberWord(8)),
        ("nine", NumberWord(9)),
        ("ten", NumberWord(10)),
        ("eleven", NumberWord(11)),
        ("twelve", NumberWord(12)),
        ("thirteen", NumberWord(13)),
        ("fourteen", NumberWord(14)),
        ("fifteen", NumberWord(15)),
        ("sixteen", NumberWord(16)),
        ("seventeen", NumberWord(17)),
        ("eighteen", NumberWord(18)),
        ("nineteen", NumberWord(19)),
        ("twenty", NumberWord(20)),
        ("thirty", NumberWord(30)),
        ("forty", NumberWord(40)),
        ("fifty", NumberWord(50)),
        ("sixty", NumberWord(60)),
        ("seventy", NumberWord(70)),
        ("eighty", NumberWord(80)),
        ("ninety", NumberWord(90)),
        ("hundred", NumberWord(100)),
        ("dozen", NumberWord(12)),
        ("christmas", Holiday(1)),
        ("thanksgiving", Holiday(2)),
        ("halloween", Holiday(3)),
        ("election", Holiday(4)),
        ("easter", Holiday(5)),
        ("twenties", DecadeWord(2)),
        ("thirties", DecadeWord(3)),
        ("forties", DecadeWord(4)),
        ("fifties", DecadeWord(5)),
        ("sixties", DecadeWord(6)),
        ("seventies", DecadeWord(7)),
        ("eighties", DecadeWord(8)),
        ("nineties", DecadeWord(9)),
        ("first", Ordinal(1)),
        ("second", Ordinal(2)),
        ("third", Ordinal(3)),
        ("fourth", Ordinal(4)),
        ("fifth", Ordinal(5)),
        ("sixth", Ordinal(6)),
        ("seventh", Ordinal(7)),
        ("eighth", Ordinal(8)),
        ("ninth", Ordinal(9)),
        ("tenth", Ordinal(10)),
        ("eleventh", Ordinal(11)),
        ("twelfth", Ordinal(12)),
        ("thirteenth", Ordinal(13)),
        ("fourteenth", Ordinal(14)),
        ("fifteenth", Ordinal(15)),
        ("sixteenth", Ordinal(16)),
        ("seventeenth", Ordinal(17)),
        ("eighteenth", Ordinal(18)),
        ("nineteenth", Ordinal(19)),
        ("twentieth", Ordinal(20)),
        ("seconds", UnitC(Unit::Second, true)),
        ("minute", UnitC(Unit::Minute, false)),
        ("minutes", UnitC(Unit::Minute, true)),
        ("hour", UnitC(Unit::Hour, false)),
        ("hours", UnitC(Unit::Hour, true)),
        ("day", UnitC(Unit::Day, false)),
        ("days", UnitC(Unit::Day, true)),
        ("week", UnitC(Unit::Week, false)),
        ("weeks", UnitC(Unit::Week, true)),
        ("weekend", UnitC(Unit::Weekend, false)),
        ("weekends", UnitC(Unit::Weekend, true)),
        ("month", UnitC(Unit::Month, false)),
        ("months", UnitC(Unit::Month, true)),
        ("quarter", UnitC(Unit::Quarter, false)),
        ("quarters", UnitC(Unit::Quarter, true)),
        ("year", UnitC(Unit::Year, false)),
        ("years", UnitC(Unit::Year, true)),
        ("decade", UnitC(Unit::Decade, false)),
        ("decades", UnitC(Unit::Decade, true)),
        ("century", UnitC(Unit::Century, false)),
        ("centuries", UnitC(Unit::Century, true)),
        ("morning", Part(DayPart::Morning)),
        ("afternoon", Part(DayPart::Afternoon)),
        ("evening", Part(DayPart::Evening)),
        ("night", Part(DayPart::Night)),
        ("today", KwC(K::Today)),
        ("tomorrow", KwC(K::Tomorrow)),
        ("yesterday", KwC(K::Yesterday)),
        ("tonight", KwC(K::Tonight)),
        ("now", KwC(K::Now)),
        ("currently", KwC(K::Currently)),
        ("current", KwC(K::Current)),
        ("recently", KwC(K::Recently)),
        ("lately", KwC(K::Recently)),
        ("recent", KwC(K::Recent)),
        ("soon", KwC(K::Soon)),
        ("future", KwC(K::Future)),
        ("past", KwC(K::Past)),
        ("ago", KwC(K::Ago)),
        ("earlier", KwC(K::Earlier)),
        ("later", KwC(K::Later)),
        ("early", KwC(K::Early)),
        ("late", KwC(K::Late)),
        ("mid", KwC(K::Mid)),
        ("this", KwC(K::This)),
        ("last", KwC(K::Last)),
        ("next", KwC(K::Next)),
        ("coming", KwC(K::Coming)),
        ("upcoming", KwC(K::Coming)),
        ("previous", KwC(K::Previous)),
        ("prior", KwC(K::Previous)),
        ("preceding", KwC(K::Previous)),
        ("following", KwC(K::Following)),
        ("subsequent", KwC(K::Following)),
        ("latest", KwC(K::Latest)),
        ("the", KwC(K::The)),
        ("a", KwC(K::A)),
        ("an", KwC(K::A)),
        ("and", KwC(K::And)),
        ("half", KwC(K::Half)),
        ("of", KwC(K::Of)),
        ("every", KwC(K::Every)),
        ("each", KwC(K::Each)),
        ("per", KwC(K::Per)),
        ("daily", KwC(K::Daily)),
        ("weekly", KwC(K::Weekly)),
        ("monthly", KwC(K::Monthly)),
        ("annually", KwC(K::Yearly)),
        ("yearly", KwC(K::Yearly)),
        ("hourly", KwC(K::Hourly)),
        ("fiscal", KwC(K::Fiscal)),
        ("since", KwC(K::Since)),
        ("from", KwC(K::From)),
        ("to", KwC(K::To)),
        ("through", KwC(K::Through)),
        ("till", KwC(K::Through)),
        ("thru", KwC(K::Through)),
        ("until", KwC(K::Until)),
        ("between", KwC(K::Between)),
        ("in", KwC(K::In)),
        ("on", KwC(K::On)),
        ("at", KwC(K::At)),
        ("am", KwC(K::Am)),
        ("a.m.", KwC(K::Am)),
        ("a.m", KwC(K::Am)),
        ("pm", KwC(K::Pm)),
        ("p.m.", KwC(K::Pm)),
        ("p.m", KwC(K::Pm)),
        ("noon", KwC(K::Noon)),
        ("midday", KwC(K::Noon)),
        ("midnight", KwC(K::Midnight)),
        ("few", KwC(K::Few)),
        ("several", KwC(K::Several)),
        ("many", KwC(K::Many)),
        ("some", KwC(K::Some)),
        ("couple", KwC(K::Couple)),
        ("more", KwC(K::More)),
        ("than", KwC(K::Than)),
        ("nearly", KwC(K::Nearly)),
        ("about", KwC(K::About)),
        ("approximately", KwC(K::About)),
        ("roughly", KwC(K::About)),
        ("almost", KwC(K::Almost)),
        ("around", KwC(K::Around)),
        ("over", KwC(K::Over)),
        ("least", KwC(K::Least)),
        ("less", KwC(K::Less)),
        ("fewer", KwC(K::Less)),
        ("up", KwC(K::Up)),
        ("ahead", KwC(K::Ahead)),
        ("before", KwC(K::Before)),
        ("after", KwC(K::After)),
        ("end", KwC(K::End)),
        ("beginning", KwC(K::Beginning)),
        ("start", KwC(K::Start)),
        ("middle", KwC(K::Middle)),
        ("same", KwC(K::Same)),
        ("that", KwC(K::That)),
        ("other", KwC(K::Other)),
        ("old", KwC(K::Old)),
        ("overnight", KwC(K::Overnight)),
        ("spring", KwC(K::Spring)),
        ("summer", KwC(K::Summer)),
        ("autumn", KwC(K::Fall)),
        ("fall", KwC(K::Fall)),
        ("winter", KwC(K::Winter)),
        ("during", KwC(K::During)),
        ("by", KwC(K::By)),
        ("within", KwC(K::Within)),
        ("for", KwC(K::For)),
        ("gmt", KwC(K::Zone)),
        ("utc", KwC(K::Zone)),
        ("est", KwC(K::Zone)),
        ("edt", KwC(K::Zone)),
        ("cst", KwC(K::Zone)),
        ("cdt", KwC(K::Zone)),
        ("pst", KwC(K::Zone)),
        ("pdt", KwC(K::Zone)),
        ("bst", KwC(K::Zone)),
        ("cet", KwC(K::Zone)),
    ]
};

/// Slots of the open-addressing table over [`WORDS`]: a power of two, about twice the words, so
/// that a probe for a word not in the lists mostly stops at the first or second slot.
const SLOTS: usize = 512;

/// The packed key of each slot (0: empty; a key is never 0, its length byte is not).
static KEYS: [u128; SLOTS] = build().0;
/// The index into [`WORDS`] of each slot's word.
static INDEX: [u8; SLOTS] = build().1;

/// A word packed as [`classify`] packs it: bytes in order, the length in the last byte.
const fn pack(w: &str) -> u128 {
    let b = w.as_bytes();
    assert!(!b.is_empty() && b.len() <= MAX_WORD);
    let mut k = 0u128;
    let mut i = 0;
    while i < b.len() {
        k |= (b[i] as u128) << (8 * i);
        i += 1;
    }
    k | ((b.len() as u128) << 120)
}

const fn slot(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize % SLOTS
}

/// The table, built at compile time; a word listed twice fails the build.
const fn build() -> ([u128; SLOTS], [u8; SLOTS]) {
    assert!(WORDS.len() < SLOTS / 2 && WORDS.len() <= 256);
    let mut keys = [0u128; SLOTS];
    let mut index = [0u8; SLOTS];
    let mut n = 0;
    while n < WORDS.len() {
        let k = pack(WORDS[n].0);
        let mut i = slot(k);
        while keys[i] != 0 {
            assert!(keys[i] != k, "a word is listed twice");
            i = (i + 1) % SLOTS;
        }
        keys[i] = k;
        index[i] = n as u8;
        n += 1;
    }
    (keys, index)
}

/// The classes of the parts of a hyphenated word ("year", "earlier" in "year-earlier"); a part
/// of digits is `Other`.
pub fn split_hyphen(word: &str) -> impl Iterator<Item = Class> + '_ {
    word.split(['-', '\u{2010}', '\u{2011}']).map(|p| {
        if p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty() {
            Class::Other
        } else {
            classify(p)
        }
    })
}

/// The tense a word marks, if any ("will" future, "said" or a verb in -ed past).
pub fn tense_marker(w: &str) -> Option<Tense> {
    let lower_orig = w.bytes().all(|c| !c.is_ascii_uppercase());
    let b = w.as_bytes();
    if b.len() > 12 || b.is_empty() {
        return None;
    }
    let mut buf = [0u8; 12];
    // Most words are lower case already: folded only when not, the folded copy checked as
    // UTF-8 only then.
    let w = if lower_orig {
        w
    } else {
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..b.len()]).unwrap_or("")
    };
    match w {
        "will" | "'ll" | "shall" | "would" | "won't" | "going" | "scheduled" | "due" | "plans"
        | "expected" | "expects" | "upcoming" | "tomorrow" | "intends" | "hopes" | "aims"
        | "planning" | "preparing" | "expect" | "intend" => Some(Tense::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "met" | "came" | "went" | "took"
        | "gave" | "held" | "made" | "left" | "began" | "saw" | "won" | "lost" | "fell"
        | "rose" | "got" | "spoke" | "sent" | "brought" | "found" | "led" | "paid" | "sold"
        | "bought" | "kept" | "wrote" | "became" | "ago" | "yesterday" | "last" | "has"
        | "have" | "been" | "struck" | "killed" | "knew" | "thought" | "felt" | "ran"
        | "fought" | "flew" | "chose" | "drew" | "grew" | "threw" | "broke" | "spent" | "meant"
        | "heard" | "stood" | "sat" | "wasn't" | "weren't" | "didn't" | "hadn't" => {
            Some(Tense::Past)
        }
        "is" | "are" | "am" | "says" | "say" | "isn't" | "aren't" => Some(Tense::Present),
        "might" => Some(Tense::Future),
        // The modal, not the month (which is capitalised).
        "may" if lower_orig => Some(Tense::Future),
        _ => {
            if lower_orig
                && w.len() >= 5
                && w.ends_with("ed")
                && !matches!(
                    w,
                    "need" | "indeed" | "speed" | "breed" | "proceed" | "succeed"
                )
                && w.bytes().all(|c| c.is_ascii_lowercase())
            {
                Some(Tense::Past)
            } else {
                None
            }
        }
    }
}

/// Words after which "to" and a verb speak of the future ("planned to leave").
pub fn is_intent(w: &str) -> bool {
    matches!(
        w,
        "plan"
            | "plans"
            | "planned"
            | "planning"
            | "intend"
            | "intends"
            | "intended"
            | "expect"
            | "expects"
            | "expected"
            | "scheduled"
            | "due"
            | "set"
            | "going"
            | "agreed"
            | "promised"
            | "hope"
            | "hopes"
            | "hoped"
            | "decided"
            | "vowed"
            | "want"
            | "wants"
            | "wanted"
            | "threatened"
            | "ready"
            | "prepared"
            | "likely"
            | "about"
            | "pledged"
            | "prepares"
            | "preparing"
            | "aims"
            | "aim"
            | "seeks"
    )
}

/// The tense of the clause around a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past tense or present perfect.
    Past,
    /// Present tense.
    Present,
    /// Future: "will", "is due to", "going to".
    Future,
    /// No marker found.
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled table is a copy of the calendar's words made at compile time: it must name
    /// every month and weekday of [`crate::calendar`], with the same numbers.
    #[test]
    fn months_and_weekdays_agree_with_the_calendar() {
        for (i, m) in crate::calendar::MONTHS.iter().enumerate() {
            let n = i8::try_from(i + 1).expect("12 months");
            assert!(
                matches!(classify(m), Class::Month(k, false) if k == n),
                "{m}"
            );
            assert!(
                matches!(classify(&m[..3]), Class::Month(k, _) if k == n),
                "{m}"
            );
        }
        for (i, d) in crate::calendar::WEEKDAYS.iter().enumerate() {
            let n = i8::try_from(i + 1).expect("7 days");
            assert!(
                matches!(classify(d), Class::Weekday(k, false) if k == n),
                "{d}"
            );
        }
    }

    #[test]
    fn every_listed_word_is_found_in_any_case_and_position() {
        for (w, c) in WORDS {
            let upper = w.to_ascii_uppercase();
            assert_eq!(classify(w), *c, "{w}");
            assert_eq!(classify(&upper), *c, "{upper}");
            // Inside a longer text (the 16-byte load) and at its very end (the copy).
            let text = format!("On {upper} the talks went on for a while");
            assert_eq!(classify_in(&text, 3, 3 + w.len()), *c, "{w}");
            let text = format!("On {w}");
            assert_eq!(classify_in(&text, 3, text.len()), *c, "{w}");
        }
    }

    #[test]
    fn near_misses_are_other_and_hyphens_are_split() {
        for w in [
            "Mayor",
            "ma",
            "januar",
            "todays",
            "th",
            "a.",
            "thé",
            "\u{e9}t\u{e9}",
            "[",
            "Z",
        ] {
            assert_eq!(classify(w), Class::Other, "{w}");
        }
        assert_eq!(classify("year-earlier"), Class::Hyphenated);
        assert_eq!(classify("Mid-2024"), Class::Hyphenated);
        // A hyphen past the first eight bytes, after a letter outside ASCII.
        assert_eq!(classify("abcdef\u{e9}-x"), Class::Hyphenated);
        assert_eq!(
            classify_in("abcdef\u{e9}-x and more", 0, 10),
            Class::Hyphenated
        );
        // Too long to be a time word, hyphen or not.
        assert_eq!(classify("twenty-four-hour"), Class::Other);
        assert_eq!(classify("-day"), Class::Other);
        let text = "the mid-year review";
        assert_eq!(classify_in(text, 4, 12), Class::Hyphenated);
        assert_eq!(classify_in(text, 0, 3), Class::Keyword(Keyword::The));
        assert_eq!(classify_in(text, 5, 3), Class::Other);
    }
}
