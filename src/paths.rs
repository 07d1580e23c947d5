//! Where brief keeps its things, from the `directories` crate: the library of briefings (data
//! folder + `briefings/`), the config file, the reading state and the analysis cache.

use std::path::PathBuf;

use directories::ProjectDirs;

fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "brief")
}

/// The library folder: `brief` with no path opens what is here.
pub fn library_dir() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("briefings"))
}

/// The config folder (`keys.json`, `config.json`).
pub fn config_dir() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().to_path_buf())
}

/// The state folder (last article, reading positions).
pub fn state_dir() -> Option<PathBuf> {
    dirs().map(|d| {
        d.state_dir()
            .map_or_else(|| d.data_local_dir().join("state"), |p| p.to_path_buf())
    })
}

/// The cache folder (analysis cache).
pub fn cache_dir() -> Option<PathBuf> {
    dirs().map(|d| d.cache_dir().to_path_buf())
}
