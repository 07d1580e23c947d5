//! The tense of the clause around an expression: what a bare weekday or month resolves by.

use super::Matcher;
use super::lex::{self, Class, Keyword, Tense};

impl Matcher<'_, '_> {
    /// The tense of the clause around tokens `s..e`: the nearest marker to the left, then right.
    pub(super) fn tense(&self, s: usize, e: usize) -> Tense {
        // "through January", "by Friday": a limit, that a past verb does not push back.
        let limit = s > self.sentence_start
            && matches!(
                self.class(s - 1),
                Class::Keyword(Keyword::Through | Keyword::By)
            );
        match self.clause_tense(s, e) {
            Tense::Past if limit => Tense::Unknown,
            t => t,
        }
    }

    pub(super) fn clause_tense(&self, s: usize, e: usize) -> Tense {
        // "until Friday" looks ahead ("postponed the vote until Thursday"), unless it opens a
        // past clause ("Until Thursday, they had not named him").
        if s > self.sentence_start && self.is_keyword(s - 1, Keyword::Until) {
            let opens =
                s - 1 == self.sentence_start || matches!(self.word(s - 2), "," | "``" | "\"");
            return match self.right_tense(e) {
                Tense::Past if opens => Tense::Past,
                _ => Tense::Future,
            };
        }
        // "payable Dec. 7", "effective Feb. 1": a date set ahead, whatever the verb.
        if s > self.sentence_start
            && (matches!(self.word(s - 1), "payable" | "effective" | "due")
                || s > self.sentence_start + 1
                    && self.word(s - 2) == "of"
                    && self.word(s - 1) == "record")
        {
            return Tense::Future;
        }
        // "as soon as Tuesday", "as early as next week".
        if s >= self.sentence_start + 3
            && self.word(s - 1).eq_ignore_ascii_case("as")
            && matches!(self.word(s - 2), "soon" | "early")
        {
            return Tense::Future;
        }
        self.marked_tense(s, e)
    }

    /// The tense of the nearest marker to the left of `s`, then to the right of `e`.
    pub(super) fn marked_tense(&self, s: usize, e: usize) -> Tense {
        let mut i = s;
        let mut looked = 0;
        while i > self.sentence_start && looked < 12 {
            i -= 1;
            looked += 1;
            if matches!(self.word(i), ";" | ":") {
                break;
            }
            let word = self.word(i);
            // "planned a rally on Saturday", "scheduled for Monday": arranged ahead.
            if matches!(word, "planned" | "scheduled")
                && matches!(self.word(i + 1), "a" | "an" | "the" | "to" | "for")
            {
                return Tense::Future;
            }
            // "a still unspecified date", "the revised plan": an adjective, not a verb.
            if word.ends_with("ed")
                && i > self.sentence_start
                && matches!(
                    self.word(i - 1),
                    "a" | "an"
                        | "the"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "this"
                        | "that"
                        | "still"
                        | "newly"
                        | "so"
                        | "very"
                )
            {
                continue;
            }
            if let Some(t) = lex::tense_marker(word) {
                // A participle after a form of "be" takes the tense of the auxiliary: "is
                // heard" present, "would be held" whatever precedes "be".
                if t == Tense::Past
                    && !matches!(word, "was" | "were" | "had" | "did" | "has" | "have")
                {
                    let aux = (1..=2)
                        .filter_map(|k| i.checked_sub(k).filter(|p| *p >= self.sentence_start))
                        .map(|p| self.word(p))
                        .find(|a| {
                            matches!(
                                *a,
                                "is" | "are" | "am" | "be" | "being" | "was" | "were" | "been"
                            )
                        });
                    match aux {
                        Some("is" | "are" | "am") => return Tense::Present,
                        Some("be" | "being") => continue,
                        _ => {}
                    }
                }
                return t;
            }
            // "planned to leave on Thursday": an infinitive after a word of intent looks ahead.
            if word == "to"
                && i + 1 < s
                && i > self.sentence_start
                && self.word(i + 1).bytes().all(|b| b.is_ascii_lowercase())
                && self.class(i + 1) == Class::Other
                && lex::is_intent(self.word(i - 1))
            {
                return Tense::Future;
            }
        }
        // An expression that opens its sentence ("In January, a week after ..., a bomb
        // killed") waits for the main verb further on.
        let opens = s <= self.sentence_start + 1;
        self.right_tense_within(e, if opens { 20 } else { 8 })
    }

    /// The tense of the nearest marker in the few tokens from `e`.
    pub(super) fn right_tense(&self, e: usize) -> Tense {
        self.right_tense_within(e, 8)
    }

    pub(super) fn right_tense_within(&self, e: usize, n: usize) -> Tense {
        for j in e..self.sentence_end.min(e + n) {
            let w = self.word(j);
            // "vacation plans", "the due date": nouns and adjectives, unless "plans to".
            if matches!(w, "plans" | "due" | "expected") && self.word(j + 1) != "to" {
                continue;
            }
            if let Some(t) = lex::tense_marker(w) {
                return t;
            }
        }
        Tense::Unknown
    }
}
