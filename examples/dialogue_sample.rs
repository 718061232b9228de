//! Prints an `AppData` JSON document with `n` synthetic proposals (default 10.000), as stored
//! under localStorage `thidua:data`: used by `scripts/bench-dialogues.mjs`.
//!
//! `cargo run --release --example dialogue_sample -- 10000 > sample.json`

use thidua::domain::data::AppData;
use thidua::domain::dialogues::sample::synthetic_proposals;
use thidua::domain::schema;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let sample = synthetic_proposals(n, 2024);
    let data = AppData {
        units: sample.units,
        dialogues: sample.dialogues,
        proposals: sample.proposals,
        ..AppData::default()
    };
    println!("{}", schema::encode(&data));
}
