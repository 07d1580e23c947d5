//! OPML import and export of the feeds list (feature `net`).
//!
//! Import reads every `outline` with an `xmlUrl`, at any depth: its `title` (or `text`) is the
//! feed's name, the `text` of the folders around it and its `category` attribute are its tags.
//! Export writes OPML 2.0, one outline per feed, the tags in `category`, so an export imports
//! back to the same list. Entities other than XML's five are not expanded (no entity bombs).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::feeds::Feed;

/// The feeds of an OPML document, in document order.
pub fn parse(src: &str) -> Result<Vec<Feed>, String> {
    let mut reader = Reader::from_str(src);
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut feeds: Vec<Feed> = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed OPML near byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "opml" => {
                saw_opml = true;
            }
            Event::Start(e) if e.local_name().as_ref() == "outline" => {
                let o = outline(&e)?;
                if o.url.is_some() {
                    push(&mut feeds, o, &folders);
                    folders.push(None);
                } else {
                    folders.push(o.text);
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == "outline" => {
                let o = outline(&e)?;
                if o.url.is_some() {
                    push(&mut feeds, o, &folders);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::DocType(_) => {
                // An internal DTD could declare entities; they are never expanded, so an
                // entity bomb is inert, but a document that relies on them is refused below
                // where an unknown entity is met.
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err(String::from("not an OPML document (no <opml> element)"));
    }
    Ok(feeds)
}

struct Outline {
    url: Option<String>,
    text: Option<String>,
    title: Option<String>,
    category: Option<String>,
}

fn outline(e: &BytesStart<'_>) -> Result<Outline, String> {
    let mut o = Outline {
        url: None,
        text: None,
        title: None,
        category: None,
    };
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|e| format!("malformed OPML attribute: {e}"))?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| format!("malformed OPML attribute value: {e}"))?;
        let value = value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        match attr.key.local_name().as_ref().to_ascii_lowercase().as_str() {
            "xmlurl" => o.url = Some(value),
            "text" => o.text = Some(value),
            "title" => o.title = Some(value),
            "category" => o.category = Some(value),
            _ => {}
        }
    }
    Ok(o)
}

fn push(feeds: &mut Vec<Feed>, o: Outline, folders: &[Option<String>]) {
    let Some(url) = o.url else { return };
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    if let Some(c) = &o.category {
        // OPML 2.0: comma-separated, each a slash-delimited path ("/news/world").
        for part in c.split(',').flat_map(|p| p.split('/')) {
            let part = part.trim();
            if !part.is_empty() {
                tags.push(part.to_string());
            }
        }
    }
    let mut unique: Vec<String> = Vec::new();
    for t in tags {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    let name = o.title.or(o.text).filter(|n| n != &url);
    feeds.push(Feed {
        url,
        name,
        tags: unique,
    });
}

/// The feeds as an OPML 2.0 document.
pub fn export(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>brief feeds</title>\n  </head>\n  <body>\n",
    );
    for f in feeds {
        let name = f.name.as_deref().unwrap_or(&f.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"",
            escape(name),
            escape(name),
            escape(&f.url)
        ));
        let tags: Vec<String> = f.tags.iter().map(|t| t.replace([',', '/'], " ")).collect();
        if !tags.is_empty() {
            out.push_str(&format!(" category=\"{}\"", escape(&tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Text safe inside a double-quoted XML attribute (control characters dropped: XML 1.0 has
/// no way to write most of them).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_categories_become_tags() {
        let src = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>x</title></head><body>
  <outline text="World">
    <outline text="Daily &amp; Co" type="rss" xmlUrl="https://a.example/rss" category="/politics,europe"/>
  </outline>
  <outline text="Solo" xmlUrl="https://b.example/atom.xml"></outline>
</body></opml>"#;
        let feeds = parse(src).unwrap();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("Daily & Co"));
        assert_eq!(feeds[0].tags, ["World", "politics", "europe"]);
        assert_eq!(feeds[1].tags, Vec::<String>::new());
    }

    #[test]
    fn export_imports_back_to_the_same_list() {
        let feeds = vec![
            Feed {
                url: "https://a.example/rss?a=1&b=2".into(),
                name: Some("A \"quoted\" <name> & more".into()),
                tags: vec!["world".into(), "two words".into()],
            },
            Feed {
                url: "https://b.example/atom.xml".into(),
                name: None,
                tags: vec![],
            },
        ];
        assert_eq!(parse(&export(&feeds)).unwrap(), feeds);
    }

    #[test]
    fn malformed_and_non_opml_documents_are_one_line_errors() {
        assert!(parse("<opml><body><outline xmlUrl=\"x\"</body>").is_err());
        let e = parse("<html><body>hi</body></html>").unwrap_err();
        assert!(e.contains("not an OPML"), "{e}");
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<opml><body><outline text="&lol2;" xmlUrl="https://a.example/"/></body></opml>"#;
        // Either refused or read without expanding: never a blow-up.
        if let Ok(f) = parse(bomb) {
            assert!(
                f.iter()
                    .all(|f| f.name.as_deref().is_none_or(|n| n.len() < 100))
            );
        }
    }
}
