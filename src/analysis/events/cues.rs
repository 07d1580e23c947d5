//! The words that announce an event: nouns ("talks", "summit", "invasion"), verbs ("met",
//! "visited"), and the heads of named events ("… Conference", "… Summit", "Olympics").
//!
//! The lists are general English news vocabulary, written for this module.

use crate::segment::Document;

/// What an event cue word tells: its kind and the noun to show in a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    /// The event kind ("meeting", "talks", "war"…).
    pub kind: &'static str,
    /// The noun a label uses for a verbal cue ("visited" → "visit"); `None` keeps the word.
    pub noun: Option<&'static str>,
}

/// The nouns that name an event, by lower-case form, with their kind. Some need their context
/// checked by the caller ("call", "stop", "visit").
const NOUNS: &[(&str, &str)] = &[
    ("accord", "agreement"),
    ("agreement", "agreement"),
    ("airstrike", "attack"),
    ("airstrikes", "attack"),
    ("announcement", "statement"),
    ("announcements", "statement"),
    ("assault", "attack"),
    ("attack", "attack"),
    ("attacks", "attack"),
    ("ballot", "vote"),
    ("bombing", "attack"),
    ("bombings", "attack"),
    ("call", "call"),
    ("calls", "call"),
    ("ceasefire", "agreement"),
    ("conference", "conference"),
    ("conferences", "conference"),
    ("convention", "conference"),
    ("deal", "agreement"),
    ("demonstration", "protest"),
    ("demonstrations", "protest"),
    ("election", "election"),
    ("elections", "election"),
    ("forum", "conference"),
    ("invasion", "war"),
    ("meeting", "meeting"),
    ("meetings", "meeting"),
    ("negotiations", "negotiations"),
    ("pact", "agreement"),
    ("phone", "call"),
    ("protest", "protest"),
    ("protests", "protest"),
    ("raid", "attack"),
    ("raids", "attack"),
    ("referendum", "vote"),
    ("signing", "signing"),
    ("speech", "statement"),
    ("statement", "statement"),
    ("statements", "statement"),
    ("stop", "visit"),
    ("stopover", "visit"),
    ("strike", "attack"),
    ("strikes", "attack"),
    ("summit", "summit"),
    ("summits", "summit"),
    ("talks", "talks"),
    ("telephone", "call"),
    ("treaty", "agreement"),
    ("trip", "visit"),
    ("truce", "agreement"),
    ("visit", "visit"),
    ("visits", "visit"),
    ("vote", "vote"),
    ("war", "war"),
];

/// The verb forms that tell an event, by lower-case form: the kind, and the noun a label uses.
/// Not "rallied": teams and markets rally.
const VERBS: &[(&str, &str, &str)] = &[
    ("announced", "statement", "announcement"),
    ("attacked", "attack", "attack"),
    ("bombed", "attack", "attack"),
    ("called", "call", "call"),
    ("demonstrated", "protest", "protest"),
    ("invaded", "war", "invasion"),
    ("marched", "protest", "protest"),
    ("meet", "meeting", "meeting"),
    ("meets", "meeting", "meeting"),
    ("met", "meeting", "meeting"),
    ("phoned", "call", "call"),
    ("protested", "protest", "protest"),
    ("signed", "signing", "signing"),
    ("telephoned", "call", "call"),
    ("visited", "visit", "visit"),
    ("visiting", "visit", "visit"),
    ("voted", "vote", "vote"),
];

/// The cue words, nouns then verbs.
const fn word(k: usize) -> &'static str {
    if k < NOUNS.len() {
        NOUNS[k].0
    } else {
        VERBS[k - NOUNS.len()].0
    }
}

const WORDS: usize = NOUNS.len() + VERBS.len();

/// The cue words by shape, to turn most words away without comparing them and to find the
/// others with one comparison: `slot[(first & 31, second & 31, length)]` is one more than the
/// index of the first word of that shape (0 for none), `next[k]` one more than the next word
/// of word k's shape, and bit `length` of `tail[last & 31]` is set for every word. `& 31` folds
/// ASCII case, so a word is tested as the text has it.
struct Shapes {
    slot: [u8; 32 * 32 * 16],
    next: [u8; WORDS],
    tail: [u16; 32],
}

/// The slot of a word of 3 to 14 bytes.
const fn slot_of(w: &[u8]) -> usize {
    ((w[0] & 31) as usize * 32 + (w[1] & 31) as usize) * 16 + w.len()
}

const fn shapes() -> Shapes {
    let mut out = Shapes {
        slot: [0; 32 * 32 * 16],
        next: [0; WORDS],
        tail: [0; 32],
    };
    let mut k = 0;
    while k < WORDS {
        let w = word(k).as_bytes();
        let h = slot_of(w);
        if out.slot[h] == 0 {
            out.slot[h] = k as u8 + 1;
        } else {
            let mut j = out.slot[h] as usize - 1;
            while out.next[j] != 0 {
                j = out.next[j] as usize - 1;
            }
            out.next[j] = k as u8 + 1;
        }
        out.tail[(w[w.len() - 1] & 31) as usize] |= 1 << w.len();
        k += 1;
    }
    out
}

const SHAPES: Shapes = shapes();

/// Whether a word, in any ASCII case, may be a cue noun or verb: `false` is sure, `true` asks
/// for `noun` and `verb`.
pub fn may_be_cue(w: &[u8]) -> bool {
    let n = w.len();
    (3..=14).contains(&n)
        && SHAPES.slot[slot_of(w)] != 0
        && SHAPES.tail[usize::from(w[n - 1] & 31)] >> n & 1 == 1
}

/// The index of a lower-case cue word among `from..to` of the nouns-then-verbs list.
fn find(lower: &str, from: usize, to: usize) -> Option<usize> {
    if !(3..=14).contains(&lower.len()) {
        return None;
    }
    let mut k = usize::from(SHAPES.slot[slot_of(lower.as_bytes())]);
    while k != 0 {
        let j = k - 1;
        if (from..to).contains(&j) && word(j) == lower {
            return Some(j);
        }
        k = usize::from(SHAPES.next[j]);
    }
    None
}

/// A noun that names an event, by its lower-case form. Some need their context checked by the
/// caller ("call", "stop", "visit").
pub fn noun(lower: &str) -> Option<CueWord> {
    let (_, kind) = NOUNS[find(lower, 0, NOUNS.len())?];
    Some(CueWord { kind, noun: None })
}

/// A verb form that tells an event, by its lower-case form.
pub fn verb(lower: &str) -> Option<CueWord> {
    let (_, kind, noun) = VERBS[find(lower, NOUNS.len(), WORDS)? - NOUNS.len()];
    Some(CueWord {
        kind,
        noun: Some(noun),
    })
}

/// The kind of event a capitalised head word names when it ends a name ("Munich Security
/// Conference", "Paris Olympics"), and whether it can stand alone ("the Olympics").
pub fn named_head(word: &str) -> Option<(&'static str, bool)> {
    match word {
        "Conference" | "Convention" | "Forum" | "Dialogue" | "Congress" => {
            Some(("conference", false))
        }
        "Summit" => Some(("summit", false)),
        "Talks" | "Negotiations" => Some(("talks", false)),
        "Election" | "Elections" | "Primary" | "Primaries" | "Referendum" => {
            Some(("election", false))
        }
        "Games" | "Cup" | "Championship" | "Championships" | "Open" | "Marathon" => {
            Some(("games", false))
        }
        "Olympics" | "Paralympics" | "Olympiad" => Some(("games", true)),
        "Festival" | "Expo" | "Exhibition" => Some(("festival", false)),
        "Meeting" => Some(("meeting", false)),
        _ => None,
    }
}

/// Capitalised words that do not make an event name (sentence openers, function words).
pub fn is_name_stop(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "At"
            | "In"
            | "On"
            | "Of"
            | "For"
            | "From"
            | "To"
            | "By"
            | "With"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Its"
            | "Their"
            | "His"
            | "Her"
            | "Our"
            | "Last"
            | "Next"
            | "Every"
            | "Each"
            | "Some"
            | "Any"
            | "And"
            | "But"
            | "Or"
            | "Both"
            | "While"
            | "When"
            | "If"
            | "As"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
    )
}

/// How a noun phrase presents its event: as known, as new, as another one, or as any one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Det {
    /// No determiner found ("talks are continuing").
    Bare,
    /// "the", "this", "its", "Petrenko's": an event the reader may already know.
    Definite,
    /// "a", "an", "some".
    Indefinite,
    /// "another", "a second", "a new": an event not yet told.
    Another,
    /// "any", "no", "every": no particular event.
    Generic,
}

/// The determiner class of a lower-case word, if it is one.
pub fn determiner(lower: &str) -> Option<Det> {
    match lower {
        "the" | "this" | "that" | "these" | "those" | "its" | "their" | "his" | "her" | "our"
        | "your" | "my" => Some(Det::Definite),
        "a" | "an" | "some" | "several" | "two" | "three" | "many" => Some(Det::Indefinite),
        "another" | "first" | "second" | "third" | "fresh" | "new" | "further" | "renewed" => {
            Some(Det::Another)
        }
        "any" | "no" | "every" | "each" | "such" => Some(Det::Generic),
        _ => None,
    }
}

/// Words that end a noun phrase when read backwards from its head.
pub fn ends_phrase(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "in"
            | "at"
            | "on"
            | "for"
            | "with"
            | "by"
            | "to"
            | "from"
            | "between"
            | "after"
            | "before"
            | "since"
            | "during"
            | "over"
            | "about"
            | "regarding"
            | "and"
            | "or"
            | "but"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "made"
            | "make"
            | "making"
            | "held"
            | "hold"
            | "holding"
            | "seek"
            | "that"
            | "which"
            | "who"
    )
}

/// Words that put an event in the future, the conditional or the negative: without a date such
/// an event is not on the timeline ("Kane will seek a deal", "agreeing to meet").
pub fn is_irrealis(lower: &str) -> bool {
    is_modal_verb(lower)
        || matches!(
            lower,
            "cannot"
                | "possible"
                | "possibly"
                | "potential"
                | "potentially"
                | "proposed"
                | "planned"
                | "upcoming"
                | "future"
                | "any"
                | "no"
                | "not"
                | "never"
                | "seek"
                | "seeks"
                | "want"
                | "wants"
                | "hope"
                | "hopes"
                | "until"
                | "if"
                | "unless"
                | "whether"
                | "without"
                | "next"
                | "forthcoming"
        )
}

/// Nouns that an event noun may modify ("election campaign", "summit venue"): then the event
/// noun is not the head and tells no event.
pub fn is_compound_head(lower: &str) -> bool {
    matches!(
        lower,
        "campaign"
            | "campaigns"
            | "campaigning"
            | "supremo"
            | "hub"
            | "planning"
            | "manifesto"
            | "result"
            | "results"
            | "victory"
            | "defeat"
            | "date"
            | "chief"
            | "strategy"
            | "team"
            | "pledge"
            | "pledges"
            | "broadcast"
            | "poster"
            | "agent"
            | "expenses"
            | "law"
            | "laws"
            | "rules"
            | "commission"
            | "officials"
            | "fraud"
            | "spending"
            | "material"
            | "promise"
            | "promises"
            | "battle"
            | "race"
            | "candidate"
            | "candidates"
            | "slogan"
            | "literature"
            | "machine"
            | "coordinator"
            | "fund"
            | "funding"
            | "costs"
            | "process"
            | "room"
            | "table"
            | "partner"
            | "partners"
            | "deadline"
            | "outcome"
            | "venue"
            | "organisers"
            | "organizers"
            | "season"
            | "zone"
            | "crimes"
            | "criminal"
            | "plan"
            | "plans"
            | "footage"
            | "victims"
    )
}

/// The modal verbs: they put what follows in the future or the conditional ("will meet").
fn is_modal_verb(lower: &str) -> bool {
    matches!(
        lower,
        "will" | "would" | "could" | "might" | "may" | "should" | "shall" | "can" | "'ll"
    )
}

/// Modal and infinitive markers right before a verb.
pub fn is_modal(lower: &str) -> bool {
    is_modal_verb(lower) || matches!(lower, "to" | "must" | "not" | "never")
}

/// Words that open a clause describing the noun before it ("the summit, held in Geneva").
pub fn opens_participle(lower: &str) -> bool {
    matches!(
        lower,
        "held"
            | "hosted"
            | "convened"
            | "organised"
            | "organized"
            | "staged"
            | "scheduled"
            | "planned"
            | "set"
            | "due"
            | "taking"
            | "which"
            | "that"
    )
}

/// Words before "attack" that make it violence, not criticism.
pub fn is_violent_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "terror"
            | "terrorist"
            | "suicide"
            | "drone"
            | "missile"
            | "rocket"
            | "bomb"
            | "knife"
            | "gun"
            | "chemical"
            | "air"
            | "military"
            | "militant"
            | "armed"
            | "cyber"
            | "deadly"
            | "fatal"
            | "insurgent"
            | "mortar"
            | "artillery"
            | "shelling"
            | "arson"
            | "acid"
            | "ransomware"
    )
}

/// Words that order two events in time: one event's date is not the other's across them.
pub fn is_time_connective(lower: &str) -> bool {
    matches!(
        lower,
        "after" | "before" | "then" | "following" | "ahead" | "since" | "until" | "later"
    )
}

/// Compass adjectives before a place name ("southern Israel").
pub fn is_direction(lower: &str) -> bool {
    matches!(
        lower,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
    )
}

/// Words that open a fronted phrase of time ("On Monday,", "Earlier this week,").
pub fn opens_time_phrase(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "next"
            | "since"
            | "by"
            | "from"
            | "over"
            | "until"
            | "late"
            | "early"
    )
}

/// Prepositions that introduce where something happened.
pub fn is_place_preposition(lower: &[u8]) -> bool {
    matches!(lower, b"in" | b"at" | b"near" | b"outside" | b"inside")
}

/// Words before a time expression that make it a bound, not the date of an event.
pub fn is_bound_preposition(lower: &str) -> bool {
    matches!(lower, "since" | "until" | "till" | "through")
}

/// Capitalised words that are never a place after "in" / "at" (months, weekdays, seasons).
pub fn is_not_place(word: &str) -> bool {
    crate::calendar::is_month_or_weekday_name(word)
        || matches!(
            word,
            "Spring"
                | "Summer"
                | "Autumn"
                | "Fall"
                | "Winter"
                | "Christmas"
                | "Easter"
                | "The"
                | "A"
                | "An"
                | "This"
                | "That"
                | "Its"
                | "Their"
                | "His"
                | "Her"
                | "Our"
                | "Parliament"
                | "Congress"
                | "Court"
                | "Government"
                | "Office"
                | "Order"
                | "Addition"
                | "Total"
                | "Fact"
                | "Part"
                | "Public"
                | "Private"
                | "Person"
                | "Response"
                | "Turn"
                | "Time"
                | "Power"
                | "Charge"
                | "Favour"
                | "Favor"
                | "Question"
                | "Line"
                | "Detail"
                | "Particular"
                | "General"
                | "Short"
                | "Full"
                | "Support"
                | "Recent"
                | "Early"
                | "Late"
        )
}

/// The lower-case form of token `i`, sliced from `lowered` (the document's text with ASCII
/// letters lower-cased, byte for byte the same length), or `None` when the token is not short
/// ASCII (no listed word is). Past the last token it is the empty word.
pub fn lower_token<'l>(doc: &Document, lowered: &'l str, i: usize) -> Option<&'l str> {
    let Some(t) = doc.tokens.get(i) else {
        return Some("");
    };
    let w = lowered.get(t.start..t.end)?;
    (w.len() <= 24 && w.is_ascii()).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_folds_ascii_and_refuses_the_rest() {
        let text = "Talks in Zürich: a-very-long-word-beyond-the-buffer";
        let doc = Document::new(text);
        let lowered = text.to_ascii_lowercase();
        let words: Vec<Option<&str>> = (0..doc.tokens.len())
            .map(|i| lower_token(&doc, &lowered, i))
            .collect();
        assert_eq!(words.first(), Some(&Some("talks")));
        assert!(
            words.contains(&None),
            "Zürich and the long word are refused"
        );
        assert!(!words.contains(&Some("zürich")));
        assert_eq!(lower_token(&doc, &lowered, doc.tokens.len()), Some(""));
    }

    #[test]
    fn every_cue_word_is_found_by_its_shape() {
        for (w, kind) in NOUNS {
            assert_eq!(noun(w).map(|c| c.kind), Some(*kind), "{w}");
            assert_eq!(verb(w), None, "{w}");
        }
        for (w, kind, n) in VERBS {
            assert_eq!(
                verb(w),
                Some(CueWord {
                    kind,
                    noun: Some(n)
                }),
                "{w}"
            );
            assert_eq!(noun(w), None, "{w}");
        }
        // Two nouns of one shape ("con…", ten letters) are both found.
        assert_eq!(noun("convention").map(|c| c.kind), Some("conference"));
        assert_eq!(noun("conference").map(|c| c.kind), Some("conference"));
        assert_eq!(noun("conformist"), None);
        assert_eq!(noun("talks").map(|c| c.kind), Some("talks"));
        assert_eq!(noun("ceasefire").map(|c| c.kind), Some("agreement"));
        assert_eq!(verb("marched").map(|c| c.kind), Some("protest"));
        assert_eq!(noun("marched"), None);
    }

    #[test]
    fn every_cue_word_passes_the_shape_test_in_any_case() {
        for w in NOUNS.iter().map(|n| n.0).chain(VERBS.iter().map(|v| v.0)) {
            assert!(may_be_cue(w.as_bytes()), "{w}");
            assert!(may_be_cue(w.to_ascii_uppercase().as_bytes()), "{w}");
            let cap = [&w[..1].to_ascii_uppercase(), &w[1..]].concat();
            assert!(may_be_cue(cap.as_bytes()), "{w}");
        }
        assert!(!may_be_cue(b"the"));
        assert!(!may_be_cue(b"minister"));
        assert!(!may_be_cue(b"an"));
    }

    #[test]
    fn verbs_name_their_noun() {
        assert_eq!(verb("visited").and_then(|c| c.noun), Some("visit"));
        assert_eq!(noun("invasion").map(|c| c.kind), Some("war"));
        assert_eq!(named_head("Olympics"), Some(("games", true)));
        assert_eq!(named_head("conference"), None);
    }
}
