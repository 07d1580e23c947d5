//! A small work-stealing map over the machine's cores, with std threads only.
//!
//! Articles differ a lot in length, so handing out fixed halves would leave one core idle while
//! the other finishes a long tail: each worker instead takes the next index from a shared atomic
//! counter until none is left. Results come back in input order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many worker threads to use: the cores the OS gives this process (at least one).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// `items.iter().map(f).collect()`, spread over `threads` workers, in input order.
///
/// With one thread or one item it runs on the calling thread (no spawn cost). A panic in `f`
/// propagates to the caller, as it would in a plain loop.
pub fn map_in_order<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for part in &mut parts {
        for (i, r) in part.drain(..) {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
    }
    // Every index below `items.len()` was taken by exactly one worker, so every slot is filled.
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_with_many_threads() {
        let items: Vec<u64> = (0..1000).collect();
        let out = map_in_order(&items, 4, |x| x * x);
        assert_eq!(out, items.iter().map(|x| x * x).collect::<Vec<_>>());
    }

    #[test]
    fn empty_and_single_inputs() {
        assert!(map_in_order(&[] as &[u8], 2, |x| *x).is_empty());
        assert_eq!(map_in_order(&[7u8], 2, |x| *x + 1), vec![8]);
    }
}
