//! The library scope (issue 16): the actors and timeline panels across every article the
//! reader holds, and "since last time". The library's briefing is made on a thread of its own
//! ([`crate::tui::merged`]); until it is back the panels say how far it got and no key waits
//! for it.
//!
//! In library scope `Enter` on an actor lists the articles that mention it (Enter there opens
//! one at its first mention), and `n`/`N` step through its mentions across the articles, each
//! article opened at the mention. `Enter` on an event goes to its sentence in the first article
//! that reports it, and again to the next one's. A jump to another article waits for that
//! article's analysis when it is not made yet ([`Target`]), and is made when it arrives.

mod actor;

use std::sync::Arc;
use std::time::Duration;

use super::{App, Search};
use crate::tui::action::Action;
use crate::tui::keymap::Key;
use crate::tui::layout::{Mode, Panel, SideContent};
use crate::tui::merged::{self, AnalyseFn, Job, Merged, Poll, Source};
use crate::tui::prepared::ActorRow;
pub use actor::LibEntry;

/// The state of the library scope.
#[derive(Debug, Default)]
pub struct Scope {
    /// The actors and timeline panels show the whole library (else the article on screen).
    pub library: bool,
    /// The library's briefing, when made (see [`App::merged`] for one that fits the list).
    pub merged: Option<Box<Merged>>,
    job: Option<Job>,
    /// How far the briefing being made got: articles analysed, of how many.
    pub progress: Option<(usize, usize)>,
    /// The briefing could not be made (its thread is gone).
    pub failed: bool,
    /// The cursor in the library's actors.
    pub actor_cursor: usize,
    /// The cursor in the library's timeline.
    pub event_cursor: usize,
    /// The library actor whose mentions `n`/`N` step through, and the step now (an index
    /// into all its mentions, article after article), if one was taken.
    pub actor: Option<(usize, Option<usize>)>,
    /// The library event `Enter` goes through, and the member (report) shown last.
    pub event: Option<(usize, usize)>,
    /// A list over the screen, when open.
    pub overlay: Option<Overlay>,
    /// A jump waiting for its article's analysis.
    pending: Option<Target>,
    /// How the briefing's articles are analysed, when not as the reader's (tests).
    analyser: Option<Analyser>,
}

/// An analysis function given by [`App::set_library_analyser`].
#[derive(Clone)]
struct Analyser(Arc<AnalyseFn>);

impl std::fmt::Debug for Analyser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyser")
    }
}

/// A list shown over the panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The articles that mention a library actor: one row per member.
    Mentions {
        /// The library actor.
        actor: usize,
        /// The cursor row.
        cursor: usize,
    },
    /// What is new since the reader was last opened.
    Since {
        /// The cursor row (an index into [`App::since_rows`]).
        cursor: usize,
    },
    /// A library actor in full (`i`; see `scope/actor.rs`).
    Actor {
        /// The library actor.
        actor: usize,
        /// The entry under the cursor (an index into [`App::library_detail_entries`]).
        cursor: usize,
        /// The first row shown.
        scroll: usize,
    },
}

/// One row of the "since last time" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SinceRow {
    /// A heading ("New articles (3)").
    Heading(String),
    /// A line to read, not to select.
    Note(String),
    /// A new article (its index).
    Article(usize),
    /// A new library actor (index into the briefing's actors).
    Actor(usize),
    /// A new library event (index into the briefing's events).
    Event(usize),
}

impl SinceRow {
    fn selectable(&self) -> bool {
        matches!(
            self,
            SinceRow::Article(_) | SinceRow::Actor(_) | SinceRow::Event(_)
        )
    }
}

/// Where to go once an article's analysis is there.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// The `k`th mention of the article actor `actor` (its id).
    Mention {
        article: usize,
        actor: String,
        k: usize,
    },
    /// The article's event `event` (an index into its events).
    Event { article: usize, event: usize },
    /// A quotation of the article actor `actor` (its id) starting at byte `at`.
    Quote {
        article: usize,
        actor: String,
        at: usize,
    },
}

/// How long a headless replay waits for the library's briefing after a key.
pub const HEADLESS_WAIT: Duration = Duration::from_secs(300);

impl App {
    /// The library's briefing, when made for the articles listed now.
    pub fn merged(&self) -> Option<&Merged> {
        self.scope
            .merged
            .as_deref()
            .filter(|m| m.fits(&self.shelf.articles))
    }

    /// The library's briefing analyses its articles with `analyse` (tests: a slow one, to see
    /// the panels while it runs); by default as the reader analyses the article on screen.
    pub fn set_library_analyser(&mut self, analyse: Arc<AnalyseFn>) {
        self.scope.analyser = Some(Analyser(analyse));
    }

    /// Whether the library's briefing is being made.
    pub fn scope_pending(&self) -> bool {
        self.scope.job.is_some()
    }

    /// The status line's hints while a library list has the keys: over the screen, or a
    /// library panel with the focus; `None` otherwise (the panel's own).
    pub fn scope_hints(&self) -> Option<&'static [Action]> {
        if self.scope.overlay.is_some() {
            return Some(&[Action::Down, Action::Activate, Action::Clear, Action::Help]);
        }
        if !self.scope.library {
            return None;
        }
        match self.focus {
            Panel::Actors => Some(&[
                Action::Down,
                Action::Activate,
                Action::Next,
                Action::LibraryScope,
                Action::Help,
                Action::Quit,
            ]),
            Panel::Timeline => Some(&[
                Action::Down,
                Action::Activate,
                Action::LibraryScope,
                Action::Help,
                Action::Quit,
            ]),
            _ => None,
        }
    }

    /// The side column's content in library scope (how actors and timeline share it).
    pub(super) fn scope_side(&self) -> Option<SideContent> {
        if !self.scope.library {
            return None;
        }
        Some(
            self.merged()
                .map_or_else(SideContent::default, |m| SideContent {
                    actor_rows: m.briefing.actors.len(),
                    events: m.briefing.events.len(),
                }),
        )
    }

    /// What of the library scope decides the screen (for [`App::key`]'s "did it change").
    pub(super) fn scope_view(&self) -> impl PartialEq + use<> {
        let s = &self.scope;
        (
            (s.library, s.actor_cursor, s.event_cursor, s.actor, s.event),
            (s.overlay, s.progress, s.failed, self.merged().is_some()),
        )
    }

    /// Starts making the library's briefing, unless it is being made.
    fn start_merge(&mut self) {
        if self.scope.job.is_some() {
            return;
        }
        let source = match self.shelf.library() {
            Some(lib) => Source::Library(lib.clone()),
            None => Source::Articles(self.shelf.articles.clone()),
        };
        let ids = self.shelf.articles.iter().map(merged::article_id).collect();
        let options = self.shelf.options();
        // As the article on screen is analysed: through the cache when the reader has a
        // worker (the interactive reader), else directly (headless), so that the ids and event
        // numbers of the briefing are those of the analysis the article opens with.
        let analyse: Arc<AnalyseFn> = if let Some(a) = &self.scope.analyser {
            Arc::clone(&a.0)
        } else if self.shelf.has_worker() {
            let cache = crate::cache::Cache::open();
            Arc::new(move |a| crate::cache::analyse(cache.as_ref(), a, &options).0)
        } else {
            Arc::new(move |a| crate::analyze(a, &crate::folder::options_for(a, &options)))
        };
        self.scope.failed = false;
        self.scope.progress = Some((0, self.shelf.articles.len()));
        self.scope.job = Some(Job::spawn(source, ids, analyse));
    }

    /// Whether the briefing is wanted now and missing: the library scope or "since last time"
    /// is on, and none fits the list.
    fn merge_wanted(&self) -> bool {
        (self.scope.library || matches!(self.scope.overlay, Some(Overlay::Since { .. })))
            && self.scope.job.is_none()
            && !self.scope.failed
            && self.merged().is_none()
            && !self.shelf.scan_pending()
            && !self.shelf.articles.is_empty()
    }

    /// Takes the library's briefing when made, its progress, and makes a jump that was waiting
    /// for an analysis; returns whether the screen changed.
    pub fn receive_scope(&mut self) -> bool {
        let mut changed = match self.scope.job.as_ref().map(Job::poll) {
            Some(poll) => self.take_poll(poll),
            None => false,
        };
        changed |= self.apply_pending();
        if self.merge_wanted() {
            // The list changed under it (`r`, the scan finished): made again.
            self.start_merge();
            changed = true;
        }
        changed
    }

    /// Waits at most `timeout` for the library's briefing when it is being made (headless
    /// replays, where the screen must not depend on timing).
    pub fn wait_scope(&mut self, timeout: Duration) {
        if self.merge_wanted() {
            self.start_merge();
        }
        if let Some(poll) = self.scope.job.as_ref().map(|j| j.wait(timeout)) {
            self.take_poll(poll);
        }
        self.apply_pending();
    }

    fn take_poll(&mut self, poll: Poll) -> bool {
        match poll {
            Poll::Running(done, total) => {
                // Redrawn every twentieth of the way, not after every article.
                let step = |d: usize| d * 20 / total.max(1);
                let before = self.scope.progress;
                self.scope.progress = Some((done, total));
                before.is_none_or(|(d, _)| step(d) != step(done))
                    && (self.scope.library || self.scope.overlay.is_some())
            }
            Poll::Done(m) => {
                self.scope.job = None;
                self.scope.progress = None;
                let fits = m.fits(&self.shelf.articles);
                if fits {
                    let failed = if m.failed > 0 {
                        format!(" ({} could not be read)", m.failed)
                    } else {
                        String::new()
                    };
                    self.notice = Some(format!(
                        "library: {} article{}{failed}, {} actors, {} events, ready in {:.1} s",
                        m.articles.len(),
                        if m.articles.len() == 1 { "" } else { "s" },
                        m.briefing.actors.len(),
                        m.briefing.events.len(),
                        m.took.as_secs_f64()
                    ));
                }
                // A timeline not looked at yet starts at the year most of its events are in
                // (a library of this year's news also dates a treaty of 1707).
                if self.scope.event_cursor == 0
                    && let Some(y) = m.year.map(|y| y.to_string())
                {
                    self.scope.event_cursor = m
                        .briefing
                        .events
                        .iter()
                        .position(|e| e.date.as_deref().is_some_and(|d| d.starts_with(&y)))
                        .unwrap_or(0);
                }
                self.scope.merged = Some(m);
                self.clamp_scope();
                // "Since last time" opened before: its cursor on its first row to go to.
                self.since_first();
                true
            }
            Poll::Gone => {
                self.scope.job = None;
                self.scope.progress = None;
                self.scope.failed = true;
                true
            }
        }
    }

    fn clamp_scope(&mut self) {
        let (na, ne) = self.merged().map_or((0, 0), |m| {
            (m.briefing.actors.len(), m.briefing.events.len())
        });
        self.scope.actor_cursor = self.scope.actor_cursor.min(na.saturating_sub(1));
        self.scope.event_cursor = self.scope.event_cursor.min(ne.saturating_sub(1));
        if self.scope.actor.is_some_and(|(k, _)| k >= na) {
            self.scope.actor = None;
        }
        if self.scope.event.is_some_and(|(k, _)| k >= ne) {
            self.scope.event = None;
        }
    }

    /// The library scope's part of [`App::update`]: the scope's own actions, and the moves,
    /// `Enter`, `n`/`N` and `Esc` while a library panel has the focus. Returns whether it
    /// took the action.
    pub(super) fn scope_update(&mut self, action: Action) -> bool {
        match action {
            Action::LibraryScope => {
                self.toggle_scope();
                return true;
            }
            Action::SinceLast => {
                self.open_since();
                return true;
            }
            Action::Next | Action::Prev => return self.scope_step(action == Action::Next),
            _ => {}
        }
        let on_panel = matches!(self.focus, Panel::Actors | Panel::Timeline);
        if !self.scope.library || !on_panel {
            return false;
        }
        let page = self
            .plan()
            .panel(self.focus)
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1));
        let page = isize::try_from(page).unwrap_or(1);
        match action {
            Action::Down => self.scope_move(1),
            Action::Up => self.scope_move(-1),
            Action::PageDown => self.scope_move(page),
            Action::PageUp => self.scope_move(-page),
            Action::HalfPageDown => self.scope_move((page / 2).max(1)),
            Action::HalfPageUp => self.scope_move(-(page / 2).max(1)),
            Action::Top => self.scope_move(isize::MIN / 2),
            Action::Bottom => self.scope_move(isize::MAX / 2),
            Action::Activate => self.scope_activate(),
            Action::Clear => return self.scope_clear(),
            _ => return false,
        }
        true
    }

    /// `A`: the actors and timeline panels between this article and all articles.
    fn toggle_scope(&mut self) {
        self.scope.library = !self.scope.library;
        if !self.scope.library {
            self.notice = Some("actors and timeline: this article".into());
            return;
        }
        if !matches!(self.focus, Panel::Actors | Panel::Timeline) {
            self.focus = Panel::Actors;
        }
        self.reading = false;
        let n = self.shelf.articles.len();
        if self.merged().is_none() {
            self.start_merge();
            self.notice = Some(format!(
                "actors and timeline: all {n} article{}, analysing…",
                if n == 1 { "" } else { "s" }
            ));
        } else {
            self.notice = Some(format!(
                "actors and timeline: all {n} article{}",
                if n == 1 { "" } else { "s" }
            ));
        }
    }

    fn scope_move(&mut self, delta: isize) {
        let (na, ne) = self.merged().map_or((0, 0), |m| {
            (m.briefing.actors.len(), m.briefing.events.len())
        });
        let add = |cur: usize, len: usize| {
            if len == 0 {
                0
            } else {
                cur.saturating_add_signed(delta).min(len - 1)
            }
        };
        if self.focus == Panel::Actors {
            self.scope.actor_cursor = add(self.scope.actor_cursor, na);
        } else {
            self.scope.event_cursor = add(self.scope.event_cursor, ne);
        }
    }

    /// The notice while the briefing is not made.
    fn not_ready(&self) -> String {
        if self.scope.failed {
            return "the library could not be analysed".into();
        }
        match self.scope.progress {
            Some((d, t)) => format!("the library is being analysed: {d}/{t} articles"),
            None => "the library is being analysed".into(),
        }
    }

    fn scope_activate(&mut self) {
        let Some(m) = self.merged() else {
            self.notice = Some(self.not_ready());
            return;
        };
        if self.focus == Panel::Actors {
            let k = self.scope.actor_cursor;
            let Some(a) = m.briefing.actors.get(k) else {
                self.notice = Some("no actor here".into());
                return;
            };
            // The cursor starts on the article on screen when it is one of them.
            let here = a
                .members
                .iter()
                .position(|x| x.article == self.current)
                .unwrap_or(0);
            if self.scope.actor.is_none_or(|(a, _)| a != k) {
                self.scope.actor = Some((k, None));
            }
            self.scope.overlay = Some(Overlay::Mentions {
                actor: k,
                cursor: here,
            });
        } else {
            let k = self.scope.event_cursor;
            let Some(ev) = m.briefing.events.get(k) else {
                self.notice = Some("no event here".into());
                return;
            };
            let n = ev.members.len();
            let (member, wrapped) = match self.scope.event {
                Some((e, j)) if e == k && n > 0 => ((j + 1) % n, j + 1 >= n),
                _ => (0, false),
            };
            self.scope.event = Some((k, member));
            self.go_event(k, member);
            if n == 1 {
                self.notice = Some(format!(
                    "only one article reports this event · {}",
                    self.notice.take().unwrap_or_default()
                ));
            } else if wrapped {
                self.notice = Some(format!(
                    "wrapped to the first report · {}",
                    self.notice.take().unwrap_or_default()
                ));
            }
        }
    }

    /// Esc on a library panel: drops the library event, then the library actor.
    fn scope_clear(&mut self) -> bool {
        if !self.search.query.is_empty() || self.filter {
            return false;
        }
        if self.scope.event.is_some() {
            self.scope.event = None;
            true
        } else if self.scope.actor.is_some() {
            self.scope.actor = None;
            true
        } else {
            false
        }
    }

    /// Every mention of library actor `k`, article after article: (article, its actor id,
    /// the mention's number there).
    fn mention_list(&self, k: usize) -> Vec<(usize, String, usize)> {
        let Some(m) = self.merged() else {
            return Vec::new();
        };
        let (Some(a), Some(counts)) = (m.briefing.actors.get(k), m.mentions.get(k)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (member, &n) in a.members.iter().zip(counts) {
            for j in 0..n {
                out.push((member.article, member.actor.clone(), j));
            }
        }
        out
    }

    /// `n`/`N` in library scope with a library actor taken: its next or previous mention
    /// across the articles. Not taken while a search has matches (they come first).
    fn scope_step(&mut self, forward: bool) -> bool {
        if !self.scope.library || !self.search.matches.is_empty() {
            return false;
        }
        let Some((k, step)) = self.scope.actor else {
            return false;
        };
        let list = self.mention_list(k);
        let total = list.len();
        if total == 0 {
            self.notice = Some(if self.merged().is_none() {
                self.not_ready()
            } else {
                "this actor has no mention in the texts".into()
            });
            return true;
        }
        let (next, wrapped) = match step {
            None if forward => (0, false),
            None => (total - 1, false),
            Some(s) if forward => ((s + 1) % total, s + 1 >= total),
            Some(s) => ((s + total - 1) % total, s == 0),
        };
        self.scope.actor = Some((k, Some(next)));
        self.go_mention(k, next);
        let article = list.get(next).map_or(0, |x| x.0);
        let articles = count_articles(list.iter().map(|x| x.0));
        let nth = count_articles(list.iter().take(next + 1).map(|x| x.0));
        let name = self
            .merged()
            .and_then(|m| m.briefing.actors.get(k))
            .map(|a| crate::safe::sanitize(&a.name).into_owned())
            .unwrap_or_default();
        let mut notice = format!(
            "{name}: mention {}/{total} in the library · article {nth}/{articles}",
            next + 1
        );
        if article != self.current {
            notice.push_str(" · analysing…");
        }
        if wrapped {
            let which = if forward { "first" } else { "last" };
            notice = format!("wrapped to the {which} mention in the library · {notice}");
        }
        self.notice = Some(notice);
        true
    }

    /// Opens the article of library actor `k`'s `step`th mention there.
    fn go_mention(&mut self, k: usize, step: usize) {
        let Some((article, actor, mention)) = self.mention_list(k).into_iter().nth(step) else {
            return;
        };
        self.go_target(Target::Mention {
            article,
            actor,
            k: mention,
        });
    }

    /// Opens the article of library event `k`'s `member`th report at its sentence.
    fn go_event(&mut self, k: usize, member: usize) {
        let Some((ev, n)) = self.merged().and_then(|m| {
            let e = m.briefing.events.get(k)?;
            Some((*e.members.get(member)?, e.members.len()))
        }) else {
            return;
        };
        let title = self
            .shelf
            .articles
            .get(ev.article)
            .map(|a| crate::safe::sanitize(&a.title).into_owned())
            .unwrap_or_default();
        self.go_target(Target::Event {
            article: ev.article,
            event: ev.event,
        });
        let mut notice = format!("report {}/{n} · {title}", member + 1);
        if ev.article != self.current {
            notice.push_str(" · analysing…");
        }
        if self.notice.is_none() {
            self.notice = Some(notice);
        }
    }

    fn go_target(&mut self, target: Target) {
        let article = match &target {
            Target::Mention { article, .. }
            | Target::Event { article, .. }
            | Target::Quote { article, .. } => *article,
        };
        if article >= self.shelf.articles.len() {
            return;
        }
        self.record_jump();
        if article != self.current {
            self.open(article);
        }
        self.scope.pending = Some(target);
        self.apply_pending();
    }

    /// Makes the jump waiting for the article on screen's analysis, when it is there; returns
    /// whether it did. One for another article (the reader moved on) is dropped.
    fn apply_pending(&mut self) -> bool {
        let Some(target) = self.scope.pending.clone() else {
            return false;
        };
        let article = match &target {
            Target::Mention { article, .. }
            | Target::Event { article, .. }
            | Target::Quote { article, .. } => *article,
        };
        if article != self.current {
            self.scope.pending = None;
            return false;
        }
        if self.prepared().is_none() {
            return false;
        }
        self.scope.pending = None;
        let Some(p) = self.prepared() else {
            return false;
        };
        match target {
            Target::Mention { actor, k, .. } => {
                let Some(i) = p.analysis.actors.iter().position(|a| a.id == actor) else {
                    self.notice = Some("this article's analysis no longer has the actor".into());
                    return true;
                };
                let n = p.analysis.actors.get(i).map_or(0, |a| a.mentions.len());
                let row = p.actor_rows.iter().position(|r| *r == ActorRow::Actor(i));
                let at = p
                    .analysis
                    .actors
                    .get(i)
                    .and_then(|a| a.mentions.get(k.min(n.saturating_sub(1))))
                    .map(|m| m.start);
                if let Some(row) = row {
                    self.actor_cursor = row;
                }
                self.selected = Some((i, k.min(n.saturating_sub(1))));
                self.search = Search::default();
                self.reveal_body_here();
                self.sync();
                if let Some(at) = at {
                    self.show(at);
                }
            }
            Target::Quote { actor, at, .. } => {
                let Some(i) = p.analysis.actors.iter().position(|a| a.id == actor) else {
                    self.notice = Some("this article's analysis no longer has the actor".into());
                    return true;
                };
                // The actor's mention nearest the quotation is the current one.
                let mention = p
                    .analysis
                    .actors
                    .get(i)
                    .and_then(|a| {
                        (0..a.mentions.len()).min_by_key(|&k| a.mentions[k].start.abs_diff(at))
                    })
                    .unwrap_or(0);
                let first = p.sentence_at(at).map_or(at, |s| s.start);
                let row = p.actor_rows.iter().position(|r| *r == ActorRow::Actor(i));
                if let Some(row) = row {
                    self.actor_cursor = row;
                }
                self.selected = Some((i, mention));
                self.search = Search::default();
                self.filter = false;
                self.reveal_body_here();
                self.sync();
                self.show_from(first, at);
            }
            Target::Event { event, .. } => {
                // The briefing names the event by its place in the analysis; the timeline
                // lists planned events last (`Prepared::event_order`).
                let event = p.event_shown(event).unwrap_or(usize::MAX);
                let Some(e) = p.analysis.events.get(event) else {
                    self.notice = Some("this article's analysis no longer has the event".into());
                    return true;
                };
                let (start, end) = (e.start, e.end);
                self.event = Some(event);
                self.event_cursor = event;
                self.filter = false;
                self.reveal_body_here();
                self.sync();
                if start >= end {
                    self.notice = Some("the text does not state this event".into());
                    return true;
                }
                let first = self.event_sentence().map_or(start, |s| s.start);
                self.show_from(first, start);
            }
        }
        true
    }

    /// In the narrow layout the body is hidden behind the panel that jumps into it: show it.
    fn reveal_body_here(&mut self) {
        if self.mode() == Mode::Narrow {
            self.focus = Panel::Body;
        }
    }

    /// `W`: what is new since the reader was last opened; the library's briefing is made if
    /// it is not.
    fn open_since(&mut self) {
        self.scope.overlay = Some(Overlay::Since { cursor: 0 });
        if self.merged().is_none() {
            self.start_merge();
        }
        self.since_first();
    }

    /// Puts the "since last time" cursor on its first selectable row.
    fn since_first(&mut self) {
        let rows = self.since_rows();
        if let Some(Overlay::Since { cursor }) = &mut self.scope.overlay
            && !rows.get(*cursor).is_some_and(SinceRow::selectable)
        {
            *cursor = rows.iter().position(SinceRow::selectable).unwrap_or(0);
        }
    }

    /// The rows of "since last time": new articles (come since a reader last listed the
    /// library: `fetched` by `brief fetch` or `brief add`, else the file's modification time),
    /// new actors (library actors no earlier article mentions) and new events (reported by new
    /// articles only).
    pub fn since_rows(&self) -> Vec<SinceRow> {
        let mut rows = Vec::new();
        let since = self.new_since;
        match since {
            Some(t) => rows.push(SinceRow::Note(format!(
                "Since {} UTC, when a reader last listed this library.",
                t.strftime("%-d %b %Y %H:%M")
            ))),
            None => rows.push(SinceRow::Note(
                "No earlier visit is recorded: everything is new.".into(),
            )),
        }
        let Some(m) = self.merged() else {
            rows.push(SinceRow::Note(self.not_ready()));
            return rows;
        };
        let new: Vec<bool> = (0..m.articles.len()).map(|i| m.is_new(i, since)).collect();
        let is_new = |i: usize| new.get(i).copied().unwrap_or(false);
        let articles: Vec<usize> = (0..new.len()).filter(|&i| is_new(i)).collect();
        let actors: Vec<usize> = m
            .briefing
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.members.is_empty() && a.members.iter().all(|x| is_new(x.article)))
            .map(|(k, _)| k)
            .collect();
        let events: Vec<usize> = m
            .briefing
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.members.is_empty() && e.members.iter().all(|x| is_new(x.article)))
            .map(|(k, _)| k)
            .collect();
        if articles.is_empty() {
            rows.push(SinceRow::Note("Nothing new.".into()));
            return rows;
        }
        rows.push(SinceRow::Heading(format!(
            "New articles ({})",
            articles.len()
        )));
        rows.extend(articles.into_iter().map(SinceRow::Article));
        rows.push(SinceRow::Heading(format!("New actors ({})", actors.len())));
        rows.extend(actors.into_iter().map(SinceRow::Actor));
        rows.push(SinceRow::Heading(format!("New events ({})", events.len())));
        rows.extend(events.into_iter().map(SinceRow::Event));
        rows
    }

    /// Keys while a list is over the screen: move, `Enter` to go, `Esc` (or the key that
    /// opened it) to close.
    pub(super) fn scope_overlay_key(&mut self, key: Key) {
        let Some(overlay) = self.scope.overlay else {
            return;
        };
        if let Overlay::Actor { actor, cursor, .. } = overlay {
            self.library_detail_key(key, actor, cursor);
            return;
        }
        let action = self.keymap.action(key);
        let (len, selectable): (usize, Vec<bool>) = match overlay {
            Overlay::Mentions { actor, .. } => {
                let n = self
                    .merged()
                    .and_then(|m| m.briefing.actors.get(actor))
                    .map_or(0, |a| a.members.len());
                (n, vec![true; n])
            }
            Overlay::Since { .. } => {
                let rows = self.since_rows();
                (rows.len(), rows.iter().map(SinceRow::selectable).collect())
            }
            Overlay::Actor { .. } => return,
        };
        let cursor = match overlay {
            Overlay::Mentions { cursor, .. }
            | Overlay::Since { cursor }
            | Overlay::Actor { cursor, .. } => cursor,
        };
        let page = isize::try_from(self.size.1.saturating_sub(6))
            .unwrap_or(1)
            .max(1);
        let moved = |delta: isize| -> usize {
            if len == 0 {
                return 0;
            }
            let mut c = cursor.saturating_add_signed(delta).min(len - 1);
            // Headings and notes are stepped over, in the direction of the move.
            while !selectable.get(c).copied().unwrap_or(true) {
                let next = c.saturating_add_signed(delta.signum());
                if next == c || next >= len {
                    return cursor;
                }
                c = next;
            }
            c
        };
        let new_cursor = match action {
            Some(Action::Down) => moved(1),
            Some(Action::Up) => moved(-1),
            Some(Action::PageDown | Action::HalfPageDown) => moved(page),
            Some(Action::PageUp | Action::HalfPageUp) => moved(-page),
            Some(Action::Top) => moved(-(len as isize)),
            Some(Action::Bottom) => moved(len as isize),
            Some(Action::Clear | Action::Quit | Action::LibraryScope | Action::SinceLast) => {
                self.scope.overlay = None;
                return;
            }
            Some(Action::Help) => {
                self.scope.overlay = None;
                self.help = Some(super::Help::default());
                return;
            }
            Some(Action::Activate) => {
                self.scope.overlay = None;
                self.overlay_go(overlay, cursor);
                return;
            }
            _ => cursor,
        };
        self.scope.overlay = Some(match overlay {
            Overlay::Mentions { actor, .. } => Overlay::Mentions {
                actor,
                cursor: new_cursor,
            },
            Overlay::Since { .. } => Overlay::Since { cursor: new_cursor },
            Overlay::Actor { actor, scroll, .. } => Overlay::Actor {
                actor,
                cursor: new_cursor,
                scroll,
            },
        });
    }

    /// `Enter` on a row of a list over the screen.
    fn overlay_go(&mut self, overlay: Overlay, cursor: usize) {
        match overlay {
            Overlay::Mentions { actor, cursor } => {
                let Some(m) = self.merged() else {
                    return;
                };
                let Some(member) = m
                    .briefing
                    .actors
                    .get(actor)
                    .and_then(|a| a.members.get(cursor))
                else {
                    return;
                };
                let article = member.article;
                let counts = m.mentions.get(actor).map_or(&[][..], Vec::as_slice);
                let step: usize = counts.iter().take(cursor).sum();
                let total: usize = counts.iter().sum();
                if counts.get(cursor).copied().unwrap_or(0) == 0 {
                    // No mention to go to: the article opens where it was.
                    self.record_jump();
                    self.open(article);
                    self.focus = Panel::Body;
                    return;
                }
                self.scope.actor = Some((actor, Some(step)));
                self.go_mention(actor, step);
                self.notice = Some(format!(
                    "mention {}/{total} in the library · n/N step through them",
                    step + 1
                ));
            }
            // Its keys go to `library_detail_key`.
            Overlay::Actor { .. } => {}
            Overlay::Since { .. } => match self.since_rows().get(cursor) {
                Some(SinceRow::Article(i)) => {
                    let i = *i;
                    self.record_jump();
                    self.open(i);
                    self.focus = Panel::Body;
                    self.reading = false;
                }
                Some(SinceRow::Actor(k)) => {
                    let k = *k;
                    self.scope.library = true;
                    self.scope.actor_cursor = k;
                    self.scope.actor = Some((k, Some(0)));
                    self.focus = Panel::Actors;
                    self.reading = false;
                    self.go_mention(k, 0);
                }
                Some(SinceRow::Event(k)) => {
                    let k = *k;
                    self.scope.library = true;
                    self.scope.event_cursor = k;
                    self.scope.event = Some((k, 0));
                    self.focus = Panel::Timeline;
                    self.reading = false;
                    self.go_event(k, 0);
                }
                _ => {}
            },
        }
    }
}

/// How many different articles a sequence in article order names.
fn count_articles(it: impl Iterator<Item = usize>) -> usize {
    let mut n = 0;
    let mut last = None;
    for a in it {
        if last != Some(a) {
            n += 1;
            last = Some(a);
        }
    }
    n
}
