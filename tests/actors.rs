//! Actors and quotes on short sentences written for the tests, the bundled sample (golden
//! snapshot), and properties over any string.

use brief::analysis::{actors, quotes};
use brief::model::{Actor, ActorKind, MentionForm};
use brief::segment::Document;
use proptest::prelude::*;

fn run(text: &str) -> Vec<Actor> {
    actors::extract(&Document::new(text))
}

fn find<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
    actors
        .iter()
        .find(|a| a.name == name || a.aliases.iter().any(|x| x == name))
        .unwrap_or_else(|| panic!("no actor {name:?} in {:#?}", names(actors)))
}

fn names(actors: &[Actor]) -> Vec<(String, ActorKind)> {
    actors.iter().map(|a| (a.name.clone(), a.kind)).collect()
}

fn has(actors: &[Actor], name: &str) -> bool {
    actors
        .iter()
        .any(|a| a.name == name || a.aliases.iter().any(|x| x == name))
}

#[test]
fn titles_before_a_name_give_role_and_affiliation() {
    let a = run(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Friday.",
    );
    let scholz = find(&a, "Olaf Scholz");
    assert_eq!(scholz.kind, ActorKind::Person);
    assert_eq!(scholz.role.as_deref(), Some("Chancellor"));
    assert_eq!(scholz.affiliation.as_deref(), Some("Germany"));
    let macron = find(&a, "Emmanuel Macron");
    assert_eq!(macron.role.as_deref(), Some("President"));
    assert_eq!(macron.affiliation.as_deref(), Some("France"));
    assert_eq!(find(&a, "Berlin").kind, ActorKind::Place);
    assert!(!has(&a, "Chancellor Olaf Scholz") && !has(&a, "President"));
}

#[test]
fn affiliations_stand_apart_from_roles() {
    let a = run(
        "Norvane shares fell on Monday. Former Norvane CEO Peter Vance wrote on his blog. \
         Speaking for Tellmark Records, manager Anna Berg said the deal was off. \
         Paul Ostrow, a doctor at Ruritania State University, said it was common.",
    );
    let vance = find(&a, "Peter Vance");
    assert_eq!(vance.role.as_deref(), Some("former CEO"));
    assert_eq!(vance.affiliation.as_deref(), Some("Norvane"));
    assert_eq!(find(&a, "Norvane").kind, ActorKind::Organisation);
    assert_eq!(find(&a, "Anna Berg").role.as_deref(), Some("manager"));
    let ostrow = find(&a, "Paul Ostrow");
    assert_eq!(ostrow.role.as_deref(), Some("doctor"));
    assert_eq!(
        ostrow.affiliation.as_deref(),
        Some("Ruritania State University")
    );
}

#[test]
fn a_given_name_alone_joins_the_full_name() {
    let a = run("Anna Berg met the board of Norvane on Monday. Anna said the talks went well.");
    let berg = find(&a, "Anna Berg");
    assert_eq!(berg.mentions.len(), 2);
    assert_eq!(a.iter().filter(|x| x.kind == ActorKind::Person).count(), 1);
}

#[test]
fn currencies_time_zones_and_abbreviations_are_not_actors() {
    let a = run("The Halvers price was US$40 at 10:00 UTC on Dec. 4, and Well, OK, it rose.");
    for w in ["US", "UTC", "Dec.", "Well", "OK"] {
        assert!(!has(&a, w), "{w}: {:?}", names(&a));
    }
}

/// A Title-Case headline capitalises every word: names there must be names the body confirms,
/// and the words around them ("Checks Into Clinic") are no actor.
#[test]
fn title_case_headlines_keep_only_the_names_the_body_confirms() {
    let a = run("Varga Checks Into Clinic After Dorvik Crash\n\
        Ilse Varga checked into a clinic on Tuesday after a crash near Dorvik, her lawyer said.\n");
    let all = names(&a);
    assert!(
        a.iter()
            .all(|x| !x.name.contains("Checks") && !x.name.contains("Clinic")),
        "{all:?}"
    );
    let varga = find(&a, "Ilse Varga");
    assert_eq!(varga.kind, ActorKind::Person, "{all:?}");
    assert!(varga.mentions.len() >= 2, "the headline's Varga: {all:?}");
    // The same words in a body sentence are left to the tagger as before.
    let body = run("Ilse Varga said that Varga Checks Into Clinic was a song.\n");
    assert!(has(&body, "Ilse Varga"), "{:?}", names(&body));
}

/// A party's name is a name even where its word also makes titles ("Labour Minister").
#[test]
fn a_party_named_by_a_title_word_is_an_actor() {
    let a = run("The Labour Party leader met the Labour Minister for Ports on Monday.\n");
    let labour = find(&a, "Labour Party");
    assert_eq!(labour.kind, ActorKind::Organisation, "{:?}", names(&a));
}

/// An occupation before a name is a role ("Actress Ilse Varga", "singer Tom Brask"), not part of
/// the name and never an organisation.
#[test]
fn an_occupation_before_a_name_is_a_role() {
    let a =
        run("Actress Ilse Varga checked into a clinic. The singer Tom Brask said he was glad.\n");
    let varga = find(&a, "Ilse Varga");
    assert_eq!(varga.kind, ActorKind::Person, "{:?}", names(&a));
    assert_eq!(varga.role.as_deref(), Some("Actress"), "{:?}", names(&a));
    assert_eq!(find(&a, "Tom Brask").role.as_deref(), Some("singer"));
}

/// A party before a person's name is the person's side ("Republican Walter Brask"), and "MP" a
/// role ("Tory MP Anna Kessel"): neither is part of the name.
#[test]
fn a_party_before_a_name_and_mp_are_not_the_name() {
    let a = run("Republican Walter Brask said that Tory MP Anna Kessel was wrong.\n");
    let all = names(&a);
    assert_eq!(find(&a, "Walter Brask").kind, ActorKind::Person, "{all:?}");
    let kessel = find(&a, "Anna Kessel");
    assert_eq!(kessel.kind, ActorKind::Person, "{all:?}");
    assert_eq!(kessel.role.as_deref(), Some("MP"), "{all:?}");
    assert!(!has(&a, "Republican Walter Brask"), "{all:?}");
}

#[test]
fn apposition_with_a_possessor_gives_the_possessor_affiliation() {
    let a = run(
        "Brazilian President Lucas Ferreira arrived with Pedro Almeida, Ferreira's senior advisor, on Monday.",
    );
    let almeida = find(&a, "Pedro Almeida");
    assert_eq!(almeida.role.as_deref(), Some("senior advisor"));
    assert_eq!(almeida.affiliation.as_deref(), Some("Brazil"));
    // The possessive is a mention of the president, not a new actor.
    let ferreira = find(&a, "Lucas Ferreira");
    assert_eq!(ferreira.mentions.len(), 2);
    assert!(ferreira.aliases.iter().all(|x| !x.ends_with("'s")));
}

#[test]
fn apposition_with_a_country_possessive() {
    let a = run("Anna Kowalska, Poland's deputy foreign minister, said the plan was fair.");
    let k = find(&a, "Anna Kowalska");
    assert_eq!(k.role.as_deref(), Some("deputy foreign minister"));
    assert_eq!(k.affiliation.as_deref(), Some("Poland"));
}

#[test]
fn a_role_after_a_possessive_is_not_a_person() {
    let a = run(
        "Talks were led by Tomas Novak, Miller's Special Envoy to the Balkans, and by Jan Miller.",
    );
    assert!(!has(&a, "Special Envoy"));
    let novak = find(&a, "Tomas Novak");
    assert_eq!(novak.role.as_deref(), Some("Special Envoy to the Balkans"));
}

#[test]
fn demonyms_and_country_forms_are_one_actor() {
    let text = "Russian troops crossed the border. The U.S. and America condemned it; \
                American officials said the United States would respond. Russia denied it.";
    let a = run(text);
    let us = find(&a, "United States");
    assert_eq!(us.kind, ActorKind::Country);
    assert_eq!(us.mentions.len(), 4, "{:?}", us.aliases);
    assert!(us.mentions.iter().any(|m| m.form == MentionForm::Demonym));
    let ru = find(&a, "Russia");
    assert_eq!(ru.mentions.len(), 2);
    assert_eq!(ru.mentions[0].form, MentionForm::Demonym);
    assert_eq!(&text[ru.mentions[0].start..ru.mentions[0].end], "Russian");
}

#[test]
fn hyphenated_compounds_name_both_countries() {
    let a = run("The talks on US-Chinese trade resumed in Geneva.");
    assert_eq!(find(&a, "United States").kind, ActorKind::Country);
    assert_eq!(find(&a, "China").kind, ActorKind::Country);
}

#[test]
fn a_capital_stands_for_its_government_only_in_diplomacy() {
    let a = run("Relations with Beijing improved after the summit.");
    assert_eq!(find(&a, "Beijing").kind, ActorKind::Country);
    assert_eq!(find(&a, "Beijing").name, "China");
    let b = run("She flew to Beijing for a holiday with her family.");
    assert_eq!(find(&b, "Beijing").kind, ActorKind::Place);
}

#[test]
fn surnames_and_possessives_join_the_full_name() {
    let a = run(
        "Olaf Scholz spoke in parliament on Tuesday. Later Scholz left, and Scholz's aides stayed.",
    );
    let s = find(&a, "Olaf Scholz");
    assert_eq!(s.mentions.len(), 3);
    assert_eq!(s.aliases, ["Olaf Scholz", "Scholz"]);
    assert_eq!(a.iter().filter(|x| x.kind == ActorKind::Person).count(), 1);
}

#[test]
fn sentence_initial_words_are_not_names() {
    let a = run("Despite the rain, Johanna Schmidt arrived in Vienna. After that she left.");
    assert!(has(&a, "Johanna Schmidt"));
    assert!(!has(&a, "Despite") && !has(&a, "After"));
    assert!(!a.iter().any(|x| x.name.starts_with("Despite")));
}

#[test]
fn headlines_in_capitals() {
    let a = run(
        "RUSSIA AND CHINA SIGN TRADE DEAL\nMoscow and Beijing signed a trade deal on Monday, officials said.",
    );
    assert_eq!(find(&a, "Russia").kind, ActorKind::Country);
    assert_eq!(find(&a, "China").kind, ActorKind::Country);
    assert!(!has(&a, "SIGN") && !has(&a, "TRADE DEAL"));
}

#[test]
fn arabic_names_with_particles_are_one_person() {
    let a = run(
        "Saudi Energy Minister Prince Abdulaziz bin Salman met oil executives in Riyadh on Sunday.",
    );
    let p = a
        .iter()
        .find(|x| x.kind == ActorKind::Person)
        .expect("a person");
    assert!(p.name.contains("Abdulaziz bin Salman"), "{}", p.name);
    assert_eq!(p.role.as_deref(), Some("Energy Minister"));
    assert_eq!(p.affiliation.as_deref(), Some("Saudi Arabia"));
    assert_eq!(find(&a, "Riyadh").kind, ActorKind::Place);
}

#[test]
fn acronyms_and_expansions_are_one_organisation() {
    let a = run(
        "The World Health Organization warned of a new wave. WHO experts met in Geneva on Monday.",
    );
    let who = find(&a, "World Health Organization");
    assert_eq!(who.kind, ActorKind::Organisation);
    assert!(who.aliases.iter().any(|x| x == "WHO"));
    assert_eq!(who.mentions.len(), 2);
}

#[test]
fn blocs_are_groups() {
    let a = run("European countries met in Paris while Arab countries watched.");
    assert_eq!(find(&a, "Europe").kind, ActorKind::Group);
    assert!(
        find(&a, "Europe")
            .aliases
            .iter()
            .any(|x| x == "European countries")
    );
    assert_eq!(find(&a, "Arab countries").kind, ActorKind::Group);
}

#[test]
fn salience_puts_the_most_mentioned_first() {
    let a = run(
        "Maria Gonzalez met Peter Brandt. Gonzalez spoke first. Gonzalez then left, and Gonzalez returned.",
    );
    assert_eq!(a[0].name, "Maria Gonzalez");
}

#[test]
fn quotes_find_their_speaker() {
    let text = "Olaf Scholz said the meeting was \u{201C}useful and long overdue\u{201D} but added that \
                \u{201C}much work remains to be done.\u{201D} \u{201C}We are ready,\u{201D} said Anna Berg.";
    let doc = Document::new(text);
    let a = actors::extract(&doc);
    let q = quotes::extract(&doc, &a);
    assert_eq!(q.len(), 3);
    let id = |n: &str| Some(find(&a, n).id.clone());
    assert_eq!(q[0].speaker, id("Olaf Scholz"));
    assert_eq!(&text[q[0].start..q[0].end], "useful and long overdue");
    assert_eq!(q[1].speaker, id("Olaf Scholz"));
    assert_eq!(q[2].speaker, id("Anna Berg"));
}

#[test]
fn scare_quotes_are_not_quotations() {
    let doc = Document::new("The two sides want to \u{201C}reset\u{201D} their ties.");
    let a = actors::extract(&doc);
    assert!(quotes::extract(&doc, &a).is_empty());
}

/// The bundled sample's actors, in a compact readable form.
#[test]
fn sample_actors_snapshot() {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../assets/briefings/riyadh-talks.json")).unwrap();
    let text = json["text"].as_str().unwrap();
    let doc = Document::new(text);
    let a = actors::extract(&doc);
    let rows: Vec<String> = a
        .iter()
        .map(|x| {
            format!(
                "{} | {} | {} | {} | {} | {} mentions",
                x.name,
                x.kind.as_str(),
                x.role.as_deref().unwrap_or("-"),
                x.affiliation.as_deref().unwrap_or("-"),
                x.aliases.join(", "),
                x.mentions.len()
            )
        })
        .collect();
    insta::assert_json_snapshot!("riyadh_talks_actors", rows);
    let q = quotes::extract(&doc, &a);
    let qs: Vec<String> = q
        .iter()
        .map(|q| format!("{:?}: {}", q.speaker, &text[q.start..q.end]))
        .collect();
    insta::assert_json_snapshot!("riyadh_talks_quotes", qs);
}

fn check(text: &str) {
    let doc = Document::new(text);
    let actors = actors::extract(&doc);
    for a in &actors {
        let mut last_end = 0;
        for m in &a.mentions {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(
                m.start >= last_end,
                "mentions of {} overlap or are out of order",
                a.name
            );
            last_end = m.end;
        }
    }
    for q in quotes::extract(&doc, &actors) {
        assert!(q.start < q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
}

proptest! {
    #[test]
    fn any_string_gives_valid_spans(text in ".{0,200}") {
        check(&text);
    }

    #[test]
    fn name_like_strings_give_valid_spans(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "US", "U.S.", "Russian", "President", "Marco", "bin", "Al", "Saudi", "’s", "'s",
                "said", "“", "”", "\"", ",", ".", "\n", "NATO", "Moscow", "with", "relations",
                "É", "é\u{301}", "-", "US-Russian", "Secretary", "of", "State", "THE", "and",
            ]),
            0..40,
        )
    ) {
        check(&words.join(" "));
        check(&words.concat());
    }
}

#[test]
fn a_role_may_hold_capitalised_words_and_and() {
    let a =
        run("The plan was announced by the Trade and Industry Secretary Helen Carter on Monday.");
    let c = find(&a, "Helen Carter");
    assert_eq!(c.role.as_deref(), Some("Trade and Industry Secretary"));
    assert!(!has(&a, "Monday"));
}

#[test]
fn a_verb_after_a_name_is_not_part_of_it() {
    let a = run("Officials met in Rome. Kowalczyk said the deal was close, and Kowalczyk left.");
    assert!(!a.iter().any(|x| x.name.contains("said")));
}

#[test]
fn straight_quotes_pair_by_the_word_they_lean_on() {
    let text = "Ms Moreau said: \"We are ready. \"We will act now,\" she added.";
    let doc = Document::new(text);
    let a = actors::extract(&doc);
    let q = quotes::extract(&doc, &a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(&text[q[0].start..q[0].end], "We will act now,");
}

fn assert_kind(actors: &[Actor], name: &str, kind: ActorKind) {
    let found = actors.iter().find(|a| a.name == name).map(|a| a.kind);
    assert_eq!(found, Some(kind), "{name}: {:?}", names(actors));
}

#[test]
fn institution_head_words_are_an_organisation_not_a_person() {
    let a = run(
        "Ms Ilves is due to visit Tallinn next week, according to the Indonesian Energy Ministry. \
         Talks ended, according to the Egyptian Foreign Ministry.",
    );
    assert!(!has(&a, "Ministry"), "{:?}", names(&a));
    assert_kind(&a, "Energy Ministry", ActorKind::Organisation);
    assert_kind(&a, "Foreign Ministry", ActorKind::Organisation);
    // The demonyms before them are mentions of their countries.
    assert_eq!(find(&a, "Indonesia").mentions[0].form, MentionForm::Demonym);
    assert_kind(&a, "Egypt", ActorKind::Country);
}

#[test]
fn a_demonym_before_a_government_body_is_its_country() {
    let a = run(
        "The Mexican Energy Ministry said on Monday that talks would resume. \
         The Indian National Congress won the vote.",
    );
    assert_kind(&a, "Energy Ministry", ActorKind::Organisation);
    assert!(!has(&a, "Mexican Energy Ministry"), "{:?}", names(&a));
    let mexico = find(&a, "Mexico");
    assert_eq!(mexico.kind, ActorKind::Country);
    assert_eq!(mexico.mentions[0].form, MentionForm::Demonym);
    // Before other heads the demonym is part of the name.
    assert_kind(&a, "Indian National Congress", ActorKind::Organisation);
}

#[test]
fn a_name_before_administration_is_a_person() {
    let a = run("The former Varga administration had pushed for the deal.");
    assert_kind(&a, "Varga", ActorKind::Person);
    // With the full name known, it is a mention of that person.
    let a = run(
        "Anton Varga spoke in Lisbon on Monday. Officials of the former Varga administration \
         had pushed for the deal.",
    );
    assert_eq!(find(&a, "Anton Varga").mentions.len(), 2);
    assert!(!a.iter().any(|x| x.name == "Varga"));
}

#[test]
fn party_words_are_not_people() {
    let a = run(
        "Tory leaders met in Leeds on Monday. The Tory party said it would oppose the bill, \
         and a Tory spokesman said the plan was a stealth tax.",
    );
    assert!(
        !a.iter().any(|x| x.kind == ActorKind::Person),
        "{:?}",
        names(&a)
    );
}

#[test]
fn streets_are_places_and_parties_organisations() {
    let a = run("Tories said that Downing Street had briefed them. \
         The UK Independence Party said it would stand in every seat.");
    assert_kind(&a, "Downing Street", ActorKind::Place);
    assert_kind(&a, "UK Independence Party", ActorKind::Organisation);
}

#[test]
fn streets_the_tagger_misses_are_places() {
    let a = run(
        "The plan has been described as \"idle speculation\" by Downing Street. \
         The talks were held in a hotel on Carlow Road.",
    );
    assert_kind(&a, "Downing Street", ActorKind::Place);
    assert_kind(&a, "Carlow Road", ActorKind::Place);
}

#[test]
fn an_honorific_opens_a_persons_name() {
    let a = run("The rules on access were defied, Lord Halworth said. \
         The constitutional reform was backed by Lord Penrose.");
    assert_kind(&a, "Halworth", ActorKind::Person);
    assert_kind(&a, "Penrose", ActorKind::Person);
    assert!(!a.iter().any(|x| x.kind == ActorKind::Organisation));
}

#[test]
fn products_and_common_word_names_are_no_people() {
    let a = run(
        "Norvane Corp unveiled Glimmer on Tuesday. Peter Vance, chief executive of Norvane, \
         said the Glimmer laptops would ship in May. Buyers of the web browser Quillo and \
         the iWidget Developer Program were told to wait. \
         The former Chief Operating Officer, Anna Berg, will run Norvane.",
    );
    assert_eq!(find(&a, "Peter Vance").kind, ActorKind::Person);
    assert_eq!(find(&a, "Anna Berg").kind, ActorKind::Person);
    let people: Vec<&str> = a
        .iter()
        .filter(|x| x.kind == ActorKind::Person)
        .map(|x| x.name.as_str())
        .collect();
    assert!(!people.contains(&"Glimmer"), "{people:?}");
    for thing in ["Quillo", "Developer Program", "Operating Officer"] {
        assert!(!has(&a, thing), "{thing} as an actor: {:?}", names(&a));
    }
}

#[test]
fn one_person_written_two_ways_is_one_actor() {
    let a = run(
        "The board named chief operating officer Timothy Vance to run the company. \
         Tim Vance joined in 1998. Tim said he was ready. Charles O 'Brien agreed.",
    );
    let vance = find(&a, "Timothy Vance");
    assert!(vance.aliases.iter().any(|x| x == "Tim Vance"), "{vance:?}");
    assert!(vance.aliases.iter().any(|x| x == "Tim"), "{vance:?}");
    assert_eq!(
        a.iter()
            .filter(|x| x.kind == ActorKind::Person && x.name.contains("Vance"))
            .count(),
        1
    );
    assert!(has(&a, "Charles O 'Brien"), "{:?}", names(&a));
}

#[test]
fn a_firm_word_ends_no_persons_name() {
    let a = run("Anna Berg, an analyst with Halden Capital, said the shares were cheap.");
    assert_ne!(find(&a, "Halden Capital").kind, ActorKind::Person);
}

#[test]
fn a_company_named_in_full_is_found_by_its_short_name() {
    let a = run(
        "Tellvane Inc. reported higher sales on Monday. The case was brought against Tellvane \
         in March, and shares of Brolly - Mart fell.",
    );
    let t = a
        .iter()
        .filter(|x| x.kind == ActorKind::Organisation)
        .flat_map(|x| x.aliases.iter())
        .collect::<Vec<_>>();
    assert!(t.iter().any(|x| *x == "Tellvane"), "{:?}", names(&a));
    assert!(has(&a, "Brolly - Mart"), "{:?}", names(&a));
    assert!(!has(&a, "Mart"), "{:?}", names(&a));
}

#[test]
fn a_region_named_with_the_article_is_a_place() {
    // The tagger reads "the X" as an organisation ("the Pentagon"); the list of states and
    // provinces says this one is a region.
    let a = run(
        "The minister insisted on regaining all lost territory, primarily the Tigray, before any talks.",
    );
    assert_eq!(find(&a, "Tigray").kind, ActorKind::Place);
}
