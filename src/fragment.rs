//! The text of an HTML fragment, as feeds carry it in an entry's content or summary (feature
//! `net`): tags dropped, block elements as paragraph breaks, `script` and `style` dropped,
//! entities decoded. A whole web page goes through the HTML extractor instead; a fragment has
//! no navigation to strip, only markup.

/// Plain text with paragraphs separated by blank lines.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                push_text(&mut out, rest);
            }
            break;
        };
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A stray `<` with no tag after it is text.
            if skip_until.is_none() {
                push_text(&mut out, rest);
            }
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "noscript" | "template" | "svg"
                if !closing && !tag.ends_with('/') =>
            {
                skip_until = Some(match name.as_str() {
                    "script" => "script",
                    "style" => "style",
                    "noscript" => "noscript",
                    "template" => "template",
                    _ => "svg",
                });
            }
            "br" => out.push('\n'),
            "p" | "div" | "section" | "article" | "blockquote" | "ul" | "ol" | "li" | "h1"
            | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "tr" | "pre" | "figure"
            | "figcaption" | "hr" | "dl" | "dt" | "dd" | "header" | "footer" => {
                out.push_str("\n\n");
            }
            "td" | "th" => out.push(' '),
            _ => {}
        }
    }
    tidy(&out)
}

/// Text between tags, entities decoded, whitespace runs as one space.
fn push_text(out: &mut String, raw: &str) {
    let decoded = entities(raw);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Lines trimmed, paragraphs separated by exactly one blank line.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// HTML character references decoded (numeric ones and the common named ones); an unknown or
/// broken one is left as it is.
pub fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "hellip" => '\u{2026}',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_scripts_vanish() {
        let html = "<p>First &amp; <b>bold</b>\n  line.</p><script>var x = '<p>';</script>\
                    <ul><li>one</li><li>two</li></ul><p>Caf&eacute; &#8212; &#x41;<br>next</p>";
        assert_eq!(
            text(html),
            "First & bold line.\n\none\n\ntwo\n\nCafé \u{2014} A\nnext"
        );
    }

    #[test]
    fn broken_markup_is_text_not_a_panic() {
        assert_eq!(
            text("a < b and &bogus; &#xFFFFFFFF; <"),
            "a < b and &bogus; &#xFFFFFFFF; <"
        );
        assert_eq!(text("<!-- open comment"), "");
        assert_eq!(text("<p"), "<p");
    }
}
