use super::*;
use crate::model::Event;

fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> DigestActor {
    DigestActor {
        id: id.into(),
        name: name.into(),
        kind,
        role: None,
        affiliation: None,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        mentions: 1,
    }
}

fn person(id: &str, name: &str, role: Option<&str>, aliases: &[&str]) -> DigestActor {
    DigestActor {
        role: role.map(str::to_string),
        ..actor(id, name, ActorKind::Person, aliases)
    }
}

fn event(label: &str, kind: &str, date: Option<&str>, place: Option<&str>, who: &[&str]) -> Event {
    Event {
        label: label.into(),
        kind: kind.into(),
        date: date.map(str::to_string),
        place: place.map(str::to_string),
        participants: who.iter().map(|s| s.to_string()).collect(),
        start: 0,
        end: 1,
        trigger: None,
        status: Default::default(),
        main: false,
    }
}

fn digest(actors: Vec<DigestActor>, events: Vec<Event>) -> Digest {
    Digest {
        published: jiff::civil::Date::new(2031, 3, 20).ok(),
        actors,
        events,
        ..Digest::default()
    }
}

/// The briefing actor holding `(article, id)`.
fn group_of<'a>(b: &'a Briefing, article: usize, id: &str) -> &'a BriefingActor {
    b.actors
        .iter()
        .find(|a| {
            a.members
                .iter()
                .any(|m| m.article == article && m.actor == id)
        })
        .expect("every article actor is in a briefing actor")
}

#[test]
fn parties_leaders_and_countries_across_articles_are_one_each() {
    let party =
        |id: &str, name: &str, aliases: &[&str]| actor(id, name, ActorKind::Organisation, aliases);
    let country =
        |id: &str, name: &str, aliases: &[&str]| actor(id, name, ActorKind::Country, aliases);
    let digests = vec![
        digest(
            vec![
                party(
                    "conservative-party",
                    "Conservative Party",
                    &["Conservative Party", "Conservatives", "Tories"],
                ),
                person(
                    "halvor-brandt",
                    "Halvor Brandt",
                    Some("party leader"),
                    &["Halvor Brandt", "Brandt"],
                ),
                country("united-kingdom", "United Kingdom", &["UK", "British"]),
            ],
            vec![],
        ),
        digest(
            vec![
                party("tories", "Tories", &["Tories", "Tory"]),
                person("brandt", "Brandt", None, &["Brandt"]),
                country("britain", "Britain", &["Britain"]),
            ],
            vec![],
        ),
        digest(
            vec![
                party("conservatives", "Conservatives", &["Conservatives"]),
                person(
                    "halvor-brandt",
                    "Mr. Halvor Brandt",
                    None,
                    &["Mr. Halvor Brandt"],
                ),
            ],
            vec![],
        ),
        // Another Brandt: a different person, who must stay apart.
        digest(
            vec![person(
                "ines-brandt",
                "Ines Brandt",
                Some("judge"),
                &["Ines Brandt"],
            )],
            vec![],
        ),
        // "Brandt" alone, with two Brandts in the briefing: the role ties it to the leader.
        digest(
            vec![person(
                "brandt",
                "Brandt",
                Some("party leader"),
                &["Brandt"],
            )],
            vec![],
        ),
        // "Brandt" alone and nothing to tell which: it stays apart.
        digest(vec![person("brandt", "Brandt", None, &["Brandt"])], vec![]),
    ];
    let b = Briefing::build(&digests);
    let tories = group_of(&b, 0, "conservative-party");
    assert_eq!(tories.members.len(), 3, "{tories:?}");
    assert_eq!(tories.articles(), 3);
    let leader = group_of(&b, 0, "halvor-brandt");
    assert_eq!(leader.name, "Halvor Brandt");
    assert_eq!(leader.role.as_deref(), Some("party leader"));
    let in_leader: Vec<usize> = leader.members.iter().map(|m| m.article).collect();
    // Article 1's "Brandt" has nothing to tell which of the two Brandts it is: alone.
    assert_eq!(in_leader, [0, 2, 4]);
    assert_eq!(group_of(&b, 1, "brandt").members.len(), 1);
    assert_eq!(group_of(&b, 3, "ines-brandt").members.len(), 1);
    assert_eq!(group_of(&b, 5, "brandt").members.len(), 1);
    let uk = group_of(&b, 0, "united-kingdom");
    assert_eq!(
        uk.members.len(),
        2,
        "UK and Britain are one country: {uk:?}"
    );
    // Every article actor is in exactly one briefing actor; ids are b1, b2…; most articles first.
    let total: usize = digests.iter().map(|d| d.actors.len()).sum();
    assert_eq!(
        b.actors.iter().map(|a| a.members.len()).sum::<usize>(),
        total
    );
    for (k, a) in b.actors.iter().enumerate() {
        assert_eq!(a.id, format!("b{}", k + 1));
    }
    assert!(
        b.actors
            .windows(2)
            .all(|w| w[0].articles() >= w[1].articles())
    );
    assert_eq!(b.actors[0].articles(), 3);
}

/// A party's nickname and its name are one actor even when no article gives both ("Tory" in
/// one, "Conservatives" in another), from the word lists' party names.
#[test]
fn a_partys_nickname_and_name_in_different_articles_are_one_actor() {
    let org = |id: &str, name: &str| actor(id, name, ActorKind::Organisation, &[name]);
    let digests = vec![
        digest(
            vec![org("tory", "Tory"), org("lib-dems", "Lib Dems")],
            vec![],
        ),
        digest(
            vec![
                org("conservatives", "Conservatives"),
                org("liberal-democrat", "Liberal Democrat"),
            ],
            vec![],
        ),
        digest(vec![org("labour-party", "Labour Party")], vec![]),
        digest(vec![org("labour", "Labour")], vec![]),
    ];
    let b = Briefing::build(&digests);
    assert_eq!(b.actors.len(), 3, "{:#?}", b.actors);
    assert_eq!(
        group_of(&b, 0, "tory").id,
        group_of(&b, 1, "conservatives").id
    );
    assert_eq!(
        group_of(&b, 0, "lib-dems").id,
        group_of(&b, 1, "liberal-democrat").id
    );
    assert_eq!(
        group_of(&b, 2, "labour-party").id,
        group_of(&b, 3, "labour").id
    );
}

#[test]
fn same_event_merges_and_same_kind_elsewhere_stays_apart() {
    let who = || {
        vec![
            person(
                "lena-okafor",
                "Lena Okafor",
                Some("foreign minister"),
                &["Lena Okafor"],
            ),
            actor("norway", "Norway", ActorKind::Country, &["Norway"]),
        ]
    };
    let summit = |date: &str, place: &str| {
        event(
            &format!("Trade summit in {place}"),
            "summit",
            Some(date),
            Some(place),
            &["lena-okafor", "norway"],
        )
    };
    let digests = vec![
        digest(who(), vec![summit("2031-03-04", "Lisbon")]),
        digest(who(), vec![summit("2031-03-04", "Lisbon")]),
        // The same kind, the same day, the same people, another city: another summit.
        digest(who(), vec![summit("2031-03-04", "Tallinn")]),
        // The same city, months later: another summit.
        digest(who(), vec![summit("2031-06-10", "Lisbon")]),
        // One day off, the same city and minister: the same summit, a conflict.
        digest(who(), vec![summit("2031-03-05", "Lisbon")]),
        // The month only: compatible with the day.
        digest(who(), vec![summit("2031-03", "Lisbon")]),
        // Another kind on the same day and place.
        digest(
            who(),
            vec![event(
                "Lisbon protest",
                "protest",
                Some("2031-03-04"),
                Some("Lisbon"),
                &[],
            )],
        ),
    ];
    let b = Briefing::build(&digests);
    let of = |article: usize| {
        b.events
            .iter()
            .find(|e| e.members.iter().any(|m| m.article == article))
            .expect("every event is in a briefing event")
    };
    let lisbon = of(0);
    let articles: Vec<usize> = lisbon.members.iter().map(|m| m.article).collect();
    assert_eq!(articles, [0, 1, 4, 5]);
    assert_eq!(lisbon.date.as_deref(), Some("2031-03-04"));
    assert_eq!(lisbon.place.as_deref(), Some("Lisbon"));
    assert_eq!(lisbon.status, Status::Happened);
    assert_eq!(
        lisbon.conflicts,
        ["date: 2031-03-04 (2 articles) vs 2031-03-05 (1 article)"]
    );
    assert_eq!(of(2).members.len(), 1);
    assert_eq!(of(3).members.len(), 1);
    assert_eq!(of(3).status, Status::Planned);
    assert_eq!(of(6).members.len(), 1);
    assert_eq!(b.events.len(), 4);
    // Chronological, ids in order.
    let dates: Vec<_> = b.events.iter().map(|e| e.date.clone()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(b.events[0].id, "e1");
}

#[test]
fn events_of_one_article_are_never_merged_and_undated_need_people() {
    let who = vec![
        person("ana-ruiz", "Ana Ruiz", None, &["Ana Ruiz"]),
        actor("chile", "Chile", ActorKind::Country, &["Chile"]),
    ];
    let quake = |who: &[&str], place: &str| {
        event("Earthquake in Chile", "earthquake", None, Some(place), who)
    };
    let digests = vec![
        digest(
            who.clone(),
            vec![quake(&["chile"], "Chile"), quake(&["chile"], "Chile")],
        ),
        // Undated, a country and label words only: not enough to say it is the same quake.
        digest(who.clone(), vec![quake(&["chile"], "Chile")]),
        // Undated, a person, a country and label words: still not enough (two quakes a year
        // apart may have them all).
        digest(who.clone(), vec![quake(&["ana-ruiz", "chile"], "Chile")]),
        digest(who.clone(), vec![quake(&["ana-ruiz", "chile"], "Chile")]),
        // The same city besides: one quake.
        digest(
            who.clone(),
            vec![quake(&["ana-ruiz", "chile"], "Valparaiso")],
        ),
        digest(who, vec![quake(&["ana-ruiz", "chile"], "Valparaiso")]),
    ];
    let b = Briefing::build(&digests);
    let sizes: Vec<usize> = b.events.iter().map(|e| e.members.len()).collect();
    assert_eq!(sizes, [1, 1, 1, 1, 1, 2]);
}

#[test]
fn nothing_to_merge_and_hostile_values_do_not_panic() {
    assert_eq!(Briefing::build(&[]), Briefing::default());
    let odd = digest(
        vec![actor("", "", ActorKind::Place, &["", ".", "\u{202e}"])],
        vec![event(
            "",
            "",
            Some("9999-99-99/0000-00-00"),
            Some(""),
            &["", "nobody"],
        )],
    );
    let b = Briefing::build(&[odd.clone(), odd]);
    assert_eq!(b.events.len(), 2);
    assert_eq!(b.actors.iter().map(|a| a.members.len()).sum::<usize>(), 2);
}

/// The digest of an article of one story (its words `story`), with one event: its trigger word,
/// the other words of its sentence, and its date.
fn story_digest(story: &str, trigger: &str, sentence: &str, date: Option<&str>) -> Digest {
    let mut e = event(&format!("{trigger} {sentence}"), "event", date, None, &[]);
    e.trigger = Some(crate::model::Span::new(0, trigger.len()));
    let text = format!("{trigger} {sentence}. {story}");
    let mut d = digest(vec![], vec![e]);
    d.terms = super::stories::profile(&text);
    d.triggers = vec![Some(super::stories::hash(norm::event_root(trigger)))];
    let mut context = super::stories::words(sentence);
    context.sort_unstable();
    d.contexts = vec![context];
    d
}

/// Which briefing event each article's one event is in.
fn event_groups(b: &Briefing, articles: usize) -> Vec<usize> {
    (0..articles)
        .map(|a| {
            b.events
                .iter()
                .position(|e| e.members.iter().any(|m| m.article == a))
                .expect("every article event is in a briefing event")
        })
        .collect()
}

const QUORVIA: &str = "Rescuers in Quorvia City searched rubble of the Quorvia quake for survivors \
                       as aftershocks shook Quorvia City and the Marreth valley";
const VELMORA: &str = "Ferries in Velmora harbour stayed moored after the Velmora quake as \
                       coastguard crews inspected the Sallin piers of Velmora";

#[test]
fn one_story_one_trigger_word_is_one_event_and_two_stories_stay_apart() {
    let digests = vec![
        story_digest(QUORVIA, "struck", "the highlands near Marreth", None),
        story_digest(VELMORA, "struck", "the coast near Sallin", None),
        story_digest(QUORVIA, "strikes", "Marreth at dawn", None),
        story_digest(VELMORA, "struck", "Sallin harbour", None),
    ];
    let b = Briefing::build(&digests);
    // "struck" and "strikes" are one word; the two quakes, told with the same word, two events.
    assert_eq!(event_groups(&b, 4), vec![0, 1, 0, 1], "{:#?}", b.events);
}

#[test]
fn one_story_one_word_but_nothing_in_common_or_two_dates_stay_apart() {
    let digests = vec![
        story_digest(QUORVIA, "arrested", "Marreth mayor", Some("2031-03-02")),
        story_digest(QUORVIA, "arrested", "Marreth mayor", Some("2031-03-02")),
        // Nothing of its sentence in common with the others: another arrest.
        story_digest(QUORVIA, "arrested", "looters overnight", None),
        // The same particulars, another month: another arrest.
        story_digest(QUORVIA, "arrested", "Marreth mayor", Some("2031-01-15")),
    ];
    let b = Briefing::build(&digests);
    let g = event_groups(&b, 4);
    assert_eq!(g[0], g[1], "{:#?}", b.events);
    assert!(
        g[2] != g[0] && g[3] != g[0] && g[2] != g[3],
        "{:#?}",
        b.events
    );
}
