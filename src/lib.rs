//! brief: a terminal reader for news briefings.
//!
//! The map of the crate:
//!
//! - [`model`]: plain serde data: `Article`, `Actor`, `Mention`, `Timex`, `Event`, `Span`.
//! - [`load`]: plain text, Markdown, JSON briefing, directory and standard-input loaders, and the
//!   bundled sample.
//! - [`library`]: a library's list of articles (titles, dates) without their texts, opened
//!   at once; texts loaded on demand.
//! - [`analysis`]: `analyze(&Article, &Options) -> Analysis`, the one entry point, with its parts:
//!   `text` (tokens and sentences), `lexicon` (word lists), `actors`, `time`, `events`, `quotes`.
//! - [`cache`]: analyses kept on disk, keyed by file, version and options.
//! - [`contract`]: the `brief analyze --json` output.
//! - [`synth`]: a seeded generator of news-like articles, for benchmarks and large test libraries.
//! - [`report`]: the readable `brief analyze` summary.
//! - [`safe`]: control characters from articles made visible before they reach a terminal.
//! - [`parallel`]: an in-order map over the machine's cores, for analysing libraries.
//! - [`paths`]: where the library, config, state and cache live.
//! - `tui` (feature `tui`, on by default): the terminal reader.
//!
//! Everything but `tui` is the pure core: no terminal, no stdout, no global mutable state.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod briefing;
pub mod cache;
pub mod contract;
pub mod export;
pub mod library;
pub mod load;
pub mod model;
pub mod parallel;
pub mod paths;
pub mod report;
pub mod safe;
pub mod synth;
#[cfg(feature = "tui")]
pub mod tui;

pub use analysis::{Options, analyze};
pub use model::{Analysis, Article};
