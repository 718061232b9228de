//! Numbers in the SVG charts.

/// SVG coordinates as whole user units: integers print without Rust's float formatter, which
/// would otherwise be in the wasm for the charts alone (about 11 KB).
pub fn px(x: f64) -> i64 {
    x.round() as i64
}
