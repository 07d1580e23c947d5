//! Loading articles: plain text, Markdown, JSON briefings, directories and standard input.
//! (Filled in by the ground issue.)

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::Article;

/// The bundled sample briefing, compiled into the binary.
pub const SAMPLE_JSON: &str = include_str!("../assets/briefings/riyadh-talks.json");

/// Something wrong with one input; the others still load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or `-` for standard input).
    pub path: PathBuf,
    /// What is wrong, in one line.
    pub problem: String,
    /// Whether the file still loaded (lossily): a warning rather than an error.
    pub warning: bool,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = if self.warning { "warning" } else { "error" };
        write!(f, "{level}: {}: {}", self.path.display(), self.problem)
    }
}

/// What loading some paths gave: the articles, and one line per problem.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles, in input order (a directory's files in sorted order).
    pub articles: Vec<Article>,
    /// Errors and warnings, in input order.
    pub problems: Vec<LoadError>,
}

/// The bundled sample as an article.
pub fn sample() -> Article {
    Article::default()
}

/// Loads every path (`-` is standard input).
pub fn load_paths(_paths: &[PathBuf]) -> Loaded {
    Loaded::default()
}

/// Loads one file.
pub fn load_file(_path: &Path) -> Result<Vec<Article>, LoadError> {
    Ok(Vec::new())
}
