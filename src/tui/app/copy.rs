//! `y`: what is copied to the clipboard (sent by OSC 52 by the event loop, see
//! [`crate::tui::clip`]): the sentence being read, or the selected event's sentence, followed
//! by the article's title, source and date; in the library view, the article's title, source
//! and date; in the actor detail view, the entry under the cursor (a quotation with its
//! speaker, an event's sentence, a sentence naming the actor). Plain text on one line: control
//! characters removed.
//!
//! The sentence being read: the timeline's event under the cursor while the timeline has the
//! focus; else the current mention or search match when on screen; else the selected event's
//! sentence when on screen; else the first sentence that starts on screen (or the one the top
//! row is in).

use super::App;
use crate::model::Span;
use crate::tui::clip;
use crate::tui::layout::Panel;
use crate::tui::wrap;

impl App {
    /// The sentence `y` copies, as a span of the text (see the module docs).
    pub fn copy_span(&self) -> Option<Span> {
        let text = &self.article()?.text;
        let p = self.prepared();
        let sentence_at = |pos: usize| -> Option<Span> {
            match p {
                Some(p) => p.sentence_at(pos),
                None => crate::segment::Document::new(text)
                    .sentences
                    .iter()
                    .map(|s| s.span)
                    .find(|s| s.start <= pos && pos < s.end),
            }
        };
        if self.focus == Panel::Timeline {
            let ev = p?.analysis.events.get(self.event_cursor)?;
            if ev.start >= ev.end {
                return None;
            }
            let s = sentence_at(ev.start).unwrap_or(ev.span());
            return Some(Span::new(s.start.min(ev.start), s.end.max(ev.end)));
        }
        let h = usize::from(self.plan().text.height);
        let top = self.top_line();
        let rows = self
            .wrapped
            .lines
            .get(top..(top + h).min(self.wrapped.lines.len()))?;
        let first = rows.first()?.start;
        let last = rows.last().map_or(first, |r| r.end);
        let on_screen = |pos: usize| {
            let line = wrap::line_of(&self.wrapped.lines, pos);
            line >= top && line < top + h
        };
        if let Some(spot) = self.current_spot().filter(|s| on_screen(s.start)) {
            return sentence_at(spot.start).or(Some(spot));
        }
        if let Some(s) = self.event_sentence().filter(|s| on_screen(s.start)) {
            return Some(s);
        }
        // The first sentence starting on screen, in a row shown (a filter hides some).
        let starts = |s: &Span| {
            s.start >= first && s.start < last && on_screen(s.start) && {
                let l = wrap::line_of(&self.wrapped.lines, s.start);
                self.wrapped
                    .lines
                    .get(l)
                    .is_some_and(|r| r.start <= s.start && s.start <= r.end)
            }
        };
        let from_analysis = p.and_then(|p| p.analysis.sentences.iter().copied().find(starts));
        from_analysis.or_else(|| sentence_at(first))
    }

    /// What `y` copies: the sentence and where it is from, or in the library view the article
    /// under the cursor; plain text.
    pub fn copy_text(&self) -> Option<String> {
        if self.libview.on {
            let i = *self.libview.rows.get(self.libview.cursor)?;
            let a = self.shelf.articles.get(i)?;
            return Some(clip::plain(&self.provenance(a)));
        }
        let a = self.article()?;
        if let Some(text) = self.detail_copy_text(a) {
            return Some(text);
        }
        let span = self.copy_span()?;
        let sentence = a.text.get(span.start..span.end)?;
        let sentence = clip::plain(sentence);
        if sentence.is_empty() {
            return None;
        }
        Some(clip::plain(&format!("{sentence} — {}", self.provenance(a))))
    }

    /// In the actor detail view, the entry under the cursor: a quotation in quotation marks with
    /// its speaker ("“We will not sell the harbour,” said Ada Quint — Title, Source, Date"), an
    /// event's or a naming sentence.
    fn detail_copy_text(&self, a: &crate::model::Article) -> Option<String> {
        use super::detail::Target;
        let d = self.detail?;
        let p = self.prepared()?;
        let target = self.detail_targets().get(d.cursor).copied()?;
        let said = match target {
            Target::Quote(j) => {
                let q = p.analysis.quotes.get(j)?;
                let words = clip::plain(a.text.get(q.start..q.end)?);
                let who = q
                    .speaker
                    .as_deref()
                    .and_then(|id| p.analysis.actors.iter().find(|x| x.id == id))
                    .map(|x| x.name.as_str());
                match who {
                    Some(name) => format!("\u{201c}{words}\u{201d} said {name}"),
                    None => format!("\u{201c}{words}\u{201d}"),
                }
            }
            Target::Event(j) => {
                let e = p.analysis.events.get(j)?;
                let s = p.sentence_at(e.start).unwrap_or(e.span());
                clip::plain(a.text.get(s.start..s.end)?)
            }
            Target::Sentence(s, _) => clip::plain(a.text.get(s.start..s.end)?),
        };
        if said.is_empty() {
            return None;
        }
        Some(clip::plain(&format!("{said} — {}", self.provenance(a))))
    }

    /// An article's title, source and date, as a copy ends.
    fn provenance(&self, a: &crate::model::Article) -> String {
        let mut parts = vec![a.title.clone()];
        parts.extend(a.source.clone());
        parts.extend(a.published.map(|d| d.strftime("%-d %B %Y").to_string()));
        parts.join(", ")
    }

    /// `y`: asks the event loop to put [`App::copy_text`] on the clipboard, and says so.
    pub(super) fn copy(&mut self) {
        if !self.clipboard_on {
            self.notice = Some(format!(
                "copying is off (config.json \"clipboard\" or {})",
                clip::ENV
            ));
            return;
        }
        let Some(text) = self.copy_text() else {
            self.notice = Some("nothing to copy here".into());
            return;
        };
        let shown = crate::tui::widgets::truncate(&crate::safe::sanitize(&text), 48);
        self.notice = Some(format!("copied: {shown}"));
        self.clipboard = Some(text);
    }

    /// The text to put on the clipboard, once (the event loop sends it by OSC 52).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}
