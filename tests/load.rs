//! Loaders: each format, the bundled sample, directories, standard input, and every bad input
//! with its one-line message (pinned by snapshot).

use std::fs;
use std::path::{Path, PathBuf};

use brief::load::{self, LoadError, Loaded};
use brief::model::DateOrigin;
use jiff::civil::date;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

fn load(paths: &[PathBuf]) -> Loaded {
    load::load_paths(paths)
}

/// The problem lines with the temporary folder left out, so that snapshots are stable.
fn lines(problems: &[LoadError], base: &Path) -> String {
    let prefix = format!("{}/", base.display());
    problems
        .iter()
        .map(|p| p.to_string().replace(&prefix, ""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes `bytes` to `name` in a new temporary folder and loads it.
fn load_bytes(name: &str, bytes: &[u8]) -> (Loaded, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write");
    let loaded = load(&[path]);
    let msg = lines(&loaded.problems, dir.path());
    (loaded, msg)
}

#[test]
fn plain_text_keeps_the_text_and_reads_title_and_date() {
    let path = fixture("plain.txt");
    let loaded = load(std::slice::from_ref(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let [a] = loaded.articles.as_slice() else {
        panic!("one article expected")
    };
    assert_eq!(a.text, fs::read_to_string(&path).unwrap());
    assert_eq!(
        a.title,
        "Harbour workers end strike after talks in Rotterdam"
    );
    assert_eq!(a.published, Some(date(2024, 3, 3)));
    assert_eq!(a.date_origin, DateOrigin::Dateline);
    assert_eq!(a.path.as_deref(), Some(path.as_path()));
    assert_eq!(a.source, None);
}

#[test]
fn plain_text_without_a_headline_takes_its_first_sentence_shortened() {
    let a = &load(&[fixture("no-headline.txt")]).articles[0];
    assert!(
        a.title.starts_with("Dock workers in Rotterdam ended"),
        "{}",
        a.title
    );
    assert!(a.title.ends_with('…'), "{}", a.title);
    assert!(a.title.chars().count() < 100);
    assert_eq!(a.published, None);
    assert_eq!(a.date_origin, DateOrigin::Unknown);
}

#[test]
fn print_edition_date_is_kept_as_approximate() {
    let a = &load(&[fixture("print-edition.txt")]).articles[0];
    assert_eq!(a.published, Some(date(2024, 3, 7)));
    assert_eq!(a.date_origin, DateOrigin::PrintEdition);
    assert!(a.date_origin.is_approximate());
}

#[test]
fn file_without_extension_is_plain_text_with_a_wire_dateline() {
    let a = &load(&[fixture("wire")]).articles[0];
    assert_eq!(a.published, Some(date(1996, 8, 30)));
    assert_eq!(a.date_origin, DateOrigin::Dateline);
    assert!(a.text.starts_with("SOCCER - LATE GOAL"));
}

#[test]
fn byte_order_mark_is_dropped_and_crlf_kept() {
    let (loaded, msg) = load_bytes(
        "crlf.txt",
        b"\xEF\xBB\xBFTram strike ends\r\n\r\nTrams run again.\r\n",
    );
    assert_eq!(msg, "");
    let a = &loaded.articles[0];
    assert_eq!(a.text, "Tram strike ends\r\n\r\nTrams run again.\r\n");
    assert_eq!(a.title, "Tram strike ends");
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Rain expected\nRain is expected.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let (loaded, msg) = load_bytes("utf16.txt", &bytes);
    assert_eq!(msg, "");
    assert_eq!(loaded.articles[0].text, "Rain expected\nRain is expected.");
}

#[test]
fn markdown_front_matter_and_heading() {
    let loaded = load(&[fixture("notes.md")]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let a = &loaded.articles[0];
    assert_eq!(a.title, "Ferry service resumes between the islands");
    assert_eq!(a.published, Some(date(2024, 4, 12)));
    assert_eq!(a.date_origin, DateOrigin::Metadata);
    assert_eq!(a.source.as_deref(), Some("Island Courier"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/ferry"));
    // The body after the front matter as plain text, its leading heading taken out.
    assert_eq!(
        a.text,
        "The ferry between the two islands sailed again on Friday after a week of storms.\nThe operator said all crossings would run as planned.\n"
    );
}

#[test]
fn markdown_heading_is_the_title_when_there_is_no_front_matter() {
    let a = &load(&[fixture("heading.markdown")]).articles[0];
    assert_eq!(a.title, "Library opens late on Thursdays");
    assert_eq!(a.published, Some(date(2024, 4, 2)));
    assert_eq!(a.date_origin, DateOrigin::Dateline);
    assert!(a.text.starts_with("Updated: Apr 2, 2024"));
}

#[test]
fn json_briefing_with_articles_and_curated_data() {
    let path = fixture("briefing.json");
    let loaded = load(std::slice::from_ref(&path));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let [a, b] = loaded.articles.as_slice() else {
        panic!("two articles expected")
    };
    assert_eq!(a.title, "Mayor opens the new bridge");
    assert_eq!(a.source.as_deref(), Some("Valley News"));
    assert_eq!(a.published, Some(date(2024, 5, 20)));
    assert_eq!(a.date_origin, DateOrigin::Metadata);
    assert_eq!(a.url.as_deref(), Some("https://example.org/bridge"));
    assert_eq!(a.curated.actors.len(), 1);
    assert_eq!(a.curated.actors[0].aliases, vec!["the council"]);
    assert_eq!(a.curated.events[0].date.as_deref(), Some("2024-05-20"));
    assert_eq!(a.path.as_deref(), Some(path.as_path()));
    // No title: read from the text, as for plain text.
    assert!(b.title.starts_with("Rain is expected"), "{}", b.title);
    assert_eq!(b.published, None);
}

#[test]
fn json_single_article_with_a_timestamp() {
    let a = &load(&[fixture("single.json")]).articles[0];
    assert_eq!(a.title, "School term starts early");
    assert_eq!(a.published, Some(date(2024, 8, 26)));
}

#[test]
fn directory_loads_supported_files_sorted_skipping_hidden_ones() {
    let dir = fixture("library");
    let loaded = load(std::slice::from_ref(&dir));
    let titles: Vec<_> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bakery wins regional prize",
            "Park gates repainted",
            "Market moves indoors"
        ]
    );
    insta::assert_snapshot!("directory_notes", lines(&loaded.problems, &fixtures_dir()));
    assert!(!loaded.has_errors());
}

#[test]
fn the_sample_is_embedded_and_parses() {
    let a = load::sample();
    assert_eq!(a.path, None);
    assert_eq!(a.title, "US and Russia resume talks in Riyadh");
    assert_eq!(a.published, Some(date(2025, 2, 18)));
    assert_eq!(a.date_origin, DateOrigin::Metadata);
    assert!(
        a.source
            .as_deref()
            .is_some_and(|s| s.contains("Al-Ahram Weekly"))
    );
    assert!(
        a.text
            .contains("appears in print in the 20 February, 2025 edition")
    );
    let on_disk = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefings/riyadh-talks.json"),
    )
    .unwrap();
    assert_eq!(load::SAMPLE_JSON, on_disk);
}

#[test]
fn standard_input_is_sniffed() {
    let mut problems = Vec::new();
    let text =
        load::load_stdin(b"Snow closes the pass\nThe pass is closed.", &mut problems).unwrap();
    assert_eq!(text[0].title, "Snow closes the pass");
    assert_eq!(text[0].path, None);
    let json = load::load_stdin(br#"{"title": "T", "text": "Body."}"#, &mut problems).unwrap();
    assert_eq!(json[0].title, "T");
    let md = load::load_stdin(b"---\ntitle: M\n---\nBody.\n", &mut problems).unwrap();
    assert_eq!(
        (md[0].title.as_str(), md[0].text.as_str()),
        ("M", "Body.\n")
    );
    let list = load::load_stdin(br#"[{"text": "One."}, {"text": "Two."}]"#, &mut problems).unwrap();
    assert_eq!(list.len(), 2);
    let bracket = load::load_stdin(b"[Updated] Talks resume\nBody.", &mut problems).unwrap();
    assert_eq!(bracket[0].text, "[Updated] Talks resume\nBody.");
    assert!(problems.is_empty());
    let err = load::load_stdin(b"  \n", &mut problems).unwrap_err();
    insta::assert_snapshot!("stdin_blank", err.to_string());
    // Nothing at all (`brief analyze - < /dev/null`): said as such, not as an empty file.
    let err = load::load_stdin(b"", &mut problems).unwrap_err();
    assert_eq!(
        err.to_string(),
        "error: standard input: empty, no text given"
    );
}

#[test]
fn good_files_still_load_next_to_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.json"), "{").unwrap();
    let loaded = load(&[
        dir.path().join("missing.txt"),
        fixture("plain.txt"),
        dir.path().join("bad.json"),
    ]);
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.has_errors());
}

// Bad inputs: each gives one line naming the file.

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = load(&[dir.path().join("nowhere.txt")]);
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("missing", lines(&loaded.problems, dir.path()));
}

#[test]
fn empty_file() {
    let (loaded, msg) = load_bytes("empty.txt", b"");
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("empty", msg);
}

#[test]
fn whitespace_only_file() {
    let (loaded, msg) = load_bytes("blank.md", b" \n\t\r\n");
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("whitespace", msg);
}

#[test]
fn binary_file() {
    let (loaded, msg) = load_bytes("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("binary", msg);
}

#[test]
fn invalid_utf8_loads_lossily_with_a_warning() {
    let (loaded, msg) = load_bytes("latin1.txt", b"Caf\xe9 reopens\nThe caf\xe9 reopened.\n");
    let a = &loaded.articles[0];
    assert_eq!(a.text, "Caf\u{FFFD} reopens\nThe caf\u{FFFD} reopened.\n");
    assert!(!loaded.has_errors());
    insta::assert_snapshot!("invalid_utf8", msg);
}

#[test]
fn malformed_json_names_line_column_and_what_was_expected() {
    let (loaded, msg) = load_bytes(
        "broken.json",
        b"{\n  \"title\": \"Talks\",\n  \"text\": \"Body\"\n  \"source\": \"Paper\"\n}\n",
    );
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("malformed_json", msg);
}

#[test]
fn json_missing_text() {
    let (loaded, msg) = load_bytes("notext.json", br#"{"title": "Only a title"}"#);
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("json_missing_text", msg);
}

#[test]
fn json_wrong_types() {
    let (loaded, msg) = load_bytes(
        "types.json",
        br#"{"articles": [{"text": 42}, {"text": "Fine.", "published": 2025}, "text", {"text": "Kept.", "title": "Kept"}]}"#,
    );
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].title, "Kept");
    insta::assert_snapshot!("json_wrong_types", msg);
}

#[test]
fn json_not_a_briefing() {
    let (loaded, msg) = load_bytes("list.json", br#""just a string""#);
    assert!(loaded.articles.is_empty());
    let (_, empty) = load_bytes("none.json", br#"{"articles": []}"#);
    insta::assert_snapshot!("json_not_a_briefing", format!("{msg}\n{empty}"));
}

#[test]
fn json_unknown_fields_and_bad_curated_entries_warn() {
    let (loaded, msg) = load_bytes(
        "extra.json",
        br#"{"text": "Body.", "author": "A. Writer", "published": "next week",
             "actors": [{"name": "Ok"}, {"nom": "Typo"}], "events": {"label": "x"}}"#,
    );
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].curated.actors.len(), 1);
    assert!(!loaded.has_errors());
    insta::assert_snapshot!("json_warnings", msg);
}

#[test]
fn unsupported_extension_given_explicitly() {
    let (loaded, msg) = load_bytes("report.pdf", b"%PDF-1.4");
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("unsupported", msg);
}

#[test]
fn empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("empty");
    fs::create_dir(&sub).unwrap();
    let loaded = load(&[sub]);
    insta::assert_snapshot!("empty_folder", lines(&loaded.problems, dir.path()));
}

#[test]
fn folder_of_files_brief_does_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("pictures");
    fs::create_dir(&sub).unwrap();
    for name in ["a.png", "b.jpg", "c.pdf", "d.gif", "e.svg"] {
        fs::write(sub.join(name), "x").unwrap();
    }
    let loaded = load(&[sub]);
    assert!(loaded.articles.is_empty());
    assert!(loaded.has_errors());
    insta::assert_snapshot!(
        "folder_without_articles",
        lines(&loaded.problems, dir.path())
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    fs::write(&path, "Locked away\nText.").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reads, so the message is checked directly.
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = LoadError::error(Path::new("locked.txt"), load::io_problem(&e));
        insta::assert_snapshot!("unreadable", err.to_string());
        return;
    }
    let loaded = load(&[path]);
    assert!(loaded.articles.is_empty());
    insta::assert_snapshot!("unreadable", lines(&loaded.problems, dir.path()));
}

#[test]
fn schema_names_exactly_the_fields_the_loader_reads() {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefing.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let keys = |def: &str| sorted_keys(&schema["$defs"][def]["properties"]);
    let mut fields: Vec<String> = load::json::ARTICLE_FIELDS
        .iter()
        .map(|s| s.to_string())
        .collect();
    fields.sort();
    assert_eq!(keys("article"), fields);
    // Curated entries: every field the model reads, fully filled in, is in the schema.
    let actor = serde_json::json!({
        "name": "n", "kind": "person", "role": "r", "affiliation": "a", "aliases": ["x"]
    });
    assert_eq!(
        keys("actor"),
        round_trip::<brief::model::CuratedActor>(actor)
    );
    let event = serde_json::json!({
        "label": "l", "date": "2024", "place": "p", "kind": "k", "participants": ["x"]
    });
    assert_eq!(
        keys("event"),
        round_trip::<brief::model::CuratedEvent>(event)
    );
}

fn sorted_keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.clone())
        .collect();
    k.sort();
    k
}

/// The fields a model type writes back after reading `v`.
fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(
    v: serde_json::Value,
) -> Vec<String> {
    let t: T = serde_json::from_value(v).unwrap();
    sorted_keys(&serde_json::to_value(&t).unwrap())
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_in_a_folder_ends() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir(&lib).unwrap();
    fs::write(lib.join("a.txt"), "Loop test\nBody.").unwrap();
    std::os::unix::fs::symlink(&lib, lib.join("again")).unwrap();
    let loaded = load(&[lib]);
    assert!(!loaded.articles.is_empty());
    assert!(loaded.articles.len() <= 2, "{}", loaded.articles.len());
}

#[test]
fn markdown_with_windows_line_endings() {
    let (loaded, msg) = load_bytes(
        "crlf.md",
        b"---\r\ntitle: Night buses return\r\ndate: 2024-02-01\r\n---\r\n# Ignored heading\r\n\r\nNight buses run again.\r\n",
    );
    assert_eq!(msg, "");
    let a = &loaded.articles[0];
    assert_eq!(a.title, "Night buses return");
    assert_eq!(a.published, Some(date(2024, 2, 1)));
    // The text is written from the Markdown parse: its line breaks are `\n`.
    assert_eq!(a.text, "Night buses run again.\n");
}

proptest::proptest! {
    #[test]
    fn no_string_makes_the_date_reader_panic(s in "\\PC{0,120}") {
        let _ = load::dateline::find(&s);
        let _ = load::dateline::find_date(&s);
        let _ = load::dateline::parse_date_at(&s);
        let _ = load::plain::title(&s, None);
    }

    #[test]
    fn no_string_makes_the_markdown_and_json_readers_panic(s in "(---\n)?[a-z:\\-# \n\r{}\\[\\]\",0-9é]{0,120}") {
        let mut problems = Vec::new();
        let _ = load::markdown::parse(&s, Path::new("p.md"), &mut problems);
        let _ = load::json::parse(&s, Path::new("p.json"), &mut problems);
    }

    #[test]
    fn no_bytes_make_standard_input_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
        let mut problems = Vec::new();
        let _ = load::load_stdin(&bytes, &mut problems);
    }

    #[test]
    fn plain_text_is_kept_exactly(text in "[a-zA-Z .,\n\r\t'é—0-9-]{1,200}") {
        proptest::prop_assume!(!text.trim().is_empty() && !text.starts_with("---") && !text.trim_start().starts_with(['{', '[']));
        let mut problems = Vec::new();
        let a = load::load_stdin(text.as_bytes(), &mut problems).unwrap();
        proptest::prop_assert_eq!(&a[0].text, &text);
        proptest::prop_assert!(!a[0].title.is_empty());
    }
}

#[test]
fn a_saved_article_keeps_when_it_was_fetched_and_shows_its_site_without_a_source() {
    let (loaded, msg) = load_bytes(
        "saved.json",
        br#"{"title": "Quay reopens", "url": "https://www.quay-notes.example:8443/a?b=1",
             "feed": "http://feeds.quay-notes.example/rss", "fetched": "2026-03-04T08:00:00Z",
             "text": "The quay reopened on a windy morning."}"#,
    );
    assert!(msg.is_empty(), "{msg}");
    let a = &loaded.articles[0];
    assert_eq!(a.fetched, Some("2026-03-04T08:00:00Z".parse().unwrap()));
    // The page's site, without `www.` and the port (the feed's when there is no page URL).
    assert_eq!(a.source.as_deref(), Some("quay-notes.example"));
    // A fetch time that is not one is a warning; the article loads, with no source made up
    // for a file the user wrote (no `fetched`).
    let (loaded, msg) = load_bytes(
        "odd.json",
        br#"{"url": "https://quay-notes.example/b", "fetched": "last Tuesday",
             "text": "The quay reopened."}"#,
    );
    assert!(msg.contains("\"fetched\" is not a time"), "{msg}");
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].fetched, None);
    assert_eq!(loaded.articles[0].source, None);
}
