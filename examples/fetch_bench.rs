//! `brief fetch` of 50 feeds with 20 entries each, every entry a short teaser so that its page
//! (about 6 KB of made-up HTML) is fetched and extracted too: 1,050 requests to a server on
//! 127.0.0.1 that answers each after a simulated 20 ms of server time.
//!
//! ```text
//! cargo build --release && cargo run --release --example fetch_bench [-- path/to/brief]
//! ```
//!
//! Prints the wall time of the first fetch (everything new) and of a second (all 304).

#[path = "../tests/support/http.rs"]
mod http;

use std::process::Command;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use http::{Reply, Request, Server};

const FEEDS: usize = 50;
const ENTRIES: usize = 20;
const SERVER_DELAY: Duration = Duration::from_millis(20);

fn feed(port: u16, i: usize) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench feed {i}</title>"
    );
    for j in 0..ENTRIES {
        s.push_str(&format!(
            "<item><title>Council story {i}-{j}</title>\
             <link>http://127.0.0.1:{port}/page/{i}/{j}</link>\
             <pubDate>Tue, 18 Feb 2025 09:30:00 GMT</pubDate>\
             <description>A teaser for story {j}…</description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

fn page(path: &str) -> String {
    let paras: String = (0..8)
        .map(|k| {
            format!(
                "<p>The harbour council met for session {k} of {path} and agreed to publish the \
                 survey of the northern quay before the spring tides, its chair told reporters \
                 on Tuesday, adding that the ferry timetable would follow within a week.</p>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Story {path} | Bench Post</title>\
         <meta property=\"og:site_name\" content=\"Bench Post\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>Story {path}</h1>{paras}</article>\
         <aside><h2>Related</h2><ul><li><a href=\"/x\">Other story</a></li></ul></aside>\
         <footer>Copyright Bench Post</footer></body></html>"
    )
}

fn main() {
    let brief = std::env::args()
        .nth(1)
        .unwrap_or_else(|| String::from("target/release/brief"));
    let port = Arc::new(OnceLock::<u16>::new());
    let p = port.clone();
    let server = Server::start(move |r: &Request, _| {
        std::thread::sleep(SERVER_DELAY);
        let port = p.get().copied().unwrap_or(0);
        if let Some(i) = r.path.strip_prefix("/feed/") {
            if r.header("if-none-match") == Some("\"same\"") {
                return Reply::Full {
                    status: 304,
                    headers: vec![],
                    body: vec![],
                };
            }
            let i = i.parse().unwrap_or(0);
            return Reply::ok("application/rss+xml", feed(port, i)).with("ETag", "\"same\"");
        }
        Reply::ok("text/html; charset=utf-8", page(&r.path))
    });
    let _ = port.set(server.port());
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    std::fs::create_dir_all(h.join("config/brief")).expect("config dir");
    let feeds: String = (0..FEEDS)
        .map(|i| format!("{}\n", server.url(&format!("/feed/{i}"))))
        .collect();
    std::fs::write(h.join("config/brief/feeds"), feeds).expect("feeds file");
    let run = || {
        let start = Instant::now();
        let out = Command::new(&brief)
            .arg("fetch")
            .env("HOME", h)
            .env("XDG_DATA_HOME", h.join("data"))
            .env("XDG_CONFIG_HOME", h.join("config"))
            .env("XDG_STATE_HOME", h.join("state"))
            .env("XDG_CACHE_HOME", h.join("cache"))
            .output()
            .expect("brief runs");
        let took = start.elapsed();
        print!("{}", String::from_utf8_lossy(&out.stdout));
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
        took
    };
    let first = run();
    println!(
        "first fetch: {:.2} s for {} feeds and {} pages ({} ms simulated server time each)",
        first.as_secs_f64(),
        FEEDS,
        FEEDS * ENTRIES,
        SERVER_DELAY.as_millis()
    );
    let second = run();
    println!("second fetch (all 304): {:.2} s", second.as_secs_f64());
}
