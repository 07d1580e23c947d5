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
pub enum Kw {
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

/// The class of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum C {
    /// Nothing a pattern uses.
    Other,
    /// A month name, 1 to 12; `abbr` when shortened ("Feb").
    Month(i8, bool),
    /// A weekday, 1 (Monday) to 7; `plural` for "Mondays".
    Weekday(i8, bool),
    /// A cardinal number word ("three", "twenty-four").
    NumW(u32),
    /// An ordinal word ("third").
    Ord(u32),
    /// A unit word; `plural` for "years".
    Unit(Unit, bool),
    /// A part of the day: `MO`, `AF`, `EV`, `NI`.
    Pod(&'static str),
    /// A function or time word.
    Kw(Kw),
    /// A holiday with a rule for its date: 1 Christmas, 2 (US) Thanksgiving, 3 Halloween,
    /// 4 (US) Election Day, 5 Easter (Sunday).
    Holiday(u8),
    /// "the nineties": the decade of the 1900s (its tens digit).
    DecadeW(u8),
    /// A word with a hyphen inside: matched by parts.
    Hyph,
}

/// The class of a word (any case).
pub fn classify(word: &str) -> C {
    let b = word.as_bytes();
    if b.len() > 14 || b.is_empty() || !b[0].is_ascii_alphabetic() {
        return C::Other;
    }
    let mut buf = [0u8; 14];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
        if *d == b'-' {
            return C::Hyph;
        }
    }
    let w = std::str::from_utf8(&buf[..b.len()]).unwrap_or("");
    classify_lower(w)
}

/// The class of a lower-case word.
pub fn classify_lower(w: &str) -> C {
    use self::C::{
        DecadeW, Holiday, Kw as KwC, Month, NumW, Ord, Other, Pod, Unit as UnitC, Weekday,
    };
    use self::Kw as K;
    match w {
        "january" => Month(1, false),
        "february" => Month(2, false),
        "march" => Month(3, false),
        "april" => Month(4, false),
        "may" => Month(5, false),
        "june" => Month(6, false),
        "july" => Month(7, false),
        "august" => Month(8, false),
        "september" => Month(9, false),
        "october" => Month(10, false),
        "november" => Month(11, false),
        "december" => Month(12, false),
        "jan" => Month(1, true),
        "feb" => Month(2, true),
        "mar" => Month(3, true),
        "apr" => Month(4, true),
        "jun" => Month(6, true),
        "jul" => Month(7, true),
        "aug" => Month(8, true),
        "sep" | "sept" => Month(9, true),
        "oct" => Month(10, true),
        "nov" => Month(11, true),
        "dec" => Month(12, true),
        "monday" => Weekday(1, false),
        "tuesday" => Weekday(2, false),
        "wednesday" => Weekday(3, false),
        "thursday" => Weekday(4, false),
        "friday" => Weekday(5, false),
        "saturday" => Weekday(6, false),
        "sunday" => Weekday(7, false),
        "mondays" => Weekday(1, true),
        "tuesdays" => Weekday(2, true),
        "wednesdays" => Weekday(3, true),
        "thursdays" => Weekday(4, true),
        "fridays" => Weekday(5, true),
        "saturdays" => Weekday(6, true),
        "sundays" => Weekday(7, true),
        "one" => NumW(1),
        "two" => NumW(2),
        "three" => NumW(3),
        "four" => NumW(4),
        "five" => NumW(5),
        "six" => NumW(6),
        "seven" => NumW(7),
        "eight" => NumW(8),
        "nine" => NumW(9),
        "ten" => NumW(10),
        "eleven" => NumW(11),
        "twelve" => NumW(12),
        "thirteen" => NumW(13),
        "fourteen" => NumW(14),
        "fifteen" => NumW(15),
        "sixteen" => NumW(16),
        "seventeen" => NumW(17),
        "eighteen" => NumW(18),
        "nineteen" => NumW(19),
        "twenty" => NumW(20),
        "thirty" => NumW(30),
        "forty" => NumW(40),
        "fifty" => NumW(50),
        "sixty" => NumW(60),
        "seventy" => NumW(70),
        "eighty" => NumW(80),
        "ninety" => NumW(90),
        "hundred" => NumW(100),
        "dozen" => NumW(12),
        "christmas" => Holiday(1),
        "thanksgiving" => Holiday(2),
        "halloween" => Holiday(3),
        "election" => Holiday(4),
        "easter" => Holiday(5),
        "twenties" => DecadeW(2),
        "thirties" => DecadeW(3),
        "forties" => DecadeW(4),
        "fifties" => DecadeW(5),
        "sixties" => DecadeW(6),
        "seventies" => DecadeW(7),
        "eighties" => DecadeW(8),
        "nineties" => DecadeW(9),
        "first" => Ord(1),
        "second" => Ord(2),
        "third" => Ord(3),
        "fourth" => Ord(4),
        "fifth" => Ord(5),
        "sixth" => Ord(6),
        "seventh" => Ord(7),
        "eighth" => Ord(8),
        "ninth" => Ord(9),
        "tenth" => Ord(10),
        "eleventh" => Ord(11),
        "twelfth" => Ord(12),
        "thirteenth" => Ord(13),
        "fourteenth" => Ord(14),
        "fifteenth" => Ord(15),
        "sixteenth" => Ord(16),
        "seventeenth" => Ord(17),
        "eighteenth" => Ord(18),
        "nineteenth" => Ord(19),
        "twentieth" => Ord(20),
        "seconds" => UnitC(Unit::Second, true),
        "minute" => UnitC(Unit::Minute, false),
        "minutes" => UnitC(Unit::Minute, true),
        "hour" => UnitC(Unit::Hour, false),
        "hours" => UnitC(Unit::Hour, true),
        "day" => UnitC(Unit::Day, false),
        "days" => UnitC(Unit::Day, true),
        "week" => UnitC(Unit::Week, false),
        "weeks" => UnitC(Unit::Week, true),
        "weekend" => UnitC(Unit::Weekend, false),
        "weekends" => UnitC(Unit::Weekend, true),
        "month" => UnitC(Unit::Month, false),
        "months" => UnitC(Unit::Month, true),
        "quarter" => UnitC(Unit::Quarter, false),
        "quarters" => UnitC(Unit::Quarter, true),
        "year" => UnitC(Unit::Year, false),
        "years" => UnitC(Unit::Year, true),
        "decade" => UnitC(Unit::Decade, false),
        "decades" => UnitC(Unit::Decade, true),
        "century" => UnitC(Unit::Century, false),
        "centuries" => UnitC(Unit::Century, true),
        "morning" => Pod("MO"),
        "afternoon" => Pod("AF"),
        "evening" => Pod("EV"),
        "night" => Pod("NI"),
        "today" => KwC(K::Today),
        "tomorrow" => KwC(K::Tomorrow),
        "yesterday" => KwC(K::Yesterday),
        "tonight" => KwC(K::Tonight),
        "now" => KwC(K::Now),
        "currently" => KwC(K::Currently),
        "current" => KwC(K::Current),
        "recently" | "lately" => KwC(K::Recently),
        "recent" => KwC(K::Recent),
        "soon" => KwC(K::Soon),
        "future" => KwC(K::Future),
        "past" => KwC(K::Past),
        "ago" => KwC(K::Ago),
        "earlier" => KwC(K::Earlier),
        "later" => KwC(K::Later),
        "early" => KwC(K::Early),
        "late" => KwC(K::Late),
        "mid" => KwC(K::Mid),
        "this" => KwC(K::This),
        "last" => KwC(K::Last),
        "next" => KwC(K::Next),
        "coming" | "upcoming" => KwC(K::Coming),
        "previous" | "prior" | "preceding" => KwC(K::Previous),
        "following" | "subsequent" => KwC(K::Following),
        "latest" => KwC(K::Latest),
        "the" => KwC(K::The),
        "a" | "an" => KwC(K::A),
        "and" => KwC(K::And),
        "half" => KwC(K::Half),
        "of" => KwC(K::Of),
        "every" => KwC(K::Every),
        "each" => KwC(K::Each),
        "per" => KwC(K::Per),
        "daily" => KwC(K::Daily),
        "weekly" => KwC(K::Weekly),
        "monthly" => KwC(K::Monthly),
        "annually" | "yearly" => KwC(K::Yearly),
        "hourly" => KwC(K::Hourly),
        "fiscal" => KwC(K::Fiscal),
        "since" => KwC(K::Since),
        "from" => KwC(K::From),
        "to" => KwC(K::To),
        "through" | "till" | "thru" => KwC(K::Through),
        "until" => KwC(K::Until),
        "between" => KwC(K::Between),
        "in" => KwC(K::In),
        "on" => KwC(K::On),
        "at" => KwC(K::At),
        "am" | "a.m." | "a.m" => KwC(K::Am),
        "pm" | "p.m." | "p.m" => KwC(K::Pm),
        "noon" | "midday" => KwC(K::Noon),
        "midnight" => KwC(K::Midnight),
        "few" => KwC(K::Few),
        "several" => KwC(K::Several),
        "many" => KwC(K::Many),
        "some" => KwC(K::Some),
        "couple" => KwC(K::Couple),
        "more" => KwC(K::More),
        "than" => KwC(K::Than),
        "nearly" => KwC(K::Nearly),
        "about" | "approximately" | "roughly" => KwC(K::About),
        "almost" => KwC(K::Almost),
        "around" => KwC(K::Around),
        "over" => KwC(K::Over),
        "least" => KwC(K::Least),
        "less" | "fewer" => KwC(K::Less),
        "up" => KwC(K::Up),
        "ahead" => KwC(K::Ahead),
        "before" => KwC(K::Before),
        "after" => KwC(K::After),
        "end" => KwC(K::End),
        "beginning" => KwC(K::Beginning),
        "start" => KwC(K::Start),
        "middle" => KwC(K::Middle),
        "same" => KwC(K::Same),
        "that" => KwC(K::That),
        "other" => KwC(K::Other),
        "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "pst" | "pdt" | "bst" | "cet" => {
            KwC(K::Zone)
        }
        "old" => KwC(K::Old),
        "overnight" => KwC(K::Overnight),
        "spring" => KwC(K::Spring),
        "summer" => KwC(K::Summer),
        "autumn" | "fall" => KwC(K::Fall),
        "winter" => KwC(K::Winter),
        "during" => KwC(K::During),
        "by" => KwC(K::By),
        "within" => KwC(K::Within),
        "for" => KwC(K::For),
        _ => Other,
    }
}

/// The classes of the parts of a hyphenated word ("year", "earlier" in "year-earlier"); a part
/// of digits is `Other`.
pub fn split_hyphen(word: &str) -> impl Iterator<Item = C> + '_ {
    word.split(['-', '\u{2010}', '\u{2011}']).map(|p| {
        if p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty() {
            C::Other
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
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..b.len()]).unwrap_or("");
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
