//! Writes the city-scale data set (`domain::sample::city_scale`) as an export file:
//! `cargo run --release --example city_data -- target/city.json`
//! The benchmark (scripts/bench-city.mjs) makes it, gzips it and imports it in Chromium.

use thidua::domain::exchange::{export, Office, Scope, Selection};
use thidua::domain::sample::city_scale::{generate, CityScale};

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "city.json".into());
    let data = generate(CityScale::HA_NOI);
    let office = Office {
        id: "lđlđ-ha-noi".into(),
        name: "Liên đoàn Lao động thành phố Hà Nội".into(),
    };
    let at = chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("valid instant");
    let file = export(
        &data,
        &Selection::everything(&data),
        office,
        Scope {
            description: "Toàn bộ dữ liệu".into(),
        },
        at,
    );
    let json = file.to_json();
    std::fs::write(&out, &json).expect("the output file can be written");
    let records = data.units.len()
        + data.indicators.len()
        + data.dialogues.len()
        + data.proposals.len()
        + data.clusters.len();
    println!("{out}: {records} bản ghi, {} byte", json.len());
}
