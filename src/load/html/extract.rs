//! The main text of a page: boilerplate (navigation, menus, ads, "related" lists, comments,
//! cookie banners, scripts, styles, hidden elements) is left out, the element that holds most
//! of the article's prose is found by scoring paragraphs (in the manner of Readability), and its
//! paragraphs, headings, list items and block quotes are written as plain text, a blank line
//! between blocks.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

type NodeRef<'a> = ego_tree::NodeRef<'a, Node>;

/// Elements never part of an article's text.
const NEVER: [&str; 22] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "nav", "aside", "footer", "button", "select", "textarea", "input",
    "dialog", "menu", "head",
];

/// Elements that start a new block of text.
const BLOCKS: [&str; 36] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "address",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
    "tbody",
    "caption",
    "body",
];

/// Words in a class or id that mark boilerplate.
const JUNK_WORDS: [&str; 52] = [
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "recirc",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "disqus",
    "comment",
    "comments",
    "banner",
    "masthead",
    "toolbar",
    "widget",
    "tags",
    "paywall",
    "teaser",
    "more-stories",
    "trending",
    "popular",
    "skip",
    "hidden",
    "caption",
    "credit",
];

/// Words in a class or id that mark the article's own container.
const GOOD_WORDS: [&str; 12] = [
    "article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog",
    "hentry", "page",
];

/// The article's text, or the whole page's visible text when no element stands out. A block
/// equal to `title` (the headline) is left out.
pub fn main_text(doc: &Html, title: Option<&str>) -> String {
    let root = body(doc);
    let stats = Stats::of(root);
    let chosen = match best_candidate(root, &stats) {
        Some(top) => with_siblings(top, &stats),
        None => vec![root],
    };
    let mut blocks = Vec::new();
    for node in chosen {
        render(node, &mut blocks);
    }
    let title_norm = title.map(norm).unwrap_or_default();
    let kept: Vec<String> = blocks
        .into_iter()
        .filter(|b| b.text.chars().any(char::is_alphanumeric))
        .filter(|b| !b.is_link_list())
        .filter(|b| title_norm.is_empty() || norm(&b.text) != title_norm)
        .map(|b| b.text)
        .collect();
    kept.join("\n\n")
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn body(doc: &Html) -> NodeRef<'_> {
    doc.tree
        .root()
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"))
        .unwrap_or_else(|| doc.tree.root())
}

/// Whether an element and everything in it is left out.
fn is_junk(el: &Element) -> bool {
    let name = el.name();
    if NEVER.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = el.attr("role") {
        let r = role.trim().to_ascii_lowercase();
        if matches!(
            r.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
        ) {
            return true;
        }
    }
    if matches!(name, "body" | "html" | "main" | "article") {
        return false;
    }
    let mut junk = false;
    let mut good = false;
    let attrs = el.attr("class").into_iter().chain(el.attr("id"));
    for value in attrs {
        for word in value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
        {
            let w = word.to_ascii_lowercase();
            if GOOD_WORDS.contains(&w.as_str()) {
                good = true;
            }
            if JUNK_WORDS.contains(&w.as_str()) {
                junk = true;
            }
        }
    }
    junk && !good
}

/// Text length, link text length and commas of each element (junk left out).
#[derive(Default, Clone, Copy)]
struct Count {
    chars: usize,
    link_chars: usize,
    commas: usize,
    /// Whether it has a block-level child element.
    has_block: bool,
}

impl Count {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

struct Stats {
    counts: HashMap<NodeId, Count>,
}

impl Stats {
    fn of(root: NodeRef<'_>) -> Self {
        let mut counts = HashMap::new();
        let mut stack: Vec<(NodeId, Count)> = Vec::new();
        let mut skip: Option<NodeId> = None;
        let mut links = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    match n.value() {
                        Node::Element(el) => {
                            if is_junk(el) {
                                skip = Some(n.id());
                                continue;
                            }
                            if el.name() == "a" {
                                links += 1;
                            }
                            if BLOCKS.contains(&el.name())
                                && let Some(top) = stack.last_mut()
                            {
                                top.1.has_block = true;
                            }
                            stack.push((n.id(), Count::default()));
                        }
                        Node::Text(t) => {
                            if let Some(top) = stack.last_mut() {
                                let chars = t.chars().filter(|c| !c.is_whitespace()).count();
                                top.1.chars += chars;
                                if links > 0 {
                                    top.1.link_chars += chars;
                                }
                                top.1.commas += t.matches([',', '，', '、']).count();
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if let Some(s) = skip {
                        if s == n.id() {
                            skip = None;
                        }
                        continue;
                    }
                    if let Node::Element(el) = n.value() {
                        if el.name() == "a" {
                            links = links.saturating_sub(1);
                        }
                        if let Some((id, c)) = stack.pop() {
                            counts.insert(id, c);
                            if let Some(top) = stack.last_mut() {
                                top.1.chars += c.chars;
                                top.1.link_chars += c.link_chars;
                                top.1.commas += c.commas;
                            }
                        }
                    }
                }
            }
        }
        Stats { counts }
    }

    fn get(&self, id: NodeId) -> Count {
        self.counts.get(&id).copied().unwrap_or_default()
    }
}

fn element(n: NodeRef<'_>) -> Option<&Element> {
    match n.value() {
        Node::Element(e) => Some(e),
        _ => None,
    }
}

/// A class/id weight: +25 for article words, -25 for boilerplate words.
fn class_weight(el: &Element) -> f64 {
    let mut w = 0.0;
    for value in el.attr("class").into_iter().chain(el.attr("id")) {
        let words: Vec<String> = value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .map(str::to_ascii_lowercase)
            .collect();
        if words.iter().any(|x| GOOD_WORDS.contains(&x.as_str())) {
            w += 25.0;
        }
        if words.iter().any(|x| JUNK_WORDS.contains(&x.as_str())) {
            w -= 25.0;
        }
    }
    w
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The element with the best paragraph score, Readability's way.
fn best_candidate<'a>(root: NodeRef<'a>, stats: &Stats) -> Option<NodeRef<'a>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for n in root.descendants() {
        let Some(el) = element(n) else { continue };
        let c = match stats.counts.get(&n.id()) {
            Some(c) => *c,
            None => continue, // junk or inside junk
        };
        let paragraph = match el.name() {
            "p" | "pre" | "td" => true,
            "div" | "section" | "span" => !c.has_block,
            _ => false,
        };
        if !paragraph || c.chars < 25 {
            continue;
        }
        let score = 1.0 + c.commas as f64 + (c.chars as f64 / 100.0).min(3.0);
        let mut level = 0;
        let mut anc = n.parent();
        while let Some(a) = anc {
            if level >= 5 {
                break;
            }
            let Some(ael) = element(a) else { break };
            let entry = scores
                .entry(a.id())
                .or_insert_with(|| tag_weight(ael.name()) + class_weight(ael));
            *entry += match level {
                0 => score,
                1 => score / 2.0,
                l => score / (l as f64 * 3.0),
            };
            level += 1;
            anc = a.parent();
        }
    }
    let tree = root.tree();
    scores
        .into_iter()
        .filter_map(|(id, s)| {
            let n = tree.get(id)?;
            let c = stats.get(id);
            Some((n, s * (1.0 - c.link_density())))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.id().cmp(&a.0.id())))
        .map(|(n, _)| n)
}

/// The candidate and those of its siblings that look like more of the article.
fn with_siblings<'a>(top: NodeRef<'a>, stats: &Stats) -> Vec<NodeRef<'a>> {
    let Some(parent) = top.parent() else {
        return vec![top];
    };
    let top_c = stats.get(top.id());
    let mut out = Vec::new();
    for s in parent.children() {
        if s.id() == top.id() {
            out.push(s);
            continue;
        }
        let Some(el) = element(s) else { continue };
        let Some(c) = stats.counts.get(&s.id()) else {
            continue;
        };
        let ld = c.link_density();
        let same_class = el.attr("class").is_some()
            && element(top).and_then(|t| t.attr("class")) == el.attr("class");
        let big = c.chars as f64 >= (top_c.chars as f64 * 0.2).max(80.0) && ld < 0.25;
        let para = el.name() == "p" && c.chars > 80 && ld < 0.25;
        if big || para || (same_class && ld < 0.3 && c.chars > 0) {
            out.push(s);
        }
    }
    out
}

/// One block of text and how much of it is link text.
struct Block {
    text: String,
    link_chars: usize,
    chars: usize,
    list_item: bool,
}

impl Block {
    fn is_link_list(&self) -> bool {
        self.chars > 0
            && self.link_chars * 10 >= self.chars * 8
            && (self.list_item || self.chars < 200)
    }
}

#[derive(Default)]
struct Writer {
    cur: String,
    space: bool,
    links: usize,
    link_chars: usize,
    chars: usize,
    list_item: bool,
}

impl Writer {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else if c.is_control() {
                // Control characters in a page are never text.
            } else {
                if self.space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                    self.cur.push(' ');
                }
                self.space = false;
                self.cur.push(c);
                self.chars += 1;
                if self.links > 0 {
                    self.link_chars += 1;
                }
            }
        }
    }

    fn line_break(&mut self) {
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
        }
        self.space = false;
    }

    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let text = self.cur.trim().to_string();
        if !text.is_empty() {
            blocks.push(Block {
                text,
                link_chars: self.link_chars,
                chars: self.chars,
                list_item: self.list_item,
            });
        }
        self.cur.clear();
        self.space = false;
        self.link_chars = 0;
        self.chars = 0;
        self.list_item = false;
    }
}

/// The blocks of text in `node`, junk left out.
fn render(node: NodeRef<'_>, blocks: &mut Vec<Block>) {
    let mut w = Writer::default();
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(el) => {
                        if is_junk(el) {
                            skip = Some(n.id());
                            continue;
                        }
                        let name = el.name();
                        if name == "br" {
                            w.line_break();
                        } else if BLOCKS.contains(&name) {
                            w.flush(blocks);
                            if name == "li" {
                                w.list_item = true;
                            }
                        }
                        if name == "a" {
                            w.links += 1;
                        }
                    }
                    Node::Text(t) => w.text(t),
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if let Some(s) = skip {
                    if s == n.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = n.value() {
                    let name = el.name();
                    if name == "a" {
                        w.links = w.links.saturating_sub(1);
                    }
                    if BLOCKS.contains(&name) {
                        w.flush(blocks);
                    }
                }
            }
        }
    }
    w.flush(blocks);
}
