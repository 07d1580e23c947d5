//! Markdown in the reader (issue 13, feature 7): parsed by pulldown-cmark into plain text for the
//! analysis, and shown the way glow users expect: headings, emphasis, lists, quotes, code and
//! links (text kept, target dim after it), the highlights on top. Made-up articles only.
#![cfg(feature = "tui")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use brief::tui::keymap::KeyMap;
use brief::tui::{App, ColorMode, buffer_to_text, draw_buffer};
use ratatui::style::Modifier;

/// A made-up story with every construct the reader styles.
const STORY: &str = "---
title: Harbour board keeps the old pier
source: The Coastal Gazette
date: 2024-04-12
---
The harbour board met on **Tuesday** to decide the fate of the old pier,
which has stood empty since the storm of last winter
closed it to walkers.

## What was decided

Members voted to *repair* the timbers, as the
[engineers' report](https://example.org/pier/report-2024) advised:

- the deck is replaced first
- the railings follow in the spring
  1. west side
  2. east side
- the café reopens last

> We owe the town its pier back,
> said the chair, Anna Berg.

The board's notes list the work as `pier-repair`:

```
deck    12 weeks
rails    6 weeks
```

Bids close on 3 May.
";

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pier.md"), STORY).unwrap();
        Self { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("pier.md")
    }

    fn run(&self, args: &[&str]) -> Output {
        let home: &Path = self.dir.path();
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .current_dir(home)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        out
    }
}

#[test]
fn a_markdown_article_renders_as_glow_users_expect_at_80x24() {
    let home = Home::new();
    let out = home.run(&["render", "--size", "80x24", "pier.md"]);
    let screen = String::from_utf8(out.stdout).unwrap();
    // No Markdown mark is left on screen, the link target is.
    for mark in ["**", "## ", "](", "```", "> We"] {
        assert!(!screen.contains(mark), "{mark}: {screen}");
    }
    assert!(screen.contains("example.org/pier"), "{screen}");
    insta::assert_snapshot!("markdown_80x24", screen);
}

#[test]
fn a_link_target_is_shown_dim_and_is_not_in_the_analysed_text() {
    let home = Home::new();
    // Not analysed: `brief analyze --json` prints the text without it.
    let out = home.run(&["analyze", "--json", "--no-cache", "pier.md"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json["articles"][0]["text"].as_str().unwrap();
    assert!(text.contains("engineers' report advised"), "{text}");
    assert!(!text.contains("example.org"), "{text}");
    assert!(!text.contains("**") && !text.contains("`"), "{text}");
    // Shown, dim, right after the link text, which is underlined.
    let loaded = brief::load::load_paths(&[home.file()]);
    let mut app: App = brief::tui::app_for(loaded, ColorMode::Never, KeyMap::default());
    app.analyze_pending();
    app.resize(120, 40);
    let buf = draw_buffer(&app);
    let screen = buffer_to_text(&buf);
    let (y, row) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("https://example.org/pier/report-2024"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        row.contains("report https://example.org/pier/report-2024 advised"),
        "{row}"
    );
    let cells: Vec<_> = (0..buf.area.width)
        .map(|x| &buf[(x, u16::try_from(y).unwrap())])
        .collect();
    let col = |needle: &str| -> usize {
        let mut x = 0;
        let mut acc = String::new();
        for (i, c) in cells.iter().enumerate() {
            acc.push_str(c.symbol());
            if acc.ends_with(needle) {
                x = i + 1 - needle.chars().count();
                break;
            }
        }
        x
    };
    let url = col("https://");
    assert!(
        cells[url].modifier.contains(Modifier::DIM),
        "{:?}",
        cells[url]
    );
    let link = col("report https");
    assert!(cells[link].modifier.contains(Modifier::UNDERLINED));
    assert!(!cells[link].modifier.contains(Modifier::DIM));
}

#[test]
fn markdown_styles_without_colour_use_modifiers_only_and_sit_under_highlights() {
    let home = Home::new();
    let loaded = brief::load::load_paths(&[home.file()]);
    let mut app: App = brief::tui::app_for(loaded, ColorMode::Never, KeyMap::default());
    app.analyze_pending();
    app.resize(120, 40);
    let buf = draw_buffer(&app);
    let screen = buffer_to_text(&buf);
    let find = |needle: &str| -> (u16, u16) {
        for (y, l) in screen.lines().enumerate() {
            if let Some(b) = l.find(needle) {
                let x = l[..b].chars().count();
                return (u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
            }
        }
        panic!("{needle}: {screen}")
    };
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
    }
    let at = |needle: &str| {
        let (x, y) = find(needle);
        buf[(x, y)].modifier
    };
    assert!(at("What was decided").contains(Modifier::BOLD));
    assert!(at("repair").contains(Modifier::ITALIC));
    assert!(at("We owe the town").contains(Modifier::ITALIC));
    assert!(at("pier-repair").contains(Modifier::DIM));
    // "Tuesday" is strong and a date: the date's style goes on top, the bold stays.
    let tuesday = at("Tuesday");
    assert!(tuesday.contains(Modifier::BOLD), "{tuesday:?}");
    assert!(tuesday.contains(Modifier::DIM), "{tuesday:?}");
    // List items keep their markers; the code block keeps its lines.
    assert!(screen.contains("- the deck is replaced first"), "{screen}");
    assert!(screen.contains("1. west side"), "{screen}");
    assert!(screen.contains("deck    12 weeks"), "{screen}");
}
