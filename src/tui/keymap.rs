//! Keys are data: the default map is `assets/keys.json`, compiled in; a `keys.json` in the config
//! folder replaces the keys of the actions it names. The help screen and the status line hints
//! are generated from the same map, so they never drift from what the keys do.
//!
//! A key is written as in `brief render --keys`: a single character (`j`, `G`, `?`, `[`), `space`,
//! a name (`Enter`, `Esc`, `Tab`, `BackTab`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`,
//! `Home`, `End`, `Backspace`), or `C-` / `M-` before one of those for Ctrl / Alt (`C-d`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// The default key map.
pub const DEFAULT_KEYS: &str = include_str!("../../assets/keys.json");

/// A key as the reader compares it: the code, with Ctrl and Alt (Shift is part of the
/// character, so `G` is Shift-g on every keyboard layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The key.
    pub code: KeyName,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// The keys the reader knows, in a form that orders (for stable maps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyName {
    /// A character.
    Char(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Backspace.
    Backspace,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: KeyName) -> Self {
        Self {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// The reader's view of a terminal key event, or `None` for keys it has no use for.
    pub fn from_event(ev: &KeyEvent) -> Option<Self> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => KeyName::Char(c),
            KeyCode::Enter => KeyName::Enter,
            KeyCode::Esc => KeyName::Esc,
            KeyCode::Tab if shift => KeyName::BackTab,
            KeyCode::Tab => KeyName::Tab,
            KeyCode::BackTab => KeyName::BackTab,
            KeyCode::Up => KeyName::Up,
            KeyCode::Down => KeyName::Down,
            KeyCode::Left => KeyName::Left,
            KeyCode::Right => KeyName::Right,
            KeyCode::PageUp => KeyName::PageUp,
            KeyCode::PageDown => KeyName::PageDown,
            KeyCode::Home => KeyName::Home,
            KeyCode::End => KeyName::End,
            KeyCode::Backspace => KeyName::Backspace,
            _ => return None,
        };
        Some(Self { code, ctrl, alt })
    }

    /// The crossterm event for this key (for replaying keys headless).
    pub fn to_event(self) -> KeyEvent {
        let code = match self.code {
            KeyName::Char(c) => KeyCode::Char(c),
            KeyName::Enter => KeyCode::Enter,
            KeyName::Esc => KeyCode::Esc,
            KeyName::Tab => KeyCode::Tab,
            KeyName::BackTab => KeyCode::BackTab,
            KeyName::Up => KeyCode::Up,
            KeyName::Down => KeyCode::Down,
            KeyName::Left => KeyCode::Left,
            KeyName::Right => KeyCode::Right,
            KeyName::PageUp => KeyCode::PageUp,
            KeyName::PageDown => KeyCode::PageDown,
            KeyName::Home => KeyCode::Home,
            KeyName::End => KeyCode::End,
            KeyName::Backspace => KeyCode::Backspace,
        };
        let mut mods = KeyModifiers::NONE;
        if self.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        if self.alt {
            mods |= KeyModifiers::ALT;
        }
        if matches!(self.code, KeyName::BackTab) {
            mods |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(code, mods)
    }

    /// Parses a key name (see the module docs).
    pub fn parse(s: &str) -> Option<Self> {
        let (ctrl, alt, rest) = if let Some(r) = s.strip_prefix("C-").filter(|r| !r.is_empty()) {
            (true, false, r)
        } else if let Some(r) = s.strip_prefix("M-").filter(|r| !r.is_empty()) {
            (false, true, r)
        } else {
            (false, false, s)
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyName::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" | "spc" => KeyName::Char(' '),
                "enter" | "return" | "ret" => KeyName::Enter,
                "esc" | "escape" => KeyName::Esc,
                "tab" => KeyName::Tab,
                "backtab" | "s-tab" => KeyName::BackTab,
                "up" => KeyName::Up,
                "down" => KeyName::Down,
                "left" => KeyName::Left,
                "right" => KeyName::Right,
                "pgup" | "pageup" => KeyName::PageUp,
                "pgdn" | "pagedown" => KeyName::PageDown,
                "home" => KeyName::Home,
                "end" => KeyName::End,
                "backspace" | "bs" => KeyName::Backspace,
                _ => return None,
            },
        };
        Some(Self { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("M-")?;
        }
        match self.code {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::Enter => f.write_str("Enter"),
            KeyName::Esc => f.write_str("Esc"),
            KeyName::Tab => f.write_str("Tab"),
            KeyName::BackTab => f.write_str("S-Tab"),
            KeyName::Up => f.write_str("↑"),
            KeyName::Down => f.write_str("↓"),
            KeyName::Left => f.write_str("←"),
            KeyName::Right => f.write_str("→"),
            KeyName::PageUp => f.write_str("PgUp"),
            KeyName::PageDown => f.write_str("PgDn"),
            KeyName::Home => f.write_str("Home"),
            KeyName::End => f.write_str("End"),
            KeyName::Backspace => f.write_str("Backspace"),
        }
    }
}

/// Which keys do which action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let mut map = Self {
            by_action: BTreeMap::new(),
        };
        // The default map is part of the binary; a test proves it parses.
        let _ = map.apply_json(DEFAULT_KEYS);
        map
    }
}

impl KeyMap {
    /// The default map patched by `json` (same format as `assets/keys.json`: action name → list
    /// of keys). Returns the problems found; the valid parts apply.
    pub fn apply_json(&mut self, json: &str) -> Result<(), String> {
        let raw: BTreeMap<String, Vec<String>> =
            serde_json::from_str(json).map_err(|e| format!("keys.json: {e}"))?;
        let mut problems = Vec::new();
        // The actions the file names, with their keys as written: a key taken from one of
        // them that does not list it was moved on purpose.
        let named: BTreeMap<Action, Vec<Key>> = raw
            .iter()
            .filter_map(|(name, keys)| {
                let action =
                    serde_json::from_value::<Action>(serde_json::Value::String(name.clone()))
                        .ok()?;
                Some((action, keys.iter().filter_map(|k| Key::parse(k)).collect()))
            })
            .collect();
        for (name, keys) in raw {
            let Ok(action) =
                serde_json::from_value::<Action>(serde_json::Value::String(name.clone()))
            else {
                problems.push(format!("unknown action '{name}'"));
                continue;
            };
            let mut parsed = Vec::new();
            for k in keys {
                match Key::parse(&k) {
                    Some(key) => parsed.push(key),
                    None => problems.push(format!("unknown key '{k}'")),
                }
            }
            // A key moved to this action leaves the action it had; said when that action
            // loses it without the file saying so (or the file gives the key to both).
            for (other, keys) in &mut self.by_action {
                if *other == action {
                    continue;
                }
                for k in keys.iter().filter(|k| parsed.contains(k)) {
                    let silent = named.get(other).is_some_and(|listed| !listed.contains(k));
                    if !silent {
                        problems.push(format!(
                            "'{k}' taken from {} by {}",
                            other.name(),
                            action.name()
                        ));
                    }
                }
                keys.retain(|k| !parsed.contains(k));
            }
            self.by_action.insert(action, parsed);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("keys.json: {}", problems.join(", ")))
        }
    }

    /// The default map patched by `keys.json` in `dir`, if any, with a notice when the file
    /// could not be used fully.
    pub fn load(dir: Option<&Path>) -> (Self, Option<String>) {
        let mut map = Self::default();
        let Some(path) = dir.map(|d| d.join("keys.json")) else {
            return (map, None);
        };
        match std::fs::read_to_string(&path) {
            Ok(json) => {
                // The user's file is never moved or changed: one that is not a key map is
                // reported and the defaults apply; one with an unknown action or key keeps
                // the rest of its bindings and is only reported.
                if let Err(e) = serde_json::from_str::<BTreeMap<String, Vec<String>>>(&json) {
                    let notice = format!("keys.json not used ({e}); default keys");
                    return (map, Some(crate::safe::sanitize(&notice).into_owned()));
                }
                let notice = map
                    .apply_json(&json)
                    .err()
                    .map(|n| crate::safe::sanitize(&n).into_owned());
                (map, notice)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (map, None),
            Err(e) => (map, Some(format!("{}: {e}", path.display()))),
        }
    }

    /// The action bound to a key.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.by_action
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(a, _)| *a)
    }

    /// The keys bound to an action.
    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The keys of an action as one label ("j/↓").
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_map_parses_and_binds_every_action() {
        let mut map = KeyMap {
            by_action: BTreeMap::new(),
        };
        map.apply_json(DEFAULT_KEYS).unwrap();
        for a in Action::ALL {
            assert!(!map.keys(a).is_empty(), "{a:?} has no key");
        }
    }

    #[test]
    fn a_user_file_moves_a_key() {
        let mut map = KeyMap::default();
        map.apply_json(r#"{"quit": ["x"], "filter": ["q"]}"#)
            .unwrap();
        assert_eq!(map.action(Key::parse("x").unwrap()), Some(Action::Quit));
        assert_eq!(map.action(Key::parse("q").unwrap()), Some(Action::Filter));
        assert_eq!(map.action(Key::parse("f").unwrap()), None);
    }

    #[test]
    fn bad_entries_are_reported_not_fatal() {
        let mut map = KeyMap::default();
        let err = map.apply_json(r#"{"fly": ["x"], "quit": ["Hyper-q", "Q"]}"#);
        assert!(err.unwrap_err().contains("fly"));
        assert_eq!(map.action(Key::parse("Q").unwrap()), Some(Action::Quit));
    }

    #[test]
    fn a_broken_file_is_reported_and_left_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("keys.json");
        let broken = "{\"quit\": [\"x\"],\n oops";
        std::fs::write(&file, broken).unwrap();
        let (map, notice) = KeyMap::load(Some(dir.path()));
        let notice = notice.expect("the problem is reported");
        assert!(
            notice.starts_with("keys.json") && !notice.contains('\n'),
            "{notice}"
        );
        assert_eq!(map, KeyMap::default(), "the defaults apply");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_key_taken_from_another_action_is_reported() {
        let mut map = KeyMap::default();
        let err = map.apply_json(r#"{"filter": ["q"]}"#).unwrap_err();
        assert!(err.contains("'q' taken from quit by filter"), "{err}");
        // Moved on purpose (the file rebinds quit without q): nothing to say.
        let mut map = KeyMap::default();
        map.apply_json(r#"{"quit": ["x"], "filter": ["q"]}"#)
            .unwrap();
        // The same key for two actions in the file: said.
        let mut map = KeyMap::default();
        let err = map
            .apply_json(r#"{"quit": ["x"], "filter": ["x"]}"#)
            .unwrap_err();
        assert!(err.contains("'x' taken from"), "{err}");
    }

    #[test]
    fn ctrl_i_is_not_a_default_key() {
        // Terminals send Ctrl-i as Tab.
        let map = KeyMap::default();
        assert_eq!(map.action(Key::parse("C-i").unwrap()), None);
        assert_eq!(map.label(Action::JumpForward), "C-n");
        assert_eq!(map.action(Key::parse("C-l").unwrap()), Some(Action::Redraw));
    }

    #[test]
    fn key_names_round_trip_through_events() {
        for name in ["j", "G", "C-d", "Enter", "BackTab", "space", "PgDn", "/"] {
            let key = Key::parse(name).unwrap();
            assert_eq!(Key::from_event(&key.to_event()), Some(key), "{name}");
        }
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Key::parse("G"));
    }
}
