//! Unit tests: sentences written for the test, with the actors and time expressions the other
//! stages would give spelled out by hand.

use super::timeline::date_key;
use super::*;
use crate::model::{Mention, MentionForm};

fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|t| t.find(needle)) {
        let s = from + p;
        let e = s + needle.len();
        let before = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            out.push((s, e));
        }
        from = e;
    }
    out
}

/// An actor with every occurrence of its names (and demonyms) as mentions.
fn actor(text: &str, name: &str, kind: ActorKind, names: &[&str], demonyms: &[&str]) -> Actor {
    let mut mentions = Vec::new();
    for (forms, form) in [(names, MentionForm::Name), (demonyms, MentionForm::Demonym)] {
        for n in forms {
            for (start, end) in find_all(text, n) {
                mentions.push(Mention { start, end, form });
            }
        }
    }
    mentions.sort();
    mentions.dedup_by(|b, a| a.span().overlaps(&b.span()));
    Actor {
        id: crate::analysis::slug(name),
        name: name.into(),
        kind,
        role: None,
        affiliation: None,
        aliases: names.iter().map(|s| s.to_string()).collect(),
        mentions,
    }
}

fn person(text: &str, name: &str) -> Actor {
    let surname = name.split_whitespace().last().unwrap_or(name);
    actor(text, name, ActorKind::Person, &[name, surname], &[])
}

fn place(text: &str, name: &str) -> Actor {
    actor(text, name, ActorKind::Place, &[name], &[])
}

fn country(text: &str, name: &str, short: &str, demonym: &str) -> Actor {
    actor(text, name, ActorKind::Country, &[name, short], &[demonym])
}

fn timex(text: &str, surface: &str, value: &str) -> Timex {
    let (start, end) = find_all(text, surface)[0];
    Timex {
        start,
        end,
        kind: TimexType::Date,
        value: Some(value.into()),
    }
}

/// The events of the cues alone (no trigger tagger).
fn run(text: &str, actors: &[Actor], timexes: &[Timex]) -> Vec<Event> {
    let doc = Document::new(text);
    extract_with(&doc, actors, timexes, Date::new(2025, 2, 18).ok(), false)
}

/// All the events, the trigger tagger's included.
fn run_all(text: &str, actors: &[Actor], timexes: &[Timex]) -> Vec<Event> {
    let doc = Document::new(text);
    extract_with(&doc, actors, timexes, Date::new(2025, 2, 18).ok(), true)
}

fn one(events: &[Event]) -> &Event {
    assert_eq!(events.len(), 1, "{events:#?}");
    &events[0]
}

#[test]
fn named_conference_takes_its_range_and_the_place_in_its_name() {
    let t = "They came on the back of the Munich Security Conference held from 12 to 14 February.";
    let actors = [place(t, "Munich")];
    let e = run(
        t,
        &actors,
        &[timex(t, "from 12 to 14 February", "2025-02-12/2025-02-14")],
    );
    let e = one(&e);
    assert_eq!(e.label, "Munich Security Conference");
    assert_eq!(e.kind, "conference");
    assert_eq!(e.date.as_deref(), Some("2025-02-12/2025-02-14"));
    assert_eq!(e.place.as_deref(), Some("Munich"));
    assert!(
        Span::new(e.start, e.end)
            .of(t)
            .contains("Munich Security Conference")
    );
}

#[test]
fn a_named_event_named_again_is_one_event() {
    let t = "Leaders gathered at the World Economic Forum in Davos on Tuesday. \
             At the World Forum, the chancellor spoke about trade.";
    let e = run(t, &[], &[timex(t, "Tuesday", "2025-02-18")]);
    let e = one(&e);
    assert_eq!(e.label, "World Economic Forum");
    assert_eq!(e.place.as_deref(), Some("Davos"));
}

#[test]
fn standalone_games_are_a_named_event() {
    let t = "The Olympics opened in Paris on 26 July.";
    let e = run(
        t,
        &[place(t, "Paris")],
        &[timex(t, "26 July", "2024-07-26")],
    );
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.place.as_deref()),
        ("games", Some("Paris"))
    );
}

#[test]
fn meeting_dated_in_its_clause_with_place_and_group() {
    let t = "A hastily convened meeting held by the European countries in Paris on Monday failed \
             to agree on a plan.";
    let actors = [
        place(t, "Paris"),
        actor(
            t,
            "European countries",
            ActorKind::Group,
            &["European countries"],
            &[],
        ),
    ];
    let e = run(t, &actors, &[timex(t, "Monday", "2025-02-17")]);
    let e = one(&e);
    assert_eq!(e.label, "Paris meeting of European countries");
    assert_eq!(e.kind, "meeting");
    assert_eq!(e.date.as_deref(), Some("2025-02-17"));
    assert_eq!(e.place.as_deref(), Some("Paris"));
    assert_eq!(e.participants, ["european-countries"]);
}

#[test]
fn talks_today_between_two_countries_ministers() {
    let t = "In a turnaround, high-level talks are continuing in Riyadh today between US Secretary \
             of State Jane Doe and Russian Foreign Minister John Roe.";
    let actors = [
        place(t, "Riyadh"),
        country(t, "United States", "US", "American"),
        country(t, "Russia", "Russia", "Russian"),
        person(t, "Jane Doe"),
        person(t, "John Roe"),
    ];
    let e = run(t, &actors, &[timex(t, "today", "2025-02-18")]);
    let e = one(&e);
    assert_eq!(e.label, "US-Russia talks in Riyadh");
    assert_eq!(e.date.as_deref(), Some("2025-02-18"));
    assert_eq!(e.place.as_deref(), Some("Riyadh"));
    assert_eq!(
        e.participants,
        ["united-states", "jane-doe", "russia", "john-roe"]
    );
}

#[test]
fn the_talks_told_again_are_the_same_talks() {
    let t = "Talks opened in Geneva on Monday between Alan Smith and Boris Jones. \
             After the first session of the talks, Smith said the meetings were useful.";
    let actors = [
        place(t, "Geneva"),
        person(t, "Alan Smith"),
        person(t, "Boris Jones"),
    ];
    let e = run(t, &actors, &[timex(t, "Monday", "2025-02-17")]);
    let e = one(&e);
    assert_eq!(e.label, "Smith-Jones talks in Geneva");
}

#[test]
fn invasion_takes_its_country_as_place() {
    let t = "This is the first such contact since the Russian invasion of Ukraine in 2022.";
    let actors = [
        country(t, "Russia", "Russia", "Russian"),
        country(t, "Ukraine", "Ukraine", "Ukrainian"),
    ];
    let e = run(t, &actors, &[timex(t, "2022", "2022")]);
    let e = one(&e);
    assert_eq!(e.label, "Russian invasion of Ukraine");
    assert_eq!(e.kind, "war");
    assert_eq!(e.place.as_deref(), Some("Ukraine"));
    assert_eq!(e.date.as_deref(), Some("2022"));
}

#[test]
fn the_war_told_later_is_the_invasion() {
    let t = "Russia began its invasion of Ukraine in 2022. The aim is to end the war in Ukraine.";
    let actors = [
        country(t, "Russia", "Russia", "Russian"),
        country(t, "Ukraine", "Ukraine", "Ukrainian"),
    ];
    let e = run(t, &actors, &[timex(t, "2022", "2022")]);
    assert_eq!(one(&e).date.as_deref(), Some("2022"));
}

#[test]
fn a_visit_due_tomorrow_is_dated_and_placed() {
    let t = "President Ann Lee is due to visit Oslo tomorrow after making a stop in Ankara.";
    let actors = [person(t, "Ann Lee"), place(t, "Oslo"), place(t, "Ankara")];
    let e = run(t, &actors, &[timex(t, "tomorrow", "2025-02-19")]);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(e[0].label, "Lee's visit to Oslo");
    assert_eq!(e[0].date.as_deref(), Some("2025-02-19"));
    assert_eq!(e[1].label, "Lee's stop in Ankara");
    assert_eq!(e[1].date, None);
}

#[test]
fn a_call_reported_in_an_announcement_is_the_event() {
    let t = "Don Roe announced on his blog on 12 February that he had made a telephone call to \
             Ivan Moe agreeing to meet him in Oslo.";
    let actors = [
        person(t, "Don Roe"),
        person(t, "Ivan Moe"),
        place(t, "Oslo"),
    ];
    let e = run(t, &actors, &[timex(t, "12 February", "2025-02-12")]);
    let e = one(&e);
    assert_eq!(e.label, "Roe-Moe telephone call");
    assert_eq!(e.kind, "call");
    assert_eq!(e.date.as_deref(), Some("2025-02-12"));
    assert_eq!(e.place, None);
}

#[test]
fn statements_at_a_venue_in_a_city_take_the_city_and_the_fronted_date() {
    let t = "At NATO Headquarters in Brussels this week, Defence Secretary Tom Kay made \
             statements on spending.";
    let actors = [
        place(t, "Brussels"),
        actor(t, "NATO", ActorKind::Organisation, &["NATO"], &[]),
        person(t, "Tom Kay"),
    ];
    let e = run(t, &actors, &[timex(t, "this week", "2025-W08")]);
    let e = one(&e);
    assert_eq!(e.label, "Kay statements in Brussels");
    assert_eq!(e.kind, "statement");
    assert_eq!(e.date.as_deref(), Some("2025-W08"));
    assert_eq!(e.place.as_deref(), Some("Brussels"));
}

#[test]
fn undated_statements_are_not_on_the_timeline() {
    let t = "According to statements on both sides, the mood was good.";
    assert!(run(t, &[], &[]).is_empty());
}

#[test]
fn another_meeting_is_a_second_event_and_the_first_stays_one() {
    let t = "A meeting was held in Paris on Monday. The Paris meeting was followed by another \
             meeting held in Brussels on Tuesday.";
    let actors = [place(t, "Paris"), place(t, "Brussels")];
    let tx = [
        timex(t, "Monday", "2025-02-17"),
        timex(t, "Tuesday", "2025-02-18"),
    ];
    let e = run(t, &actors, &tx);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(
        (e[0].label.as_str(), e[0].date.as_deref()),
        ("Paris meeting", Some("2025-02-17"))
    );
    assert_eq!(
        (e[1].label.as_str(), e[1].date.as_deref()),
        ("Brussels meeting", Some("2025-02-18"))
    );
}

#[test]
fn a_date_in_a_fronted_clause_dates_the_sentence() {
    let t = "On Thursday, Chinese President Jan Novak met French President Paul Dumas in Beijing.";
    let actors = [
        person(t, "Jan Novak"),
        person(t, "Paul Dumas"),
        place(t, "Beijing"),
        country(t, "China", "China", "Chinese"),
        country(t, "France", "France", "French"),
    ];
    let e = run(t, &actors, &[timex(t, "Thursday", "2025-02-13")]);
    let e = one(&e);
    assert_eq!(e.kind, "meeting");
    assert_eq!(e.date.as_deref(), Some("2025-02-13"));
    assert_eq!(e.place.as_deref(), Some("Beijing"));
    // People meet: the label names them, not their countries.
    assert_eq!(e.label, "Novak-Dumas meeting in Beijing");
}

#[test]
fn the_clause_date_wins_over_the_sentence_date() {
    let t = "The ceasefire signed in Cairo on 15 January held, and an attack on Gaza followed in \
             March.";
    let actors = [place(t, "Cairo"), place(t, "Gaza")];
    let tx = [
        timex(t, "15 January", "2025-01-15"),
        timex(t, "March", "2025-03"),
    ];
    let e = run(t, &actors, &tx);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(
        (e[0].kind.as_str(), e[0].date.as_deref()),
        ("agreement", Some("2025-01-15"))
    );
    assert_eq!(e[0].place.as_deref(), Some("Cairo"));
    assert_eq!(
        (e[1].label.as_str(), e[1].date.as_deref()),
        ("Attack on Gaza", Some("2025-03"))
    );
}

#[test]
fn elections_and_protests() {
    let t = "Voters in Germany went to the polls on Sunday in a snap election. Thousands \
             protested in Tbilisi on Saturday.";
    let actors = [
        country(t, "Germany", "Germany", "German"),
        place(t, "Tbilisi"),
    ];
    let tx = [
        timex(t, "Sunday", "2025-02-23"),
        timex(t, "Saturday", "2025-02-22"),
    ];
    let e = run(t, &actors, &tx);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(
        (e[0].kind.as_str(), e[0].place.as_deref()),
        ("protest", Some("Tbilisi"))
    );
    assert_eq!(
        (e[1].kind.as_str(), e[1].place.as_deref()),
        ("election", Some("Germany"))
    );
}

#[test]
fn wishes_and_generic_events_are_left_out() {
    let t = "Fears are rising that Don Roe will seek a deal with Ivan Moe. Roe wants to end the \
             war. Until Roe and Moe meet, nothing is clear. He will not accept any agreement.";
    let actors = [person(t, "Don Roe"), person(t, "Ivan Moe")];
    assert!(
        run(t, &actors, &[]).is_empty(),
        "{:#?}",
        run(t, &actors, &[])
    );
}

#[test]
fn durations_and_bounds_do_not_date_events() {
    let t = "Talks in Vienna between Ann Lee and Tom Kay lasted three days. Protests in Lima \
             have gone on since 2019.";
    let mut d = timex(t, "three days", "P3D");
    d.kind = TimexType::Duration;
    let actors = [
        place(t, "Vienna"),
        place(t, "Lima"),
        person(t, "Ann Lee"),
        person(t, "Tom Kay"),
    ];
    let e = run(t, &actors, &[d, timex(t, "2019", "2019")]);
    assert!(e.iter().all(|e| e.date.is_none()), "{e:#?}");
}

#[test]
fn undated_events_come_after_dated_ones_in_text_order() {
    let t = "Ann Lee visited Lima. Tom Kay visited Quito. Talks were held in Oslo on Monday.";
    let actors = [
        person(t, "Ann Lee"),
        person(t, "Tom Kay"),
        place(t, "Lima"),
        place(t, "Quito"),
        place(t, "Oslo"),
    ];
    let e = run(t, &actors, &[timex(t, "Monday", "2025-02-17")]);
    let labels: Vec<&str> = e.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Oslo talks", "Lee's visit to Lima", "Kay's visit to Quito"]
    );
}

#[test]
fn timeline_sorts_weeks_ranges_and_years_by_their_start() {
    let ev = |d: Option<&str>, start| Event {
        label: String::new(),
        kind: String::new(),
        date: d.map(str::to_string),
        place: None,
        participants: vec![],
        start,
        end: start + 1,
        trigger: None,
        status: crate::model::EventStatus::Happened,
        main: false,
    };
    let mut e = vec![
        ev(None, 0),
        ev(Some("2025-W08"), 1),
        ev(Some("2025-02-18"), 2),
        ev(Some("2025-02-12/2025-02-14"), 3),
        ev(Some("2022"), 4),
        ev(Some("2025-02"), 5),
        ev(Some("2025-02-17"), 6),
        ev(None, 7),
    ];
    sort_timeline(&mut e);
    let order: Vec<usize> = e.iter().map(|e| e.start).collect();
    assert_eq!(order, [4, 5, 3, 6, 1, 2, 0, 7]);
}

#[test]
fn date_keys_are_chronological_text() {
    assert_eq!(date_key("2025-W08"), "2025-02-17");
    assert_eq!(date_key("2025-Q3"), "2025-06-00");
    assert_eq!(date_key("2025-SU"), "2025-06-00");
    assert_eq!(date_key("2025-02-12/2025-02-14"), "2025-02-12");
    assert_eq!(date_key("2025-02-18T15:00"), "2025-02-18T15:00");
    assert_eq!(date_key("2025"), "2025-00-00");
    assert_eq!(date_key("199X"), "199X");
}

#[test]
fn empty_and_odd_input_gives_no_event() {
    for t in ["", " ", "talks", "The", "— , ;", "summit meeting"] {
        let _ = run(t, &[], &[]);
    }
}

#[test]
fn a_name_that_goes_on_is_no_event() {
    let t = "Officials of the Central Elections Commission met. The European Convention on \
             Human Rights applies.";
    assert!(run(t, &[], &[]).is_empty(), "{:#?}", run(t, &[], &[]));
}

#[test]
fn a_possessive_after_at_is_no_place() {
    let t = "The ministers held a meeting at Smith's home in Lyon on Friday.";
    let e = run(t, &[], &[timex(t, "Friday", "2025-02-14")]);
    assert_eq!(one(&e).place.as_deref(), Some("Lyon"));
}

#[test]
fn a_meeting_attended_by_people_adds_them_to_the_talks() {
    let t = "Talks opened in Geneva on Monday between Alan Smith and Boris Jones. The meetings \
             were attended by Carl Brown.";
    let actors = [
        place(t, "Geneva"),
        person(t, "Alan Smith"),
        person(t, "Boris Jones"),
        person(t, "Carl Brown"),
    ];
    let e = run(t, &actors, &[timex(t, "Monday", "2025-02-17")]);
    let e = one(&e);
    assert_eq!(e.participants, ["alan-smith", "boris-jones", "carl-brown"]);
    assert_eq!(e.label, "Smith-Jones talks in Geneva");
}

#[test]
fn a_call_has_no_place_and_a_phone_call_with_is_a_call() {
    let t = "Ann Lee had a phone call with Tom Kay in Oslo on Friday.";
    let actors = [person(t, "Ann Lee"), person(t, "Tom Kay"), place(t, "Oslo")];
    let e = run(t, &actors, &[timex(t, "Friday", "2025-02-14")]);
    let e = one(&e);
    assert_eq!((e.kind.as_str(), e.place.as_deref()), ("call", None));
    assert_eq!(e.label, "Lee-Kay phone call");
}

#[test]
fn calls_for_and_so_called_are_no_calls() {
    let t = "The minister renewed calls for calm on Monday. The so-called deal was criticised.";
    let e = run(t, &[], &[timex(t, "Monday", "2025-02-17")]);
    assert!(e.iter().all(|e| e.kind != "call"), "{e:#?}");
}

#[test]
fn an_invasion_told_by_its_verb_names_its_agent() {
    let t = "Russia invaded Ukraine in February 2022.";
    let actors = [
        country(t, "Russia", "Russia", "Russian"),
        country(t, "Ukraine", "Ukraine", "Ukrainian"),
    ];
    let e = run(t, &actors, &[timex(t, "February 2022", "2022-02")]);
    let e = one(&e);
    assert_eq!(e.label, "Russia's invasion of Ukraine");
    assert_eq!(
        (e.kind.as_str(), e.place.as_deref()),
        ("war", Some("Ukraine"))
    );
}

#[test]
fn airstrikes_on_a_place_by_a_demonym() {
    let t = "Israeli airstrikes on Gaza killed 20 people on Sunday.";
    let actors = [country(t, "Israel", "Israel", "Israeli"), place(t, "Gaza")];
    let e = run(t, &actors, &[timex(t, "Sunday", "2025-02-16")]);
    let e = one(&e);
    assert_eq!(e.label, "Israeli airstrikes on Gaza");
    assert_eq!(e.kind, "attack");
}

#[test]
fn a_news_conference_is_a_statement() {
    let t = "Mayor Ann Lee told a news conference on Monday that the bridge would reopen.";
    let e = run(
        t,
        &[person(t, "Ann Lee")],
        &[timex(t, "Monday", "2025-02-17")],
    );
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.label.as_str()),
        ("statement", "Lee news conference")
    );
}

#[test]
fn an_election_in_a_country_without_place() {
    let t = "Germany's federal election is due on 23 February.";
    let actors = [country(t, "Germany", "Germany", "German")];
    let e = run(t, &actors, &[timex(t, "23 February", "2025-02-23")]);
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.date.as_deref()),
        ("election", Some("2025-02-23"))
    );
    assert_eq!(e.label, "Germany's election");
}

#[test]
fn a_participle_clause_places_the_summit() {
    let t = "The summit, held in Geneva on 16 June, ended without a statement.";
    let e = run(
        t,
        &[place(t, "Geneva")],
        &[timex(t, "16 June", "2025-06-16")],
    );
    let e = one(&e);
    assert_eq!(
        (e.place.as_deref(), e.date.as_deref()),
        (Some("Geneva"), Some("2025-06-16"))
    );
}

#[test]
fn a_capitalised_war_inside_a_name_is_no_cue_but_talks_opening_a_sentence_are() {
    let t = "After World War II, the order changed. Talks opened in Oslo on Monday.";
    let e = run(t, &[place(t, "Oslo")], &[timex(t, "Monday", "2025-02-17")]);
    let e = one(&e);
    assert_eq!(e.label, "Oslo talks");
}

#[test]
fn future_talks_with_a_date_are_on_the_timeline() {
    let t = "The two leaders will hold talks in Washington next week.";
    let e = run(
        t,
        &[place(t, "Washington")],
        &[timex(t, "next week", "2025-W09")],
    );
    let e = one(&e);
    assert_eq!(
        (e.label.as_str(), e.date.as_deref()),
        ("Washington talks", Some("2025-W09"))
    );
}

#[test]
fn attacking_a_decision_is_criticism_not_an_attack() {
    let t = "Jack Dole has attacked the decision by the court, speaking in Leeds on Monday.";
    let actors = [person(t, "Jack Dole"), place(t, "Leeds")];
    assert!(run(t, &actors, &[timex(t, "Monday", "2025-02-17")]).is_empty());
}

#[test]
fn a_war_named_by_its_place_alone_is_background() {
    let t = "The cardinal criticised the cost of the Iraq war. There is war in Iraq.";
    let actors = [country(t, "Iraq", "Iraq", "Iraqi")];
    assert!(
        run(t, &actors, &[]).is_empty(),
        "{:#?}",
        run(t, &actors, &[])
    );
}

#[test]
fn a_qualifier_names_the_summit() {
    let t = "Britain chairs the G8 summit next year.";
    let actors = [country(t, "United Kingdom", "Britain", "British")];
    let e = run(t, &actors, &[timex(t, "next year", "2026")]);
    assert_eq!(one(&e).label, "G8 summit");
}

#[test]
fn a_bare_first_mention_is_labelled_by_the_later_ones() {
    let t = "A private meeting on Monday saw MPs warn. Monday's meeting of the Labour Group \
             was tense.";
    let actors = [actor(
        t,
        "Labour Group",
        ActorKind::Organisation,
        &["Labour Group"],
        &[],
    )];
    let tx = [timex(t, "Monday", "2025-02-17")];
    let mut tx2 = tx.to_vec();
    let second = find_all(t, "Monday")[1];
    tx2.push(Timex {
        start: second.0,
        end: second.1,
        ..tx[0].clone()
    });
    let e = run(t, &actors, &tx2);
    assert_eq!(one(&e).label, "Meeting of Labour Group");
}

#[test]
fn an_attack_on_a_person_is_criticism_a_drone_attack_is_violence() {
    let t = "Kennedy's attack on Blair came on Monday. A drone attack killed two people on \
             Tuesday.";
    let actors = [person(t, "Kennedy"), person(t, "Blair")];
    let tx = [
        timex(t, "Monday", "2025-02-17"),
        timex(t, "Tuesday", "2025-02-18"),
    ];
    let e = run(t, &actors, &tx);
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.date.as_deref()),
        ("attack", Some("2025-02-18"))
    );
}

#[test]
fn a_statement_needs_someone_to_make_it() {
    let t = "An announcement is expected on Friday. The ministry made a statement on Monday.";
    let actors = [actor(
        t,
        "ministry",
        ActorKind::Organisation,
        &["ministry"],
        &[],
    )];
    let tx = [
        timex(t, "Friday", "2025-02-21"),
        timex(t, "Monday", "2025-02-17"),
    ];
    let e = run(t, &actors, &tx);
    assert_eq!(one(&e).label, "Ministry statement");
}

#[test]
fn a_capitalised_noun_after_the_is_no_place() {
    let t = "Ann Lee made her first speech in the Chamber on 4 May.";
    let e = run(
        t,
        &[person(t, "Ann Lee")],
        &[timex(t, "4 May", "2025-05-04")],
    );
    assert_eq!(one(&e).place, None);
}

#[test]
fn a_visit_told_undated_then_dated_is_one_visit() {
    let t = "Ann Lee made a visit to Manchester. Aides said she paid a visit to Manchester on \
             Tuesday.";
    let actors = [person(t, "Ann Lee"), place(t, "Manchester")];
    let e = run(t, &actors, &[timex(t, "Tuesday", "2025-02-18")]);
    let e = one(&e);
    assert_eq!(e.label, "Lee's visit to Manchester");
    assert_eq!(e.date.as_deref(), Some("2025-02-18"));
}

#[test]
fn a_visit_for_a_meeting_shares_its_date_and_its_visitor() {
    let t = "French President Paul Dumas, who visited Berlin on Tuesday for a meeting with \
             Chancellor Otto Kern, called for calm.";
    let actors = [
        person(t, "Paul Dumas"),
        person(t, "Otto Kern"),
        place(t, "Berlin"),
    ];
    let e = run(t, &actors, &[timex(t, "Tuesday", "2025-02-18")]);
    assert_eq!(e.len(), 2, "{e:#?}");
    let labels: Vec<&str> = e.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Dumas's visit to Berlin", "Dumas-Kern meeting in Berlin"]
    );
    assert!(e.iter().all(|e| e.date.as_deref() == Some("2025-02-18")));
}

#[test]
fn leaders_meeting_for_a_summit_is_the_summit() {
    let t = "European leaders will meet in Brussels on Thursday for an emergency summit, after \
             the US announced tariffs last week.";
    let actors = [place(t, "Brussels")];
    let tx = [
        timex(t, "Thursday", "2025-02-20"),
        timex(t, "last week", "2025-W07"),
    ];
    let e = run(t, &actors, &tx);
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.date.as_deref()),
        ("summit", Some("2025-02-20"))
    );
    assert_eq!(e.place.as_deref(), Some("Brussels"));
}

#[test]
fn a_body_before_the_noun_names_the_summit() {
    let t = "The G7 summit in Kananaskis will be held on 15 June.";
    let actors = [
        actor(t, "G7", ActorKind::Organisation, &["G7"], &[]),
        place(t, "Kananaskis"),
    ];
    let e = run(t, &actors, &[timex(t, "15 June", "2025-06-15")]);
    assert_eq!(one(&e).label, "G7 summit in Kananaskis");
}

#[test]
fn sides_joined_by_and_name_the_agreement() {
    let t = "Israel and Hamas agreed a ceasefire in Doha on 15 January after talks mediated by \
             Qatar.";
    let actors = [
        country(t, "Israel", "Israel", "Israeli"),
        actor(t, "Hamas", ActorKind::Organisation, &["Hamas"], &[]),
        country(t, "Qatar", "Qatar", "Qatari"),
        place(t, "Doha"),
    ];
    let e = run(t, &actors, &[timex(t, "15 January", "2025-01-15")]);
    let deal = e
        .iter()
        .find(|e| e.kind == "agreement")
        .expect("the ceasefire");
    assert_eq!(deal.label, "Israel-Hamas ceasefire in Doha");
}

#[test]
fn a_signed_agreement_is_one_event_not_a_signing_too() {
    let t = "The agreement, signed on 16 January in Cairo, took effect later.";
    let e = run(
        t,
        &[place(t, "Cairo")],
        &[timex(t, "16 January", "2025-01-16")],
    );
    assert!(e.iter().all(|e| e.kind != "signing"), "{e:#?}");
}

#[test]
fn a_place_after_a_compass_word_and_missile_strikes() {
    let t = "Russian missile strikes on eastern Kharkiv killed four people on Friday.";
    let actors = [
        country(t, "Russia", "Russia", "Russian"),
        place(t, "Kharkiv"),
    ];
    let e = run(t, &actors, &[timex(t, "Friday", "2025-02-14")]);
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.place.as_deref()),
        ("attack", Some("Kharkiv"))
    );
}

#[test]
fn a_body_votes() {
    let t = "The Security Council will vote on a resolution on Wednesday.";
    let actors = [actor(
        t,
        "Security Council",
        ActorKind::Organisation,
        &["Security Council"],
        &[],
    )];
    let e = run(t, &actors, &[timex(t, "Wednesday", "2025-02-19")]);
    assert_eq!(one(&e).label, "Security Council vote");
}

#[test]
fn a_dateline_dates_no_event() {
    let t = "DOHA, 3 March 2025 - Israel and Hamas agreed a ceasefire after months of \
             negotiations in Doha.";
    let e = run(
        t,
        &[place(t, "Doha")],
        &[timex(t, "3 March 2025", "2025-03-03")],
    );
    assert!(e.iter().all(|e| e.date.is_none()), "{e:#?}");
}

#[test]
fn the_talks_taken_up_again_do_not_take_a_new_date() {
    let t = "Talks opened in Cairo on 2 March. Ann Lee held a phone call with Tom Kay on \
             Saturday to discuss the talks.";
    let actors = [
        place(t, "Cairo"),
        person(t, "Ann Lee"),
        person(t, "Tom Kay"),
    ];
    let tx = [
        timex(t, "2 March", "2025-03-02"),
        timex(t, "Saturday", "2025-03-01"),
    ];
    let e = run(t, &actors, &tx);
    let labels: Vec<(&str, Option<&str>)> = e
        .iter()
        .map(|e| (e.label.as_str(), e.date.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("Lee-Kay phone call", Some("2025-03-01")),
            ("Cairo talks", Some("2025-03-02"))
        ]
    );
}

#[test]
fn travelling_to_a_city_for_talks_places_the_talks() {
    let t = "On Sunday, Israeli negotiators travelled to Cairo for talks on the next phase.";
    let actors = [country(t, "Israel", "Israel", "Israeli"), place(t, "Cairo")];
    let e = run(t, &actors, &[timex(t, "Sunday", "2025-03-09")]);
    let e = one(&e);
    assert_eq!(
        (e.label.as_str(), e.place.as_deref()),
        ("Israel talks in Cairo", Some("Cairo"))
    );
}

#[test]
fn an_agreement_taken_up_with_another_date_is_the_same_agreement() {
    let t = "Israel and Hamas agreed a ceasefire in Doha on 15 January. The agreement, signed \
             on 16 January, took effect later.";
    let actors = [
        country(t, "Israel", "Israel", "Israeli"),
        actor(t, "Hamas", ActorKind::Organisation, &["Hamas"], &[]),
        place(t, "Doha"),
    ];
    let tx = [
        timex(t, "15 January", "2025-01-15"),
        timex(t, "16 January", "2025-01-16"),
    ];
    let e = run(t, &actors, &tx);
    assert_eq!(one(&e).date.as_deref(), Some("2025-01-15"));
}

#[test]
fn elections_on_other_dates_are_other_elections() {
    let t = "The election on 5 May was close. The election on 9 June was not.";
    let tx = [
        timex(t, "5 May", "2025-05-05"),
        timex(t, "9 June", "2025-06-09"),
    ];
    assert_eq!(run(t, &[], &tx).len(), 2);
}

#[test]
fn spoke_by_telephone_is_a_call() {
    let t = "The two leaders, Ann Lee and Tom Kay, spoke by telephone on 3 March.";
    let actors = [person(t, "Ann Lee"), person(t, "Tom Kay")];
    let e = run(t, &actors, &[timex(t, "3 March", "2025-03-03")]);
    let e = one(&e);
    assert_eq!(
        (e.kind.as_str(), e.date.as_deref()),
        ("call", Some("2025-03-03"))
    );
}

#[test]
fn a_first_summit_after_a_visit_shares_its_date_and_place() {
    let t = "Prime Minister Ken Sato will visit Washington next month for his first summit with \
             President Ann Lee.";
    let actors = [
        person(t, "Ken Sato"),
        person(t, "Ann Lee"),
        place(t, "Washington"),
    ];
    let e = run(t, &actors, &[timex(t, "next month", "2025-04")]);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(e[1].label, "Sato-Lee summit in Washington");
    assert_eq!(e[1].date.as_deref(), Some("2025-04"));
}

#[test]
fn a_statement_about_something_else_takes_no_date_from_it() {
    let t = "He will travel to Florida for the weekend, the White House said in a statement.";
    let actors = [actor(
        t,
        "White House",
        ActorKind::Organisation,
        &["White House"],
        &[],
    )];
    let e = run(t, &actors, &[timex(t, "the weekend", "2025-W11-WE")]);
    assert!(e.is_empty(), "{e:#?}");
}

#[test]
fn demonstrators_protest() {
    let t = "Thousands of people demonstrated in Belgrade on Saturday against corruption.";
    let e = run(
        t,
        &[place(t, "Belgrade")],
        &[timex(t, "Saturday", "2025-03-15")],
    );
    assert_eq!(one(&e).label, "Protest in Belgrade");
}

#[test]
fn protests_and_marchers_are_one_protest() {
    let t = "Meanwhile, protests broke out in Rotterdam on Saturday as dock workers marched \
             against job losses.";
    let e = run(
        t,
        &[place(t, "Rotterdam")],
        &[timex(t, "Saturday", "2025-03-08")],
    );
    let e = one(&e);
    assert_eq!(
        (e.label.as_str(), e.date.as_deref()),
        ("Protests in Rotterdam", Some("2025-03-08"))
    );
}

#[test]
fn a_participle_after_an_apposition_dates_the_summit() {
    let t = "The G7 summit in Kananaskis, Canada, held from 15 to 17 June, will be a test.";
    let actors = [
        place(t, "Kananaskis"),
        country(t, "Canada", "Canada", "Canadian"),
        actor(t, "G7", ActorKind::Organisation, &["G7"], &[]),
    ];
    let e = run(
        t,
        &actors,
        &[timex(t, "from 15 to 17 June", "2025-06-15/2025-06-17")],
    );
    assert_eq!(one(&e).date.as_deref(), Some("2025-06-15/2025-06-17"));
}

#[test]
fn a_protest_in_a_city_then_in_its_country_is_one_protest() {
    let t = "Thousands demonstrated in Belgrade on Saturday, the largest protest in Serbia in \
             decades.";
    let actors = [
        place(t, "Belgrade"),
        country(t, "Serbia", "Serbia", "Serbian"),
    ];
    let e = run(t, &actors, &[timex(t, "Saturday", "2025-03-15")]);
    assert_eq!(one(&e).place.as_deref(), Some("Belgrade"));
}

#[test]
fn today_without_a_time_expression_is_the_reference_date() {
    let t = "High-level talks are continuing in Geneva today. Ann Lee will visit Oslo tomorrow.";
    let actors = [place(t, "Geneva"), place(t, "Oslo"), person(t, "Ann Lee")];
    let e = run(t, &actors, &[]);
    let dates: Vec<Option<&str>> = e.iter().map(|e| e.date.as_deref()).collect();
    assert_eq!(dates, [Some("2025-02-18"), Some("2025-02-19")]);
    let doc = Document::new(t);
    assert!(
        extract(&doc, &actors, &[], None)
            .iter()
            .all(|e| e.date.is_none())
    );
}

#[test]
fn compounds_every_and_next_are_no_events() {
    let t = "He joined the election campaign in Leeds on Monday. Every election in Leeds on \
             Monday is close. Voters in Leeds wait for the next election.";
    let e = run(t, &[place(t, "Leeds")], &[timex(t, "Monday", "2025-02-17")]);
    assert!(e.is_empty(), "{e:#?}");
}

#[test]
fn a_person_attacking_a_country_is_criticism() {
    let t = "Ann Lee attacked France on Monday over fishing rights.";
    let actors = [
        person(t, "Ann Lee"),
        country(t, "France", "France", "French"),
    ];
    assert!(run(t, &actors, &[timex(t, "Monday", "2025-02-17")]).is_empty());
}

#[test]
fn a_deal_is_with_a_body_and_a_team_rallying_is_no_protest() {
    let t = "The player signed a six-year deal with the Sixers on Saturday. He rallied his team \
             in Boston on Sunday.";
    let actors = [
        actor(t, "Sixers", ActorKind::Organisation, &["Sixers"], &[]),
        place(t, "Boston"),
    ];
    let tx = [
        timex(t, "Saturday", "2025-02-15"),
        timex(t, "Sunday", "2025-02-16"),
    ];
    let e = run(t, &actors, &tx);
    assert_eq!(one(&e).label, "Deal with Sixers");
}

/// The event whose trigger is `word`.
fn by_trigger<'e>(text: &str, events: &'e [Event], word: &str) -> Option<&'e Event> {
    events
        .iter()
        .find(|e| e.trigger.is_some_and(|t| t.of(text) == word))
}

#[test]
fn a_sentence_of_any_kind_of_news_gives_a_dated_event_with_a_label_of_who_did_what() {
    let text = "The court sentenced Jane Roe to five years in prison on Monday.";
    let roe = person(text, "Jane Roe");
    let events = run_all(text, &[roe], &[timex(text, "Monday", "2025-02-17")]);
    let e = by_trigger(text, &events, "sentenced").expect("a sentencing event");
    assert_eq!(e.date.as_deref(), Some("2025-02-17"));
    assert_eq!(e.status, EventStatus::Happened);
    assert!(e.label.contains("Jane Roe"), "{}", e.label);
    assert!(e.label.contains("sentenced"), "{}", e.label);
    assert!(e.participants.iter().any(|p| p == "jane-roe"));
}

#[test]
fn shares_that_fell_are_an_event() {
    let text = "Shares fell sharply on Tuesday after the results.";
    let events = run_all(text, &[], &[timex(text, "Tuesday", "2025-02-18")]);
    let e = by_trigger(text, &events, "fell").expect("a market event");
    assert_eq!(e.date.as_deref(), Some("2025-02-18"));
    assert_eq!(e.label, "Shares fell sharply");
}

#[test]
fn a_negated_meeting_is_no_event() {
    let text = "Jane Roe and John Doe did not meet on Friday.";
    let actors = [person(text, "Jane Roe"), person(text, "John Doe")];
    let events = run_all(text, &actors, &[timex(text, "Friday", "2025-02-14")]);
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn a_vote_to_come_is_planned() {
    let text = "Lawmakers will vote on the budget on Wednesday.";
    let events = run_all(text, &[], &[timex(text, "Wednesday", "2025-02-19")]);
    let e = by_trigger(text, &events, "vote").expect("a vote");
    assert_eq!(e.status, EventStatus::Planned);
    assert_eq!(e.date.as_deref(), Some("2025-02-19"));
}

#[test]
fn at_most_one_event_is_the_main_one() {
    let text = "Rescuers freed 40 miners on Monday. The mine collapsed on Sunday. \
                Officials met the families on Tuesday.";
    let events = run_all(
        text,
        &[],
        &[
            timex(text, "Monday", "2025-02-17"),
            timex(text, "Sunday", "2025-02-16"),
            timex(text, "Tuesday", "2025-02-18"),
        ],
    );
    assert!(events.iter().filter(|e| e.main).count() <= 1, "{events:?}");
}

#[test]
fn an_undated_occurrence_is_an_event_with_the_words_around_it() {
    // No time expression anywhere, and past the lead: still an event, undated, its label the
    // words of its clause, cut neither mid-name nor at a loose word.
    let text = "The council met in the morning. Members spoke at length. Nobody objected. \
                Later, the mayor resigned from her post after a long dispute.";
    let events = run_all(text, &[], &[]);
    let e = by_trigger(text, &events, "resigned").expect("an undated resignation");
    assert_eq!(e.date, None);
    assert_eq!(e.status, EventStatus::Happened);
    assert_eq!(e.label, "Mayor resigned from her post");
}

#[test]
fn a_verb_in_the_present_with_no_time_expression_takes_the_reference_date() {
    // Past the lead and with no time expression in its sentence: what is going on as the
    // report is written is dated with it; a past-tense verb there stays undated.
    let text = "The council met on Monday. Members spoke at length. Nobody objected. \
                Prices of bread are rising across the region. \
                Later, the mayor resigned from her post after a long dispute.";
    let events = run_all(text, &[], &[timex(text, "Monday", "2025-02-17")]);
    let e = by_trigger(text, &events, "rising").expect("a rise in prices");
    assert_eq!(e.date.as_deref(), Some("2025-02-18"));
    assert_eq!(e.status, EventStatus::Happened);
    let e = by_trigger(text, &events, "resigned").expect("an undated resignation");
    assert_eq!(e.date, None);
}

#[test]
fn a_fronted_time_expression_dates_the_verb_of_the_main_clause() {
    let text = "Markets were calm. Traders waited. Nobody moved. \
                In heavy trading on Friday, shares of the carmaker tumbled 12%.";
    let events = run_all(text, &[], &[timex(text, "Friday", "2025-02-14")]);
    let e = by_trigger(text, &events, "tumbled").expect("a fall in shares");
    assert_eq!(e.date.as_deref(), Some("2025-02-14"));
}

#[test]
fn a_time_expression_is_shared_within_a_clause_but_not_across_a_that() {
    // "demonstration" is a cue and takes the Saturday; "detained", in its clause with nothing
    // between, shares it; "fled", after "that", does not take the Monday of the conference.
    let text = "Markets were calm. Traders waited. Nobody moved. \
                Police detained ten protesters at a demonstration in the square on Saturday. \
                The firm told reporters at a news conference on Monday that its staff fled.";
    let events = run_all(
        text,
        &[],
        &[
            timex(text, "Saturday", "2025-02-15"),
            timex(text, "Monday", "2025-02-17"),
        ],
    );
    let e = by_trigger(text, &events, "detained").expect("an arrest");
    assert_eq!(e.date.as_deref(), Some("2025-02-15"));
    if let Some(e) = by_trigger(text, &events, "fled") {
        assert_ne!(e.date.as_deref(), Some("2025-02-17"), "{e:?}");
    }
}

#[test]
fn a_verb_that_tells_a_gathering_does_not_take_its_date_as_a_second_event() {
    // "met ... for a trade summit": the summit is the event; the verb does not become a second
    // dated line beside it.
    let text = "Markets were calm. Traders waited. Nobody moved. \
                Jane Roe met John Doe in Lisbon on Tuesday for a trade summit.";
    let actors = [
        person(text, "Jane Roe"),
        person(text, "John Doe"),
        place(text, "Lisbon"),
    ];
    let events = run_all(text, &actors, &[timex(text, "Tuesday", "2025-02-11")]);
    let dated: Vec<&Event> = events
        .iter()
        .filter(|e| e.date.as_deref() == Some("2025-02-11"))
        .collect();
    assert_eq!(dated.len(), 1, "{events:#?}");
}
