//! Finding the cues: named events, event nouns with the phrase before them, event verbs.

use std::borrow::Cow;
use std::ops::Range;

use super::cues::{self, CueWord, Det};
use super::merge::gathering;
use super::{EventCue, EventScan};
use crate::model::{ActorKind, MentionForm, Span};
use crate::segment::{TokenKind, is_all_caps, is_capitalized};

impl<'d> EventScan<'d, '_> {
    pub(super) fn find_cues(&self) -> Vec<EventCue<'d>> {
        // About one cue in 20 tokens: one allocation for most texts.
        let mut out = Vec::with_capacity(self.doc.tokens.len() / 16 + 4);
        let (text, lower) = (self.doc.text.as_bytes(), self.lower.as_bytes());
        let tokens = &self.doc.tokens[..];
        for (sentence_index, sentence) in self.doc.sentences.iter().enumerate() {
            let mut index = sentence.tokens.start;
            while index < sentence.tokens.end {
                let next = index + 1;
                let Some(token) = tokens.get(index) else {
                    break;
                };
                // Every cue word is 3 to 14 ASCII letters: most tokens stop here.
                let first = text.get(token.start).copied().unwrap_or(b' ');
                if token.kind != TokenKind::Word
                    || !(3..=14).contains(&(token.end - token.start))
                    || !first.is_ascii_alphabetic()
                {
                    index = next;
                    continue;
                }
                // An ASCII letter first: capitalised is upper-case.
                let capitalised = first.is_ascii_uppercase();
                if capitalised
                    && cues::named_head(self.doc.tok(index)).is_some()
                    && let Some(cue) =
                        self.named_cue(index, sentence_index, sentence.tokens.clone())
                {
                    out.push(cue);
                    index = next;
                    continue;
                }
                // Most words have no cue's shape: they stop here, uncompared.
                let Some(lower_word) = lower
                    .get(token.start..token.end)
                    .filter(|bytes| cues::may_be_cue(bytes))
                    .and_then(|_| self.lower_tok(index))
                else {
                    index = next;
                    continue;
                };
                // "World War II", "Cold War": a capitalised noun inside a name is not a cue.
                let cap_word = |at: usize| {
                    tokens.get(at).is_some_and(|token| {
                        token.kind == TokenKind::Word && is_capitalized(self.doc.tok(at))
                    })
                };
                let in_name = || {
                    capitalised
                        && ((index > sentence.tokens.start && cap_word(index - 1))
                            || cap_word(index + 1))
                };
                if let Some(cue_word) = cues::noun(lower_word)
                    && !in_name()
                    && let Some(cue) = self.noun_cue(index, sentence_index, lower_word, cue_word)
                {
                    // "summit meeting", "peace talks": one cue, the first noun's kind.
                    let skip = cue.last + 1;
                    out.push(cue);
                    index = skip.max(next);
                    continue;
                }
                if let Some(cue_word) = cues::verb(lower_word)
                    && let Some(cue) = self.verb_cue(index, sentence_index, lower_word, cue_word)
                {
                    out.push(cue);
                }
                index = next;
            }
        }
        // "will meet in Brussels for a summit", "protests broke out as workers marched": the
        // noun tells the event, the verb of its clause tells it again.
        let mut nouns: Vec<(usize, &'static str)> = out
            .iter()
            .filter(|cue| !cue.verbal)
            .map(|cue| {
                (
                    cue.clause,
                    if gathering(cue.kind) {
                        "meeting"
                    } else {
                        cue.kind
                    },
                )
            })
            .collect();
        nouns.sort_unstable();
        // Not visits: "visit Oslo after a stop in Ankara" tells two.
        out.retain(|cue| {
            !(cue.verbal
                && matches!(cue.kind, "meeting" | "protest" | "vote")
                && nouns.binary_search(&(cue.clause, cue.kind)).is_ok())
        });
        out
    }

    pub(super) fn base(
        &self,
        kind: &'static str,
        noun: Cow<'d, str>,
        head: usize,
        sentence: usize,
    ) -> EventCue<'d> {
        EventCue {
            kind,
            noun,
            head,
            first: head,
            last: head,
            named: None,
            verbal: false,
            det: Det::Bare,
            irrealis: false,
            compound: false,
            clause: self.clause_of.get(head).copied().unwrap_or(0),
            sentence,
            date: None,
            date_span: None,
            place: None,
            participants: Vec::new(),
            own: 0,
            pair: None,
            agent: None,
            agent_actor: None,
            qualifier: None,
            span: Span::new(0, 0),
        }
    }

    /// "the Munich Security Conference", "the 2024 Paris Olympics".
    pub(super) fn named_cue(
        &self,
        head: usize,
        sentence_index: usize,
        sentence: Range<usize>,
    ) -> Option<EventCue<'d>> {
        let word = self.doc.tok(head);
        let (kind, alone) = cues::named_head(word)?;
        let mut first = head;
        while first > sentence.start {
            let prev = first - 1;
            let token = &self.doc.tokens[prev];
            let word_before = self.doc.tok(prev);
            let ok = match token.kind {
                TokenKind::Word => {
                    (is_capitalized(word_before) || is_all_caps(word_before))
                        && !cues::is_name_stop(word_before)
                        && cues::named_head(word_before).is_none()
                }
                TokenKind::Number => {
                    word_before.len() == 4
                        || word_before.ends_with("th")
                        || word_before.ends_with("st")
                }
                TokenKind::Punct => false,
            };
            if !ok || self.timex_covers(prev) {
                break;
            }
            first = prev;
        }
        if first == head && !alone {
            return None;
        }
        // "the European Convention on Human Rights" is a treaty, "the Central Elections
        // Commission" a body: the head must end the name.
        let next = self.doc.tokens.get(head + 1);
        let name_goes_on = next.is_some_and(|token| {
            token.kind == TokenKind::Word
                && token.breaks_before == 0
                && is_capitalized(self.doc.tok(head + 1))
        });
        let joined =
            matches!(self.doc.tok(head + 1), "and" | "&") && is_capitalized(self.doc.tok(head + 2));
        if name_goes_on
            || joined
            || (self.is_word(head + 1, "on") && is_capitalized(self.doc.tok(head + 2)))
        {
            return None;
        }
        // A headline in capitals ("WORLD LEADERS MEET AT SUMMIT") is no name.
        if is_all_caps(word) && word.len() > 3 {
            return None;
        }
        let span = Span::new(self.doc.tokens[first].start, self.doc.tokens[head].end);
        let noun = self
            .lower_tok(head)
            .map_or_else(|| Cow::Owned(word.to_lowercase()), Cow::Borrowed);
        let mut cue = self.base(kind, noun, head, sentence_index);
        cue.first = first;
        cue.named = Some(self.doc.slice(span));
        cue.det = Det::Definite;
        if first > sentence.start
            && let Some(det) = self.lower_tok(first - 1).and_then(cues::determiner)
        {
            cue.first = first - 1;
            cue.det = det;
        }
        Some(cue)
    }

    pub(super) fn noun_cue(
        &self,
        head: usize,
        sentence_index: usize,
        lower_word: &'d str,
        cue_word: CueWord,
    ) -> Option<EventCue<'d>> {
        let prev = head
            .checked_sub(1)
            .and_then(|p| self.lower_tok(p))
            .unwrap_or_default();
        let next = self.lower_tok(head + 1).unwrap_or("");
        let sentence = self.sentence_tokens(sentence_index);
        let mut compound = false;
        let mut verbal = false;
        match lower_word {
            "call" | "calls" => {
                compound = matches!(prev, "telephone" | "phone" | "video");
                if !compound && next != "with" {
                    return None;
                }
            }
            // "spoke by telephone".
            "telephone" | "phone" if prev != "by" => return None,
            "stop" | "stopover"
                if !matches!(next, "in" | "at") || !is_capitalized(self.doc.tok(head + 2)) =>
            {
                return None;
            }
            "visit" | "visits" => {
                verbal = cues::is_modal(prev);
            }
            "meeting" | "meetings" if matches!(prev, "summit") => return None,
            "conference" | "conferences" if matches!(prev, "news" | "press" | "media") => {
                compound = true;
            }
            "vote" if cues::is_modal(prev) => verbal = true,
            _ => {}
        }
        // A news conference is a statement, not a gathering.
        let kind = if lower_word.starts_with("conference") && compound {
            "statement"
        } else {
            cue_word.kind
        };
        // "election campaign", "talks process": the noun only modifies another.
        if cues::is_compound_head(next) {
            return None;
        }
        let mut cue = self.base(kind, Cow::Borrowed(lower_word), head, sentence_index);
        if matches!(lower_word, "telephone" | "phone") {
            cue.noun = Cow::Owned([lower_word, " call"].concat());
        }
        cue.compound = compound;
        cue.verbal = verbal;
        if compound {
            cue.noun = Cow::Owned([prev, " ", &cue.noun].concat());
        }
        // "summit meeting", "peace talks" are one cue.
        if matches!(lower_word, "summit") && matches!(next, "meeting" | "talks") {
            cue.last = head + 1;
        }
        if verbal {
            cue.irrealis = true;
            cue.first = head;
            return Some(cue);
        }
        self.read_phrase(&mut cue, sentence.start);
        if cue.kind == "attack" && !self.is_violent(&cue) {
            return None;
        }
        Some(cue)
    }

    /// "a drone attack", "attacks on Kyiv" are violence; "Kennedy's attack on Blair" is words.
    pub(super) fn is_violent(&self, cue: &EventCue) -> bool {
        let head = self.lower_tok(cue.head).unwrap_or("");
        if head.starts_with("airstrike") || head.starts_with("bombing") {
            return true;
        }
        let premod =
            (cue.first..cue.head).any(|k| self.lower_tok(k).is_some_and(cues::is_violent_modifier));
        let after = cue.last + 1;
        let target = ["on", "in", "against"]
            .iter()
            .any(|w| self.is_word(after, w))
            && self.place_at(after + 1).is_some();
        premod || target || cue.qualifier.is_some()
    }

    /// Reads the phrase before a noun cue: determiner, capitalised modifiers, possessive.
    pub(super) fn read_phrase(&self, cue: &mut EventCue<'d>, floor: usize) {
        let clause_start = self.clause_tokens(cue.clause).start.max(floor);
        let caps_start = self.walk_back(cue, clause_start);
        // Capitalised words right before the noun: demonyms, places, names, qualifiers.
        if caps_start < cue.head {
            self.read_qualifier(cue, caps_start);
        }
        // "Russian missile strikes": the demonym need not touch the noun.
        if cue.agent.is_none() && matches!(cue.kind, "war" | "attack") {
            self.read_distant_agent(cue);
        }
        // Wishes and negation just before the phrase ("will seek a deal", "no agreement").
        let mut token = cue.first;
        let mut steps = 0;
        while token > clause_start && steps < 6 {
            token -= 1;
            steps += 1;
            if let Some(word) = self.lower_tok(token)
                && cues::is_irrealis(word)
            {
                cue.irrealis = true;
                break;
            }
        }
        if cue.det == Det::Generic {
            cue.irrealis = true;
        }
    }

    /// Walks back from the noun to the start of its phrase, at most six words: sets the
    /// determiner, the possessive's agent, wishes inside the phrase and `first`; returns where
    /// the capitalised words right before the noun start (the noun itself when none).
    fn walk_back(&self, cue: &mut EventCue<'d>, clause_start: usize) -> usize {
        let head = cue.head;
        let mut start = head;
        let mut caps_start = head;
        let mut caps_contiguous = true;
        let mut steps = 0;
        let compound = usize::from(cue.compound);
        while start > clause_start && steps < 6 {
            let prev = start - 1;
            if prev + compound == head && compound == 1 {
                start = prev;
                continue;
            }
            let token = &self.doc.tokens[prev];
            let word = self.doc.tok(prev);
            if token.kind == TokenKind::Punct {
                break;
            }
            if word == "'s" || word == "\u{2019}s" || word == "'" {
                start = self.read_possessive(cue, prev);
                break;
            }
            let lower = self.lower_tok(prev).unwrap_or("");
            if let Some(det) = cues::determiner(lower) {
                if cue.det != Det::Another {
                    cue.det = det;
                }
                start = prev;
                if det == Det::Another {
                    steps += 1;
                    continue;
                }
                break;
            }
            if cues::ends_phrase(lower) {
                break;
            }
            if cues::is_irrealis(lower) {
                cue.irrealis = true;
            }
            if is_capitalized(word) || token.kind == TokenKind::Number {
                if caps_contiguous {
                    caps_start = prev;
                }
            } else {
                caps_contiguous = false;
            }
            start = prev;
            steps += 1;
        }
        cue.first = start;
        caps_start
    }

    /// "Russia's invasion", "Petrenko's visit": the possessive at token `mark` names the agent;
    /// returns the first token of the phrase.
    fn read_possessive(&self, cue: &mut EventCue<'d>, mark: usize) -> usize {
        cue.det = Det::Definite;
        let Some(owner) = mark.checked_sub(1) else {
            return mark.saturating_sub(1);
        };
        let Some(mention) = self.mention_covering(owner) else {
            return mark.saturating_sub(1);
        };
        let who = self.short_name(mention.actor);
        // "Russia's invasion" keeps its possessive; "Petrenko's visit" is built by the label.
        cue.agent = Some(if matches!(cue.kind, "war" | "attack") {
            Cow::Owned([who, "'s"].concat())
        } else {
            Cow::Borrowed(who)
        });
        cue.agent_actor = Some(mention.actor);
        self.doc
            .tokens
            .partition_point(|token| token.start < mention.bytes.start)
            .min(owner)
    }

    /// The capitalised words from `caps_start` to the noun: a demonym right before a war or
    /// attack is its agent; bodies and words that are no actor qualify the noun ("the G7
    /// summit", "G20 summit").
    fn read_qualifier(&self, cue: &mut EventCue<'d>, caps_start: usize) {
        let head = cue.head;
        let before_noun = head - usize::from(cue.compound);
        // The words joined by spaces, built in place.
        let mut qualifier = String::new();
        let mut push = |word: &str| {
            if !qualifier.is_empty() {
                qualifier.push(' ');
            }
            qualifier.push_str(word);
        };
        let mut token = caps_start;
        while token < before_noun {
            if let Some(mention) = self.mention_covering(token) {
                let kind = self.actor_kind(mention);
                if token + 1 == before_noun
                    && cue.agent.is_none()
                    && kind != Some(ActorKind::Place)
                    && matches!(cue.kind, "war" | "attack")
                {
                    cue.agent = Some(Cow::Borrowed(self.doc.tok(token)));
                    cue.agent_actor = Some(mention.actor);
                }
                // "the G7 summit", "an EU summit": a body before the noun names it.
                if matches!(kind, Some(ActorKind::Organisation | ActorKind::Group))
                    && mention.form == MentionForm::Name
                {
                    push(self.doc.slice(mention.bytes));
                }
                let end = mention.bytes.end;
                while token < head && self.doc.tokens[token].end <= end {
                    token += 1;
                }
                continue;
            }
            if !self.timex_covers(token) && !cues::is_name_stop(self.doc.tok(token)) {
                push(self.doc.tok(token));
            }
            token += 1;
        }
        if !qualifier.is_empty() {
            cue.qualifier = Some(qualifier);
        }
    }

    /// "Russian missile strikes": a country, group or body anywhere in the phrase is the agent
    /// of a war or attack.
    fn read_distant_agent(&self, cue: &mut EventCue<'d>) {
        for token in cue.first..cue.head {
            if let Some(mention) = self.mention_covering(token)
                && matches!(
                    self.actor_kind(mention),
                    Some(ActorKind::Country | ActorKind::Group | ActorKind::Organisation)
                )
            {
                cue.agent = Some(Cow::Borrowed(self.doc.slice(mention.bytes)));
                cue.agent_actor = Some(mention.actor);
                break;
            }
        }
    }

    pub(super) fn verb_cue(
        &self,
        head: usize,
        sentence_index: usize,
        lower_word: &'d str,
        cue_word: CueWord,
    ) -> Option<EventCue<'d>> {
        let prev = head
            .checked_sub(1)
            .and_then(|p| self.lower_tok(p))
            .unwrap_or_default();
        match lower_word {
            // "so-called", "called for", "called on": only "called" + a person is a call.
            "called" => {
                let mention = self.mention_at(head + 1)?;
                if self.actor_kind(mention) != Some(ActorKind::Person) {
                    return None;
                }
            }
            // "attacked the decision" is criticism: an attack or invasion hits a place.
            "invaded" | "attacked" | "bombed" => {
                let obj = if self.is_word(head + 1, "the") {
                    head + 2
                } else {
                    head + 1
                };
                let mention = self.mention_at(obj)?;
                if !matches!(
                    self.actor_kind(mention),
                    Some(ActorKind::Place | ActorKind::Country)
                ) {
                    return None;
                }
            }
            // "had signed an agreement": the agreement is the event.
            "signed" => {
                // "The agreement, signed on 16 January," too: the sentence, not the clause.
                let sentence = self.sentence_tokens(sentence_index);
                let from = head.saturating_sub(4).max(sentence.start);
                let has_deal = (from..sentence.end.min(head + 6)).any(|k| {
                    self.lower_tok(k)
                        .and_then(cues::noun)
                        .is_some_and(|word| word.kind == "agreement")
                });
                if has_deal {
                    return None;
                }
            }
            _ => {}
        }
        // "meeting" as a noun is read by `noun_cue`; "to meet" / "will meet" are wishes.
        let mut cue = self.base(
            cue_word.kind,
            Cow::Borrowed(cue_word.noun.unwrap_or(lower_word)),
            head,
            sentence_index,
        );
        cue.verbal = true;
        cue.first = head;
        let clause_start = self.clause_tokens(cue.clause).start;
        let mut token = head;
        let mut steps = 0;
        while token > clause_start && steps < 4 {
            token -= 1;
            steps += 1;
            if let Some(word) = self.lower_tok(token)
                && (cues::is_modal(word) || cues::is_irrealis(word))
            {
                cue.irrealis = true;
                break;
            }
        }
        if lower_word == "meet" && !cue.irrealis && !prev.is_empty() {
            // A bare present "meet" in news is nearly always a plan or a habit.
            cue.irrealis = true;
        }
        // "Russia invaded Ukraine": the subject is the agent of an invasion or attack.
        if matches!(cue.kind, "war" | "attack") {
            let clause_bytes = self.byte_span(self.clause_tokens(cue.clause));
            let before_verb = Span::new(clause_bytes.start, self.doc.tokens[head].start);
            let subject = self
                .mentions_in(before_verb)
                .filter(|mention| self.actor_kind(mention) != Some(ActorKind::Place))
                .last()
                .map(|mention| mention.actor);
            if let Some(agent) = subject {
                // A person "attacked the UK" in words; countries and armed groups attack.
                if self
                    .actors
                    .get(agent)
                    .is_some_and(|actor| actor.kind == ActorKind::Person)
                {
                    return None;
                }
                cue.agent = Some(Cow::Owned([self.short_name(agent), "'s"].concat()));
                cue.agent_actor = Some(agent);
            }
        }
        Some(cue)
    }

    /// "X announced that …": when a sentence tells another event, the report of it is not one.
    pub(super) fn drop_reporting_cues(&self, event_cues: &mut Vec<EventCue<'d>>) {
        // Cues are in text order: the sentences that tell something besides statements.
        let mut telling: Vec<usize> = event_cues
            .iter()
            .filter(|cue| cue.kind != "statement")
            .map(|cue| cue.sentence)
            .collect();
        telling.dedup();
        let keep: Vec<bool> = event_cues
            .iter()
            .map(|cue| cue.kind != "statement" || telling.binary_search(&cue.sentence).is_err())
            .collect();
        // "announced on 12 February that he had made a call": the report's date is the date of
        // what it reports, later in its clause.
        for index in 0..event_cues.len() {
            if keep[index] || event_cues[index].date.is_none() {
                continue;
            }
            let (clause, head) = (event_cues[index].clause, event_cues[index].head);
            let (date, span) = (event_cues[index].date.clone(), event_cues[index].date_span);
            for other in event_cues[index + 1..].iter_mut() {
                if other.clause != clause {
                    break;
                }
                if other.head > head
                    && other.date.is_none()
                    && !other.irrealis
                    && other.det != Det::Definite
                {
                    other.date = date.clone();
                    other.date_span = span;
                    break;
                }
            }
        }
        let mut keeps = keep.into_iter();
        event_cues.retain(|_| keeps.next().unwrap_or(true));
    }
}
