//! `brief add`: pages and files saved into the library.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Runs `brief add`: each URL fetched and each file loaded, saved into the library; returns the
/// exit status (0 when every input is in the library, 2 when none is, 1 when only some are).
pub fn run_add(inputs: &[String], options: &FetchOptions) -> u8 {
    let Some(library) = crate::paths::library_dir() else {
        eprintln!("brief: error: no home folder, so no library folder");
        return 2;
    };
    let client = Client::new(options.settings.clone());
    let mut index = Index::scan(&library);
    let fetched = save::now();
    let (mut ok, mut failed) = (0, 0);
    for input in inputs {
        let result = if input.contains("://") {
            add_url(
                input,
                &client,
                &library,
                &mut index,
                &fetched,
                options.refresh,
            )
        } else {
            add_file(
                Path::new(input),
                &library,
                &mut index,
                &fetched,
                options.refresh,
            )
        };
        match result {
            Ok(lines) => {
                ok += 1;
                for l in lines {
                    println!("{}", sanitize(&l));
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("brief: error: {}: {}", sanitize(input), sanitize(&e));
            }
        }
    }
    match (ok, failed) {
        (_, 0) => 0,
        (0, _) => 2,
        _ => 1,
    }
}

pub(super) fn add_url(
    input: &str,
    client: &Client,
    library: &Path,
    index: &mut Index,
    fetched: &str,
    refresh: bool,
) -> Result<Vec<String>, String> {
    let url = net::check_url(input).map_err(|e: NetError| e.message)?;
    let key = save::url_key(url.as_str());
    let existing = index.find(&key);
    if let Some(p) = &existing
        && !refresh
    {
        return Ok(vec![format!(
            "already in the library: {} (--refresh fetches it again)",
            p.display()
        )]);
    }
    let page = match client.get(url.as_str(), ACCEPT_PAGE, None) {
        Ok(Outcome::Fetched(p)) => p,
        Ok(Outcome::NotModified) => return Err(String::from("answered 304 to a plain request")),
        Err(e) => return Err(e.message),
    };
    if page.mime.as_deref().is_some_and(|m| {
        matches!(
            m,
            "application/rss+xml" | "application/atom+xml" | "application/feed+json"
        )
    }) {
        return Err(format!(
            "a feed, not an article; follow it with `brief feeds add {}`",
            url
        ));
    }
    let article = page_article(&page)?;
    let host = url.host_str().unwrap_or("web");
    let source = article.source.clone().unwrap_or_else(|| host.to_string());
    let dir = library.join("web").join(save::slug(host, 60, "web"));
    save_article(
        &article,
        &key,
        Some(&key),
        &source,
        &dir,
        index,
        fetched,
        existing,
    )
}

pub(super) fn add_file(
    path: &Path,
    library: &Path,
    index: &mut Index,
    fetched: &str,
    refresh: bool,
) -> Result<Vec<String>, String> {
    let articles = crate::load::load_file(path).map_err(|e| e.problem)?;
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let many = articles.len() > 1;
    let mut lines = Vec::new();
    for (n, article) in articles.iter().enumerate() {
        let url = article.url.as_deref().map(save::url_key);
        let key = url.clone().unwrap_or_else(|| {
            let k = format!("file://{}", canonical.display());
            if many { format!("{k}#{n}") } else { k }
        });
        let existing = index.find(&key);
        if let Some(p) = &existing
            && !refresh
        {
            lines.push(format!("already in the library: {}", p.display()));
            continue;
        }
        let host = url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_string));
        let folder = host
            .as_deref()
            .map_or_else(|| String::from("files"), |h| save::slug(h, 60, "web"));
        let source = article.source.clone().or(host).unwrap_or_default();
        let dir = library.join("web").join(folder);
        lines.extend(save_article(
            article,
            &key,
            url.as_deref(),
            &source,
            &dir,
            index,
            fetched,
            existing,
        )?);
    }
    Ok(lines)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn save_article(
    article: &Article,
    key: &str,
    url: Option<&str>,
    source: &str,
    dir: &Path,
    index: &mut Index,
    fetched: &str,
    existing: Option<PathBuf>,
) -> Result<Vec<String>, String> {
    let published = article.published.map(|d| d.to_string());
    let markdown = markdown_of(article);
    let briefing = Briefing {
        title: &article.title,
        source: Some(source).filter(|s| !s.is_empty()),
        published: published.as_deref(),
        url,
        byline: article.byline.as_deref(),
        fetched,
        feed: None,
        text: &article.text,
        markdown: markdown.as_deref(),
    };
    let io = |e: std::io::Error| format!("cannot save it ({})", crate::load::io_problem(&e));
    match existing {
        Some(p) => {
            save::replace(&p, &briefing).map_err(io)?;
            Ok(vec![format!(
                "updated: {} ({})",
                article.title,
                p.display()
            )])
        }
        None => {
            let name = save::slug(&article.title, 60, "article");
            let p = index.save(dir, &name, key, &briefing).map_err(io)?;
            Ok(vec![format!("saved: {} ({})", article.title, p.display())])
        }
    }
}

/// The Markdown a Markdown file's article was rendered from (its body after the front matter
/// and title), kept in the library's copy so that the reader shows its styles there too;
/// `None` for other articles, or when the file no longer gives the same text.
fn markdown_of(article: &Article) -> Option<String> {
    article.markup.as_ref()?;
    let path = article.path.as_deref()?;
    if crate::load::Format::of(path) != Some(crate::load::Format::Markdown) {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let src = crate::load::decode(&bytes, path, &mut Vec::new()).ok()?;
    let body = crate::load::markdown::body(&src);
    (crate::load::markdown::render(body).text == article.text).then(|| body.to_string())
}
