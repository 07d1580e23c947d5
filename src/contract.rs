//! The `brief analyze --json` output (the README's "`brief analyze --json`" section): one JSON
//! document for all articles, with a `briefing` that merges them when there are two or more.

use std::io;

use serde::Serialize;

use crate::analysis::{Options, analyze};
use crate::briefing::{Briefing, Digest};
use crate::model::{Actor, Analysis, Article, DateOrigin, Event, Quote, Timex};

/// The version of the output format.
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Output<'a> {
    /// Always [`VERSION`].
    pub version: u32,
    /// One entry per article, in input order.
    pub articles: Vec<ArticleOutput<'a>>,
    /// The articles merged, when there are two or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub briefing: Option<Briefing>,
}

/// One article and its analysis.
#[derive(Debug, Serialize)]
pub struct ArticleOutput<'a> {
    /// The file it came from, as given; `null` for standard input and the bundled sample.
    pub path: Option<String>,
    /// Its title.
    pub title: &'a str,
    /// Its source, if known.
    pub source: Option<&'a str>,
    /// The reference date used (`YYYY-MM-DD`), if any.
    pub published: Option<String>,
    /// Where the reference date came from (`given`, `metadata`, `dateline`, `print_edition`,
    /// `unknown`). Not read by the scorer; tells a reader how far to trust `published`.
    pub published_origin: DateOrigin,
    /// Whether `published` only approximates the writing date (a print-edition date).
    pub published_approximate: bool,
    /// For a web page, which part of it gave `published` (`json_ld`, `meta`, `time`, `url`,
    /// `dateline`); left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_from: Option<&'a str>,
    /// Who wrote it, when known; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<&'a str>,
    /// The analysed text, exactly as loaded.
    pub text: &'a str,
    /// Actors, most salient first.
    pub actors: &'a [Actor],
    /// Time expressions, in text order.
    pub timexes: &'a [Timex],
    /// Events, chronological; undated last.
    pub events: &'a [Event],
    /// Quotations.
    pub quotes: &'a [Quote],
}

impl<'a> ArticleOutput<'a> {
    /// The output entry for an article and its analysis.
    pub fn new(article: &'a Article, analysis: &'a Analysis) -> Self {
        Self {
            path: article.path.as_ref().map(|p| p.display().to_string()),
            title: &article.title,
            source: article.source.as_deref(),
            published: analysis.reference.map(|r| r.date.to_string()),
            published_origin: analysis.reference.map_or(DateOrigin::Unknown, |r| r.origin),
            published_approximate: analysis.reference.is_some_and(|r| r.is_approximate()),
            // Only when the date used is the page's own.
            published_from: article.published_from.as_deref().filter(|_| {
                analysis.reference.is_some_and(|r| {
                    Some(r.date) == article.published && r.origin != DateOrigin::Given
                })
            }),
            byline: article.byline.as_deref(),
            text: &article.text,
            actors: &analysis.actors,
            timexes: &analysis.timexes,
            events: &analysis.events,
            quotes: &analysis.quotes,
        }
    }
}

/// Serialises the output for the given articles and analyses (pairs in input order).
pub fn to_json(pairs: &[(&Article, &Analysis)]) -> String {
    let out = Output {
        version: VERSION,
        articles: pairs
            .iter()
            .map(|(a, an)| ArticleOutput::new(a, an))
            .collect(),
        briefing: (pairs.len() >= 2)
            .then(|| Briefing::from_analyses(pairs.iter().map(|p| (p.1, p.0.text.as_str())))),
    };
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, SafeFormatter::default());
    // Serialising plain data with string keys cannot fail, and the output is UTF-8.
    match out.serialize(&mut ser) {
        Ok(()) => String::from_utf8(buf).unwrap_or_else(|_| String::from("{}")),
        Err(_) => String::from("{}"),
    }
}

/// serde_json's pretty layout, with every character [`crate::safe`] keeps from terminals (C1
/// controls, bidi controls, zero-width characters, line separators) written as a `\uXXXX`
/// escape. JSON already escapes C0 controls; the decoded strings, and so every byte offset,
/// are unchanged, but `brief analyze --json` printed to a terminal cannot drive it.
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| crate::safe::is_unsafe(c))
        {
            w.write_all(&rest.as_bytes()[..at])?;
            // Every such character is in the Basic Multilingual Plane: one escape.
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// One article with its analysis, owned, so that [`write`] can analyse while it writes.
struct ArticleItem<'a> {
    article: &'a Article,
    analysis: Analysis,
}

impl Serialize for ArticleItem<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ArticleOutput::new(self.article, &self.analysis).serialize(s)
    }
}

/// The articles to write, analysed one at a time as the writer reaches them; with two or more,
/// what the briefing needs of each is kept in `digests` as it goes.
struct Lazy<'a, F> {
    articles: &'a [Article],
    analyze: &'a F,
    digests: &'a std::cell::RefCell<Vec<Digest>>,
}

impl<F: Fn(&Article) -> Analysis> Serialize for Lazy<'_, F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let keep = self.articles.len() >= 2;
        let mut seq = s.serialize_seq(Some(self.articles.len()))?;
        for article in self.articles {
            let item = ArticleItem {
                article,
                analysis: (self.analyze)(article),
            };
            seq.serialize_element(&item)?;
            if keep {
                // Written: what the briefing needs is moved out, the rest dropped.
                self.digests
                    .borrow_mut()
                    .push(Digest::from_analysis(item.analysis, &article.text));
            }
        }
        seq.end()
    }
}

/// The briefing, merged from the digests once every article has been written.
struct LazyBriefing<'a>(&'a std::cell::RefCell<Vec<Digest>>);

impl Serialize for LazyBriefing<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Briefing::build(&self.0.borrow()).serialize(s)
    }
}

#[derive(Serialize)]
#[serde(bound = "")]
struct LazyOutput<'a, F: Fn(&Article) -> Analysis> {
    version: u32,
    articles: Lazy<'a, F>,
    /// Written after the articles (serde writes fields in order); skipped with one article.
    #[serde(skip_serializing_if = "Option::is_none")]
    briefing: Option<LazyBriefing<'a>>,
}

/// Analyses the articles and writes the output to `w` as it goes, so that hundreds of files
/// need the memory of one analysis and the first article is out before the last is analysed.
/// Wrap `w` in a buffer (a `BufWriter` around a locked stdout).
pub fn write<W: io::Write>(w: W, articles: &[Article], options: &Options) -> io::Result<()> {
    write_with(w, articles, |a| analyze(a, options))
}

/// [`write()`] with the analysis step given, e.g. one that guards against a failing extractor.
pub fn write_with<W: io::Write, F: Fn(&Article) -> Analysis>(
    w: W,
    articles: &[Article],
    analyze: F,
) -> io::Result<()> {
    let digests = std::cell::RefCell::new(Vec::new());
    let out = LazyOutput {
        version: VERSION,
        articles: Lazy {
            articles,
            analyze: &analyze,
            digests: &digests,
        },
        briefing: (articles.len() >= 2).then_some(LazyBriefing(&digests)),
    };
    let mut w = w;
    let mut ser = serde_json::Serializer::with_formatter(&mut w, SafeFormatter::default());
    out.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(w)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_output_equals_the_whole_document() {
        let articles = vec![
            crate::load::sample(),
            Article {
                title: "Second".into(),
                text: "Talks resumed on Monday in Geneva.".into(),
                ..Article::default()
            },
        ];
        let options = Options::default();
        let analyses: Vec<_> = articles.iter().map(|a| analyze(a, &options)).collect();
        let pairs: Vec<_> = articles.iter().zip(&analyses).collect();
        let mut streamed = Vec::new();
        write(&mut streamed, &articles, &options).unwrap();
        let streamed = String::from_utf8(streamed).unwrap();
        assert_eq!(streamed.trim_end(), to_json(&pairs));
    }

    #[test]
    fn terminal_steering_characters_are_escaped_and_the_text_is_unchanged() {
        let text =
            "Talks \u{202E}resumed\u{9b}2J on\u{200B} Monday\u{2028} in \x1b]52;c;eA==\x07Geneva.";
        let article = Article {
            title: "A\u{2066}B".into(),
            text: text.into(),
            ..Article::default()
        };
        let analysis = analyze(&article, &Options::default());
        let json = to_json(&[(&article, &analysis)]);
        assert!(
            !json
                .chars()
                .any(|c| c != '\n' && (c.is_control() || crate::safe::is_unsafe(c)))
        );
        assert!(json.contains("\\u202e") && json.contains("\\u009b") && json.contains("\\u001b"));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["articles"][0]["text"], text);
        assert_eq!(back["articles"][0]["title"], "A\u{2066}B");
    }
}
