//! A folder's default reference date (issue 13, missing feature 2): a `.brief.json` with
//! `{"date": "YYYY-MM-DD"}` in a folder of articles dates the relative expressions of its
//! undated articles in `brief analyze` and the reader (`brief render`); `--date` and an
//! article's own date still win; a bad file is one line naming it. The built binary, each run
//! with its own empty HOME and XDG folders, on made-up articles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// An analysed article: its file's name, `published`, `published_origin` and its time
/// expressions' values.
type Row = (String, Value, Value, Vec<Value>);

/// A temporary home with a folder `lib` of two made-up articles: one undated, one with a
/// date line.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(settings: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        std::fs::create_dir_all(&lib).unwrap();
        std::fs::write(
            lib.join("a.txt"),
            "Harbour vote in Pellow\n\nThe council of Pellow voted yesterday to close the old \
             harbour. The mayor, Ada Quint, said the closure would start tomorrow.\n",
        )
        .unwrap();
        std::fs::write(
            lib.join("b.txt"),
            "Ferry plan for Pellow\n\nPublished: 2023-01-10\n\nThe ferry company said \
             yesterday that it would add a second boat.\n",
        )
        .unwrap();
        if let Some(s) = settings {
            std::fs::write(lib.join(".brief.json"), s).unwrap();
        }
        Self { dir }
    }

    fn lib(&self) -> PathBuf {
        self.dir.path().join("lib")
    }

    fn run(&self, args: &[&str]) -> Output {
        let home: &Path = self.dir.path();
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
            .unwrap()
    }

    /// `brief analyze --json` (with `extra` arguments) on the folder: per file name, the
    /// reference date, its origin and the values of the time expressions.
    fn analyze(&self, extra: &[&str]) -> (Vec<Row>, String) {
        let lib = self.lib().display().to_string();
        let mut args = vec!["analyze", "--json"];
        args.extend_from_slice(extra);
        args.push(&lib);
        let out = self.run(&args);
        assert!(out.status.success(), "{out:?}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let name = a["path"]
                    .as_str()
                    .and_then(|p| Path::new(p).file_name()?.to_str())
                    .unwrap_or_default()
                    .to_string();
                let values = a["timexes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["value"].clone())
                    .collect();
                (
                    name,
                    a["published"].clone(),
                    a["published_origin"].clone(),
                    values,
                )
            })
            .collect();
        (rows, String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn row<'a>(rows: &'a [Row], name: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.0 == name)
        .unwrap_or_else(|| panic!("{name} not analysed: {rows:?}"))
}

#[test]
fn analyze_dates_the_folders_undated_articles_by_its_file() {
    let home = Home::new(Some(r#"{"date": "2024-05-06"}"#));
    let (rows, stderr) = home.analyze(&["--no-cache"]);
    assert_eq!(stderr, "");
    // The settings file is not an article.
    assert_eq!(rows.len(), 2, "{rows:?}");
    let a = row(&rows, "a.txt");
    assert_eq!(
        (&a.1, &a.2),
        (&Value::from("2024-05-06"), &Value::from("given"))
    );
    assert!(a.3.contains(&Value::from("2024-05-05")), "{a:?}");
    assert!(a.3.contains(&Value::from("2024-05-07")), "{a:?}");
    // An article's own date wins over its folder's.
    let b = row(&rows, "b.txt");
    assert_eq!(b.1, Value::from("2023-01-10"));
    assert!(b.3.contains(&Value::from("2023-01-09")), "{b:?}");
    // --date wins over both.
    let (rows, _) = home.analyze(&["--no-cache", "--date", "2022-02-02"]);
    assert_eq!(row(&rows, "a.txt").1, Value::from("2022-02-02"));
    assert_eq!(row(&rows, "b.txt").1, Value::from("2022-02-02"));
    // Through the cache: a second run gives the same, and a changed file is read again on the
    // next run (the cache is keyed on the date used).
    let (first, _) = home.analyze(&[]);
    let (again, _) = home.analyze(&[]);
    assert_eq!(first, again);
    assert_eq!(row(&again, "a.txt").1, Value::from("2024-05-06"));
    std::fs::write(home.lib().join(".brief.json"), r#"{"date": "2024-06-10"}"#).unwrap();
    let (changed, _) = home.analyze(&[]);
    assert_eq!(row(&changed, "a.txt").1, Value::from("2024-06-10"));
    assert!(
        row(&changed, "a.txt")
            .3
            .contains(&Value::from("2024-06-09"))
    );
}

#[test]
fn without_a_file_nothing_changes() {
    let home = Home::new(None);
    let (rows, stderr) = home.analyze(&["--no-cache"]);
    assert_eq!(stderr, "");
    assert_eq!(row(&rows, "a.txt").1, Value::Null);
    assert_eq!(row(&rows, "b.txt").1, Value::from("2023-01-10"));
}

#[test]
fn a_bad_file_is_one_line_naming_it_and_the_defaults_are_used() {
    for bad in [
        r#"{"date": "6 May 2024"}"#,
        "{\"date\": ",
        r#"{"day": "2024-05-06"}"#,
    ] {
        let home = Home::new(Some(bad));
        let (rows, stderr) = home.analyze(&["--no-cache"]);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{bad}: {stderr}");
        assert!(lines[0].starts_with("brief: "), "{stderr}");
        assert!(lines[0].contains("lib/.brief.json"), "{stderr}");
        assert!(lines[0].ends_with("the defaults are used"), "{stderr}");
        assert_eq!(row(&rows, "a.txt").1, Value::Null, "{bad}");
        assert_eq!(row(&rows, "b.txt").1, Value::from("2023-01-10"));
    }
}

#[cfg(feature = "tui")]
#[test]
fn the_reader_uses_the_folder_date_and_lists_a_bad_file_as_a_problem() {
    let render = |home: &Home, extra: &[&str]| {
        let file = home.lib().join("a.txt").display().to_string();
        let mut args = vec!["render", "--size", "120x40"];
        args.extend_from_slice(extra);
        args.push(&file);
        let out = home.run(&args);
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let home = Home::new(Some(r#"{"date": "2024-05-06"}"#));
    let header = |screen: &str| screen.lines().next().unwrap_or_default().to_string();
    // The reference date in the header is the folder's.
    let screen = render(&home, &[]);
    assert!(header(&screen).ends_with("·  6 May 2024"), "{screen}");
    let given = render(&home, &["--date", "2022-02-02"]);
    assert!(header(&given).ends_with("·  2 Feb 2022"), "{given}");
    assert!(!given.contains("May 2024"), "{given}");

    let bad = Home::new(Some(r#"{"date": "May"}"#));
    let screen = render(&bad, &["--keys", "!"]);
    assert!(screen.contains(".brief.json"), "{screen}");
    assert!(!screen.contains("May 2024"), "{screen}");
}
