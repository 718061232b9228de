#[cfg(all(target_arch = "wasm32", feature = "app"))]
fn main() {
    thidua::ui::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "app")))]
fn main() {
    eprintln!("Thi đua là ứng dụng web: hãy chạy lệnh run trong README.");
}
