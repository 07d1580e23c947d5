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
    pub code: KeyCodeOrd,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// The keys the reader knows, in a form that orders (for stable maps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
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
    pub const fn plain(code: KeyCodeOrd) -> Self {
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
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab if shift => KeyCodeOrd::BackTab,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            _ => return None,
        };
        Some(Self { code, ctrl, alt })
    }

    /// The crossterm event for this key (for replaying keys headless).
    pub fn to_event(self) -> KeyEvent {
        let code = match self.code {
            KeyCodeOrd::Char(c) => KeyCode::Char(c),
            KeyCodeOrd::Enter => KeyCode::Enter,
            KeyCodeOrd::Esc => KeyCode::Esc,
            KeyCodeOrd::Tab => KeyCode::Tab,
            KeyCodeOrd::BackTab => KeyCode::BackTab,
            KeyCodeOrd::Up => KeyCode::Up,
            KeyCodeOrd::Down => KeyCode::Down,
            KeyCodeOrd::Left => KeyCode::Left,
            KeyCodeOrd::Right => KeyCode::Right,
            KeyCodeOrd::PageUp => KeyCode::PageUp,
            KeyCodeOrd::PageDown => KeyCode::PageDown,
            KeyCodeOrd::Home => KeyCode::Home,
            KeyCodeOrd::End => KeyCode::End,
            KeyCodeOrd::Backspace => KeyCode::Backspace,
        };
        let mut mods = KeyModifiers::NONE;
        if self.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        if self.alt {
            mods |= KeyModifiers::ALT;
        }
        if matches!(self.code, KeyCodeOrd::BackTab) {
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
            (Some(c), None) => KeyCodeOrd::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" | "spc" => KeyCodeOrd::Char(' '),
                "enter" | "return" | "ret" => KeyCodeOrd::Enter,
                "esc" | "escape" => KeyCodeOrd::Esc,
                "tab" => KeyCodeOrd::Tab,
                "backtab" | "s-tab" => KeyCodeOrd::BackTab,
                "up" => KeyCodeOrd::Up,
                "down" => KeyCodeOrd::Down,
                "left" => KeyCodeOrd::Left,
                "right" => KeyCodeOrd::Right,
                "pgup" | "pageup" => KeyCodeOrd::PageUp,
                "pgdn" | "pagedown" => KeyCodeOrd::PageDown,
                "home" => KeyCodeOrd::Home,
                "end" => KeyCodeOrd::End,
                "backspace" | "bs" => KeyCodeOrd::Backspace,
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
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::Enter => f.write_str("Enter"),
            KeyCodeOrd::Esc => f.write_str("Esc"),
            KeyCodeOrd::Tab => f.write_str("Tab"),
            KeyCodeOrd::BackTab => f.write_str("S-Tab"),
            KeyCodeOrd::Up => f.write_str("↑"),
            KeyCodeOrd::Down => f.write_str("↓"),
            KeyCodeOrd::Left => f.write_str("←"),
            KeyCodeOrd::Right => f.write_str("→"),
            KeyCodeOrd::PageUp => f.write_str("PgUp"),
            KeyCodeOrd::PageDown => f.write_str("PgDn"),
            KeyCodeOrd::Home => f.write_str("Home"),
            KeyCodeOrd::End => f.write_str("End"),
            KeyCodeOrd::Backspace => f.write_str("Backspace"),
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
            // A key moved to this action leaves the action it had.
            for other in self.by_action.values_mut() {
                other.retain(|k| !parsed.contains(k));
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
                // A file that is not JSON at all is set aside (renamed with a suffix), so the
                // user finds it again and the defaults apply; a file with an unknown action or
                // key keeps the rest of its bindings and is only reported.
                if serde_json::from_str::<serde_json::Value>(&json).is_err()
                    && let Some(to) = crate::paths::set_aside(&path)
                {
                    let name = to
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    let notice = format!("keys.json was not JSON: set aside as {name}");
                    return (map, Some(crate::safe::sanitize(&notice).into_owned()));
                }
                let notice = map.apply_json(&json).err();
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
