//! Where a start on the city's data spends its time, natively (a rough guide to the wasm):
//! `cargo run --release --example start_profile`
use std::time::Instant;
use thidua::domain::collections::Collection;
use thidua::domain::sample::city_scale::{generate, CityScale};
use thidua::domain::storage_format;

fn main() {
    let data = generate(CityScale::HA_NOI);
    let records = storage_format::whole(&data);
    let head = storage_format::Head::of(&data).to_json();
    // As IndexedDB holds them: groups of text.
    let mut groups: std::collections::BTreeMap<u32, Vec<storage_format::StoredRecord>> = Default::default();
    for r in &records {
        groups
            .entry(storage_format::bucket_of(&r.key))
            .or_default()
            .push(r.clone());
    }
    let texts: Vec<(u32, String)> = groups
        .iter()
        .map(|(n, g)| (*n, storage_format::group_text(g)))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    println!(
        "{} records, {} groups, {} MB",
        records.len(),
        texts.len(),
        bytes / 1_000_000
    );
    for _ in 0..3 {
        let t = Instant::now();
        let parsed: Vec<storage_format::StoredRecord> = texts
            .iter()
            .flat_map(|(n, t)| storage_format::parse_group(*n, t))
            .collect();
        let split = t.elapsed();
        let t = Instant::now();
        let loaded = storage_format::assemble(Some(&head), &parsed).unwrap();
        let assemble = t.elapsed();
        println!("split groups {split:?}, assemble (sort + decode) {assemble:?}");
        let _ = loaded;
    }
    for c in Collection::ALL {
        let mine: Vec<storage_format::StoredRecord> = records
            .iter()
            .filter(|r| storage_format::parse_key(&r.key).unwrap().0 == *c)
            .cloned()
            .collect();
        let t = Instant::now();
        let _ = storage_format::assemble(Some(&head), &mine).unwrap();
        println!(
            "{:>12}: {:>6} records, {:>5} MB, {:?}",
            c.key(),
            mine.len(),
            mine.iter().map(|r| r.json.len()).sum::<usize>() / 1_000_000,
            t.elapsed()
        );
    }
}
