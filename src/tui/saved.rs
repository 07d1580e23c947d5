//! Memory between runs: the last article, the reading position in each article and the selected
//! actor, in `state.json` in the state folder. Written atomically (a temporary file renamed over
//! the old one), so a crash never leaves half a file; a corrupt file is set aside (renamed with a
//! `.corrupt-SECONDS` suffix) with a notice, never a crash and never silently lost.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Article;

/// What the reader remembers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// The key of the article open last.
    pub last: Option<String>,
    /// The byte offset at the top of the body, per article key.
    pub positions: BTreeMap<String, usize>,
    /// The selected actor's id, per article key.
    pub actors: BTreeMap<String, String>,
    /// How far each article was read, in percent.
    pub read: BTreeMap<String, u8>,
}

/// The key an article is remembered by: its file's canonical absolute path (so `brief
/// politics` and `brief /abs/politics` find the same place, and two files with the same
/// relative path do not share one), or its title when it has no file.
pub fn key(article: &Article) -> String {
    match &article.path {
        Some(p) => canonical(p),
        None => format!("title:{}", article.title),
    }
}

/// `path` canonical (links resolved) and absolute, or absolute when it cannot be resolved (a
/// file gone since); remembered for the run, as the library asks for every row it draws.
fn canonical(path: &Path) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, PoisonError};
    static KNOWN: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);
    let mut known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
    let known = known.get_or_insert_with(HashMap::new);
    if let Some(k) = known.get(path) {
        return k.clone();
    }
    let k = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    // A relative path is relative to the working folder, which does not change during a run.
    known.insert(path.to_path_buf(), k.clone());
    k
}

/// The state file in a folder.
pub fn file(dir: &Path) -> PathBuf {
    dir.join("state.json")
}

/// Reads the state; a missing file is a fresh start, an unreadable one a fresh start with a
/// notice.
pub fn load(dir: Option<&Path>) -> (Saved, Option<String>) {
    let Some(dir) = dir else {
        return (Saved::default(), None);
    };
    let path = file(dir);
    match std::fs::read(&path) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(saved) => (saved, None),
            // Set aside, not overwritten: the next save would lose it for good.
            Err(_) => {
                let notice = match crate::paths::set_aside(&path) {
                    Some(to) => format!(
                        "reading state was corrupt: set aside as {} (starting fresh)",
                        to.file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    ),
                    None => "reading state unreadable, ignored (starting fresh)".into(),
                };
                (
                    Saved::default(),
                    Some(crate::safe::sanitize(&notice).into_owned()),
                )
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => (Saved::default(), None),
        Err(e) => (
            Saved::default(),
            Some(format!("reading state ignored: {e}")),
        ),
    }
}

/// Writes the state atomically.
pub fn save(dir: &Path, saved: &Saved) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let json = serde_json::to_vec_pretty(saved).map_err(io::Error::other)?;
    let tmp = dir.join(format!("state.json.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        std::fs::rename(&tmp, file(dir))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("brief-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn round_trips_and_leaves_no_temporary_file() {
        let d = tempdir("rt");
        let mut s = Saved {
            last: Some("a".into()),
            ..Saved::default()
        };
        s.positions.insert("a".into(), 42);
        save(&d, &s).unwrap();
        assert_eq!(load(Some(&d)), (s, None));
        let names: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_notice() {
        let d = tempdir("corrupt");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(file(&d), b"{\"last\": [").unwrap();
        let (s, notice) = load(Some(&d));
        assert_eq!(s, Saved::default());
        assert!(notice.unwrap().contains("set aside as state.json.corrupt-"));
        assert!(!file(&d).exists());
        let aside: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read(aside[0].path()).unwrap(), b"{\"last\": [");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn articles_are_known_by_their_canonical_absolute_path() {
        let d = tempdir("keys");
        std::fs::create_dir_all(d.join("politics")).unwrap();
        std::fs::write(d.join("politics/010.txt"), "Talks.\n").unwrap();
        let at = |p: PathBuf| Article {
            path: Some(p),
            ..Article::default()
        };
        let abs = key(&at(d.join("politics/010.txt")));
        assert_eq!(key(&at(d.join("politics/../politics/./010.txt"))), abs);
        assert!(Path::new(&abs).is_absolute(), "{abs}");
        // A relative path is read from the working folder: the same file, the same key.
        let cwd = std::env::current_dir().unwrap();
        let rel = pathdiff(&d.join("politics/010.txt"), &cwd);
        assert_eq!(key(&at(rel)), abs);
        // Another folder's file with the same relative name is another article.
        std::fs::create_dir_all(d.join("other/politics")).unwrap();
        std::fs::write(d.join("other/politics/010.txt"), "Other.\n").unwrap();
        assert_ne!(key(&at(d.join("other/politics/010.txt"))), abs);
        let _ = std::fs::remove_dir_all(&d);
    }

    /// `path` relative to `base` (both absolute), with `..` steps.
    fn pathdiff(path: &Path, base: &Path) -> PathBuf {
        let p: Vec<_> = path.components().collect();
        let b: Vec<_> = base.components().collect();
        let same = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let mut out = PathBuf::new();
        for _ in same..b.len() {
            out.push("..");
        }
        for c in &p[same..] {
            out.push(c);
        }
        out
    }

    #[test]
    fn a_missing_file_is_a_quiet_fresh_start() {
        let d = tempdir("missing");
        assert_eq!(load(Some(&d)), (Saved::default(), None));
    }
}
