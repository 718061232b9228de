#[cfg(target_arch = "wasm32")]
fn main() {
    thidua::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Thi đua là ứng dụng web: hãy chạy lệnh run trong README.");
}
