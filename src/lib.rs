//! Thi đua: the pure domain is compiled everywhere; the browser edge only for wasm.
pub mod domain;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod store;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod ui;
