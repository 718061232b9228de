//! Every file of the hostile corpus (`tests/fixtures/bad-files/`) is refused with a message in
//! Vietnamese, into empty data and into data holding the sample (the browser test checks the
//! same messages on screen and that nothing was stored).

use thidua::domain::data::AppData;
use thidua::domain::sync::{validate, wording::import_error};

#[test]
fn every_hostile_file_is_refused_with_its_message() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-files");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 40, "{} files", files.len());
    let (sample, _) = thidua::domain::sync::fuzz::seeds();
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for local in [&AppData::default(), &sample] {
            let error = validate(&bytes, local).expect_err(&format!("{} was accepted", file.display()));
            let message = import_error(&error);
            assert!(message.starts_with("Không nhập được tệp: "), "{message}");
            assert!(
                message.ends_with("Dữ liệu trên máy này không thay đổi."),
                "{message}"
            );
            if std::env::var("SHOW").is_ok() {
                println!("{}: {message}", file.file_name().unwrap().to_string_lossy());
            }
        }
    }
}
