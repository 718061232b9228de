//! Every file of the hostile corpus (`tests/fixtures/bad-files/`) is refused with its exact
//! message in Vietnamese, into empty data and into data holding the sample (the browser test
//! checks the same messages on screen and that nothing was stored). The messages are listed in
//! `tests/fixtures/bad-files.messages.tsv`, one line a file: its name, a tab, what the officer
//! reads between "Không nhập được tệp: " and " Dữ liệu trên máy này không thay đổi.". Many of
//! them are serde's and chrono's messages classified, so a library upgrade that rewords one
//! shows here.

use thidua::domain::data::AppData;
use thidua::domain::exchange::{validate, wording::import_error};

#[test]
fn every_hostile_file_is_refused_with_its_message() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let listed = std::fs::read_to_string(root.join("bad-files.messages.tsv")).unwrap();
    let expected: Vec<(&str, &str)> = listed
        .lines()
        .map(|line| line.split_once('\t').expect("name<TAB>message"))
        .collect();
    let mut files: Vec<String> = std::fs::read_dir(root.join("bad-files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    thidua::domain::sorting::sort(&mut files);
    assert!(files.len() >= 40, "{} files", files.len());
    let names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, files, "every file has one line, in name order");
    let (sample, _) = thidua::domain::exchange::fuzz::seeds();
    for (name, middle) in expected {
        let bytes = std::fs::read(root.join("bad-files").join(name)).unwrap();
        let wanted = format!("Không nhập được tệp: {middle} Dữ liệu trên máy này không thay đổi.");
        for local in [&AppData::default(), &sample] {
            let error = validate(&bytes, local).expect_err(&format!("{name} was accepted"));
            assert_eq!(import_error(&error), wanted, "{name}");
        }
    }
}
