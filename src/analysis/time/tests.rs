//! Unit tests per pattern and per resolution rule, on sentences written for them. The reference
//! date is Tuesday 18 February 2025 unless a test says otherwise.

use super::durations::Qty;
use super::value::dur;
use super::*;

const REF: (i16, i8, i8) = (2025, 2, 18);

fn tx(text: &str, r: Option<(i16, i8, i8)>) -> Vec<(String, &'static str, Option<String>)> {
    let doc = Document::new(text);
    let r = r.and_then(|(y, m, d)| Date::new(y, m, d).ok());
    extract(&doc, r)
        .into_iter()
        .map(|t| {
            let kind = match t.kind {
                TimexType::Date => "date",
                TimexType::Time => "time",
                TimexType::Duration => "duration",
                TimexType::Set => "set",
            };
            (text[t.start..t.end].to_string(), kind, t.value)
        })
        .collect()
}

/// The one expression found in `text`: its span text, type and value.
fn one(text: &str) -> (String, &'static str, String) {
    one_at(text, REF)
}

fn one_at(text: &str, r: (i16, i8, i8)) -> (String, &'static str, String) {
    let got = tx(text, Some(r));
    assert_eq!(got.len(), 1, "{text:?} gave {got:?}");
    let (s, k, v) = got.into_iter().next().unwrap();
    (s, k, v.unwrap_or_default())
}

fn value(text: &str) -> String {
    one(text).2
}

fn none(text: &str) {
    let got = tx(text, Some(REF));
    assert!(got.is_empty(), "{text:?} gave {got:?}");
}

#[test]
fn absolute_dates_in_news_forms() {
    assert_eq!(
        one("They met on 12 February."),
        ("12 February".into(), "date", "2025-02-12".into())
    );
    assert_eq!(value("It opened on February 12, 2024."), "2024-02-12");
    assert_eq!(value("in the 20 February, 2025 edition"), "2025-02-20");
    assert_eq!(value("It was signed Feb. 12 in Paris."), "2025-02-12");
    assert_eq!(value("The file is dated 2025-02-12."), "2025-02-12");
    assert_eq!(value("He was born on the 3rd of March 1990."), "1990-03-03");
    assert_eq!(value("Sept. 30, 1989 was the date."), "1989-09-30");
}

#[test]
fn slashed_dates_read_month_first_unless_impossible() {
    assert_eq!(value("Filed 02/12/2025 at the court."), "2025-02-12");
    assert_eq!(value("Filed 25/12/2024 at the court."), "2024-12-25");
    none("Filed 13/13/2024 at the court.");
}

#[test]
fn months_years_decades_seasons_quarters_centuries() {
    assert_eq!(
        one("Talks resume in February."),
        ("February".into(), "date", "2025-02".into())
    );
    assert_eq!(value("It happened in December 2024."), "2024-12");
    assert_eq!(
        one("the invasion in 2022"),
        ("2022".into(), "date", "2022".into())
    );
    assert_eq!(
        one("growth in the 1990s"),
        ("the 1990s".into(), "date", "199".into())
    );
    assert_eq!(value("Prices rose last summer."), "2024-SU");
    assert_eq!(value("Profit will rise in the third quarter."), "2025-Q3");
    assert_eq!(value("Profit rose in the third quarter."), "2024-Q3");
    assert_eq!(
        value("Profit rose in the third quarter of 2023."),
        "2023-Q3"
    );
    assert_eq!(value("third-quarter profit"), "2025-Q3");
    assert_eq!(value("wars of the 20th century"), "19");
    assert_eq!(value("by the summer of 2026"), "2026-SU");
}

#[test]
fn ranges_are_one_expression() {
    assert_eq!(
        one("the conference held from 12 to 14 February"),
        (
            "from 12 to 14 February".into(),
            "date",
            "2025-02-12/2025-02-14".into()
        )
    );
    assert_eq!(
        value("the fair, 12-14 Feb, in Berlin"),
        "2025-02-12/2025-02-14"
    );
    assert_eq!(value("held February 12-14, 2024"), "2024-02-12/2024-02-14");
    assert_eq!(value("the 2014-2022 war"), "2014/2022");
    assert_eq!(value("the 2014-15 season"), "2014/2015");
}

#[test]
fn ranges_of_two_whole_dates_of_one_granularity_are_one_range() {
    // The timeline shows "between 2014 and 2022" as one span of time (issue 4), although TimeML
    // tags each end alone.
    let got = tx(
        "It grew between 2014 and 2022 and from 1991 to 1997.",
        Some(REF),
    );
    let vals: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.2.as_deref())).collect();
    assert_eq!(
        vals,
        [
            ("between 2014 and 2022", Some("2014/2022")),
            ("from 1991 to 1997", Some("1991/1997"))
        ]
    );
    let got = tx(
        "They bought shares from 14 Sept. 2024 to 10 Feb. 2025.",
        Some(REF),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("2024-09-14/2025-02-10"));
}

#[test]
fn ends_that_do_not_make_a_range_stay_apart() {
    // A backwards pair, or two granularities, is two expressions.
    let got = tx(
        "It fell between 2022 and 2014, and between 2019 and May 2020.",
        Some(REF),
    );
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn deictic_days() {
    assert_eq!(value("Talks continue today."), "2025-02-18");
    assert_eq!(value("He arrives tomorrow."), "2025-02-19");
    assert_eq!(value("He left yesterday."), "2025-02-17");
    assert_eq!(
        one("He speaks tonight."),
        ("tonight".into(), "time", "2025-02-18TNI".into())
    );
    assert_eq!(
        one("He spoke this morning."),
        ("this morning".into(), "time", "2025-02-18TMO".into())
    );
    assert_eq!(value("He flew out yesterday afternoon."), "2025-02-17TAF");
    assert_eq!(value("He spoke last night."), "2025-02-17TNI");
}

#[test]
fn weeks_months_years_relative() {
    assert_eq!(value("They met this week."), "2025-W08");
    assert_eq!(value("They met last week."), "2025-W07");
    assert_eq!(value("They meet next week."), "2025-W09");
    assert_eq!(value("Sales fell last year."), "2024");
    assert_eq!(value("Sales will rise next month."), "2025-03");
    assert_eq!(value("Sales rose earlier this month."), "2025-02");
    assert_eq!(
        one("Sales rose earlier this month.").0,
        "earlier this month"
    );
    assert_eq!(value("It ends this year."), "2025");
    assert_eq!(value("It ends next year."), "2026");
    assert_eq!(value("It began this quarter."), "2025-Q1");
    assert_eq!(value("in January last year"), "2024-01");
}

#[test]
fn n_units_ago() {
    assert_eq!(
        one("They met two days ago."),
        ("two days ago".into(), "date", "2025-02-16".into())
    );
    assert_eq!(value("They met a year ago."), "2024");
    assert_eq!(value("They met three months ago."), "2024-11");
    assert_eq!(value("They met two weeks ago."), "2025-W06");
    assert_eq!(value("It fell a decade ago."), "2015");
}

#[test]
fn following_and_previous_day_follow_the_last_date() {
    let got = tx(
        "They met on 12 February. The following day they signed.",
        Some(REF),
    );
    assert_eq!(got[1].0, "The following day");
    assert_eq!(got[1].2.as_deref(), Some("2025-02-13"));
    let got = tx(
        "They met on 12 February and left the day before.",
        Some(REF),
    );
    assert_eq!(got[1].2.as_deref(), Some("2025-02-11"));
}

#[test]
fn weekdays_by_tense() {
    // Reference: Tuesday 18 February 2025.
    let past = [
        ("Monday", "2025-02-17"),
        ("Tuesday", "2025-02-18"),
        ("Wednesday", "2025-02-12"),
        ("Thursday", "2025-02-13"),
        ("Friday", "2025-02-14"),
        ("Saturday", "2025-02-15"),
        ("Sunday", "2025-02-16"),
    ];
    for (day, want) in past {
        assert_eq!(
            value(&format!("The ministers met on {day}.")),
            want,
            "past {day}"
        );
    }
    let future = [
        ("Monday", "2025-02-24"),
        ("Tuesday", "2025-02-18"),
        ("Wednesday", "2025-02-19"),
        ("Thursday", "2025-02-20"),
        ("Friday", "2025-02-21"),
        ("Saturday", "2025-02-22"),
        ("Sunday", "2025-02-23"),
    ];
    for (day, want) in future {
        assert_eq!(
            value(&format!("The ministers will meet on {day}.")),
            want,
            "future {day}"
        );
    }
    // No tense: the nearest.
    assert_eq!(value("Talks on Monday."), "2025-02-17");
    assert_eq!(value("Talks on Friday."), "2025-02-21");
    assert_eq!(value("Talks on Saturday."), "2025-02-15");
    assert_eq!(value("Talks on Sunday."), "2025-02-16");
    // An infinitive after a word of intent looks ahead.
    assert_eq!(
        value("The team planned to leave on Thursday."),
        "2025-02-20"
    );
}

#[test]
fn last_and_next_weekday() {
    assert_eq!(value("He spoke last Friday."), "2025-02-14");
    assert_eq!(value("He speaks next Friday."), "2025-02-21");
    assert_eq!(value("He spoke last Tuesday."), "2025-02-11");
    assert_eq!(value("He spoke on Monday, February 17."), "2025-02-17");
    assert_eq!(one("He spoke Monday night.").2, "2025-02-17TNI");
}

#[test]
fn vague_references() {
    assert_eq!(value("Talks are now under way."), "PRESENT_REF");
    assert_eq!(value("He is currently abroad."), "PRESENT_REF");
    assert_eq!(value("He recently left."), "PAST_REF");
    assert_eq!(value("It was tried in the past."), "PAST_REF");
    assert_eq!(value("It may change in the future."), "FUTURE_REF");
    assert_eq!(value("It will change soon."), "FUTURE_REF");
    assert_eq!(
        one("Prices rose in recent years."),
        ("recent years".into(), "duration", "PXY".into())
    );
    none("He left as soon as he could.");
}

#[test]
fn since_keeps_the_year() {
    let (span, _, v) = one("Riyadh has since 2017 made inroads.");
    assert!(span.ends_with("2017"));
    assert_eq!(v, "2017");
}

#[test]
fn durations() {
    assert_eq!(
        one("It closed after four and a half hours."),
        ("four and a half hours".into(), "duration", "PT4.5H".into())
    );
    assert_eq!(value("It lasted three years."), "P3Y");
    assert_eq!(value("It lasted two weeks."), "P2W");
    assert_eq!(value("It lasted a decade."), "P10Y");
    assert_eq!(value("It lasted 90 minutes."), "PT90M");
    assert_eq!(value("It lasted twenty-four hours."), "PT24H");
    // A fraction stays a decimal of its own unit.
    assert_eq!(value("It lasted 5 1/2 hours."), "PT5.5H");
    assert_eq!(value("It took 2 1/2 years."), "P2.5Y");
    assert_eq!(value("It took a minute and a half."), "PT1.5M");
    assert_eq!(value("It took a day and a half."), "P1.5D");
    assert_eq!(value("It took half a day."), "P0.5D");
    assert_eq!(value("It took a week and a half."), "P1.5W");
    assert_eq!(value("It lasted several years."), "PXY");
    assert_eq!(value("a five-year plan"), "P5Y");
    assert_eq!(value("a 10-year bond"), "P10Y");
    assert_eq!(
        one("Sales fell over the past three years."),
        ("the past three years".into(), "duration", "P3Y".into())
    );
    assert_eq!(value("in the first nine months"), "P9M");
    assert_eq!(one("It lasted nearly two years.").0, "nearly two years");
    assert_eq!(
        one("It lasted more than four hours.").0,
        "more than four hours"
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        one("They meet at 3 p.m."),
        ("3 p.m.".into(), "time", "2025-02-18T15:00".into())
    );
    assert_eq!(
        value("They meet at 10:30 a.m. tomorrow."),
        "2025-02-19T10:30"
    );
    assert_eq!(value("They met at 12 a.m."), "2025-02-18T00:00");
    assert_eq!(value("The deadline is noon Friday."), "2025-02-21T12:00");
    assert_eq!(
        value("The offer expires 5 p.m. EST, Feb. 20."),
        "2025-02-20T17:00"
    );
}

#[test]
fn sets() {
    assert_eq!(
        one("They meet every Monday."),
        ("every Monday".into(), "set", "XXXX-WXX-1".into())
    );
    assert_eq!(
        one("Flights leave daily."),
        ("daily".into(), "set", "P1D".into())
    );
    assert_eq!(value("It is reviewed annually."), "P1Y");
    assert_eq!(value("They meet every two weeks."), "P2W");
    assert_eq!(value("They meet each year."), "P1Y");
    assert_eq!(value("They meet on Mondays."), "XXXX-WXX-1");
}

#[test]
fn holidays() {
    assert_eq!(value("They met at Christmas."), "2024-12-25");
    assert_eq!(value("It will open by Christmas."), "2025-12-25");
    assert_eq!(
        one_at("He arrived on Thanksgiving Day.", (1999, 12, 1)).2,
        "1999-11-25"
    );
}

#[test]
fn no_reference_keeps_span_and_type() {
    let got = tx(
        "He left yesterday and returns next week, 12 February.",
        None,
    );
    assert_eq!(got[0], ("yesterday".into(), "date", None));
    assert_eq!(got[1], ("next week".into(), "date", None));
    assert_eq!(got[2], ("12 February".into(), "date", None));
    // Absolute values need no reference.
    let got = tx("It began on 12 February 2022 and lasted three years.", None);
    assert_eq!(got[0].2.as_deref(), Some("2022-02-12"));
    assert_eq!(got[1].2.as_deref(), Some("P3Y"));
}

#[test]
fn false_friends() {
    none("The Mayday signal was sent by a Mondayish crew.");
    none("It may rain and they march on.");
    none("May I ask? March forward!");
    none("The Sunday Times reported it.");
    none("He paid $2,000 for 1500 shares, 15% of 300 points.");
    none("The score was 3-1 after 2000 people left.");
    none("A 45-year-old man was hurt.");
    none("He watched 60 Minutes on CBS.");
    none("USA Today reported it.");
}

#[test]
fn may_and_march_as_months_need_a_day_or_a_preposition() {
    assert_eq!(value("They meet on May 5."), "2025-05-05");
    assert_eq!(value("They met on May 5."), "2024-05-05");
    assert_eq!(value("It opens in May."), "2025-05");
    assert_eq!(value("It opened in March 2024."), "2024-03");
}

#[test]
fn year_boundaries_and_leap_days() {
    assert_eq!(
        one_at("He arrives tomorrow.", (2024, 12, 31)).2,
        "2025-01-01"
    );
    assert_eq!(one_at("He left yesterday.", (2025, 1, 1)).2, "2024-12-31");
    assert_eq!(
        one_at("He arrives tomorrow.", (2024, 2, 28)).2,
        "2024-02-29"
    );
    assert_eq!(
        one_at("He arrives tomorrow.", (2023, 2, 28)).2,
        "2023-03-01"
    );
    assert_eq!(one_at("Sales fell last month.", (2025, 1, 15)).2, "2024-12");
    assert_eq!(
        one_at("Sales rise next month.", (2024, 12, 15)).2,
        "2025-01"
    );
    assert_eq!(
        one_at("Sales fell last quarter.", (2025, 2, 15)).2,
        "2024-Q4"
    );
    assert_eq!(
        one_at("It happened on 29 February.", (2024, 3, 10)).2,
        "2024-02-29"
    );
    // No 30 February: only the month is read.
    assert_eq!(
        one_at("It happened on 30 February.", (2024, 3, 10)).0,
        "February"
    );
    // A December day said in early January is last year's.
    assert_eq!(
        one_at("They met on 28 December.", (2025, 1, 3)).2,
        "2024-12-28"
    );
}

#[test]
fn iso_weeks_at_year_ends() {
    assert_eq!(one_at("They met this week.", (2020, 12, 31)).2, "2020-W53");
    assert_eq!(one_at("They met this week.", (2021, 1, 3)).2, "2020-W53");
    assert_eq!(one_at("They met this week.", (2021, 1, 4)).2, "2021-W01");
    assert_eq!(one_at("They met last week.", (2021, 1, 4)).2, "2020-W53");
    assert_eq!(one_at("They met this week.", (2024, 12, 30)).2, "2025-W01");
}

#[test]
fn spans_exclude_prepositions_but_keep_the() {
    assert_eq!(one("It happened on Monday.").0, "Monday");
    assert_eq!(one("It grew in the third quarter.").0, "the third quarter");
    assert_eq!(one("It happened at the weekend.").0, "the weekend");
    assert_eq!(one("It ends at the end of 2025.").0, "the end of 2025");
}

#[test]
fn slashed_dates_follow_the_documents_own_order() {
    let got = tx("On 12 February they met. Filed 03/04/2025.", Some(REF));
    assert_eq!(got[1].2.as_deref(), Some("2025-04-03"));
    let got = tx("On February 12 they met. Filed 03/04/2025.", Some(REF));
    assert_eq!(got[1].2.as_deref(), Some("2025-03-04"));
}

#[test]
fn a_year_named_by_its_last_day_is_a_length() {
    let got = tx("Sales for the year ended March 31 rose.", Some(REF));
    assert_eq!(got[0], ("the year".into(), "duration", Some("P1Y".into())));
    assert_eq!(value("Sales for the year rose."), "2025");
}

#[test]
fn limits_and_modals_steer_the_weekday() {
    // Reference: Tuesday 18 February 2025.
    assert_eq!(
        value("Officials postponed the vote until Thursday."),
        "2025-02-20"
    );
    assert_eq!(
        value("The group might come as soon as Friday."),
        "2025-02-21"
    );
    assert_eq!(value("He may arrive on Friday."), "2025-02-21");
    assert_eq!(
        value("They said the deal would close by Dec. 15."),
        "2025-12-15"
    );
}

#[test]
fn that_year_and_the_following_month_follow_the_last_mention() {
    let got = tx(
        "He fled in June 1998 and returned later that year.",
        Some(REF),
    );
    assert_eq!(
        got[1],
        ("later that year".into(), "date", Some("1998".into()))
    );
    let got = tx(
        "It was founded in March 2019. The following month it grew.",
        Some(REF),
    );
    assert_eq!(got[1].2.as_deref(), Some("2019-04"));
    let got = tx("It began on 3 May 2021 and ended that same day.", Some(REF));
    assert_eq!(got[1].2.as_deref(), Some("2021-05-03"));
}

#[test]
fn year_end_and_vague_spans() {
    assert_eq!(one("The deal closes by year-end.").2, "2025");
    assert_eq!(one("The deal closes by year's end.").0, "year's end");
    assert_eq!(value("Investors fear the weeks ahead."), "PXW");
    assert_eq!(value("Over the next couple of years it grows."), "P2Y");
}

#[test]
fn quarters_as_fractions_are_not_times() {
    none("The bank cut rates by a quarter point.");
    none("Three quarters of voters agreed.");
    assert_eq!(value("Sales rose for three quarters."), "P3Q");
}

#[test]
fn until_with_a_past_clause_looks_back() {
    // Reference: Tuesday 18 February 2025.
    assert_eq!(
        value("Until Thursday, they had not named a suspect."),
        "2025-02-13"
    );
    assert_eq!(value("The talks will go on until Thursday."), "2025-02-20");
}

#[test]
fn payable_and_effective_dates_lie_ahead() {
    // Reference: Tuesday 18 February 2025; the verb is past, the date is set ahead.
    assert_eq!(
        value("The board approved a dividend, payable April 7 to holders."),
        "2025-04-07"
    );
    assert_eq!(
        value("It named a new chief, effective Jan. 1."),
        "2026-01-01"
    );
    assert_eq!(
        value("Protesters planned a large march on Saturday."),
        "2025-02-22"
    );
}

#[test]
fn clock_time_with_a_converted_zone_then_its_day() {
    // Reference: Tuesday 18 February 2025.
    let got = tx(
        "The blast occurred at 10:35 a.m. (0735 GMT) Friday, officials said.",
        Some(REF),
    );
    assert_eq!(got[0].0, "10:35 a.m.");
    assert_eq!(got[0].2.as_deref(), Some("2025-02-14T10:35"));
    assert_eq!(got.last().map(|g| g.0.as_str()), Some("Friday"));
    assert_eq!(
        value("A memorial service planned at the chapel for Saturday was canceled."),
        "2025-02-15"
    );
}

#[test]
fn the_week_of_and_the_day_before_a_date() {
    assert_eq!(
        one("A hearing is set for the week of March 6."),
        ("the week of March 6".into(), "date", "2025-W10".into())
    );
    assert_eq!(
        value("They met the day before last Tuesday's hearing."),
        "2025-02-10"
    );
    assert_eq!(value("He left the day after Christmas 2024."), "2024-12-26");
}

#[test]
fn more_general_forms_of_news() {
    assert_eq!(
        one("He will stay for at least two more weeks."),
        ("at least two more weeks".into(), "duration", "P2W".into())
    );
    assert_eq!(
        one("They left a third day-long meeting."),
        ("day-long".into(), "duration", "P1D".into())
    );
    assert_eq!(value("a decades-long feud"), "PXY");
    assert_eq!(value("the post-1959 politics of the island"), "1959");
    assert_eq!(value("The March accession lets them join."), "2025-03");
    none("The March on the capital drew crowds.");
    none("Critics of the May government spoke.");
    let got = tx("The summit is on April 24 and 25.", Some(REF));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0, "25");
    assert_eq!(got[1].2.as_deref(), Some("2025-04-25"));
    assert_eq!(tx("He won 24 and 25 votes.", Some(REF)).len(), 0);
}

#[test]
fn election_day_is_the_tuesday_after_the_first_monday_of_november() {
    assert_eq!(
        one_at("The campaign runs to Election Day.", (1998, 10, 26)).2,
        "1998-11-03"
    );
    assert_eq!(value("Election Day 2024 is near."), "2024-11-05");
    none("Election officials counted the ballots.");
}

#[test]
fn an_opening_date_takes_the_tense_of_the_main_verb() {
    // Reference: Tuesday 18 February 2025.
    let got = tx(
        "In November, a week after the anniversary of the founding of the party, a bomb killed a guard.",
        Some(REF),
    );
    assert_eq!(got[0].2.as_deref(), Some("2024-11"));
    assert_eq!(
        value(
            "On Friday, when she set aside vacation plans for the trip, the office lifted a warning."
        ),
        "2025-02-14"
    );
}

#[test]
fn easter_by_the_gregorian_computus() {
    assert_eq!(value("They met at Easter 2000."), "2000-04-23");
    assert_eq!(value("They met on Easter Sunday 2024."), "2024-03-31");
    assert_eq!(value("They met on Easter Monday 2019."), "2019-04-22");
    assert_eq!(
        one_at("Protesters prayed as Easter week began.", (2000, 4, 17)).2,
        "2000-W16"
    );
    assert_eq!(value("He will return for Easter."), "2025-04-20");
}

#[test]
fn hours_in_the_morning_and_at_night() {
    // Reference: Tuesday 18 February 2025.
    assert_eq!(
        one("He will leave at 4 in the morning.").2,
        "2025-02-18T04:00"
    );
    assert_eq!(value("It ended at 9 in the evening."), "2025-02-18T21:00");
    assert_eq!(value("It ended at 11 at night."), "2025-02-18T23:00");
    let got = tx(
        "He will leave at 4 in the morning (4 a.m. EDT Thursday), he said.",
        Some(REF),
    );
    assert_eq!(got[0].0, "4 in the morning");
    assert_eq!(got[0].2.as_deref(), Some("2025-02-20T04:00"));
    none("He won 4 in the games.");
}

#[test]
fn a_day_after_plan_is_a_name_not_a_length() {
    none("They are offering alternatives for a day after plan.");
    assert_eq!(value("They left a day after the attack."), "P1D");
    assert_eq!(value("They left a day after talks ended."), "P1D");
    assert_eq!(value("They left a day after that."), "P1D");
}

#[test]
fn an_adjective_in_ed_does_not_date_the_clause() {
    // Reference: Tuesday 18 February 2025: "unspecified" is no past verb, "would" rules.
    assert_eq!(
        value("It would be paid on a still unspecified date in December."),
        "2025-12"
    );
    let got = tx(
        "The board declared a dividend to holders of record May 3.",
        Some(REF),
    );
    assert_eq!(got[0].2.as_deref(), Some("2025-05-03"));
}

#[test]
fn a_possessive_weekday_before_a_capital_is_a_day() {
    // Reference: Tuesday 18 February 2025.
    assert_eq!(
        value("In his Sunday Mass the cardinal condemned the attack."),
        "2025-02-16"
    );
    none("He writes for the Sunday Times.");
}

#[test]
fn values_are_padded_as_format_pads_them() {
    for n in [
        0i64, 1, 7, 9, 10, 99, 100, 999, 1000, 2025, 99_999, -1, -7, -10, -999, -2025,
    ] {
        for w in 0..6 {
            assert_eq!(
                ValueBuilder::new().push_num(n, w).done(),
                format!("{n:0w$}"),
                "{n} {w}"
            );
        }
    }
    assert_eq!(
        ValueBuilder::new().push_num(i64::MIN, 4).done(),
        i64::MIN.to_string()
    );
    assert_eq!(
        ValueBuilder::new().push_num(u32::MAX, 2).done(),
        u32::MAX.to_string()
    );
    assert_eq!(
        ValueBuilder::new()
            .push_num(2025, 4)
            .push_str("-W")
            .push_num(7i8, 2)
            .push_str("-WE")
            .done(),
        "2025-W07-WE"
    );
    assert_eq!(dur(Qty::N(4.5), Unit::Hour), "PT4.5H");
    assert_eq!(dur(Qty::N(3.0), Unit::Decade), "P30Y");
    assert_eq!(dur(Qty::Vague, Unit::Century), "PXCE");
}
