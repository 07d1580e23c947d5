//! Where each panel goes, from the terminal size alone: a pure function, recomputed every frame,
//! so a resize needs nothing but a redraw.

use ratatui::layout::{Constraint, Layout, Rect};

/// A panel that can have the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    /// The list of articles.
    Library,
    /// The article text.
    Body,
    /// The actors, grouped by kind.
    Actors,
    /// The timeline of events.
    Timeline,
}

impl Panel {
    /// In focus order (and the order of the `1`-`4` keys).
    pub const ALL: [Panel; 4] = [Panel::Library, Panel::Body, Panel::Actors, Panel::Timeline];

    /// Its name on screen.
    pub const fn title(self) -> &'static str {
        match self {
            Panel::Library => "Library",
            Panel::Body => "Text",
            Panel::Actors => "Actors",
            Panel::Timeline => "Timeline",
        }
    }

    /// Its place in [`Panel::ALL`] (its number on screen is one more).
    pub fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// What the side column has to show, which decides how actors and timeline share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SideContent {
    /// Rows of the actors panel (headings and actors).
    pub actor_rows: usize,
    /// Events in the timeline (each takes up to two rows).
    pub events: usize,
}

/// From this many columns, every panel is visible.
pub const WIDE_COLS: u16 = 120;
/// From this many columns (and [`SHORT_ROWS`] rows), the body has a side column.
pub const MEDIUM_COLS: u16 = 80;
/// Below this many rows, one panel at a time whatever the width.
pub const SHORT_ROWS: u16 = 20;
/// Below this many columns, the screen only says it is too small.
pub const MIN_COLS: u16 = 24;
/// Below this many rows, the screen only says it is too small.
pub const MIN_ROWS: u16 = 6;
/// The widest the text runs in the reading view, for comfortable lines.
pub const READING_MEASURE: u16 = 96;
/// Columns left of the body text for the marks of the current line.
pub const GUTTER: u16 = 2;

/// The kind of layout a size gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Smaller than [`MIN_COLS`]x[`MIN_ROWS`].
    TooSmall,
    /// One panel at a time, with a tab strip.
    Narrow,
    /// The body and one side column (actors and timeline, or the library when focused).
    Medium,
    /// Library, body, actors and timeline.
    Wide,
    /// The body alone, the full width: the terminal can scroll it by itself.
    Reading,
}

/// The areas of one frame. A panel that is not shown has no area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Plan {
    /// The layout kind.
    pub mode: Option<Mode>,
    /// The header line (title, source, date).
    pub header: Rect,
    /// The tab strip (narrow layouts).
    pub tabs: Option<Rect>,
    /// The library panel.
    pub library: Option<Rect>,
    /// The body panel (with its border).
    pub body: Option<Rect>,
    /// Where the body's text goes (inside the border, right of the gutter).
    pub text: Rect,
    /// The body's gutter (marks for the current line).
    pub gutter: Rect,
    /// The actors panel.
    pub actors: Option<Rect>,
    /// The timeline panel.
    pub timeline: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

impl Plan {
    /// The layout kind (TooSmall when none).
    pub fn mode(&self) -> Mode {
        self.mode.unwrap_or(Mode::TooSmall)
    }

    /// The area of a panel, if shown.
    pub fn panel(&self, panel: Panel) -> Option<Rect> {
        match panel {
            Panel::Library => self.library,
            Panel::Body => self.body,
            Panel::Actors => self.actors,
            Panel::Timeline => self.timeline,
        }
    }
}

/// The layout kind for a size.
pub fn mode(width: u16, height: u16, reading: bool) -> Mode {
    if width < MIN_COLS || height < MIN_ROWS {
        Mode::TooSmall
    } else if reading {
        Mode::Reading
    } else if width < MEDIUM_COLS || height < SHORT_ROWS {
        Mode::Narrow
    } else if width < WIDE_COLS {
        Mode::Medium
    } else {
        Mode::Wide
    }
}

/// Lays out a frame of `area` with `focus` on a panel; `side` shares the side column.
pub fn plan(area: Rect, focus: Panel, reading: bool, side: SideContent) -> Plan {
    let mode = mode(area.width, area.height, reading);
    let mut p = Plan {
        mode: Some(mode),
        ..Plan::default()
    };
    if mode == Mode::TooSmall {
        p.status = Rect::new(area.x, area.y, area.width, area.height.min(1));
        return p;
    }
    let [header, main, status] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    p.header = header;
    p.status = status;
    match mode {
        Mode::TooSmall => {}
        Mode::Reading => {
            p.body = Some(main);
            let measure = READING_MEASURE + GUTTER;
            let w = main.width.min(measure);
            let x = main.x + (main.width - w) / 2;
            set_text(&mut p, Rect::new(x, main.y, w, main.height));
        }
        Mode::Narrow => {
            let [tabs, rest] = main.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
            ]));
            p.tabs = Some(tabs);
            match focus {
                Panel::Library => p.library = Some(rest),
                Panel::Body => p.body = Some(rest),
                Panel::Actors => p.actors = Some(rest),
                Panel::Timeline => p.timeline = Some(rest),
            }
            if let Some(body) = p.body {
                set_text(&mut p, padded(body));
            }
        }
        Mode::Medium => {
            let side_width = (area.width * 35 / 100).clamp(30, 42);
            let [body, col] = main.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(side_width),
            ]));
            p.body = Some(body);
            set_text(&mut p, padded(body));
            if focus == Panel::Library {
                p.library = Some(col);
            } else {
                split_side(&mut p, col, side);
            }
        }
        Mode::Wide => {
            let lib = (area.width / 5).clamp(24, 36);
            let side_width = (area.width * 3 / 10).clamp(34, 56);
            let [library, body, col] = main.layout(&Layout::horizontal([
                Constraint::Length(lib),
                Constraint::Fill(1),
                Constraint::Length(side_width),
            ]));
            p.library = Some(library);
            p.body = Some(body);
            set_text(&mut p, padded(body));
            split_side(&mut p, col, side);
        }
    }
    p
}

fn split_side(p: &mut Plan, col: Rect, side: SideContent) {
    let (actors, timeline) = side_split(col, side);
    p.actors = Some(actors);
    p.timeline = Some(timeline);
}

/// Shares the side column between actors and timeline by what each has to show: both in full
/// when they fit (the spare rows shared), else the one that fits in half whole, else 55/45.
pub fn side_split(col: Rect, side: SideContent) -> (Rect, Rect) {
    let h = col.height;
    let need = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).saturating_add(2);
    let actors = need(side.actor_rows.max(1));
    let events = need(side.events.saturating_mul(2).max(1));
    let a = if actors.saturating_add(events) <= h {
        actors + (h - actors - events) / 2
    } else if actors <= h / 2 {
        actors
    } else if events <= h / 2 {
        h - events
    } else {
        h * 55 / 100
    };
    let a = a.min(h);
    (
        Rect::new(col.x, col.y, col.width, a),
        Rect::new(col.x, col.y + a, col.width, h - a),
    )
}

/// Where text goes inside a bordered block: one column off the right border.
fn padded(r: Rect) -> Rect {
    let i = inner(r);
    Rect::new(i.x, i.y, i.width.saturating_sub(1), i.height)
}

/// Inside a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

fn set_text(p: &mut Plan, r: Rect) {
    let g = GUTTER.min(r.width);
    p.gutter = Rect::new(r.x, r.y, g, r.height);
    p.text = Rect::new(r.x + g, r.y, r.width - g, r.height);
}

/// The "terminal too small" line.
pub fn too_small_message() -> String {
    format!("terminal too small (need {MIN_COLS}x{MIN_ROWS})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breakpoints() {
        assert_eq!(mode(120, 40, false), Mode::Wide);
        assert_eq!(mode(119, 40, false), Mode::Medium);
        assert_eq!(mode(80, 24, false), Mode::Medium);
        assert_eq!(mode(79, 24, false), Mode::Narrow);
        assert_eq!(mode(200, 19, false), Mode::Narrow);
        assert_eq!(mode(23, 40, false), Mode::TooSmall);
        assert_eq!(mode(0, 0, true), Mode::TooSmall);
        assert_eq!(mode(200, 50, true), Mode::Reading);
    }

    #[test]
    fn every_size_lays_out_inside_the_screen() {
        for w in 0..140 {
            for h in 0..45 {
                for reading in [false, true] {
                    let area = Rect::new(0, 0, w, h);
                    let p = plan(area, Panel::Body, reading, SideContent::default());
                    for r in [p.header, p.status, p.text, p.gutter]
                        .into_iter()
                        .chain(p.body)
                        .chain(p.actors)
                        .chain(p.library)
                        .chain(p.timeline)
                    {
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h} {r:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn medium_shows_the_library_in_the_side_column_when_focused() {
        let p = plan(
            Rect::new(0, 0, 100, 30),
            Panel::Library,
            false,
            SideContent::default(),
        );
        assert!(p.library.is_some() && p.actors.is_none());
        let p = plan(
            Rect::new(0, 0, 100, 30),
            Panel::Body,
            false,
            SideContent::default(),
        );
        assert!(p.library.is_none() && p.actors.is_some() && p.timeline.is_some());
    }
}
