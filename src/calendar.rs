//! The calendar's words, in one place: month and weekday names (as written in running text),
//! and the holidays and festivals that name days. The tokenizer, the date-line reader, the
//! generator, the actors (days are dates, not actors) and the events (a month is never a place)
//! read them from here; the time expressions' compiled word table is checked against them by a
//! test (`analysis::time::lex`).

/// The months, capitalised as in running text, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week, capitalised as in running text, Monday first (ISO 8601).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words of the names of holidays and festivals ("Christmas", "New Year's Eve", "Eid"): they
/// name days, not actors.
pub const HOLIDAY_WORDS: &[&str] = &[
    "Christmas",
    "Easter",
    "Ramadan",
    "Eid",
    "Hanukkah",
    "Diwali",
    "New",
    "Year",
    "Eve",
    "Day",
    "Thanksgiving",
];

/// The month a word names, 1 to 12: the full name or its three-letter abbreviation ("Feb"),
/// and "Sept", in any case.
pub fn month_number(word: &str) -> Option<i8> {
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word)
                || (word.len() == 3 && m.get(..3).is_some_and(|a| a.eq_ignore_ascii_case(word)))
        })
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// Whether a word is a weekday: the full name or an abbreviation of three or four letters
/// ("Tue", "Thur"), in any case.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| {
        d.eq_ignore_ascii_case(word)
            || ((3..=4).contains(&word.len())
                && d.get(..word.len())
                    .is_some_and(|a| a.eq_ignore_ascii_case(word)))
    })
}

/// Whether a word is a month or weekday name exactly as written in running text ("May", not
/// "may").
pub fn is_month_or_weekday_name(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_and_abbreviation() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("feb"), Some(2));
        assert_eq!(month_number("SEPT"), Some(9));
        assert_eq!(month_number("Sep"), Some(9));
        assert_eq!(month_number("December"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
        assert_eq!(month_number("é"), None);
    }

    #[test]
    fn weekdays_by_name_and_abbreviation() {
        assert!(is_weekday("Tuesday"));
        assert!(is_weekday("tue"));
        assert!(is_weekday("Thur"));
        assert!(!is_weekday("Tu"));
        assert!(!is_weekday("Tuesdays"));
        assert!(!is_weekday("é"));
    }

    #[test]
    fn names_as_written() {
        assert!(is_month_or_weekday_name("May"));
        assert!(!is_month_or_weekday_name("may"));
        assert!(is_month_or_weekday_name("Sunday"));
    }
}
