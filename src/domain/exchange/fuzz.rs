//! The import's fuzz harness: files made wrong in every way a file can be, fed to the same
//! validation and merge an officer's import runs, checking what must always hold:
//! - nothing panics (in the browser a panic aborts the whole app);
//! - a refused file always gets its Vietnamese message;
//! - an accepted file merges, and importing it again into the result changes nothing.
//!
//! Inputs are real exports of the sample data, mutated with their structure in mind (a value
//! replaced by a hostile one, a key dropped, a record duplicated or moved, dates and numbers at
//! their limits), mutated as bytes (flipped, cut, inserted), and raw random bytes. Cases come
//! from a seeded generator, so a failure names the case that reproduces it.
//! The short run is a unit test; the long run is `cargo run --release --example fuzz_import`.

use super::{export, validate, wording, DataPlan, Office, Overrides, Scope, Selection};
use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::record::Stamp;
use chrono::{TimeZone, Utc};
use serde_json::Value;

/// What a run saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub cases: u64,
    pub refused: u64,
    pub accepted: u64,
}

/// A case that broke a rule, with what is needed to reproduce it.
#[derive(Clone, Debug)]
pub struct Failure {
    pub case: u64,
    pub what: String,
    pub input: Vec<u8>,
}

/// xorshift64*: small, seeded, the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Values that break assumptions: limits of numbers, impossible and odd dates, invisible and
/// script-like text, wrong shapes.
fn hostile(rng: &mut Rng) -> Value {
    let texts = [
        "",
        " ",
        "\u{200b}",
        "\u{feff}",
        "\u{202e}gnp.exe",
        "<script>alert(1)</script>",
        "\"; DROP TABLE units; --",
        "2023-2-3",
        "+10000-01-01",
        "2023-02-30",
        "0000-01-01",
        "9999-12-31T23:59:59Z",
        "1a2293721c8-757fe0bec274cc7a",
        "units/x",
        "a\tb\nc\\d",
        "\u{d7ff}\u{e000}\u{10ffff}",
        "Đan Phượng",
    ];
    match rng.below(12) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(u64::MAX),
        3 => Value::from(i64::MIN),
        4 => serde_json::Number::from_f64(1e308).map_or(Value::Null, Value::Number),
        5 => Value::from(-0.5),
        6 => Value::from(rng.next_u64() % 100_000),
        7 => Value::Array(Vec::new()),
        8 => Value::Object(serde_json::Map::new()),
        9 => Value::String("x".repeat(rng.below(5000))),
        10 => serde_json::json!({"flag": true}),
        _ => Value::String(texts[rng.below(texts.len())].to_string()),
    }
}

/// Every node of the tree, by JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn parent_and_key(pointer: &str) -> Option<(&str, String)> {
    let (parent, key) = pointer.rsplit_once('/')?;
    Some((parent, key.replace("~1", "/").replace("~0", "~")))
}

/// One structure-aware change of a file's tree.
fn mutate_tree(tree: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    pointers(tree, String::new(), &mut all);
    let target = all[rng.below(all.len())].clone();
    match rng.below(6) {
        // A value replaced by a hostile one.
        0 | 1 => {
            if let Some(v) = tree.pointer_mut(&target) {
                *v = hostile(rng);
            }
        }
        // A key dropped.
        2 => {
            if let Some((parent, key)) = parent_and_key(&target) {
                if let Some(Value::Object(m)) = tree.pointer_mut(parent) {
                    m.remove(&key);
                }
            }
        }
        // A list element duplicated (same ids twice) or removed.
        3 => {
            if let Some((parent, key)) = parent_and_key(&target) {
                if let (Some(Value::Array(a)), Ok(i)) = (tree.pointer_mut(parent), key.parse::<usize>()) {
                    if i < a.len() {
                        if rng.below(2) == 0 {
                            let copy = a[i].clone();
                            a.push(copy);
                        } else {
                            a.remove(i);
                        }
                    }
                }
            }
        }
        // A node replaced by another node of the file (an id where a date is expected, a
        // record where a number is, a unit's parent pointing at itself…).
        4 => {
            let source = all[rng.below(all.len())].clone();
            if let Some(copy) = tree.pointer(&source).cloned() {
                if let Some(v) = tree.pointer_mut(&target) {
                    *v = copy;
                }
            }
        }
        // A key added where none is expected.
        _ => {
            if let Some(Value::Object(m)) = tree.pointer_mut(&target) {
                m.insert("khong_co".into(), hostile(rng));
            }
        }
    }
}

/// One byte-level change of a file's text.
fn mutate_bytes(bytes: &mut Vec<u8>, rng: &mut Rng) {
    if bytes.is_empty() {
        bytes.push(rng.next_u64() as u8);
        return;
    }
    let at = rng.below(bytes.len());
    match rng.below(4) {
        0 => bytes[at] = rng.next_u64() as u8,
        1 => bytes.truncate(at),
        2 => bytes.insert(at, b"{}[]\",:\\0e-9"[rng.below(12)]),
        _ => {
            bytes.remove(at);
        }
    }
}

/// The sample data, and exports of it to start from: everything, and small parts (fast cases).
pub fn seeds() -> (AppData, Vec<Vec<u8>>) {
    let stamp = Stamp::new("office-a", Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, 0).unwrap());
    let (data, _) = crate::domain::sample::with_numbered_ids(&stamp);
    let office = Office {
        id: "office-a".into(),
        name: "LĐLĐ huyện Ba Vì".into(),
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap();
    let file = |selection: Selection| {
        export(
            &data,
            &selection,
            office.clone(),
            Scope {
                description: "Thử".into(),
            },
            at,
        )
        .to_json()
        .into_bytes()
    };
    let mut small = Selection::empty();
    for u in data.units.iter().take(3) {
        small.insert(Collection::Units, u.meta.id.clone());
    }
    let mut dialogue = small.clone();
    if let Some(d) = data
        .dialogues
        .iter()
        .find(|d| data.proposals.iter().any(|p| p.dialogue_id == d.meta.id))
    {
        dialogue.insert(Collection::Units, d.unit_id.clone());
        dialogue.insert(Collection::Dialogues, d.meta.id.clone());
        for p in data.proposals.iter().filter(|p| p.dialogue_id == d.meta.id) {
            dialogue.insert(Collection::Proposals, p.meta.id.clone());
        }
    }
    let seeds = vec![file(small), file(dialogue), file(Selection::everything(&data))];
    (data, seeds)
}

/// Runs `cases` cases from `seed`; stops at the first broken rule. `local` is the data the
/// files are imported into (references may point there, as in a real office).
pub fn run(cases: u64, seed: u64, local: &AppData, seeds: &[Vec<u8>]) -> Result<Tally, Failure> {
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let stamp = Stamp::new("office-b", Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap());
    let empty = AppData::default();
    for case in 0..cases {
        let input = make_input(&mut rng, seeds);
        // Half the files go into an empty installation, half into one holding the sample.
        let into = if case % 2 == 0 { &empty } else { local };
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input, into, &stamp)));
        tally.cases += 1;
        match checked {
            Ok(Ok(true)) => tally.accepted += 1,
            Ok(Ok(false)) => tally.refused += 1,
            Ok(Err(what)) => return Err(Failure { case, what, input }),
            Err(_) => {
                return Err(Failure {
                    case,
                    what: "panic".into(),
                    input,
                })
            }
        }
    }
    Ok(tally)
}

fn make_input(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    // Small seeds most of the time: many cases per second; the whole export now and then.
    let seed = if rng.below(50) == 0 {
        seeds.len() - 1
    } else {
        rng.below(seeds.len() - 1)
    };
    match rng.below(10) {
        // Raw random bytes.
        0 => (0..rng.below(64)).map(|_| rng.next_u64() as u8).collect(),
        // Byte-level damage to a real export.
        1 | 2 => {
            let mut bytes = seeds[seed].clone();
            for _ in 0..=rng.below(3) {
                mutate_bytes(&mut bytes, rng);
            }
            bytes
        }
        // Structure-aware changes.
        _ => {
            let mut tree: Value = serde_json::from_slice(&seeds[seed]).unwrap_or(Value::Null);
            for _ in 0..=rng.below(3) {
                mutate_tree(&mut tree, rng);
            }
            serde_json::to_vec(&tree).unwrap_or_default()
        }
    }
}

/// `Ok(true)`: accepted and merged idempotently; `Ok(false)`: refused with a message.
fn check(input: &[u8], local: &AppData, stamp: &Stamp) -> Result<bool, String> {
    match validate(input, local) {
        Err(e) => {
            let message = wording::import_error(&e);
            if message.trim().is_empty() || !message.starts_with("Không nhập được tệp:") {
                return Err(format!("a refusal without its message: {e:?}"));
            }
            Ok(false)
        }
        Ok(incoming) => {
            let merged = incoming
                .plan(local)
                .apply(local, &incoming.file.data, &Overrides::new(), stamp);
            // Importing the same file again, with the same choices, leaves the data as it is
            // (a conflict kept local stays a conflict, and is kept local again).
            let again = DataPlan::new(&merged, &incoming.file.data).apply(
                &merged,
                &incoming.file.data,
                &Overrides::new(),
                stamp,
            );
            if again != merged {
                return Err("importing the same file twice changed the data the second time".into());
            }
            Ok(true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_files_never_panic_always_say_why_and_merge_idempotently() {
        let (local, seeds) = seeds();
        let cases = std::env::var("FUZZ_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(3_000);
        match run(cases, 20261130, &local, &seeds) {
            Ok(tally) => {
                assert_eq!(tally.cases, cases);
                // The mutations reach both sides: some files still import, most are refused.
                assert!(tally.accepted > 0 && tally.refused > 0, "{tally:?}");
            }
            Err(f) => {
                let _ = std::fs::write(std::env::temp_dir().join("thidua-fuzz-case.json"), &f.input);
                panic!(
                    "case {}: {}\n{}",
                    f.case,
                    f.what,
                    String::from_utf8_lossy(&f.input[..f.input.len().min(2000)])
                )
            }
        }
    }
}
