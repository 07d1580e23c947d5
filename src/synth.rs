//! A seeded generator of news-like articles, for benchmarks and for making large test libraries.
//!
//! The text is synthetic but shaped like wire copy: datelines, titled people with affiliations,
//! organisations, countries and cities, absolute and relative dates, quotations, and paragraphs
//! of varied length. Person names are made up from syllables, so no real person appears.
//! The same seed always gives the same articles, so figures measured on them are comparable.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::model::{Article, DateOrigin};

/// A small, fast, deterministic pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub const fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One item of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }
}

const GIVEN: &[&str] = &[
    "Anna", "David", "Maria", "Peter", "Elena", "Thomas", "Sofia", "Michael", "Laura", "Daniel",
    "Olga", "Ahmed", "Fatima", "Omar", "Leila", "Hassan", "Ivan", "Natalia", "Kenji", "Mei",
    "Carlos", "Lucia", "Jean", "Claire", "Stefan", "Ingrid", "Pavel", "Irina", "Samuel", "Grace",
];

const SYLLABLES: &[&str] = &[
    "bar", "ten", "kov", "mar", "lin", "dor", "vas", "rel", "tan", "sor", "mel", "dra", "kin",
    "hal", "ver", "nor", "zan", "pel", "gor", "ril", "bek", "sam", "tor", "lev",
];

const SURNAME_ENDINGS: &[&str] = &[
    "", "ov", "enko", "son", "ski", "ez", "ini", "berg", "ani", "oglu",
];

/// (country, demonym, capital)
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Egypt", "Egyptian", "Cairo"),
    ("India", "Indian", "New Delhi"),
    ("Canada", "Canadian", "Ottawa"),
    ("Poland", "Polish", "Warsaw"),
    ("Turkey", "Turkish", "Ankara"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Australia", "Australian", "Canberra"),
    ("Norway", "Norwegian", "Oslo"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Argentina", "Argentine", "Buenos Aires"),
];

const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Health Organization",
    "the International Monetary Fund",
    "the World Bank",
    "the African Union",
    "OPEC",
    "the Red Cross",
    "the World Trade Organization",
];

const MINISTRIES: &[&str] = &[
    "Foreign Ministry",
    "Defence Ministry",
    "Finance Ministry",
    "Central Bank",
    "Energy Ministry",
];

const TITLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Minister",
    "Finance Minister",
    "Trade Minister",
    "Energy Minister",
    "ambassador",
];

const EVENTS: &[&str] = &[
    "talks",
    "summit",
    "meeting",
    "conference",
    "negotiations",
    "visit",
];

const TOPICS: &[&str] = &[
    "trade",
    "energy prices",
    "border security",
    "climate finance",
    "grain exports",
    "debt relief",
    "the ceasefire",
    "migration",
    "sanctions",
    "water rights",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SOURCES: &[&str] = &[
    "Wire Service",
    "Daily Courier",
    "World Brief",
    "Evening Chronicle",
];

fn surname(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..1 + rng.below(2) {
        s.push_str(rng.pick(SYLLABLES));
    }
    s.push_str(rng.pick(SURNAME_ENDINGS));
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

struct Person {
    given: &'static str,
    surname: String,
    title: &'static str,
    country: usize,
}

/// One generated article with roughly `words` words, published on `date`.
pub fn article(rng: &mut Rng, date: Date, words: usize) -> Article {
    let cast: Vec<Person> = (0..3 + rng.below(4))
        .map(|_| Person {
            given: rng.pick(GIVEN),
            surname: surname(rng),
            title: rng.pick(TITLES),
            country: rng.below(COUNTRIES.len()),
        })
        .collect();
    let host = rng.below(COUNTRIES.len());
    let (host_country, _, city) = COUNTRIES[host];
    let event = rng.pick(EVENTS);
    let topic = rng.pick(TOPICS);
    let title = format!(
        "{} {} in {city} focus on {topic}",
        COUNTRIES[cast[0].country].1, event,
    );
    let mut text = String::with_capacity(words * 7);
    let _ = writeln!(text, "{title}");
    let _ = writeln!(
        text,
        "{} {date} ({}) -",
        city.to_uppercase(),
        rng.pick(SOURCES)
    );
    let mut count = 0;
    let mut first_mention = vec![true; cast.len()];
    let mut paragraph = 0;
    while count < words {
        let mut para = String::new();
        for _ in 0..2 + rng.below(3) {
            let sentence = capitalise(&sentence(
                rng,
                &cast,
                &mut first_mention,
                date,
                city,
                host_country,
                event,
                topic,
            ));
            count += sentence.split_whitespace().count();
            para.push_str(&sentence);
            para.push(' ');
        }
        paragraph += 1;
        text.push_str(para.trim_end());
        text.push('\n');
        if paragraph > 1000 {
            break;
        }
    }
    Article {
        title,
        source: Some(rng.pick(SOURCES).to_string()),
        published: Some(date),
        date_origin: DateOrigin::Metadata,
        url: None,
        path: None,
        text,
        curated: Default::default(),
        ..Article::default()
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn name_of(p: &Person, first: &mut bool) -> String {
    if std::mem::take(first) {
        let (_, demonym, _) = COUNTRIES[p.country];
        format!("{demonym} {} {} {}", p.title, p.given, p.surname)
    } else {
        p.surname.clone()
    }
}

#[allow(clippy::too_many_arguments)]
fn sentence(
    rng: &mut Rng,
    cast: &[Person],
    first: &mut [bool],
    date: Date,
    city: &str,
    host: &str,
    event: &str,
    topic: &str,
) -> String {
    let i = rng.below(cast.len());
    let who = name_of(&cast[i], &mut first[i]);
    let j = rng.below(cast.len());
    let other = if i == j {
        rng.pick(ORGS).to_string()
    } else {
        name_of(&cast[j], &mut first[j])
    };
    let (mut country, mut demonym, mut capital) = rng.pick(COUNTRIES);
    if country == host {
        (country, demonym, capital) = COUNTRIES[(rng.below(COUNTRIES.len() - 1)
            + 1
            + COUNTRIES.iter().position(|c| c.0 == host).unwrap_or(0))
            % COUNTRIES.len()];
    }
    let org = rng.pick(ORGS);
    let day = 1 + rng.below(28);
    let month = rng.pick(MONTHS);
    let weekday = rng.pick(crate::analysis::text::WEEKDAYS);
    let year = date.year() - rng.below(12) as i16;
    match rng.below(12) {
        0 => format!("{who} met {other} in {city} on {weekday} to discuss {topic}."),
        1 => format!("The {event} in {city} are expected to continue tomorrow, officials said."),
        2 => format!(
            "\u{201C}We have made real progress on {topic},\u{201D} {who} told reporters after the session."
        ),
        3 => format!(
            "{org} said on {day} {month} that it would send a delegation to {capital} next week."
        ),
        4 => format!("Relations between {host} and {country} have been strained since {year}."),
        5 => format!(
            "{who} is due to visit {capital} later this month, according to the {demonym} {}.",
            rng.pick(MINISTRIES)
        ),
        6 => format!(
            "Earlier this year, {other} warned that {topic} could dominate the agenda for the next two years."
        ),
        7 => format!(
            "A previous round of {event} held from {day} to {} {month} ended without agreement.",
            day + 2
        ),
        8 => format!(
            "{demonym} officials said the {event} lasted about {} hours and covered {topic}.",
            2 + rng.below(6)
        ),
        9 => format!(
            "The {} said yesterday that {who} had spoken by telephone with {other}.",
            rng.pick(MINISTRIES)
        ),
        10 => format!(
            "Analysts in {capital} said {} {} {} would weigh on talks about {topic} this week.",
            rng.pick(&["rising", "falling", "uncertain"]),
            demonym.to_lowercase(),
            rng.pick(&["exports", "revenues", "reserves"])
        ),
        _ => format!(
            "Since {year}, {country} has signed {} agreements with {org} on {topic}.",
            2 + rng.below(9)
        ),
    }
}

/// `n` articles of varied lengths (from about 150 to 2,500 words), dated over the two years
/// before `end`, from `seed`.
pub fn corpus(seed: u64, n: usize, end: Date) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let back = rng.below(730) as i32;
            let date = end.checked_sub(jiff::Span::new().days(back)).unwrap_or(end);
            let words = match rng.below(10) {
                0 => 1500 + rng.below(1000),
                1..=3 => 600 + rng.below(900),
                _ => 150 + rng.below(450),
            };
            article(&mut rng, date, words)
        })
        .collect()
}

/// Writes `n` generated articles under `dir` as a library, and returns the bytes of text written.
///
/// The files are a mix of plain text (with a dateline), Markdown with front matter and JSON
/// briefings, in subfolders of 500, so that every loader is exercised.
pub fn write_library(
    dir: &std::path::Path,
    seed: u64,
    n: usize,
    end: Date,
) -> std::io::Result<usize> {
    let mut bytes = 0usize;
    for (i, a) in corpus(seed, n, end).into_iter().enumerate() {
        let sub = dir.join(format!("{:03}", i / 500));
        std::fs::create_dir_all(&sub)?;
        let date = a.published.map(|d| d.to_string()).unwrap_or_default();
        let (name, body) = match i % 3 {
            0 => (format!("{i:05}.txt"), a.text.clone()),
            1 => (
                format!("{i:05}.md"),
                format!(
                    "---\ntitle: {}\ndate: {date}\nsource: {}\n---\n{}",
                    a.title,
                    a.source.as_deref().unwrap_or(""),
                    a.text
                ),
            ),
            _ => (
                format!("{i:05}.json"),
                serde_json::json!({
                    "title": a.title,
                    "source": a.source,
                    "published": date,
                    "text": a.text,
                })
                .to_string(),
            ),
        };
        bytes += a.text.len();
        std::fs::write(sub.join(&name), body)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_articles() {
        let end = Date::new(2025, 2, 18).unwrap();
        let a = corpus(7, 5, end);
        let b = corpus(7, 5, end);
        assert_eq!(a, b);
        assert_ne!(a, corpus(8, 5, end));
    }

    #[test]
    fn articles_have_the_asked_length_roughly() {
        let mut rng = Rng::new(1);
        let a = article(&mut rng, Date::new(2025, 2, 18).unwrap(), 500);
        let words = a.text.split_whitespace().count();
        assert!((500..700).contains(&words), "{words} words");
        assert!(a.text.lines().count() > 3);
    }
}
