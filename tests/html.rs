//! Web pages as articles: the main text without boilerplate, metadata from each of its sources,
//! character sets, entities, standard input starting with `<`, and malformed pages. Every page
//! here is made up for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use brief::load::html::article_from_html;
use brief::model::DateOrigin;
use jiff::civil::date;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

fn page(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

#[test]
fn boilerplate_is_left_out_and_blocks_are_paragraphs() {
    let a = article_from_html(&page("article.html"), None, None).unwrap();
    for junk in [
        "SCRIPT-TEXT",
        "ADVERTISEMENT",
        "COMMENT-TEXT",
        "FOOTER",
        "NOSCRIPT",
        "cookies",
        "Most read",
        "Bridge plan shelved",
        "Home",
        "color: red",
    ] {
        assert!(!a.text.contains(junk), "{junk} in {:?}", a.text);
    }
    assert!(a.text.starts_with("The small ferry"), "{:?}", a.text);
    assert!(a.text.contains("\n\nA long winter for the crossing\n\n"));
    assert!(a.text.contains("Crossings run every twenty minutes"));
    assert!(a.text.contains("\n\nWe missed it more than we expected"));
    assert!(a.text.ends_with("extra evening sailings on weekends."));
    // The headline is the title, not the first line of the text.
    assert!(!a.text.contains("Harbour ferry returns"));
}

#[test]
fn open_graph_and_meta_tags() {
    let a = article_from_html(
        &page("article.html"),
        Some("https://ledger.example/news/harbour-ferry-returns?ref=home"),
        None,
    )
    .unwrap();
    assert_eq!(a.title, "Harbour ferry returns after storm repairs");
    assert_eq!(a.source.as_deref(), Some("Northshore Ledger"));
    assert_eq!(a.byline.as_deref(), Some("Mira Castell"));
    assert_eq!(a.published, Some(date(2024, 4, 12)));
    assert_eq!(a.date_origin, DateOrigin::Metadata);
    assert_eq!(a.published_from.as_deref(), Some("meta"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/news/harbour-ferry-returns")
    );
    assert_eq!(a.path, None);
}

#[test]
fn json_ld_gives_date_authors_and_publisher() {
    let a = article_from_html(&page("jsonld.html"), None, None).unwrap();
    assert_eq!(a.title, "Orchard growers count the cost of a late frost");
    assert_eq!(a.published, Some(date(2023, 5, 2)));
    assert_eq!(a.published_from.as_deref(), Some("json_ld"));
    assert_eq!(a.byline.as_deref(), Some("Tomas Reyel and Ines Varga"));
    assert_eq!(a.source.as_deref(), Some("Valley Courier"));
    assert!(a.text.starts_with("Apple and pear growers"));
}

#[test]
fn time_element_and_title_without_the_site_suffix() {
    let a = article_from_html(&page("time.html"), None, None).unwrap();
    assert_eq!(
        a.title,
        "Library opens a reading room for night-shift workers"
    );
    assert_eq!(a.published, Some(date(2022, 11, 8)));
    assert_eq!(a.published_from.as_deref(), Some("time"));
}

#[test]
fn date_in_the_address() {
    let a = article_from_html(
        &page("plain.html"),
        Some("https://village.example/2020/07/19/fair-record-crowd"),
        None,
    )
    .unwrap();
    assert_eq!(a.published, Some(date(2020, 7, 19)));
    assert_eq!(a.published_from.as_deref(), Some("url"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://village.example/2020/07/19/fair-record-crowd")
    );
    // No title anywhere in the page: the first sentence stands in.
    assert!(a.title.starts_with("The village fair"), "{}", a.title);
}

#[test]
fn dateline_in_the_text() {
    let a = article_from_html(&page("dateline.html"), None, None).unwrap();
    assert_eq!(a.published, Some(date(2021, 3, 14)));
    assert_eq!(a.date_origin, DateOrigin::Dateline);
    assert_eq!(a.published_from.as_deref(), Some("dateline"));
    assert_eq!(a.title, "Night trains return to the coast line");
}

#[test]
fn entities_are_decoded() {
    let a = article_from_html(&page("entities.html"), None, None).unwrap();
    assert_eq!(a.title, "Café owners & bakers agree on a shared market day");
    assert!(
        a.text
            .contains("The café owners’ association and the bakers’ guild have agreed to hold")
    );
    assert!(a.text.contains("week — on Thursdays —"));
    assert!(a.text.contains("<not by the town>"));
    assert!(!a.text.contains('\u{a0}') || a.text.contains("agreed\u{a0}to"));
}

#[test]
fn character_sets_from_bom_meta_and_header() {
    let body = "<p>The baker on the corner sells a caf\u{e9} cr\u{e8}me and a pain au raisin for the price of a bus ticket, every morning from six.</p>";
    let latin1: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
    // <meta charset>
    let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
    page.extend_from_slice(&latin1);
    let a = article_from_html(&page, None, None).unwrap();
    assert!(a.text.contains("café crème"), "{}", a.text);
    // The HTTP header's hint, no meta.
    let mut page = b"<html><body>".to_vec();
    page.extend_from_slice(&latin1);
    let a = article_from_html(&page, None, Some("text/html; charset=windows-1252")).unwrap();
    assert!(a.text.contains("café crème"));
    // A UTF-8 byte-order mark wins over a wrong meta.
    let mut page = b"\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
    page.extend_from_slice(body.as_bytes());
    let a = article_from_html(&page, None, None).unwrap();
    assert!(a.text.contains("café crème"));
    // UTF-16 with its byte-order mark.
    let mut page = vec![0xFF, 0xFE];
    for u in format!("<html><body>{body}").encode_utf16() {
        page.extend_from_slice(&u.to_le_bytes());
    }
    let a = article_from_html(&page, None, None).unwrap();
    assert!(a.text.contains("café crème"));
}

#[test]
fn malformed_pages_load_without_panic() {
    let a = article_from_html(&page("malformed.html"), None, None).unwrap();
    assert!(a.text.contains("The river rose over its banks"));
    assert!(a.text.contains("Residents were told"));
    assert!(!a.text.contains("never closed"));
    // Deep nesting, stray bytes, control characters and entities for them.
    let mut deep = String::from("<html><body>");
    for _ in 0..5_000 {
        deep.push_str("<div>");
    }
    deep.push_str("<p>A paragraph at the bottom of a very deep page, long enough to be an article's text on its own.</p>");
    let a = article_from_html(deep.as_bytes(), None, None).unwrap();
    assert!(a.text.contains("very deep page"));
    let hostile = b"<p>Bell\x07 and escape \x1b]52;c;ZXZpbA==\x07 and &#27;[31m and &#x9b;2J and nul \x00 in a sentence long enough to be the text.</p>";
    let a = article_from_html(hostile, None, None).unwrap();
    assert!(
        !a.text.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        a.text
    );
    for junk in [
        &b""[..],
        b"   ",
        b"<",
        b"<html>",
        b"<<<>>>&&&;;",
        b"\xFF\xFE",
        b"<p>\xFF\xFE\xFD</p>",
    ] {
        let _ = article_from_html(junk, None, None);
    }
    assert!(
        article_from_html(
            b"<html><body><script>x()</script></body></html>",
            None,
            None
        )
        .is_err()
    );
}

fn brief(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn standard_input_starting_with_a_tag_is_a_page() {
    let mut input = b"\xEF\xBB\xBF  \n".to_vec();
    input.extend_from_slice(&page("article.html"));
    let out = brief(&["analyze", "--json", "--no-cache", "-"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["title"], "Harbour ferry returns after storm repairs");
    assert_eq!(a["published"], "2024-04-12");
    assert_eq!(a["published_from"], "meta");
    assert_eq!(a["byline"], "Mira Castell");
    let text = a["text"].as_str().unwrap();
    assert!(text.starts_with("The small ferry"));
    assert!(!text.contains('<'));
    // Offsets point into the extracted text.
    for t in a["timexes"].as_array().unwrap() {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert!(text.get(s..e).is_some());
    }
}

#[test]
fn html_files_load_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let htm = dir.path().join("story.HTM");
    std::fs::copy(fixture("jsonld.html"), &htm).unwrap();
    let loaded = brief::load::load_paths(&[fixture("time.html"), htm.clone()]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(loaded.articles[1].path.as_deref(), Some(htm.as_path()));
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "").unwrap();
    let loaded = brief::load::load_paths(&[empty]);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].problem.contains("empty"));
}
