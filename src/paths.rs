//! Where brief keeps its things, from the `directories` crate: the library of briefings (data
//! folder + `briefings/`), the config file, the reading state and the analysis cache.

use std::path::{Path, PathBuf};
use std::sync::RwLock;

use directories::ProjectDirs;

/// A folder that replaces the user's folders for the whole process (see [`use_root`]).
static ROOT: RwLock<Option<PathBuf>> = RwLock::new(None);

/// From now on, every folder of brief's in this process is under `root` (`root/data/briefings`,
/// `root/config`, `root/state`, `root/cache`) instead of the user's. For tests and sandboxes
/// that run brief's code in their own process: the environment (`HOME`, `XDG_*`) cannot be
/// changed safely once threads run, and a test must never write the user's real cache.
pub fn use_root(root: &Path) {
    let mut r = ROOT
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *r = Some(root.to_path_buf());
}

fn root() -> Option<PathBuf> {
    ROOT.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "brief")
}

/// The library folder: `brief` with no path opens what is here.
pub fn library_dir() -> Option<PathBuf> {
    if let Some(r) = root() {
        return Some(r.join("data/briefings"));
    }
    dirs().map(|d| d.data_dir().join("briefings"))
}

/// The config folder (`keys.json`, `config.json`).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(r) = root() {
        return Some(r.join("config"));
    }
    dirs().map(|d| d.config_dir().to_path_buf())
}

/// The state folder (last article, reading positions).
pub fn state_dir() -> Option<PathBuf> {
    if let Some(r) = root() {
        return Some(r.join("state"));
    }
    dirs().map(|d| {
        d.state_dir()
            .map_or_else(|| d.data_local_dir().join("state"), |p| p.to_path_buf())
    })
}

/// The cache folder (analysis cache).
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(r) = root() {
        return Some(r.join("cache"));
    }
    dirs().map(|d| d.cache_dir().to_path_buf())
}

/// Sets a corrupt file of brief's own aside: renames it to `NAME.corrupt-SECONDS` beside itself,
/// so that nothing is silently lost and the next write starts clean. Returns the new path, or
/// `None` when the rename failed (the file is then left as it was).
pub fn set_aside(path: &std::path::Path) -> Option<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name()?.to_os_string();
    name.push(format!(".corrupt-{secs}"));
    let to = path.with_file_name(name);
    std::fs::rename(path, &to).ok().map(|()| to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_root_replaces_every_folder() {
        // Never created: the check reads paths only (and any other test of this process that
        // writes brief's folders now writes under a temporary one, not the user's).
        let tmp = std::env::temp_dir().join(format!("brief-root-{}", std::process::id()));
        use_root(&tmp);
        for dir in [library_dir(), config_dir(), state_dir(), cache_dir()] {
            assert!(dir.unwrap().starts_with(&tmp));
        }
    }

    #[test]
    fn a_file_set_aside_keeps_its_bytes_under_a_new_name() {
        let dir = std::env::temp_dir().join(format!("brief-aside-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("state.json");
        std::fs::write(&f, "{not json").unwrap();
        let to = set_aside(&f).unwrap();
        assert!(!f.exists());
        assert_eq!(std::fs::read_to_string(&to).unwrap(), "{not json");
        assert!(
            to.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
