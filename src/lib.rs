//! brief: a terminal reader for news briefings.
//!
//! The map of the crate, floor by floor (a module imports only from its floor or below; the
//! one-page guide is `ARCHITECTURE.md`):
//!
//! - ground: [`model`] (plain serde data: `Article`, `Analysis`, `Actor`, `Mention`, `Timex`,
//!   `Event`, `Span`), [`safe`] (control characters made visible before they reach a terminal),
//!   [`paths`] (where the library, config, state and cache live), [`parallel`] (an in-order map
//!   over the machine's cores).
//! - [`segment`]: tokens and sentences as byte spans, used by the loaders, the analysis, the
//!   reader and the generator.
//! - [`analysis`]: `analyze(&Article, &Options) -> Analysis`, the one entry point, with its parts:
//!   `lexicon` (word lists and gazetteer flags), `actors` (names, roles, aliases, mentions;
//!   `actors::tagger` the name tagger), `time` (time expressions and their values), `events`
//!   (the timeline), `quotes`.
//! - [`load`]: plain text, Markdown, JSON briefing, directory and standard-input loaders, date
//!   lines, and the bundled sample.
//! - [`folder`]: a folder's settings (`.brief.json`: its default reference date), read once per
//!   folder and run, applied by [`cache::analyse`].
//! - [`cache`]: analyses kept on disk, and [`cache::analyse`], the one cached and panic-guarded
//!   way to analyse an article; [`library`]: a library's list of articles without their texts;
//!   [`contract`]: the `brief analyze --json` output; [`report`]: the readable summary;
//!   [`synth`]: a seeded generator of news-like articles, for benchmarks and large test libraries.
//! - `tui` (feature `tui`, on by default): the terminal reader.
//! - `net`, `feeds`, `opml`, `save`, `fetch` (feature `net`, on by default): `brief add`,
//!   `brief feeds` and `brief fetch`, the only code that opens a network connection.
//!
//! The data's path: `load` → `Article` → `cache::analyse` (→ `analysis::analyze`) → `Analysis`
//! → `contract`/`report`, or the reader's `tui::shelf` → `tui::prepared` → `tui::widgets`.
//!
//! Everything but `tui` and the `net` modules is the pure core: no terminal, no stdout, no
//! network, no global mutable state (beyond memos of what a run read: `folder`'s settings).

#![forbid(unsafe_code)]

pub mod analysis;
pub mod briefing;
pub mod cache;
pub mod calendar;
pub mod contract;
pub mod export;
#[cfg(feature = "net")]
pub mod feeds;
#[cfg(feature = "net")]
pub mod fetch;
pub mod folder;
#[cfg(feature = "net")]
mod fragment;
pub mod library;
pub mod load;
pub mod model;
#[cfg(feature = "net")]
pub mod net;
#[cfg(feature = "net")]
pub mod opml;
pub mod parallel;
pub mod paths;
pub mod report;
pub mod safe;
#[cfg(feature = "net")]
pub mod save;
pub mod segment;
pub mod synth;
#[cfg(feature = "tui")]
pub mod tui;

pub use analysis::{Options, analyze};
pub use model::{Analysis, Article};
