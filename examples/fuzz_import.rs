//! The long run of the import's fuzz harness (`domain::exchange::fuzz`): many cases on every core.
//!   cargo run --release --example fuzz_import -- [cases, default 10000000] [threads, default 2] [seed]
//! Each thread runs its own seeded share; a failure prints its case and writes its input to
//! `fuzz-failure-<thread>.json`, so `seed + thread` and the case number reproduce it.

use std::time::Instant;
use thidua::domain::exchange::fuzz::{run, seeds};

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    let threads: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2).max(1);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_261_130);
    let started = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            std::thread::spawn(move || {
                let (local, files) = seeds();
                let share = cases / threads + u64::from(t < cases % threads);
                (t, run(share, seed + t, &local, &files))
            })
        })
        .collect();
    let (mut total, mut accepted, mut failed) = (0, 0, false);
    for w in workers {
        let (t, result) = w.join().expect("a fuzz thread finished");
        match result {
            Ok(tally) => {
                total += tally.cases;
                accepted += tally.accepted;
            }
            Err(f) => {
                failed = true;
                let path = format!("fuzz-failure-{t}.json");
                let _ = std::fs::write(&path, &f.input);
                eprintln!(
                    "luồng {t} (seed {}), trường hợp {}: {} — tệp: {path}",
                    seed + t,
                    f.case,
                    f.what
                );
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{total} trường hợp trong {secs:.0} s ({:.0}/s): {accepted} tệp được nhận, {} bị từ chối kèm lời giải thích",
        total as f64 / secs,
        total - accepted
    );
    if failed {
        std::process::exit(1);
    }
}
