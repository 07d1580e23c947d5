//! Analysis off the UI thread: one thread takes articles to analyse and hands back their
//! analyses, the most recently asked for first (the article on screen), through the analysis
//! cache when there is one, so a second start of the same library analyses nothing.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crate::Options;
use crate::cache::{Cache, Fresh};
use crate::model::{Analysis, Article};

/// An article to analyse.
#[derive(Debug)]
pub struct Job {
    /// Its index in the reader's list.
    pub index: usize,
    /// Tells this request from an older one for the same article (reloaded since).
    pub token: u64,
    /// The article (its text loaded).
    pub article: Article,
}

/// A finished analysis.
#[derive(Debug)]
pub struct Done {
    /// The job's index.
    pub index: usize,
    /// The job's token.
    pub token: u64,
    /// The analysis.
    pub analysis: Analysis,
    /// Whether it was analysed now (false when it came from the cache).
    pub analysed: bool,
}

/// How a job is turned into an analysis: the analysis and whether it was computed (not cached).
pub type AnalyseFn = dyn Fn(&Article) -> (Analysis, bool) + Send + 'static;

/// The analysis thread and its two channels. Dropping it ends the thread once its current job
/// is done.
#[derive(Debug)]
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl Worker {
    /// A worker analysing with `options`, through `cache` when given.
    pub fn spawn(cache: Option<Cache>, options: Options) -> Worker {
        Worker::with(move |a: &Article| {
            let (analysis, fresh) = crate::cache::analyse(cache.as_ref(), a, &options);
            (analysis, fresh == Fresh::Analysed)
        })
    }

    /// A worker using `analyse` (tests use a slow or counting one).
    pub fn with<F>(analyse: F) -> Worker
    where
        F: Fn(&Article) -> (Analysis, bool) + Send + 'static,
    {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel::<Done>();
        // A worker that cannot start leaves the panels saying "analysing…"; the reader works on.
        let _ = std::thread::Builder::new()
            .name("brief-analysis".into())
            .spawn(move || serve(&job_rx, &done_tx, &analyse));
        Worker { jobs, done }
    }

    /// Asks for an analysis; false when the thread is gone.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// A finished analysis, if one is waiting; `Err` when the thread is gone.
    pub fn try_recv(&self) -> Result<Option<Done>, mpsc::TryRecvError> {
        match self.done.try_recv() {
            Ok(d) => Ok(Some(d)),
            Err(mpsc::TryRecvError::Empty) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A finished analysis, waiting at most `timeout`.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Done> {
        self.done.recv_timeout(timeout).ok()
    }
}

/// The thread's loop: newest request first, so the article on screen is never behind the ones
/// paged past.
fn serve(jobs: &Receiver<Job>, done: &Sender<Done>, analyse: &AnalyseFn) {
    let mut queue: Vec<Job> = Vec::new();
    loop {
        if queue.is_empty() {
            match jobs.recv() {
                Ok(j) => queue.push(j),
                Err(_) => return,
            }
        }
        queue.extend(jobs.try_iter());
        let Some(job) = queue.pop() else {
            continue;
        };
        // The analysis guards itself (`cache::analyse`); this keeps the thread's promise for
        // any `analyse` given to `with`: a result must come back, or the loop would wait for it.
        let (analysis, analysed) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(&job.article)))
                .unwrap_or_default();
        let sent = done.send(Done {
            index: job.index,
            token: job.token,
            analysis,
            analysed,
        });
        if sent.is_err() {
            return;
        }
    }
}
