//! The real binary in a real pseudo-terminal (a tmux pane on a server of its own), with its
//! HOME and XDG folders in a temporary folder. Shared by `tests/terminal.rs` and
//! `tests/e2e.rs`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server running one pane, `t`, with a shell that runs brief.
pub struct Pty {
    socket: String,
    /// The temporary home; removed on drop.
    pub home: tempfile::TempDir,
    pid: Option<u32>,
}

/// Whether tmux can be used. Without it a test is skipped with a note saying why, except on
/// CI (`CI=true`, as `.ci/run` sets), where a skipped terminal test would pass unseen: there
/// it fails.
pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !ci,
            "tmux is not installed: the terminal tests cannot run (CI=true; .ci/run installs it)"
        );
        eprintln!("note: tmux not found, skipping the terminal test (install tmux to run it)");
    }
    ok
}

impl Pty {
    /// Starts brief with `args` in a pane of `size`, with `env` added (`NAME=value` items).
    ///
    /// The pane's shell starts an inner shell that writes its process id to `HOME/pid` and
    /// becomes brief (`exec`), so the test knows brief's process; after brief exits the pane
    /// shows `brief exited STATUS` and the terminal modes that matter (`icanon`, `echo`, each
    /// with a `-` when off), then waits. With `ignore_hup` the pane's shell ignores SIGHUP, as a
    /// session leader that does not pass the hang-up on.
    pub fn start(
        name: &str,
        args: &[&str],
        env: &[&str],
        size: (u16, u16),
        ignore_hup: bool,
    ) -> Option<Pty> {
        let home = tempfile::Builder::new()
            .prefix(&format!("brief-pty-{name}-"))
            .tempdir()
            .ok()?;
        Self::start_in(name, home, args, env, size, ignore_hup, false)
    }

    /// Like [`Pty::start`], with the home given; with `hold`, brief starts only after
    /// [`Pty::go`] (so the pane's output can be captured from the first byte).
    pub fn start_in(
        name: &str,
        home: tempfile::TempDir,
        args: &[&str],
        env: &[&str],
        size: (u16, u16),
        ignore_hup: bool,
        hold: bool,
    ) -> Option<Pty> {
        if !have_tmux() {
            return None;
        }
        let bin = env!("CARGO_BIN_EXE_brief");
        let h = home.path().display().to_string();
        let env = env.join(" ");
        let args: Vec<String> = args.iter().map(|a| format!("\"{a}\"")).collect();
        let args = args.join(" ");
        let trap = if ignore_hup { "trap '' HUP; " } else { "" };
        let wait = if hold {
            format!("while [ ! -e {h}/go ]; do sleep 0.02; done; ")
        } else {
            String::new()
        };
        let script = format!(
            "{trap}{wait}sh -c 'echo $$ > {h}/pid.tmp; mv {h}/pid.tmp {h}/pid; \
             exec env -u RUST_BACKTRACE HOME={h} XDG_CONFIG_HOME={h}/config \
             XDG_STATE_HOME={h}/state XDG_DATA_HOME={h}/data XDG_CACHE_HOME={h}/cache \
             TERM=xterm-256color {env} {bin} {args}'; \
             echo \"brief exited $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*icanon\\|-*echo'; \
             sleep 30"
        );
        // The server's socket in the temporary home: it goes with the folder.
        let socket = home.path().join("tmux.sock").display().to_string();
        let _ = name;
        let pty = Pty {
            socket,
            home,
            pid: None,
        };
        let (w, hh) = (size.0.to_string(), size.1.to_string());
        pty.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &w,
            "-y",
            &hh,
            "sh",
            "-c",
            &script,
        ]);
        Some(pty)
    }

    /// Lets a held brief start.
    pub fn go(&self) {
        std::fs::write(self.home.path().join("go"), "").unwrap();
    }

    /// Runs a tmux command on this server.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane as text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits until the screen holds `needle` (brief draws only when it has something new).
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until the screen no longer holds `needle` (e.g. "analysing…": keys that need the
    /// analysis must not arrive before it, on a slow or loaded machine).
    pub fn wait_without(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if !s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {needle:?} to go; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Sends tmux keys (`j`, `Enter`, `C-c`...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        self.run(&args);
    }

    /// Brief's process id (waits for the pane's shell to write it).
    pub fn pid(&mut self) -> u32 {
        if let Some(p) = self.pid {
            return p;
        }
        let file = self.home.path().join("pid");
        let start = Instant::now();
        loop {
            if let Some(p) = std::fs::read_to_string(&file)
                .ok()
                .and_then(|s| s.trim().parse().ok())
            {
                self.pid = Some(p);
                return p;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "brief never started"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a signal (`TERM`, `HUP`...) to brief.
    pub fn signal(&mut self, name: &str) {
        let pid = self.pid().to_string();
        let st = Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .unwrap();
        assert!(st.success(), "kill -{name} {pid}");
    }

    /// The state file's path.
    pub fn state_file(&self) -> PathBuf {
        self.home.path().join("state/brief/state.json")
    }

    /// Whether the pane is showing the alternate screen.
    pub fn alternate_on(&self) -> bool {
        self.run(&["display", "-p", "-t", "t", "#{alternate_on}"])
            .trim()
            == "1"
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Only this test's brief and this test's tmux server.
        if let Some(pid) = self.pid
            && running(pid)
        {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .output();
    }
}

/// The process's state letter and CPU time in clock ticks (user + system), from
/// `/proc/PID/stat`; `None` once it has been reaped.
pub fn proc_stat(pid: u32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let state = fields.first()?.chars().next()?;
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((state, utime + stime))
}

/// Whether the process still runs (a zombie has exited and only waits to be reaped).
pub fn running(pid: u32) -> bool {
    proc_stat(pid).is_some_and(|(s, _)| s != 'Z' && s != 'X')
}

/// Waits up to `limit` for the process to exit; the time it took, or `None`.
pub fn wait_exit(pid: u32, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if !running(pid) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    None
}

/// The CPU time of a process in clock ticks, 0 once reaped.
pub fn cpu_ticks(pid: u32) -> u64 {
    proc_stat(pid).map_or(0, |(_, t)| t)
}

/// Reads a file that is written by another process, waiting for it to appear.
pub fn read_when_there(path: &Path) -> Vec<u8> {
    let start = Instant::now();
    loop {
        if let Ok(b) = std::fs::read(path) {
            return b;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The running processes (zombies excepted) whose environment sets `HOME` to `home`: brief and
/// anything it could have started.
pub fn processes_with_home(home: &Path) -> Vec<u32> {
    let want = format!("HOME={}", home.display()).into_bytes();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| env.split(|&b| b == 0).any(|v| v == want.as_slice()))
                && running(pid)
        })
        .collect()
}
