//! The `brief` command: parse the arguments, load the articles, run a command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use brief::load::{self, Loaded};
use brief::{Options, analyze, contract};

const AFTER_HELP: &str = "\
Examples:
  brief                              open the library, or the bundled sample when it is empty
  brief ~/briefings                  open every article in a folder
  brief analyze article.txt          actors and timeline, readable
  brief analyze --json --date 2025-02-18 article.txt
  brief render --size 100x30 --keys \"j j Enter\"   the screen after those keys, as text";

/// A terminal reader for news briefings: the text, its key actors and a timeline, side by side.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, after_help = AFTER_HELP, after_long_help = long_help())]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles or folders to open (`-` reads one article from standard input).
    paths: Vec<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles: actors with roles, time expressions, events.
    Analyze {
        /// Print the analysis as JSON (the contract in CONTRACT.md).
        #[arg(long)]
        json: bool,
        /// Reference date for relative expressions ("today", "on Monday"), YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// Articles or folders (`-` reads standard input).
        paths: Vec<PathBuf>,
    },
    /// Print the reader's screen after replaying keys, as plain text.
    Render {
        /// Screen size, COLSxROWS.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to replay, separated by spaces ("j j Enter n", "/Putin Enter").
        #[arg(long, default_value = "")]
        keys: String,
        /// Keep the styles as ANSI escape sequences.
        #[arg(long)]
        ansi: bool,
        /// Articles or folders.
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn long_help() -> String {
    let show =
        |p: Option<PathBuf>| p.map_or_else(|| "(unknown)".to_string(), |p| p.display().to_string());
    format!(
        "{AFTER_HELP}\n\nFolders:\n  library  {}\n  config   {}\n  state    {}\n  cache    {}",
        show(brief::paths::library_dir()),
        show(brief::paths::config_dir()),
        show(brief::paths::state_dir()),
        show(brief::paths::cache_dir()),
    )
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|_| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{s}' is not a size of the form COLSxROWS"))?;
    let w = w
        .parse()
        .map_err(|_| format!("'{w}' is not a number of columns"))?;
    let h = h
        .parse()
        .map_err(|_| format!("'{h}' is not a number of rows"))?;
    Ok((w, h))
}

/// Loads the given paths; with none, the library folder when it has files, else the sample.
fn load_inputs(paths: &[PathBuf]) -> Loaded {
    if !paths.is_empty() {
        return load::load_paths(paths);
    }
    if let Some(dir) = brief::paths::library_dir()
        && dir.is_dir()
    {
        let loaded = load::load_paths(&[dir]);
        if !loaded.articles.is_empty() {
            return loaded;
        }
    }
    Loaded {
        articles: vec![load::sample()],
        problems: Vec::new(),
    }
}

fn report(loaded: &Loaded) {
    for p in &loaded.problems {
        eprintln!("brief: {p}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze { json, date, paths }) => {
            let loaded = load_inputs(&paths);
            report(&loaded);
            if loaded.articles.is_empty() {
                return ExitCode::from(2);
            }
            let options = Options { date };
            let analyses: Vec<_> = loaded
                .articles
                .iter()
                .map(|a| analyze(a, &options))
                .collect();
            if json {
                let pairs: Vec<_> = loaded.articles.iter().zip(&analyses).collect();
                println!("{}", contract::to_json(&pairs));
            } else {
                for (article, analysis) in loaded.articles.iter().zip(&analyses) {
                    print!("{}", brief::report::summary(article, analysis));
                }
            }
            ExitCode::SUCCESS
        }
        Some(Command::Render {
            size,
            ref keys,
            ansi,
            ref paths,
        }) => {
            let loaded = load_inputs(paths);
            report(&loaded);
            if loaded.articles.is_empty() {
                return ExitCode::from(2);
            }
            reader::render(loaded, size, keys, ansi, cli.color)
        }
        None => {
            let loaded = load_inputs(&cli.paths);
            if loaded.articles.is_empty() {
                report(&loaded);
                return ExitCode::from(2);
            }
            reader::run(loaded, cli.color)
        }
    }
}

/// The reader's entry points, or a plain summary when built without the terminal layer.
#[cfg(feature = "tui")]
mod reader {
    use super::*;

    fn color(choice: ColorChoice) -> brief::tui::ColorMode {
        match choice {
            ColorChoice::Auto => brief::tui::ColorMode::Auto,
            ColorChoice::Always => brief::tui::ColorMode::Always,
            ColorChoice::Never => brief::tui::ColorMode::Never,
        }
    }

    pub fn run(loaded: Loaded, choice: ColorChoice) -> ExitCode {
        match brief::tui::run(loaded, color(choice)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::FAILURE
            }
        }
    }

    pub fn render(
        loaded: Loaded,
        size: (u16, u16),
        keys: &str,
        ansi: bool,
        choice: ColorChoice,
    ) -> ExitCode {
        match brief::tui::render(loaded, size, keys, ansi, color(choice)) {
            Ok(screen) => {
                print!("{screen}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::from(2)
            }
        }
    }
}

#[cfg(not(feature = "tui"))]
mod reader {
    use super::*;

    pub fn run(loaded: Loaded, _choice: ColorChoice) -> ExitCode {
        report(&loaded);
        let options = Options::default();
        for a in &loaded.articles {
            print!("{}", brief::report::summary(a, &analyze(a, &options)));
        }
        ExitCode::SUCCESS
    }

    pub fn render(
        _loaded: Loaded,
        _size: (u16, u16),
        _keys: &str,
        _ansi: bool,
        _choice: ColorChoice,
    ) -> ExitCode {
        eprintln!("brief: built without the terminal layer (feature `tui`)");
        ExitCode::from(2)
    }
}
