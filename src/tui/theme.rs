//! Role styles. Widgets name a role (`person`, `border_focused`), never a colour.
//!
//! The colour theme uses only the 16 ANSI colours, the normal (not bright) ones, with modifiers:
//! the terminal's own palette maps them to something that reads on its background, dark or light,
//! so nothing needs to be asked of the terminal. Every highlight also carries a modifier, and the
//! monochrome theme (`NO_COLOR`, `--color never`, `TERM=dumb`) tells every kind apart by bold,
//! underline, dim and reverse alone: people bold, organisations bold and underlined, countries
//! and groups underlined, places dim and underlined, dates dim, quotations plain (italic where
//! the terminal has it; they keep their quotation marks), the selected actor's mentions reversed,
//! search matches reversed and underlined; the current mention or match also bold, with `▶` in
//! the body's left margin; the name under the name cursor (`o`) reversed and bold, with `›` there.
//! Markdown is styled under those highlights: headings bold (level one also underlined),
//! emphasis and block quotes italic, strong text bold, link text underlined and its target dim
//! after it, code in yellow (dim without colour), struck-out text crossed out (dim without
//! colour).

use ratatui::style::{Color, Modifier, Style};

use crate::model::{ActorKind, TextStyle};

/// The styles of every role on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used.
    pub color: bool,
    /// The article title in the header.
    pub title: Style,
    /// Secondary text: sources, dates, roles, counts.
    pub dim: Style,
    /// A panel border.
    pub border: Style,
    /// The focused panel's border and title.
    pub border_focused: Style,
    /// The cursor row in a list.
    pub cursor: Style,
    /// A group heading in a list ("People").
    pub heading: Style,
    /// The status line.
    pub status: Style,
    /// A key in the status line hints.
    pub key: Style,
    /// A notice (state file ignored, load problem).
    pub notice: Style,
    /// The active tab.
    pub tab_active: Style,
    /// People in the body.
    pub person: Style,
    /// Organisations in the body.
    pub organisation: Style,
    /// Countries and groups in the body.
    pub country: Style,
    /// Places in the body.
    pub place: Style,
    /// Dates and times in the body.
    pub date: Style,
    /// Quotations in the body.
    pub quote: Style,
    /// Mentions of the selected actor.
    pub mention: Style,
    /// The current mention of the selected actor.
    pub mention_current: Style,
    /// Search matches.
    pub search: Style,
    /// The current search match.
    pub search_current: Style,
    /// The name under the name cursor (`o`), with `›` in the body's left margin.
    pub name_cursor: Style,
    /// The margin mark beside the selected event's sentence.
    pub event_mark: Style,
    /// The margin mark beside the current mention or match.
    pub current_mark: Style,
    /// Markdown headings: level one, the others.
    pub md_heading1: Style,
    /// Headings of level two to six.
    pub md_heading: Style,
    /// Markdown `*emphasis*`.
    pub md_emphasis: Style,
    /// Markdown `**strong**`.
    pub md_strong: Style,
    /// Markdown `~~struck out~~`.
    pub md_strike: Style,
    /// Markdown code, inline or in blocks.
    pub md_code: Style,
    /// Markdown block quotes.
    pub md_quote: Style,
    /// A Markdown link's text.
    pub md_link: Style,
    /// A link's target, shown after its text.
    pub link_url: Style,
}

impl Theme {
    /// The theme for a colour choice.
    pub fn new(color: bool) -> Self {
        let b = Modifier::BOLD;
        let u = Modifier::UNDERLINED;
        let i = Modifier::ITALIC;
        let r = Modifier::REVERSED;
        let s = Style::new();
        let d = Modifier::DIM;
        let fg = |c: Color| if color { s.fg(c) } else { s };
        // Without colour every kind reads by bold, underline, dim and reverse alone (italic is
        // missing from many terminals): the second set of modifiers.
        let by = |colour: Modifier, mono: Modifier| if color { colour } else { mono };
        Self {
            color,
            title: s.add_modifier(b),
            // Not bright black: some palettes (Solarized dark) make it the background colour.
            dim: s.add_modifier(Modifier::DIM),
            border: s.add_modifier(Modifier::DIM),
            border_focused: fg(Color::Cyan).add_modifier(b),
            cursor: s.add_modifier(r),
            heading: fg(Color::Cyan).add_modifier(b),
            status: s.add_modifier(r),
            key: s.add_modifier(r | b),
            notice: fg(Color::Red).add_modifier(r | b),
            tab_active: fg(Color::Cyan).add_modifier(b | u),
            person: fg(Color::Magenta).add_modifier(b),
            organisation: fg(Color::Blue).add_modifier(b | u),
            country: fg(Color::Green).add_modifier(u),
            place: fg(Color::Green).add_modifier(by(i | u, d | u)),
            date: fg(Color::Red).add_modifier(by(i, d)),
            quote: fg(Color::Cyan).add_modifier(i),
            mention: s.add_modifier(r),
            mention_current: s.add_modifier(r | b | u),
            search: fg(Color::Yellow).add_modifier(by(r, r | u)),
            search_current: fg(Color::Yellow).add_modifier(r | b | u),
            // Without colour reversed and bold: unlike the current mention (also underlined).
            name_cursor: fg(Color::Cyan).add_modifier(by(r | b | u, r | b)),
            event_mark: fg(Color::Yellow).add_modifier(b),
            current_mark: fg(Color::Yellow).add_modifier(b),
            // Markdown, under the highlights: without colour bold, italic, underline and dim.
            md_heading1: fg(Color::Cyan).add_modifier(b | u),
            md_heading: fg(Color::Cyan).add_modifier(b),
            md_emphasis: s.add_modifier(i),
            md_strong: s.add_modifier(b),
            md_strike: s.add_modifier(by(Modifier::CROSSED_OUT, d)),
            md_code: fg(Color::Yellow).add_modifier(by(Modifier::empty(), d)),
            md_quote: s.add_modifier(i),
            md_link: fg(Color::Blue).add_modifier(u),
            link_url: s.add_modifier(d),
        }
    }

    /// The body style of a Markdown element.
    pub fn markdown(&self, style: TextStyle) -> Style {
        match style {
            TextStyle::Heading(1) => self.md_heading1,
            TextStyle::Heading(_) => self.md_heading,
            TextStyle::Emphasis => self.md_emphasis,
            TextStyle::Strong => self.md_strong,
            TextStyle::Strike => self.md_strike,
            TextStyle::Code => self.md_code,
            TextStyle::Quote => self.md_quote,
            TextStyle::Link => self.md_link,
        }
    }

    /// The body style of an actor kind.
    pub fn kind(&self, kind: ActorKind) -> Style {
        match kind {
            ActorKind::Person => self.person,
            ActorKind::Organisation => self.organisation,
            ActorKind::Country | ActorKind::Group => self.country,
            ActorKind::Place => self.place,
        }
    }

    /// The legend for the help screen: a label and the style it shows in.
    pub fn legend(&self) -> Vec<(&'static str, Style)> {
        vec![
            ("person", self.person),
            ("organisation", self.organisation),
            ("country/group", self.country),
            ("place", self.place),
            ("date", self.date),
            ("quote", self.quote),
            ("actor's mention", self.mention),
            ("current mention", self.mention_current),
            ("search match", self.search),
            ("name cursor, › in the margin", self.name_cursor),
        ]
    }
}
