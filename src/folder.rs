//! Per-folder settings: a `.brief.json` in a folder of articles. For now one setting, `{"date":
//! "YYYY-MM-DD"}`: the reference date for relative expressions ("today", "on Monday") of that
//! folder's articles that carry no date of their own, when no `--date` is given. The order is
//! that of [`crate::analysis::reference`] with one step added: `--date`, then the article's own
//! date (metadata, date line), then its folder's date.
//!
//! The file is hidden, so a folder walk never takes it for an article. Each folder's file is
//! read once per run. A bad file is one problem naming it ([`problems`]), and the defaults are
//! used: never a failure.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use jiff::civil::Date;
use serde::Deserialize;

use crate::analysis::Options;
use crate::model::Article;

/// The settings file's name, in a folder of articles.
pub const FILE: &str = ".brief.json";

/// A settings file larger than this is not read (it holds one short line).
const MAX_BYTES: u64 = 64 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    date: Option<String>,
}

/// The folder an article's file is in (`.` for a bare file name); `None` without a file.
fn folder_of(article: &Article) -> Option<PathBuf> {
    let parent = article.path.as_deref()?.parent()?;
    Some(if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent.to_path_buf()
    })
}

/// Reads `dir`'s settings file: its date (`None` when there is no file or no date in it), or
/// the problem with it, naming the file.
pub fn read(dir: &Path) -> Result<Option<Date>, String> {
    use std::io::Read as _;
    let path = dir.join(FILE);
    let name = crate::safe::sanitize(&path.display().to_string()).into_owned();
    let problem = |what: String| Err(format!("{name}: {what}; the defaults are used"));
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return problem(crate::load::io_problem(&e)),
    };
    let mut bytes = Vec::new();
    if let Err(e) = file.take(MAX_BYTES + 1).read_to_end(&mut bytes) {
        return problem(crate::load::io_problem(&e));
    }
    if bytes.len() as u64 > MAX_BYTES {
        return problem(format!("larger than {} KB", MAX_BYTES / 1024));
    }
    let settings: Settings = match serde_json::from_slice(&bytes) {
        Ok(s) => s,
        Err(e) => {
            let e = crate::safe::sanitize(&e.to_string()).into_owned();
            return problem(format!(
                "not a settings file ({e}); expected {{\"date\": \"YYYY-MM-DD\"}}"
            ));
        }
    };
    let Some(date) = settings.date else {
        return Ok(None);
    };
    let parsed = (date.len() == 10)
        .then(|| date.parse::<Date>().ok())
        .flatten();
    match parsed {
        Some(d) => Ok(Some(d)),
        None => problem(format!(
            "\"date\" is \"{}\", not a date of the form YYYY-MM-DD",
            crate::safe::sanitize(&date)
        )),
    }
}

/// What [`read`] found in a folder.
type Found = Result<Option<Date>, String>;

/// [`read`], once per folder and run.
fn lookup(dir: &Path) -> Found {
    static KNOWN: Mutex<Option<HashMap<PathBuf, Found>>> = Mutex::new(None);
    if let Some(known) = KNOWN
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .and_then(|k| k.get(dir))
    {
        return known.clone();
    }
    // Read without the lock held: another thread may read the same file meanwhile (harmless).
    let found = read(dir);
    KNOWN
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashMap::new)
        .insert(dir.to_path_buf(), found.clone());
    found
}

/// The date an article's folder gives (see the module's notes), whatever the article says.
pub fn date_of(article: &Article) -> Option<Date> {
    lookup(&folder_of(article)?).ok().flatten()
}

/// The options to analyse `article` with: `options` as given, with its folder's date as the
/// reference when neither `--date` nor the article gives one.
pub fn options_for(article: &Article, options: &Options) -> Options {
    if options.date.is_some() || article.published.is_some() {
        return *options;
    }
    match date_of(article) {
        Some(date) => {
            let mut with = *options;
            with.date = Some(date);
            with
        }
        None => *options,
    }
}

/// The problems with the settings files of the articles' folders, one line each, each folder
/// once.
pub fn problems(articles: &[Article]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for dir in articles.iter().filter_map(folder_of) {
        if seen.insert(dir.clone())
            && let Err(p) = lookup(&dir)
        {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, settings: Option<&str>) -> (tempfile::TempDir, PathBuf) {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        if let Some(s) = settings {
            std::fs::write(dir.join(FILE), s).unwrap();
        }
        (t, dir)
    }

    fn at(dir: &Path, published: Option<Date>) -> Article {
        Article {
            path: Some(dir.join("a.txt")),
            published,
            ..Article::default()
        }
    }

    #[test]
    fn the_folder_date_comes_after_the_given_date_and_the_articles_own() {
        let (_t, dir) = folder("lib", Some(r#"{"date": "2024-05-06"}"#));
        let folder_date: Date = "2024-05-06".parse().unwrap();
        let own: Date = "2023-01-02".parse().unwrap();
        let given: Date = "2022-03-04".parse().unwrap();
        let none = Options::default();
        assert_eq!(options_for(&at(&dir, None), &none).date, Some(folder_date));
        assert_eq!(options_for(&at(&dir, Some(own)), &none).date, None);
        let with = Options { date: Some(given) };
        assert_eq!(options_for(&at(&dir, None), &with).date, Some(given));
        // No file, no date in it, no path: nothing.
        let (_u, plain) = folder("plain", None);
        assert_eq!(options_for(&at(&plain, None), &none).date, None);
        let (_v, empty) = folder("empty", Some("{}"));
        assert_eq!(options_for(&at(&empty, None), &none).date, None);
        assert_eq!(options_for(&Article::default(), &none).date, None);
        assert!(problems(&[at(&dir, None), at(&plain, None), at(&empty, None)]).is_empty());
    }

    #[test]
    fn a_bad_file_is_one_problem_naming_it_and_the_defaults_are_used() {
        for (name, text, says) in [
            ("broken", "{\"date\": ", "not a settings file"),
            (
                "wrongdate",
                r#"{"date": "2024-13-40"}"#,
                "not a date of the form",
            ),
            (
                "shortdate",
                r#"{"date": "2024-5-6"}"#,
                "not a date of the form",
            ),
            ("typo", r#"{"dat": "2024-05-06"}"#, "unknown field"),
            ("notanobject", "[1, 2]", "not a settings file"),
        ] {
            let (_t, dir) = folder(name, Some(text));
            let articles = [at(&dir, None), at(&dir, None)];
            let p = problems(&articles);
            assert_eq!(p.len(), 1, "{name}: {p:?}");
            assert!(p[0].contains(FILE) && p[0].contains(name), "{p:?}");
            assert!(p[0].contains(says), "{name}: {p:?}");
            assert!(p[0].ends_with("the defaults are used"), "{p:?}");
            assert!(!p[0].contains('\n'), "{p:?}");
            assert_eq!(options_for(&articles[0], &Options::default()).date, None);
        }
    }

    #[test]
    fn a_bare_file_name_is_in_the_working_folder() {
        let a = Article {
            path: Some(PathBuf::from("a.txt")),
            ..Article::default()
        };
        assert_eq!(folder_of(&a), Some(PathBuf::from(".")));
    }
}
