//! Hostile input (issue 7), everything outside the terminal reader: every kind of bad file
//! gives one clear line naming it while the rest loads; nothing from an article (or a file
//! name) reaches stdout or stderr as a control sequence; brief never changes the folders it
//! reads; and properties over arbitrary bytes and text.
//!
//! The binary runs with its own empty HOME and XDG folders, so the user's library never leaks in.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::SystemTime;

use brief::load::{self, LoadError, Loaded};
use proptest::prelude::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers

/// The built binary with HOME and the XDG folders inside `home`, no colour, stdin closed.
fn brief(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(args).current_dir(home).stdin(Stdio::null());
    cmd.env("HOME", home).env("NO_COLOR", "1");
    for (var, sub) in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        cmd.env(var, home.join(sub));
    }
    cmd
}

fn output(mut cmd: Command) -> Output {
    let out = cmd.output().expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "a panic: {err}");
    out
}

/// Whether a character could steer a terminal or hide text: a control other than the newline,
/// or one of the characters `brief::safe` replaces (C1, bidi, zero-width, line separators).
fn steers(c: char) -> bool {
    c != '\n' && (c.is_control() || brief::safe::is_unsafe(c))
}

/// Output that is UTF-8 and carries nothing that steers a terminal.
fn assert_inert(bytes: &[u8], what: &str) {
    let text =
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8 ({e}): {bytes:?}"));
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| steers(c)) {
        let mut from = at.saturating_sub(60);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        panic!(
            "{what}: {c:?} reached the output at byte {at}: {:?}",
            &text[from..at]
        );
    }
}

/// `bytes` without the Select Graphic Rendition sequences (`ESC [ digits;… m`) a styled render
/// writes; any other escape sequence is left in place, to be caught.
fn strip_sgr(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let mut j = i + 2;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';') {
                j += 1;
            }
            if bytes.get(j) == Some(&b'm') {
                i = j + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The lines a problem list prints: one each, naming the file, nothing steering.
fn assert_one_line_each(problems: &[LoadError]) {
    for p in problems {
        let line = p.to_string();
        assert!(!line.contains('\n'), "more than one line: {line:?}");
        assert!(!line.chars().any(steers), "steering character in {line:?}");
        let name = p.path.file_name().map(|n| n.to_string_lossy().into_owned());
        let shown = brief::safe::sanitize(name.as_deref().unwrap_or("-")).into_owned();
        assert!(line.contains(&shown), "{line:?} does not name {shown:?}");
    }
}

/// Every analysis span in bounds, start < end, on char boundaries.
fn assert_spans(text: &str, analysis: &brief::Analysis) {
    if let Err(e) = analysis.check_spans(text) {
        panic!("{e}");
    }
}

/// A paragraph of news prose, repeated to make large articles.
const PARAGRAPH: &str = "GENEVA, 18 February 2025 - Foreign ministers from Norway and Brazil met \
on Monday at the United Nations to discuss the ceasefire, officials said. \"We are ready to talk \
again next week,\" the Norwegian minister Ingrid Dahl told reporters on Tuesday. The European \
Union and the World Health Organization sent envoys to Oslo two days later.\n\n";

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        out.extend(pair);
    }
    out
}

fn nested(open: &str, close: &str, depth: usize) -> Vec<u8> {
    format!("{}{}", open.repeat(depth), close.repeat(depth)).into_bytes()
}

// ---------------------------------------------------------------------------------------------
// 1. Bad files, all of them

/// What a file should give.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// An article, and no problem line.
    Loads,
    /// An article, and exactly one warning containing this.
    Warns(&'static str),
    /// No article, and exactly one error containing this.
    Fails(&'static str),
}

/// The table: file name, content, what it gives.
fn bad_files() -> Vec<(&'static str, Vec<u8>, Expect)> {
    use Expect::*;
    let text = "Talks resume in Geneva\n\nThe talks resumed on Monday, officials said.\n";
    let one_line = "Ministers met again and said little. ".repeat(1024 * 1024 / 37 + 1);
    vec![
        ("empty.txt", Vec::new(), Fails("empty file")),
        ("empty.md", Vec::new(), Fails("empty file")),
        ("empty.json", Vec::new(), Fails("empty file")),
        (
            "blank.txt",
            b" \n\t\r\n   \n".to_vec(),
            Fails("only whitespace"),
        ),
        (
            "binary.txt",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec(),
            Fails("binary file"),
        ),
        (
            "latin1.txt",
            b"Caf\xe9 talks resume in Gen\xe8ve\n\nThe talks resumed.".to_vec(),
            Warns("not valid UTF-8 (first bad byte at offset 3)"),
        ),
        (
            // A UTF-16 surrogate written as UTF-8 (CESU-8): not UTF-8, replaced.
            "surrogate.txt",
            b"Talks \xed\xa0\x80resume\n\nThe talks resumed.".to_vec(),
            Warns("not valid UTF-8"),
        ),
        ("utf16le.txt", utf16(text, true), Loads),
        ("utf16be.txt", utf16(text, false), Loads),
        (
            "utf16le.md",
            utf16(&format!("# Title\n\n{text}"), true),
            Loads,
        ),
        ("long-line.txt", one_line.into_bytes(), Loads),
        (
            "malformed.json",
            br#"{"title": "Talks", "text": "Talks resumed.",, }"#.to_vec(),
            Fails("malformed JSON at line 1, column 45: key must be a string"),
        ),
        (
            "truncated.json",
            br#"{"title": "Talks", "text": "Talks resu"#.to_vec(),
            Fails("malformed JSON at line 1"),
        ),
        (
            "nested-lists.json",
            nested("[", "]", 10_000),
            Fails("recursion limit exceeded"),
        ),
        (
            "nested-objects.json",
            nested("{\"a\":", "}", 10_000),
            Fails("recursion limit exceeded"),
        ),
        (
            "nested-in-actors.json",
            [
                br#"{"text": "Talks resumed.", "actors": "#.to_vec(),
                nested("[", "]", 10_000),
                b"}".to_vec(),
            ]
            .concat(),
            Fails("recursion limit exceeded"),
        ),
        (
            "wrong-type-text.json",
            br#"{"text": 42}"#.to_vec(),
            Fails("\"text\" must be a string, found a number"),
        ),
        (
            "wrong-type-title.json",
            br#"{"text": "Talks resumed.", "title": ["a", "list"]}"#.to_vec(),
            Fails("\"title\" must be a string, found a list"),
        ),
        (
            "wrong-type-root.json",
            b"42".to_vec(),
            Fails("expected an article object"),
        ),
        (
            "wrong-type-articles.json",
            br#"{"articles": {"text": "x"}}"#.to_vec(),
            Fails("\"articles\" must be a list of articles, found an object"),
        ),
        (
            "missing-text.json",
            br#"{"title": "Talks resume"}"#.to_vec(),
            Fails("missing the required field \"text\""),
        ),
        (
            "blank-text.json",
            br#"{"text": "  \n "}"#.to_vec(),
            Fails("\"text\" is empty"),
        ),
        (
            "extra-field.json",
            br#"{"text": "Talks resumed on Monday.", "author": {"name": "x"}}"#.to_vec(),
            Warns("unknown field \"author\"; ignored"),
        ),
        (
            "bad-curated.json",
            br#"{"text": "Talks resumed.", "actors": [{"name": 7}]}"#.to_vec(),
            Warns("actors[0]: invalid type"),
        ),
        (
            "lone-surrogate.json",
            br#"{"text": "Talks \ud800 resumed."}"#.to_vec(),
            Fails("malformed JSON at line 1, column 23: unexpected end of hex escape"),
        ),
        (
            "lone-trailing-surrogate.json",
            br#"{"text": "Talks \udc00 resumed."}"#.to_vec(),
            Fails("malformed JSON"),
        ),
        (
            "unclosed-front-matter.md",
            b"---\ntitle: \"Talks resume\ndate: 2025-02-18\n\nThe talks resumed.".to_vec(),
            Warns("front matter opened with '---' is never closed"),
        ),
        (
            "bad-date-front-matter.md",
            b"---\ntitle: Talks\ndate: 2025-13-45\n---\nThe talks resumed.".to_vec(),
            Warns("front matter date '2025-13-45' is not a date"),
        ),
        (
            "garbage-front-matter.md",
            b"---\n: : :\n\t- [\n{{{\n---\nThe talks resumed.".to_vec(),
            Loads,
        ),
        (
            "front-matter-only.md",
            b"---\ntitle: Talks\n---\n".to_vec(),
            Fails("no text after the front matter"),
        ),
    ]
}

/// Checks what loading gave for each file of the table (all in `dir`).
fn check_table(dir: &Path, loaded: &Loaded) {
    for (name, _, expect) in bad_files() {
        let path = dir.join(name);
        let problems: Vec<&LoadError> = loaded.problems.iter().filter(|p| p.path == path).collect();
        let articles = loaded
            .articles
            .iter()
            .filter(|a| a.path.as_deref() == Some(&*path))
            .count();
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        match expect {
            Expect::Loads => assert!(articles == 1 && problems.is_empty(), "{name}: {lines:?}"),
            Expect::Warns(what) => {
                assert_eq!(articles, 1, "{name}: {lines:?}");
                assert!(
                    problems.len() == 1 && problems[0].warning && lines[0].contains(what),
                    "{name}: expected one warning with {what:?}, got {lines:?}"
                );
            }
            Expect::Fails(what) => {
                assert_eq!(articles, 0, "{name}: {lines:?}");
                assert!(
                    problems.len() == 1 && !problems[0].warning && lines[0].contains(what),
                    "{name}: expected one error with {what:?}, got {lines:?}"
                );
            }
        }
    }
}

#[test]
fn every_bad_file_gives_one_line_naming_it_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _) in bad_files() {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    fs::write(dir.path().join("good.txt"), PARAGRAPH).unwrap();

    // The folder at once, and each file on its own, give the same.
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    assert_one_line_each(&loaded.problems);
    check_table(dir.path(), &loaded);
    assert!(
        loaded
            .articles
            .iter()
            .any(|a| a.path == Some(dir.path().join("good.txt")))
    );
    let paths: Vec<PathBuf> = bad_files()
        .iter()
        .map(|(name, _, _)| dir.path().join(name))
        .collect();
    let one_by_one = load::load_paths(&paths);
    check_table(dir.path(), &one_by_one);
    let sorted = |p: &[LoadError]| {
        let mut p = p.to_vec();
        p.sort_by(|a, b| a.path.cmp(&b.path));
        p
    };
    assert_eq!(sorted(&one_by_one.problems), sorted(&loaded.problems));

    // What the UTF-16 files say is the text.
    let utf16 = loaded
        .articles
        .iter()
        .find(|a| a.path == Some(dir.path().join("utf16be.txt")))
        .unwrap();
    assert_eq!(utf16.title, "Talks resume in Geneva");
    assert!(
        utf16
            .text
            .starts_with("Talks resume in Geneva\n\nThe talks")
    );
}

#[test]
fn the_binary_reports_each_bad_file_in_one_line_and_analyses_the_rest() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _) in bad_files() {
        // The 1 MB line is analysed by its own test, so this one stays quick in debug builds.
        if name != "long-line.txt" {
            fs::write(dir.path().join(name), bytes).unwrap();
        }
    }
    fs::write(dir.path().join("good.txt"), PARAGRAPH).unwrap();
    let folder = dir.path().to_str().unwrap();
    let out = output(brief(home.path(), &["analyze", "--json", folder]));
    assert!(out.status.success(), "{out:?}");
    assert_inert(&out.stdout, "stdout");
    assert_inert(&out.stderr, "stderr");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected_articles = bad_files()
        .iter()
        .filter(|(n, _, e)| *n != "long-line.txt" && !matches!(e, Expect::Fails(_)))
        .count()
        + 1;
    assert_eq!(
        json["articles"].as_array().unwrap().len(),
        expected_articles
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected_lines = bad_files()
        .iter()
        .filter(|(_, _, e)| !matches!(e, Expect::Loads))
        .count();
    assert_eq!(stderr.lines().count(), expected_lines, "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("brief: ")), "{stderr}");
    for (name, _, expect) in bad_files() {
        if !matches!(expect, Expect::Loads) {
            assert!(stderr.contains(name), "{name} not named in {stderr}");
        }
    }
}

#[test]
fn a_one_megabyte_line_loads_and_analyses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let line = PARAGRAPH
        .replace('\n', " ")
        .repeat(1024 * 1024 / PARAGRAPH.len() + 1);
    fs::write(&path, &line).unwrap();
    let loaded = load::load_paths(std::slice::from_ref(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let article = &loaded.articles[0];
    assert_eq!(article.text, line);
    assert!(article.title.chars().count() <= 100, "{}", article.title);
    let analysis = brief::analyze(article, &brief::Options::default());
    assert_spans(&article.text, &analysis);
    assert!(!analysis.actors.is_empty());
}

#[test]
fn a_large_article_loads_and_analyses() {
    // 3 MB keeps this quick enough in a debug build; the 100 MB one below is for release runs.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.txt");
    fs::write(&path, PARAGRAPH.repeat(3 * 1024 * 1024 / PARAGRAPH.len())).unwrap();
    let loaded = load::load_paths(std::slice::from_ref(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let analysis = brief::analyze(&loaded.articles[0], &brief::Options::default());
    assert_spans(&loaded.articles[0].text, &analysis);
    assert!(!analysis.actors.is_empty() && !analysis.quotes.is_empty());
}

/// A file of about `megabytes` MB of news paragraphs.
fn write_paragraphs(path: &Path, megabytes: usize) {
    let mut f = fs::File::create(path).unwrap();
    let block = PARAGRAPH.repeat(1024 * 1024 / PARAGRAPH.len() + 1);
    let mut written = 0;
    while written < megabytes * 1024 * 1024 {
        f.write_all(block.as_bytes()).unwrap();
        written += block.len();
    }
}

#[test]
fn a_100_megabyte_article_loads_whole() {
    // Loading only: the analysis of 100 MB is the ignored test below (minutes in a debug build).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    write_paragraphs(&path, 100);
    let size = fs::metadata(&path).unwrap().len() as usize;
    let loaded = load::load_paths(std::slice::from_ref(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 1);
    let text = &loaded.articles[0].text;
    assert!(
        text.len() <= size && text.len() + 16 >= size,
        "{} of {size}",
        text.len()
    );
}

/// Run it with `cargo test --release --test hostile -- --ignored` (a debug build takes minutes).
#[test]
#[ignore = "slow in debug builds: analyses 100 MB"]
fn a_100_megabyte_article_analyses_with_bounded_memory() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("huge.txt");
    write_paragraphs(&path, 100);
    let out = output(limited(
        home.path(),
        4096,
        &["analyze", "--json", path.to_str().unwrap()],
    ));
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!json["articles"][0]["actors"].as_array().unwrap().is_empty());
}

/// The binary under a virtual-memory limit (in MB): going over it is an abort, not a swap storm.
fn limited(home: &Path, megabytes: u64, args: &[&str]) -> Command {
    let inner = brief(home, args);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {} && exec \"$0\" \"$@\"",
            megabytes * 1024
        ))
        .arg(inner.get_program())
        .args(inner.get_args())
        .current_dir(home)
        .stdin(Stdio::null());
    for (k, v) in inner.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    cmd
}

#[test]
fn a_file_over_the_size_limit_is_refused_in_one_line_and_the_rest_loads() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("articles");
    fs::create_dir(&dir).unwrap();
    // Sparse: the size is refused before a byte is read, so this costs no disk or time.
    let big = fs::File::create(dir.join("big.txt")).unwrap();
    big.set_len(load::MAX_FILE_BYTES + 1024 * 1024).unwrap();
    drop(big);
    fs::write(dir.join("small.txt"), PARAGRAPH).unwrap();
    let out = output(limited(
        home.path(),
        1024,
        &["analyze", "--json", dir.to_str().unwrap()],
    ));
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("big.txt: too large (129 MB; brief reads files up to 128 MB)"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
}

#[cfg(target_os = "linux")]
#[test]
fn endless_inputs_stop_at_the_size_limit() {
    // `/dev/zero` says it is empty and never ends; read unbounded it would take all memory.
    let home = tempfile::tempdir().unwrap();
    let out = output(limited(home.path(), 1024, &["analyze", "/dev/zero"]));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        "brief: error: /dev/zero: too large (over 128 MB; brief reads files up to 128 MB)"
    );
    let mut cmd = limited(home.path(), 1024, &["analyze", "-"]);
    cmd.stdin(fs::File::open("/dev/zero").unwrap());
    let out = output(cmd);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("brief: error: standard input: too large (over 128 MB"),
        "{stderr}"
    );
}

#[test]
fn a_hundred_thousand_tiny_files_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    const N: usize = 100_000;
    for i in 0..N {
        fs::write(
            dir.path().join(format!("{i:06}.txt")),
            format!("Note {i}\nTalks resumed."),
        )
        .unwrap();
    }
    fs::write(dir.path().join("000500.json"), "{").unwrap();
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.articles.len(), N);
    assert_eq!(loaded.problems.len(), 1, "{:?}", &loaded.problems[..3]);
    assert_eq!(loaded.articles[0].title, "Note 0");
    assert_eq!(loaded.articles[N - 1].title, format!("Note {}", N - 1));
}

#[cfg(unix)]
#[test]
fn unreadable_files_symlink_loops_and_vanished_paths() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), PARAGRAPH).unwrap();
    // Unreadable: a permission the current user lacks, or (as root, who reads everything) a
    // file whose every read fails.
    let locked = d.join("locked.txt");
    fs::write(&locked, PARAGRAPH).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let root = fs::read(&locked).is_ok();
    if root && Path::new("/proc/self/mem").exists() {
        fs::remove_file(&locked).unwrap();
        symlink("/proc/self/mem", &locked).unwrap();
    }
    // Loops: a link to itself, two links to each other, a folder inside itself.
    symlink("self.txt", d.join("self.txt")).unwrap();
    symlink("pong.md", d.join("ping.md")).unwrap();
    symlink("ping.md", d.join("pong.md")).unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    // Vanished: a link to a file that is gone, as a file deleted between listing and reading.
    fs::write(d.join("target.txt"), PARAGRAPH).unwrap();
    symlink(d.join("target.txt"), d.join("gone.txt")).unwrap();
    fs::remove_file(d.join("target.txt")).unwrap();

    let loaded = load::load_paths(&[d.to_path_buf()]);
    assert_one_line_each(&loaded.problems);
    let names: Vec<String> = loaded
        .articles
        .iter()
        .map(|a| a.path.as_ref().unwrap().display().to_string())
        .collect();
    assert_eq!(names, [d.join("good.txt").display().to_string()]);
    let message = |name: &str| {
        let path = d.join(name);
        let found: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.path == path)
            .map(|p| p.problem.clone())
            .collect();
        assert_eq!(found.len(), 1, "{name}: {:?}", loaded.problems);
        found[0].clone()
    };
    assert_eq!(message("gone.txt"), "no such file or folder");
    for looped in ["self.txt", "ping.md", "pong.md"] {
        assert_eq!(
            message(looped),
            "cannot read it: too many levels of symbolic links"
        );
    }
    let locked_msg = message("locked.txt");
    if root {
        assert_eq!(locked_msg, "cannot read it: input/output error");
    } else {
        assert_eq!(locked_msg, "cannot read it: permission denied");
    }
    // Named on the command line, each gives the same one line.
    let one = load::load_paths(&[d.join("gone.txt"), d.join("self.txt"), d.join("good.txt")]);
    assert_eq!(one.articles.len(), 1);
    assert_eq!(one.problems.len(), 2);
    assert_one_line_each(&one.problems);
}

#[test]
fn deeply_nested_folders_load_without_overflowing_the_stack() {
    // About as deep as a path can go (PATH_MAX is 4096 on Linux): the walk recurses per folder.
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    while deep.as_os_str().len() < 3900 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("bottom.txt"), PARAGRAPH).unwrap();
    fs::write(dir.path().join("top.txt"), PARAGRAPH).unwrap();
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 2);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_named_readably() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9\x1b[2J.txt");
    fs::write(dir.path().join(name), "").unwrap();
    fs::write(dir.path().join("good.txt"), PARAGRAPH).unwrap();
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.articles.len(), 1);
    assert_one_line_each(&loaded.problems);
    assert!(
        loaded.problems[0]
            .to_string()
            .ends_with("caf\u{FFFD}␛[2J.txt: empty file"),
        "{}",
        loaded.problems[0]
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo here; skipped");
        return;
    }
    fs::write(dir.path().join("good.txt"), PARAGRAPH).unwrap();
    // Reading the pipe would wait for a writer for ever; the walk must not open it.
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(loaded.problems[0].warning);
    assert!(loaded.problems[0].problem.contains("pipe.txt"));
}

#[test]
fn files_vanishing_while_a_folder_loads() {
    // The race itself: whatever is deleted mid-load is either loaded or named in one line.
    let dir = tempfile::tempdir().unwrap();
    let n = 400;
    for i in 0..n {
        fs::write(dir.path().join(format!("{i:03}.txt")), PARAGRAPH).unwrap();
    }
    let root = dir.path().to_path_buf();
    let deleter = std::thread::spawn(move || {
        for i in (0..n).rev().step_by(2) {
            let _ = fs::remove_file(root.join(format!("{i:03}.txt")));
        }
    });
    let loaded = load::load_paths(&[dir.path().to_path_buf()]);
    deleter.join().unwrap();
    assert_one_line_each(&loaded.problems);
    for p in &loaded.problems {
        assert_eq!(p.problem, "no such file or folder", "{p}");
    }
    assert!(loaded.articles.len() + loaded.problems.len() <= n);
    assert!(loaded.articles.len() >= n / 2);
}

// ---------------------------------------------------------------------------------------------
// 2. No injection outside the reader

/// Everything that could steer a terminal or hide text, in one string.
const PAYLOAD: &str = "\x1b[2J\x1b[H\x1b[5;5H\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://evil.example/\x1b\\\
click\x1b]8;;\x1b\\\x1b]0;pwned\x07\u{9b}31m\u{85}\u{9d}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\
\u{200B}\u{200D}\u{2060}\u{FEFF}\u{2028}\r\x08\x7f";

/// The same payload as JSON text (serde_json escapes the C0 controls).
fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Articles carrying the payload in body, title, source and actor names, in every format.
fn write_hostile_articles(dir: &Path) {
    let p = PAYLOAD;
    let body = format!(
        "Minister Ada{p} Quint met President Rui{p} Sato in Gen{p}eva on Monday{p}, officials \
         said.\n\n\"We{p} agreed,\" Quint told reporters{p} on Tuesday, 18 February 2025.\n"
    );
    fs::write(
        dir.join("hostile.txt"),
        format!("Talks{p} resume\n\n{body}"),
    )
    .unwrap();
    fs::write(
        dir.join("hostile.md"),
        format!(
            "---\ntitle: Talks{p}\nsource: Wire{p}\ndate: 2025-02-18\n---\n# Head{p}\n\n{body}"
        ),
    )
    .unwrap();
    let json = format!(
        r#"{{"articles": [{{
            "title": {t}, "source": {s}, "published": "2025-02-18", "text": {b},
            "url": {s}, "unknown{p_json}": 1,
            "actors": [{{"name": {n}, "kind": "person", "role": {n}, "affiliation": {n},
                         "aliases": [{n}]}}, {{"name": 7}}],
            "events": [{{"label": {n}, "date": "2025-02-17", "place": {n},
                         "participants": [{n}]}}]
        }}]}}"#,
        t = json_str(&format!("Title{p}")),
        s = json_str(&format!("Source{p}")),
        b = json_str(&body),
        n = json_str(&format!("Ada{p} Quint")),
        p_json = json_str(p).trim_matches('"'),
    );
    fs::write(dir.join("hostile.json"), json).unwrap();
    // A file NAME carrying escapes, and one carrying a newline; both fail to load (empty), so
    // their names are printed in error lines.
    fs::write(dir.join("evil\x1b]52;c;ZXZpbA==\x07\x1b[2J.txt"), "").unwrap();
    fs::write(dir.join("two\nlines\u{202E}.txt"), "").unwrap();
}

#[test]
fn nothing_from_an_article_or_a_file_name_reaches_the_output_raw() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("articles");
    fs::create_dir(&dir).unwrap();
    write_hostile_articles(&dir);
    let folder = dir.to_str().unwrap();
    let runs: [&[&str]; 5] = [
        &["analyze", folder],
        &["analyze", "--json", folder],
        &["analyze", "--json", "--date", "2025-02-18", folder],
        &["render", folder],
        &["render", "--ansi", folder],
    ];
    for args in runs {
        let out = output(brief(home.path(), args));
        assert!(out.status.success(), "{args:?}: {out:?}");
        // `render --ansi` styles the screen with SGR sequences of its own (`ESC [ … m`): those
        // are ours and only set colours; anything else that steers is not allowed.
        let stdout = if args.contains(&"--ansi") {
            strip_sgr(&out.stdout)
        } else {
            out.stdout.clone()
        };
        assert_inert(&stdout, &format!("{args:?} stdout"));
        assert_inert(&out.stderr, &format!("{args:?} stderr"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The two bad names, the unknown field and the bad actor: one line each.
        assert_eq!(stderr.lines().count(), 4, "{args:?}: {stderr}");
        assert!(stderr.contains("evil␛]52;c;ZXZpbA==␇␛[2J.txt: empty file"));
        assert!(stderr.contains("two␊lines\u{FFFD}.txt: empty file"));
    }
    // The JSON still carries the text exactly: escaped, not lost.
    let out = output(brief(home.path(), &["analyze", "--json", folder]));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    for a in articles {
        let text = a["text"].as_str().unwrap();
        // Markdown's text is written from its parse, where a lone CR is a line ending
        // (CommonMark): it comes out as `\n`; every other byte of the payload is kept.
        let md = a["path"].as_str().unwrap().ends_with(".md");
        let payload = if md {
            PAYLOAD.replace('\r', "\n")
        } else {
            PAYLOAD.to_string()
        };
        assert!(text.contains(&payload), "{text:?}");
    }
    // The readable summary names the actors with the payload made visible.
    let out = output(brief(home.path(), &["analyze", folder]));
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(summary.contains("Title␛[2J␛[H"), "{summary}");
    assert!(summary.contains("source: Source␛[2J"), "{summary}");
}

#[test]
fn standard_input_with_escapes_does_not_reach_the_output_raw() {
    let home = tempfile::tempdir().unwrap();
    for input in [
        format!("Talks{PAYLOAD} resume\n\nMinister Ada{PAYLOAD} Quint spoke on Monday."),
        format!(
            "{{\"title\": {}, \"text\": {}}}",
            json_str(PAYLOAD),
            json_str(&format!("Talks {PAYLOAD} resumed on Monday."))
        ),
        String::from("{\"text\": \"Talks \\ud800 resumed.\"}"),
    ] {
        for args in [&["analyze", "-"][..], &["analyze", "--json", "-"]] {
            let mut child = brief(home.path(), args)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert_inert(&out.stdout, "stdout");
            assert_inert(&out.stderr, "stderr");
            if input.contains("ud800") {
                assert_eq!(out.status.code(), Some(2));
                // serde_json refuses a lone surrogate; the error says where.
                let stderr = String::from_utf8(out.stderr).unwrap();
                assert_eq!(stderr.lines().count(), 1, "{stderr}");
                assert!(
                    stderr.starts_with(
                        "brief: error: standard input: malformed JSON at line 1, column 2"
                    ),
                    "{stderr}"
                );
            } else {
                assert!(out.status.success(), "{out:?}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Read-only towards the user's files

/// Everything about a tree that a write, rename or delete would change.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    len: u64,
    mode: u32,
    modified: Option<SystemTime>,
    content: Option<Vec<u8>>,
}

fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(path) = stack.pop() {
        let meta = fs::symlink_metadata(&path).unwrap();
        let kind = if meta.is_dir() {
            "dir"
        } else if meta.file_type().is_symlink() {
            "link"
        } else {
            "file"
        };
        #[cfg(unix)]
        let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions());
        #[cfg(not(unix))]
        let mode = u32::from(meta.permissions().readonly());
        let content = match kind {
            "file" => Some(fs::read(&path).unwrap()),
            "link" => Some(
                fs::read_link(&path)
                    .unwrap()
                    .into_os_string()
                    .into_encoded_bytes(),
            ),
            _ => None,
        };
        if kind == "dir" {
            for e in fs::read_dir(&path).unwrap() {
                stack.push(e.unwrap().path());
            }
        }
        let rel = path.strip_prefix(root).unwrap().to_path_buf();
        out.insert(
            rel,
            Entry {
                kind,
                len: meta.len(),
                mode,
                modified: meta.modified().ok(),
                content,
            },
        );
    }
    out
}

#[cfg(unix)]
fn chmod_recursive(root: &Path, writable: bool) {
    use std::os::unix::fs::PermissionsExt;
    for (rel, e) in snapshot(root) {
        if e.kind == "link" {
            continue;
        }
        let mode = if writable {
            e.mode | 0o200
        } else {
            e.mode & !0o222
        };
        fs::set_permissions(root.join(rel), fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn brief_never_changes_the_folders_it_reads() {
    let home = tempfile::tempdir().unwrap();
    let articles = TempDir::new().unwrap();
    let a = articles.path();
    write_hostile_articles(a);
    fs::create_dir(a.join("nested")).unwrap();
    fs::write(a.join("nested/story.md"), format!("# Story\n\n{PARAGRAPH}")).unwrap();
    fs::write(a.join("nested/notes.pdf"), b"%PDF-1.4").unwrap();
    fs::write(a.join(".hidden.txt"), PARAGRAPH).unwrap();
    fs::write(a.join("bad.json"), "{").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("nested/story.md", a.join("link.md")).unwrap();
    // A library too: `brief` with no path reads it.
    let library = home.path().join("data/brief/briefings");
    fs::create_dir_all(&library).unwrap();
    fs::write(library.join("lib.txt"), PARAGRAPH).unwrap();

    let folder = a.to_str().unwrap();
    let story = a.join("nested/story.md");
    let story = story.to_str().unwrap();
    let runs: [&[&str]; 6] = [
        &["analyze", folder],
        &["analyze", "--json", folder],
        &["analyze", "--json", "--date", "2025-02-18", story, folder],
        &["render", folder],
        &["render", "--keys", "j j Enter", folder],
        &["analyze"],
    ];
    let home_before = snapshot(home.path());
    for read_only in [false, true] {
        #[cfg(unix)]
        chmod_recursive(a, !read_only);
        #[cfg(unix)]
        chmod_recursive(&library, !read_only);
        let before = snapshot(a);
        let library_before = snapshot(&library);
        for args in runs {
            let out = output(brief(home.path(), args));
            assert!(out.status.success(), "{args:?}: {out:?}");
            assert_eq!(snapshot(a), before, "{args:?} changed the articles");
            assert_eq!(
                snapshot(&library),
                library_before,
                "{args:?} changed the library"
            );
        }
    }
    #[cfg(unix)]
    chmod_recursive(a, true);
    // In the home, only brief's own folders may change.
    let home_after = snapshot(home.path());
    let own = ["config/brief", "state/brief", "cache/brief", "data/brief"];
    let mine = |p: &Path| p.as_os_str().is_empty() || own.iter().any(|o| p.starts_with(o));
    for (path, entry) in &home_after {
        if !mine(path) && path.parent().is_some_and(|p| !p.as_os_str().is_empty()) {
            assert_eq!(
                Some(entry),
                home_before.get(path),
                "{} changed",
                path.display()
            );
        }
    }
    for path in home_before.keys() {
        assert!(
            home_after.contains_key(path) || mine(path),
            "{} vanished",
            path.display()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Properties

/// Characters that stress the loaders and `safe`: controls, bidi, zero-width, surrogate-adjacent
/// planes, plus plain letters and the marks the formats use.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::any(),
        2 => proptest::char::range('\0', '\u{a0}'),
        2 => proptest::sample::select(vec![
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{200E}', '\u{FEFF}',
            '\u{2028}', '\u{2029}', '\u{061C}', '\u{9b}', '\u{85}', '\x1b', '\x07', '\u{FFFD}',
        ]),
        4 => proptest::sample::select(vec![
            'a', 'e', 'T', 'M', ' ', '\n', '.', '"', '-', ':', '#', '{', '}', '[', ']', '1', '2',
        ]),
    ]
}

/// Text made of news-like words, numbers, dates and hostile characters.
fn newsish() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        proptest::sample::select(vec![
            "President",
            "Minister",
            "Ada",
            "Quint",
            "Norway",
            "Geneva",
            "United",
            "Nations",
            "said",
            "told",
            "met",
            "on",
            "Monday",
            "last",
            "week",
            "next",
            "year",
            "2025",
            "18",
            "February",
            "yesterday",
            "today",
            "\"",
            "“",
            "”",
            ".",
            ",",
            "\n\n",
            "Mr",
            "the",
            "of",
            "in",
            "—",
            "'s",
            "ago",
            "days",
            "two",
            "GENEVA,",
            "(Reuters)",
            "-",
        ])
        .prop_map(str::to_string),
        proptest::collection::vec(hostile_char(), 1..4).prop_map(String::from_iter),
    ];
    proptest::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_bytes_as_a_file_give_an_article_or_one_line(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..400),
            newsish().prop_map(String::into_bytes),
            newsish().prop_map(|s| format!("---\ntitle: {s}\n---\n{s}").into_bytes()),
            newsish().prop_map(|s| format!("{{\"text\": {}}}", json_str(&s)).into_bytes()),
        ],
        ext in proptest::sample::select(vec!["txt", "md", "json", ""]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let name = if ext.is_empty() { "file".to_string() } else { format!("file.{ext}") };
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let loaded = load::load_paths(std::slice::from_ref(&path));
        assert_one_line_each(&loaded.problems);
        let errors = loaded.problems.iter().filter(|p| !p.warning).count();
        prop_assert!(loaded.articles.len() + errors >= 1);
        for a in &loaded.articles {
            prop_assert!(!a.text.trim().is_empty());
            prop_assert!(!a.title.is_empty());
        }
    }

    #[test]
    fn sanitized_text_carries_no_control_bidi_or_zero_width_character(
        s in proptest::collection::vec(hostile_char(), 0..200).prop_map(String::from_iter),
    ) {
        let out = brief::safe::sanitize(&s);
        prop_assert!(!out.chars().any(|c| c.is_control() || brief::safe::is_unsafe(c)), "{out:?}");
        prop_assert_eq!(out.chars().count(), s.chars().count());
        let lines = brief::safe::sanitize_lines(&s);
        prop_assert!(!lines.chars().any(steers), "{lines:?}");
        prop_assert_eq!(lines.matches('\n').count(), s.matches('\n').count());
    }

    #[test]
    fn analysis_spans_are_in_bounds_on_char_boundaries(
        text in newsish(),
        date in proptest::option::of((-9999i16..=9999, 1i8..=12, 1i8..=28)),
        published in proptest::option::of((1i16..=3000, 1i8..=12, 1i8..=28)),
    ) {
        let date = date.and_then(|(y, m, d)| jiff::civil::Date::new(y, m, d).ok());
        let article = brief::Article {
            title: "T".into(),
            published: published.and_then(|(y, m, d)| jiff::civil::Date::new(y, m, d).ok()),
            text: text.clone(),
            ..brief::Article::default()
        };
        let analysis = brief::analyze(&article, &brief::Options { date });
        assert_spans(&text, &analysis);
    }
}
