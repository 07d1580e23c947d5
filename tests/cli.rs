//! The built `brief` binary: `analyze --json` prints the contract, the sample is embedded, the
//! library is used when it has files, bad inputs give one line and the right exit status.
//!
//! Every run gets its own empty HOME and XDG folders, so the user's library never leaks in.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// An isolated home: empty library, config, state and cache; working directory inside it.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn library(&self) -> PathBuf {
        self.path().join("data/brief/briefings")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
        let home = self.path();
        cmd.args(args)
            .current_dir(home)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the binary runs")
    }

    fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
        child.wait_with_output().expect("the binary ends")
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn stdout_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn stderr(out: &Output) -> String {
    let s = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!s.contains("panicked"), "{s}");
    s
}

/// Every field of the contract, with its type.
fn assert_contract_article(a: &Value) {
    let obj = a.as_object().expect("article object");
    for key in [
        "path",
        "title",
        "source",
        "published",
        "text",
        "actors",
        "timexes",
        "events",
        "quotes",
    ] {
        assert!(obj.contains_key(key), "missing {key}");
    }
    assert!(a["path"].is_null() || a["path"].is_string());
    assert!(a["title"].is_string());
    assert!(a["source"].is_null() || a["source"].is_string());
    assert!(a["published"].is_null() || a["published"].is_string());
    let text = a["text"].as_str().expect("text");
    for list in ["actors", "timexes", "events", "quotes"] {
        assert!(a[list].is_array(), "{list} is a list");
    }
    // Every span lies inside the text, on character boundaries.
    let spans = a["actors"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|actor| actor["mentions"].as_array().cloned().unwrap_or_default())
        .chain(a["timexes"].as_array().cloned().unwrap_or_default())
        .chain(a["events"].as_array().cloned().unwrap_or_default())
        .chain(a["quotes"].as_array().cloned().unwrap_or_default());
    for s in spans {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let (start, end) = (start as usize, end as usize);
        assert!(start < end && end <= text.len(), "{s}");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{s}"
        );
    }
}

#[test]
fn analyze_json_on_the_bundled_sample_prints_the_contract() {
    let home = Home::new();
    let out = home.run(&["analyze", "--json"]);
    let doc = stdout_json(&out);
    assert_eq!(doc["version"], 1);
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    assert_contract_article(a);
    assert_eq!(a["path"], Value::Null);
    assert_eq!(a["title"], "US and Russia resume talks in Riyadh");
    assert_eq!(a["published"], "2025-02-18");
    assert!(a["source"].as_str().unwrap().contains("Al-Ahram Weekly"));
    assert_eq!(
        a["text"].as_str(),
        Some(brief::load::sample().text.as_str())
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_sample_loads_from_the_embedded_copy_anywhere() {
    // The working directory is an empty temporary folder: no assets/ next to it.
    let home = Home::new();
    assert!(!home.path().join("assets").exists());
    let out = home.run(&["analyze"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("US and Russia resume talks in Riyadh\n"),
        "{text}"
    );
    assert!(text.contains("2025-02-18"));
}

#[test]
fn date_flag_wins_over_the_file() {
    let home = Home::new();
    let doc = stdout_json(&home.run(&["analyze", "--json", "--date", "2024-01-02"]));
    assert_eq!(doc["articles"][0]["published"], "2024-01-02");
    assert_eq!(doc["articles"][0]["published_origin"], "given");
}

#[test]
fn several_files_keep_input_order_and_paths_as_given() {
    let home = Home::new();
    let (md, txt, json) = (
        fixture("notes.md"),
        fixture("plain.txt"),
        fixture("briefing.json"),
    );
    let doc = stdout_json(&home.run(&["analyze", "--json", &md, &txt, &json]));
    let articles = doc["articles"].as_array().unwrap();
    let paths: Vec<_> = articles
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [md.as_str(), txt.as_str(), json.as_str(), json.as_str()]
    );
    for a in articles {
        assert_contract_article(a);
    }
    assert_eq!(articles[0]["published"], "2024-04-12");
    assert_eq!(articles[1]["published"], "2024-03-03");
    assert_eq!(articles[1]["published_origin"], "dateline");
}

#[test]
fn a_directory_expands_to_its_files_in_sorted_order() {
    let home = Home::new();
    let lib = fixture("library");
    let out = home.run(&["analyze", "--json", &lib]);
    let doc = stdout_json(&out);
    let titles: Vec<_> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "Bakery wins regional prize",
            "Park gates repainted",
            "Market moves indoors"
        ]
    );
    // The skipped picture is one warning line.
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn the_library_is_used_when_it_has_files() {
    let home = Home::new();
    home.write(
        "data/brief/briefings/local.txt",
        b"Local paper story\nThe local paper ran a story.",
    );
    let doc = stdout_json(&home.run(&["analyze", "--json"]));
    assert_eq!(doc["articles"][0]["title"], "Local paper story");
    let path = home.library().join("local.txt");
    assert_eq!(doc["articles"][0]["path"], path.display().to_string());
}

#[test]
fn standard_input_is_one_article() {
    let home = Home::new();
    let out = home.run_with_stdin(
        &["analyze", "--json", "-"],
        b"Bridge reopens\nPublished 4 June 2024\nThe bridge reopened.\n",
    );
    let doc = stdout_json(&out);
    let a = &doc["articles"][0];
    assert_eq!(a["path"], Value::Null);
    assert_eq!(a["title"], "Bridge reopens");
    assert_eq!(a["published"], "2024-06-04");
    assert_eq!(
        a["text"],
        "Bridge reopens\nPublished 4 June 2024\nThe bridge reopened.\n"
    );
}

/// Runs one bad input; returns the exit code and stderr with the temporary folder left out.
fn bad(home: &Home, args: &[&str]) -> (Option<i32>, String) {
    let out = home.run(args);
    let prefix = format!("{}/", home.path().display());
    (out.status.code(), stderr(&out).replace(&prefix, ""))
}

#[test]
fn each_bad_input_is_one_line_and_exit_status_2() {
    let home = Home::new();
    home.write("empty.txt", b"");
    home.write("blank.txt", b"  \n \n");
    home.write("binary.txt", b"GIF89a\0\0\x01");
    home.write("broken.json", b"{\"text\": \"x\",}");
    home.write("notext.json", b"{\"title\": \"x\"}");
    home.write("types.json", b"{\"text\": [\"x\"]}");
    home.write("slides.pptx", b"PK");
    let mut report = String::new();
    for name in [
        "missing.txt",
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "broken.json",
        "notext.json",
        "types.json",
        "slides.pptx",
    ] {
        let (code, err) = bad(&home, &["analyze", "--json", name]);
        assert_eq!(code, Some(2), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        report.push_str(&err);
    }
    insta::assert_snapshot!("bad_inputs", report);
}

#[test]
fn the_reader_on_nothing_usable_says_why_and_exits_2() {
    // Before any terminal is touched: one line per file, exit status 2.
    let home = Home::new();
    home.write("empty.txt", b"");
    home.write("binary.txt", b"GIF89a\0\0\x01");
    for args in [
        &["empty.txt"][..],
        &["empty.txt", "binary.txt"],
        &["missing.txt"],
    ] {
        let (code, err) = bad(&home, args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), args.len(), "{args:?}: {err}");
    }
}

#[test]
fn invalid_utf8_warns_and_exits_0() {
    let home = Home::new();
    home.write("latin1.txt", b"Caf\xe9 opens\nThe caf\xe9 opened.");
    let (code, err) = bad(&home, &["analyze", "--json", "latin1.txt"]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("invalid_utf8", err);
}

#[test]
fn good_and_bad_together_exit_0_with_the_good_ones_printed() {
    let home = Home::new();
    home.write("good.txt", b"Good one\nIt loads.");
    let out = home.run(&["analyze", "--json", "missing.txt", "good.txt"]);
    let doc = stdout_json(&out);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn wrong_arguments_exit_2() {
    let home = Home::new();
    for args in [
        &["analyze", "--date", "2025-13-40"][..],
        &["analyze", "--nonsense"],
        &["frobnicate", "--json"],
    ] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn help_shows_examples_and_the_library_folder() {
    let home = Home::new();
    let out = home.run(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Examples:"), "{help}");
    let library = home.library().display().to_string();
    assert!(help.contains(&library), "{help}");
    let out = home.run(&["analyze", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("--date"));
    let out = home.run(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("brief "));
}

#[test]
fn a_library_of_hidden_files_only_is_empty() {
    let home = Home::new();
    home.write("data/brief/briefings/.DS_Store", b"\0\0");
    let out = home.run(&["analyze", "--json"]);
    let doc = stdout_json(&out);
    assert_eq!(
        doc["articles"][0]["title"],
        "US and Russia resume talks in Riyadh"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_readable_summary_says_where_the_date_came_from() {
    let home = Home::new();
    let path = fixture("print-edition.txt");
    let out = home.run(&["analyze", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let head: Vec<_> = text.lines().take(3).collect();
    assert_eq!(
        head,
        [
            "Council approves new tram line".to_string(),
            format!("  file:   {path}"),
            "  date:   2024-03-07 (print edition date; approximate)".to_string(),
        ]
    );
    assert!(
        text.contains("\nActors\n") && text.contains("\nTimeline\n"),
        "{text}"
    );
}

#[test]
fn a_second_analyze_reads_the_cache_and_a_changed_file_is_analysed_again() {
    let home = Home::new();
    let file = home.path().join("story.txt");
    std::fs::write(
        &file,
        "Talks\n\nThe minister met officials in Geneva on Monday.",
    )
    .unwrap();
    let args = ["analyze", "--json", "story.txt"];
    let first = home.run(&args);
    assert!(first.status.success());
    let entries = || {
        std::fs::read_dir(home.path().join("cache/brief/analysis"))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    assert_eq!(entries(), 1, "one entry for one article");
    // A corrupt entry is a miss: the output is the same and the entry is rewritten.
    for e in std::fs::read_dir(home.path().join("cache/brief/analysis")).unwrap() {
        std::fs::write(e.unwrap().path(), b"{\"version\":").unwrap();
    }
    let second = home.run(&args);
    assert_eq!(second.stdout, first.stdout);
    let third = home.run(&args);
    assert_eq!(third.stdout, first.stdout);
    std::fs::write(
        &file,
        "Talks\n\nThe minister met officials in Oslo on Friday.",
    )
    .unwrap();
    let changed = home.run(&args);
    let text = String::from_utf8_lossy(&changed.stdout);
    assert!(text.contains("Oslo") && !text.contains("Geneva"));
    let fresh = home.run(&["analyze", "--json", "--no-cache", "story.txt"]);
    assert_eq!(fresh.stdout, changed.stdout);
}

#[test]
fn completions_and_the_man_page_come_from_the_cli_definition() {
    let home = Home::new();
    for (shell, needle) in [
        ("bash", "_brief()"),
        ("zsh", "#compdef brief"),
        ("fish", "complete -c brief"),
    ] {
        let out = home.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(needle), "{shell}: {text}");
        assert!(
            text.contains("analyze") && text.contains("render"),
            "{shell}"
        );
    }
    let out = home.run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let out = home.run(&["man"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(".ie") || text.contains(".TH brief"),
        "{text}"
    );
    assert!(
        text.contains("analyze") && text.contains("\\-\\-color"),
        "{text}"
    );
}
