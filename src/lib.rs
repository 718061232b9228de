//! Thi đua: the pure domain is compiled everywhere; the browser edge only for wasm.
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
