//! `brief add`, `brief feeds` and `brief fetch` against HTTP servers the tests start on
//! 127.0.0.1: every feed format, conditional requests, gzip, redirects, stalls, bombs, server
//! errors, HTML instead of a feed, duplicates, OPML. No test touches the network.
//!
//! Every run gets its own empty HOME and XDG folders. The feeds and pages are made up here.
#![cfg(feature = "net")]

#[path = "support/http.rs"]
mod http;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http::{Reply, Request, Server};
use serde_json::Value;
use tempfile::TempDir;

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

    fn feeds_file(&self) -> PathBuf {
        self.path().join("config/brief/feeds")
    }

    fn run(&self, args: &[&str]) -> Output {
        let home = self.path();
        Command::new(env!("CARGO_BIN_EXE_brief"))
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
            .expect("the binary runs")
    }

    /// Writes the feeds file: one URL a line.
    fn feeds(&self, urls: &[String]) {
        let f = self.feeds_file();
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        let mut text = String::new();
        for u in urls {
            text.push_str(u);
            text.push('\n');
        }
        std::fs::write(f, text).unwrap();
    }

    /// Every saved briefing: (path, JSON).
    fn saved(&self) -> Vec<(PathBuf, Value)> {
        let mut out = Vec::new();
        let mut open = vec![self.library()];
        while let Some(d) = open.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    open.push(p);
                } else if p.extension().is_some_and(|x| x == "json") {
                    let v = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
                    out.push((p, v));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    fn saved_with(&self, field: &str, value: &str) -> Vec<Value> {
        self.saved()
            .into_iter()
            .filter(|(_, v)| v[field].as_str() == Some(value))
            .map(|(_, v)| v)
            .collect()
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// A paragraph of made-up news, `n` times, numbered so no two are alike.
fn body_text(topic: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "The council of {topic} met on a grey morning for session {i} and agreed to \
                 publish the harbour survey before the spring tides, its chair said."
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn long_html(topic: &str) -> String {
    (0..6)
        .map(|i| format!("<p>{}</p>", body_text(&format!("{topic} {i}"), 3)))
        .collect()
}

fn page_html(title: &str, topic: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title} | The Tidewater Post</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{}</article></body></html>",
        long_html(topic)
    )
}

fn rss2(base: &str, items: &[(&str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>Tidewater Post</title><link>https://tidewater.example/</link>",
    );
    for (slug, title) in items {
        s.push_str(&format!(
            "<item><title>{title}</title><link>{base}/{slug}</link><guid>{base}/{slug}</guid>\
             <pubDate>Tue, 18 Feb 2025 09:30:00 GMT</pubDate>\
             <description>A short teaser about {title}…</description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

#[test]
fn each_feed_format_is_read_and_saved_as_briefings() {
    let whole = long_html("the northern quay");
    let escaped = whole.replace('<', "&lt;").replace('>', "&gt;");
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel><title>RSS Two</title><item><title>Quay vote &amp; more</title><link>/news/quay</link>\
         <guid isPermaLink=\"false\">q-1</guid><pubDate>Tue, 18 Feb 2025 09:30:00 GMT</pubDate>\
         <content:encoded><![CDATA[{whole}]]></content:encoded></item></channel></rss>"
    );
    let rdf = format!(
        "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
         xmlns=\"http://purl.org/rss/1.0/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel rdf:about=\"x\"><title>RSS One</title><link>https://one.example/</link><description>d</description></channel>\
         <item rdf:about=\"https://one.example/ferry\"><title>Ferry timetable</title>\
         <link>https://one.example/ferry</link><content:encoded>{escaped}</content:encoded></item></rdf:RDF>"
    );
    let atom = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Atom Feed</title><id>urn:x</id><updated>2025-02-18T10:00:00Z</updated>\
         <entry><title>Lighthouse repairs</title><id>urn:e1</id><link href=\"https://atom.example/lighthouse\"/>\
         <updated>2025-02-17T08:00:00Z</updated><content type=\"html\">{escaped}</content></entry></feed>"
    );
    let json = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Feed",
        "items": [{"id": "j1", "url": "https://json.example/bridge", "title": "Bridge toll",
                   "date_published": "2025-02-16T07:00:00Z", "content_html": whole}]
    })
    .to_string();
    let server = Server::start(move |r: &Request, _| match r.path.as_str() {
        "/rss2" => Reply::ok("application/rss+xml", rss.clone()),
        "/rss1" => Reply::ok("application/rdf+xml", rdf.clone()),
        "/atom" => Reply::ok("application/atom+xml", atom.clone()),
        "/json" => Reply::ok("application/feed+json", json.clone()),
        _ => Reply::status(404),
    });
    let home = Home::new();
    home.feeds(&[
        server.url("/rss2"),
        server.url("/rss1"),
        server.url("/atom"),
        server.url("/json"),
    ]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0, "{}{}", out(&o), err(&o));
    assert_eq!(out(&o), "4 feeds, 4 new articles\n", "{}", err(&o));
    let saved = home.saved();
    assert_eq!(saved.len(), 4);
    let folders: Vec<String> = saved
        .iter()
        .map(|(p, _)| {
            p.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(folders, ["atom-feed", "json-feed", "rss-one", "rss-two"]);
    for (p, v) in &saved {
        assert!(
            v["fetched"].as_str().is_some_and(|f| f.ends_with('Z')),
            "{p:?}"
        );
        assert!(
            v["text"].as_str().unwrap().contains("harbour survey"),
            "{p:?}"
        );
        assert!(!v["text"].as_str().unwrap().contains('<'), "{p:?}");
        assert!(v["feed"].as_str().unwrap().starts_with("http://127.0.0.1"));
    }
    // The relative link is resolved against the feed's URL; the entity decoded in the title.
    let rss_two = &saved[3].1;
    assert_eq!(rss_two["url"], server.url("/news/quay"));
    assert_eq!(rss_two["title"], "Quay vote & more");
    assert_eq!(rss_two["source"], "RSS Two");
    assert_eq!(rss_two["published"], "2025-02-18T09:30:00Z");
    // The library loads them without a word of warning.
    let o = home.run(&["analyze", "--json"]);
    assert_eq!(code(&o), 0);
    assert_eq!(err(&o), "");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 4);
    // Nothing is fetched twice.
    let o = home.run(&["fetch"]);
    assert_eq!(out(&o), "4 feeds, 0 new articles\n");
    assert_eq!(home.saved().len(), 4);
}

#[test]
fn a_304_answers_a_conditional_request_and_nothing_is_saved_again() {
    let feed = rss2("https://tidewater.example", &[]);
    let whole = long_html("tide tables");
    let feed = feed.replace(
        "</channel>",
        &format!(
            "<item><title>Tide tables</title><link>https://tidewater.example/tides</link>\
             <description><![CDATA[{whole}]]></description></item></channel>"
        ),
    );
    let server = Server::start(move |r: &Request, _| {
        if r.header("if-none-match") == Some("\"v1\"") {
            Reply::Full {
                status: 304,
                headers: vec![("ETag".into(), "\"v1\"".into())],
                body: Vec::new(),
            }
        } else {
            Reply::ok("application/rss+xml", feed.clone()).with("ETag", "\"v1\"")
        }
    });
    let home = Home::new();
    home.feeds(&[server.url("/feed")]);
    let o = home.run(&["fetch"]);
    assert_eq!(out(&o), "1 feed, 1 new article\n", "{}", err(&o));
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0);
    assert_eq!(out(&o), "1 feed, 0 new articles\n");
    assert_eq!(server.hits("/feed"), 2);
    let state = std::fs::read_to_string(home.path().join("state/brief/feeds.json")).unwrap();
    assert!(state.contains("\"etag\": \"\\\"v1\\\"\""), "{state}");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzip_is_decoded_and_a_gzip_bomb_stops_at_the_cap() {
    let feed = rss2("https://tidewater.example", &[("a", "Gzipped entry")]).replace(
        "A short teaser about Gzipped entry…",
        &body_text("gzip", 20),
    );
    let zipped = gzip(feed.as_bytes());
    // 64 MB of spaces inside a valid feed start: about 64 KB on the wire.
    let mut bomb_src = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".to_vec();
    bomb_src.resize(64 * 1024 * 1024, b' ');
    let bomb = gzip(&bomb_src);
    assert!(bomb.len() < 1024 * 1024);
    let server = Server::start(move |r: &Request, _| match r.path.as_str() {
        "/gz" => Reply::ok("application/rss+xml", zipped.clone()).with("Content-Encoding", "gzip"),
        "/bomb" => Reply::ok("application/rss+xml", bomb.clone()).with("Content-Encoding", "gzip"),
        _ => Reply::status(404),
    });
    let home = Home::new();
    home.feeds(&[server.url("/gz"), server.url("/bomb")]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0);
    let text = out(&o);
    assert!(
        text.starts_with("2 feeds, 1 new article, 1 failed:\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}: larger than 16 MB (after decompression)",
            server.url("/bomb")
        )),
        "{text}"
    );
}

#[test]
fn redirects_are_followed_and_a_loop_is_one_line() {
    let feed = rss2("https://tidewater.example", &[]);
    let port = Arc::new(std::sync::OnceLock::<u16>::new());
    let p = port.clone();
    let server = Server::start(move |r: &Request, _| {
        let base = format!("http://127.0.0.1:{}", p.get().copied().unwrap_or(0));
        match r.path.as_str() {
            "/r1" => Reply::redirect(&format!("{base}/r2")),
            "/r2" => Reply::redirect("/r3"),
            "/r3" => Reply::ok("application/rss+xml", feed.clone()),
            "/loop-a" => Reply::redirect("/loop-b"),
            "/loop-b" => Reply::redirect("/loop-a"),
            "/ftp" => Reply::redirect("ftp://127.0.0.1/feed"),
            _ => Reply::status(404),
        }
    });
    port.set(server.port()).unwrap();
    let home = Home::new();
    home.feeds(&[server.url("/r1"), server.url("/loop-a"), server.url("/ftp")]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let text = out(&o);
    assert!(
        text.starts_with("3 feeds, 0 new articles, 2 failed:\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}: too many redirects", server.url("/loop-a"))),
        "{text}"
    );
    assert!(server.hits("/loop-a") <= 12, "{}", server.hits("/loop-a"));
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn a_stalled_server_times_out_and_the_other_feeds_are_read() {
    let feed = rss2("https://tidewater.example", &[]);
    let server = Server::start(move |r: &Request, _| match r.path.as_str() {
        "/stall" => Reply::Stall(Duration::from_secs(30)),
        _ => Reply::ok("application/rss+xml", feed.clone()),
    });
    let home = Home::new();
    home.feeds(&[server.url("/stall"), server.url("/fine")]);
    let start = Instant::now();
    let o = home.run(&["fetch", "--timeout", "0.5", "--retries", "1"]);
    let took = start.elapsed();
    assert_eq!(code(&o), 0);
    let text = out(&o);
    assert!(
        text.contains(&format!(
            "{}: timed out (no answer within 0.5 s)",
            server.url("/stall")
        )),
        "{text}"
    );
    assert_eq!(server.hits("/stall"), 2, "tried again once");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_body_past_the_cap_is_refused() {
    let big = vec![b'x'; 17 * 1024 * 1024];
    let server = Server::start(move |_: &Request, _| Reply::ok("application/rss+xml", big.clone()));
    let home = Home::new();
    home.feeds(&[server.url("/big")]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 2, "no feed read");
    assert!(out(&o).contains("larger than 16 MB"), "{}", out(&o));
}

#[test]
fn server_errors_are_retried_and_404_is_one_line() {
    let feed = rss2("https://tidewater.example", &[]);
    let server = Server::start(move |r: &Request, n| match (r.path.as_str(), n) {
        ("/flaky", 1) => Reply::status(503),
        ("/flaky", _) => Reply::ok("application/rss+xml", feed.clone()),
        ("/busy", 1) => Reply::status(429).with("Retry-After", "0"),
        ("/busy", _) => Reply::ok("application/rss+xml", feed.clone()),
        ("/gone", _) => Reply::status(410),
        _ => Reply::status(404),
    });
    let home = Home::new();
    home.feeds(&[
        server.url("/flaky"),
        server.url("/busy"),
        server.url("/missing"),
        server.url("/gone"),
    ]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0);
    assert_eq!(server.hits("/flaky"), 2);
    assert_eq!(server.hits("/busy"), 2);
    assert_eq!(server.hits("/missing"), 1, "a 404 is not retried");
    assert_eq!(
        out(&o),
        format!(
            "4 feeds, 0 new articles, 2 failed:\n  {}: not found (HTTP 404 Not Found)\n  {}: gone for good (HTTP 410 Gone)\n",
            server.url("/missing"),
            server.url("/gone")
        )
    );
    // Only failures: exit status 2.
    let home = Home::new();
    home.feeds(&[server.url("/missing")]);
    assert_eq!(code(&home.run(&["fetch"])), 2);
}

#[test]
fn an_html_page_instead_of_a_feed_names_the_feed_it_links() {
    let server = Server::start(|r: &Request, _| match r.path.as_str() {
        "/news" => Reply::ok(
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" \
             href=\"/news/rss.xml\"></head><body>News</body></html>",
        ),
        "/broken" => Reply::ok(
            "application/rss+xml",
            "<rss version=\"2.0\"><channel><item><title>x</ti",
        ),
        "/bomb" => Reply::ok(
            "application/rss+xml",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\
             <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\
             <rss version=\"2.0\"><channel><title>&d;&d;&d;&d;</title><item><title>&d;</title>\
             <description>&d;&d;&d;</description></item></channel></rss>",
        ),
        _ => Reply::ok("text/plain", "just some words"),
    });
    let home = Home::new();
    home.feeds(&[
        server.url("/news"),
        server.url("/broken"),
        server.url("/bomb"),
        server.url("/text"),
    ]);
    let o = home.run(&["fetch"]);
    let text = out(&o);
    assert!(
        text.contains(&format!(
            "{}: a web page (HTML), not a feed; the page names a feed: {}",
            server.url("/news"),
            server.url("/news/rss.xml")
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}: malformed", server.url("/broken"))),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}: not a feed", server.url("/text"))),
        "{text}"
    );
    // The entity bomb: refused or read, but never expanded into a large file.
    for (p, v) in home.saved() {
        assert!(v.to_string().len() < 100_000, "{p:?}");
    }
    assert!(text.len() < 2000, "{text}");
}

#[test]
fn duplicates_dateless_and_linkless_entries_and_charsets() {
    let long = body_text("the ferry", 20);
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Dupes</title>\
         <item><guid>same</guid><title>First</title><description>{long} one</description></item>\
         <item><guid>same</guid><title>Second with the same guid</title><description>{long} two</description></item>\
         <item><link>https://dup.example/a</link><title>Link A</title><description>{long} a</description></item>\
         <item><link>https://dup.example/a#comments</link><title>Link A again</title><description>{long} b</description></item>\
         <item><title>No link, no guid</title><description>{long} c</description></item>\
         <item><title>Nothing to read</title></item>\
         </channel></rss>"
    );
    // Windows-1252 bytes, the charset only in the HTTP header.
    let mut latin =
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf\xe9 News</title>\
         <item><guid>c1</guid><title>Caf\xe9 reopens</title><description>"
            .to_vec();
    latin.extend_from_slice(long.as_bytes());
    latin.extend_from_slice(b" Caf\xe9.</description></item></channel></rss>");
    let server = Server::start(move |r: &Request, _| match r.path.as_str() {
        "/dupes" => Reply::ok("application/rss+xml", feed.clone()),
        _ => Reply::ok("application/rss+xml; charset=windows-1252", latin.clone()),
    });
    let home = Home::new();
    home.feeds(&[server.url("/dupes"), server.url("/latin")]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(out(&o), "2 feeds, 4 new articles\n", "{}", err(&o));
    let titles: Vec<String> = home
        .saved()
        .iter()
        .map(|(_, v)| v["title"].as_str().unwrap().to_string())
        .collect();
    assert!(titles.contains(&"First".to_string()), "{titles:?}");
    assert!(titles.contains(&"Link A".to_string()), "{titles:?}");
    assert!(
        titles.contains(&"No link, no guid".to_string()),
        "{titles:?}"
    );
    assert!(titles.contains(&"Café reopens".to_string()), "{titles:?}");
    for (_, v) in home.saved() {
        assert!(v.get("published").is_none());
    }
}

#[test]
fn short_entries_get_their_page_and_a_failed_page_keeps_the_feed_text() {
    let feed = rss2(
        "http://127.0.0.1:PORT",
        &[
            ("story-one", "Harbour survey published"),
            ("missing", "Missing page"),
        ],
    );
    let port = Arc::new(std::sync::OnceLock::<u16>::new());
    let p = port.clone();
    let server = Server::start(move |r: &Request, _| {
        let port = p.get().copied().unwrap_or(0).to_string();
        match r.path.as_str() {
            "/feed" => Reply::ok("application/rss+xml", feed.replace("PORT", &port)),
            "/story-one" => Reply::ok(
                "text/html; charset=utf-8",
                page_html("Harbour survey published", "the harbour"),
            ),
            _ => Reply::status(404),
        }
    });
    port.set(server.port()).unwrap();
    let home = Home::new();
    home.feeds(&[server.url("/feed")]);
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 0);
    let text = out(&o);
    assert!(text.starts_with("1 feed, 2 new articles\n"), "{text}");
    assert!(
        text.contains("1 page could not be fetched (1 saved with the feed's own text, 0 left for the next fetch):"),
        "{text}"
    );
    let story = &home.saved_with("url", &server.url("/story-one"))[0];
    assert!(story["text"].as_str().unwrap().contains("harbour survey"));
    assert!(!story["text"].as_str().unwrap().contains("<p>"));
    let missing = &home.saved_with("url", &server.url("/missing"))[0];
    assert!(
        missing["text"]
            .as_str()
            .unwrap()
            .starts_with("A short teaser")
    );
}

#[test]
fn at_most_two_requests_at_once_go_to_one_host() {
    let whole_feed = |i: usize| {
        let items: Vec<(String, String)> = (0..6)
            .map(|j| (format!("p{i}-{j}"), format!("Story {i} {j}")))
            .collect();
        let refs: Vec<(&str, &str)> = items
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        rss2("http://127.0.0.1:PORT", &refs)
    };
    let feeds: Vec<String> = (0..4).map(whole_feed).collect();
    let port = Arc::new(std::sync::OnceLock::<u16>::new());
    let p = port.clone();
    let server = Server::start(move |r: &Request, _| {
        std::thread::sleep(Duration::from_millis(30));
        let port = p.get().copied().unwrap_or(0).to_string();
        if let Some(i) = r
            .path
            .strip_prefix("/feed")
            .and_then(|i| i.parse::<usize>().ok())
        {
            return Reply::ok("application/rss+xml", feeds[i].replace("PORT", &port));
        }
        Reply::ok("text/html", page_html("A story", &r.path))
    });
    port.set(server.port()).unwrap();
    let home = Home::new();
    home.feeds(
        &(0..4)
            .map(|i| server.url(&format!("/feed{i}")))
            .collect::<Vec<_>>(),
    );
    let o = home.run(&["fetch"]);
    assert_eq!(out(&o), "4 feeds, 24 new articles\n", "{}", err(&o));
    assert_eq!(server.max_concurrent(), 2);
}

#[test]
fn add_saves_a_page_once_and_refresh_updates_it_in_place() {
    let server = Server::start(|r: &Request, n| match r.path.as_str() {
        "/story" => Reply::ok(
            "text/html",
            page_html(
                if n == 1 {
                    "Quay reopens"
                } else {
                    "Quay reopens, updated"
                },
                "the quay",
            ),
        ),
        "/feed.xml" => Reply::ok("application/rss+xml", "<rss/>"),
        "/file.pdf" => Reply::ok("application/pdf", "%PDF-1.4"),
        _ => Reply::status(404),
    });
    let home = Home::new();
    let url = server.url("/story");
    let o = home.run(&["add", &url]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(out(&o).starts_with("saved: "), "{}", out(&o));
    let saved = home.saved();
    assert_eq!(saved.len(), 1);
    let (path, v) = &saved[0];
    assert!(
        path.starts_with(home.library().join("web/127-0-0-1")),
        "{path:?}"
    );
    assert_eq!(v["url"], url.as_str());
    assert!(v["fetched"].is_string());
    // Again: nothing fetched, nothing written.
    let o = home.run(&["add", &format!("{url}#top")]);
    assert_eq!(code(&o), 0);
    assert!(
        out(&o).starts_with("already in the library: "),
        "{}",
        out(&o)
    );
    assert_eq!(server.hits("/story"), 1);
    // --refresh: the same file, new content.
    let o = home.run(&["add", "--refresh", &url]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let again = home.saved();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].0, *path);
    assert_eq!(again[0].1["title"], "Quay reopens, updated");
    assert_ne!(again[0].1["fetched"], serde_json::Value::Null);
    // Bad inputs: one line each, exit 2 when nothing was added.
    let o = home.run(&[
        "add",
        &server.url("/nope"),
        "ftp://127.0.0.1/x",
        &server.url("/file.pdf"),
        &server.url("/feed.xml"),
        "no-such-file.txt",
    ]);
    assert_eq!(code(&o), 2);
    let e = err(&o);
    assert_eq!(e.lines().count(), 5, "{e}");
    assert!(e.contains("not found (HTTP 404 Not Found)"), "{e}");
    assert!(e.contains("only http and https"), "{e}");
    assert!(e.contains("application/pdf, not a web page"), "{e}");
    assert!(e.contains("a feed, not an article"), "{e}");
    assert!(
        e.contains("no-such-file.txt: no such file or folder"),
        "{e}"
    );
    assert_eq!(home.saved().len(), 1);
}

#[test]
fn a_markdown_file_added_to_the_library_keeps_its_styles() {
    let home = Home::new();
    std::fs::write(
        home.path().join("styled.md"),
        "---\ntitle: Dock notes\n---\n\nThe survey is **out** and *late*.\n\n## The pier\n\n\
         - one `code` item\n- two\n\n> A quoted line with [a link](https://dock.example/).\n",
    )
    .unwrap();
    let o = home.run(&["add", "styled.md"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let saved = home.saved();
    assert_eq!(saved.len(), 1);
    let (copy, json) = &saved[0];
    assert_eq!(
        json["text"],
        "The survey is out and late.\n\nThe pier\n\n- one code item\n- two\n\nA quoted line \
         with a link.\n"
    );
    // The library's copy looks as the file does: headings, emphasis, code, quotes, links.
    let render = |path: &str| {
        let o = home.run(&["render", "--ansi", "--size", "80x16", path]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        out(&o)
    };
    let original = render("styled.md");
    let stored = render(&copy.display().to_string());
    assert!(original.contains("\x1b[1mout\x1b[0m"), "{original}");
    assert!(original.contains("dock.example"), "{original}");
    assert_eq!(stored, original);
    // A copy whose Markdown no longer gives its text is shown plain, with a warning.
    let mut edited = json.clone();
    edited["text"] = Value::from("Another text altogether.\n");
    let edited_path = home.path().join("edited.json");
    std::fs::write(&edited_path, edited.to_string()).unwrap();
    let o = home.run(&["analyze", &edited_path.display().to_string()]);
    assert!(
        err(&o).contains("\"markdown\" does not give the text"),
        "{}",
        err(&o)
    );
}

#[test]
fn add_reads_files_and_tls_failures_are_one_line() {
    let home = Home::new();
    std::fs::write(
        home.path().join("note.md"),
        "---\ntitle: Harbour note\nurl: https://notes.example/harbour\n---\n\nThe survey is out.\n",
    )
    .unwrap();
    let o = home.run(&["add", "note.md"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let saved = home.saved_with("url", "https://notes.example/harbour");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0]["title"], "Harbour note");
    let o = home.run(&["add", "note.md"]);
    assert!(out(&o).starts_with("already in the library"), "{}", out(&o));
    // https to a server that answers in plain HTTP: the handshake fails.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = plain.local_addr().unwrap().port();
    let answer = std::thread::spawn(move || {
        if let Ok((mut s, _)) = plain.accept() {
            let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    let https = format!("https://127.0.0.1:{port}/x");
    let o = home.run(&["add", "--timeout", "2", "--retries", "0", &https]);
    assert_eq!(code(&o), 2);
    assert_eq!(err(&o).lines().count(), 1, "{}", err(&o));
    assert!(err(&o).contains("TLS failure"), "{}", err(&o));
    answer.join().unwrap();
}

#[test]
fn feeds_add_list_and_opml_round_trip() {
    let home = Home::new();
    let o = home.run(&[
        "feeds",
        "add",
        "https://tidewater.example/rss.xml",
        "--name",
        "Tidewater \"Post\"",
        "--tag",
        "local news",
        "--tag",
        "harbour",
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let o = home.run(&["feeds", "add", "https://tidewater.example/rss.xml"]);
    assert_eq!(code(&o), 0);
    assert!(out(&o).starts_with("already in"), "{}", out(&o));
    let o = home.run(&["feeds", "add", "gopher://old.example/"]);
    assert_eq!(code(&o), 2);
    let opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\
        <outline text=\"World\"><outline text=\"Isle Gazette\" type=\"rss\" xmlUrl=\"https://isle.example/feed\"/>\
        <outline text=\"Dup\" xmlUrl=\"https://tidewater.example/rss.xml\"/></outline>\
        <outline text=\"Bad\" xmlUrl=\"mailto:x@example.org\"/></body></opml>";
    std::fs::write(home.path().join("in.opml"), opml).unwrap();
    let o = home.run(&["feeds", "import", "in.opml"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(out(&o).starts_with("imported 1 feed into"), "{}", out(&o));
    assert!(err(&o).contains("skipped mailto:"), "{}", err(&o));
    let o = home.run(&["feeds", "list"]);
    assert_eq!(
        out(&o),
        "Tidewater \"Post\"\thttps://tidewater.example/rss.xml\tlocal news, harbour\n\
         Isle Gazette\thttps://isle.example/feed\tWorld\n"
    );
    // Export, import into a fresh home: the same list.
    let exported = home.run(&["feeds", "export"]);
    assert_eq!(code(&exported), 0);
    let other = Home::new();
    std::fs::write(other.path().join("x.opml"), &exported.stdout).unwrap();
    assert_eq!(code(&other.run(&["feeds", "import", "x.opml"])), 0);
    assert_eq!(
        std::fs::read_to_string(other.feeds_file()).unwrap(),
        std::fs::read_to_string(home.feeds_file()).unwrap()
    );
    // Not OPML: one line.
    std::fs::write(home.path().join("bad.opml"), "<html><body>x</body></html>").unwrap();
    let o = home.run(&["feeds", "import", "bad.opml"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        err(&o),
        "brief: error: bad.opml: not an OPML document (no <opml> element)\n"
    );
}

#[test]
fn no_feeds_is_exit_2_with_a_hint() {
    let home = Home::new();
    let o = home.run(&["fetch"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("brief feeds add URL"), "{}", err(&o));
}
