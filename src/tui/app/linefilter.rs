//! The line filter (`&pattern`, as in less): only the paragraphs holding the pattern are shown
//! (case ignored unless it has a capital, as the search). An empty pattern shows everything
//! again. It narrows the actor filter (`f`) too: with both on, the actor's sentences that hold
//! the pattern. It stays on from article to article (the status line says when one has nothing
//! that matches). Display only: offsets into the text are unchanged.

use super::{App, Wrapped};
use crate::tui::keymap::{Key, KeyName};
use crate::tui::wrap;

/// The line filter's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineFilter {
    /// The pattern is being typed (after `&`).
    pub typing: bool,
    /// What is typed.
    pub input: String,
    /// The pattern in force.
    pub pattern: Option<String>,
}

impl App {
    /// `&`: starts typing a pattern (the one in force to edit).
    pub(super) fn start_line_filter(&mut self) {
        self.linefilter.typing = true;
        self.linefilter.input = self.linefilter.pattern.clone().unwrap_or_default();
        // In the narrow layout the text is behind the panel: show it.
        if self.mode() == crate::tui::layout::Mode::Narrow {
            self.focus = crate::tui::layout::Panel::Body;
        }
    }

    /// A key while the pattern is typed: Enter applies it (empty: shows everything), Esc
    /// leaves the filter as it was.
    pub(super) fn line_filter_key(&mut self, key: Key) {
        let f = &mut self.linefilter;
        match key.code {
            KeyName::Char(c) if !key.ctrl && !key.alt => f.input.push(c),
            KeyName::Backspace => {
                f.input.pop();
            }
            KeyName::Esc => {
                f.typing = false;
                f.input.clear();
            }
            KeyName::Enter => {
                f.typing = false;
                let input = std::mem::take(&mut f.input);
                self.set_line_filter((!input.is_empty()).then_some(input));
            }
            _ => {}
        }
    }

    /// Puts `pattern` in force (`None`: none). A pattern found nowhere in the text is not
    /// applied (the screen would be empty), and the status line says so. Turning it on shows
    /// the first matching paragraph at the top; turning it off keeps the row at the top of the
    /// view where it was in the text.
    pub(super) fn set_line_filter(&mut self, pattern: Option<String>) {
        if let Some(p) = &pattern {
            let found = self
                .article()
                .is_some_and(|a| !wrap::search(&a.text, p).is_empty());
            if !found {
                self.notice = Some(format!("no paragraph matches: {p}"));
                return;
            }
        }
        if pattern == self.linefilter.pattern {
            return;
        }
        let anchor = self
            .wrapped
            .lines
            .get(self.top_line())
            .map_or(self.top, |l| l.start);
        let off = pattern.is_none();
        self.linefilter.pattern = pattern;
        self.wrapped = Wrapped::default();
        self.sync();
        if off {
            let line = wrap::line_of(&self.wrapped.lines, anchor);
            self.set_top_line(line);
        } else {
            self.top = 0;
        }
    }

    /// `blocks` with only those holding the pattern in force (all when none). Blocks kept are
    /// no longer tight to the one before: it may be gone.
    pub(super) fn line_filtered(&self, text: &str, blocks: Vec<wrap::Block>) -> Vec<wrap::Block> {
        let Some(p) = &self.linefilter.pattern else {
            return blocks;
        };
        blocks
            .into_iter()
            .filter(|b| {
                text.get(b.span.start..b.span.end)
                    .is_some_and(|t| !wrap::search(t, p).is_empty())
            })
            .map(|b| wrap::Block { tight: false, ..b })
            .collect()
    }

    /// What the status line says of the line filter: the pattern being typed, or in force.
    pub fn line_filter_status(&self) -> Option<String> {
        let f = &self.linefilter;
        let clean = |s: &str| crate::safe::sanitize(s).into_owned();
        if f.typing {
            Some(format!("· &{}▏ ", clean(&f.input)))
        } else {
            // It stays on from article to article: one with nothing that matches says so.
            let none = if self.wrapped.lines.is_empty() {
                ", no match here"
            } else {
                ""
            };
            f.pattern
                .as_ref()
                .map(|p| format!("· &{} filter on{none} ", clean(p)))
        }
    }
}
