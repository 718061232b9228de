//! The office module names the field of a file's record that does not decode (the app's start
//! bundle names only the record and asks here).

fn bad_file(name: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bad-files");
    std::fs::read(dir.join(name)).unwrap()
}

#[test]
fn a_record_that_does_not_decode_is_named_with_its_field() {
    let message = thidua_office::import_problem(&bad_file("wrong-type.json")).unwrap();
    assert!(
        message.contains("Sai kiểu dữ liệu ở Đơn vị thứ 1 (mã \"u1\"), trường \"name\": cần một đoạn chữ"),
        "{message}"
    );
    let message = thidua_office::import_problem(&bad_file("unit-kind-unknown.json")).unwrap();
    assert!(message.contains("trường \"kind\""), "{message}");
}

#[test]
fn a_file_that_reads_has_no_problem() {
    let at = chrono::DateTime::from_timestamp(1_764_403_200, 0).unwrap();
    let (data, _) =
        thidua::domain::sample::with_numbered_ids(&thidua::domain::record::Stamp::new("office", at));
    let file = thidua::domain::exchange::file::export(
        &data,
        &thidua::domain::exchange::file::Selection::everything(&data),
        thidua::domain::exchange::file::Office {
            id: "office".into(),
            name: "LĐLĐ huyện Ba Vì".into(),
        },
        thidua::domain::exchange::file::Scope {
            description: "Toàn bộ".into(),
        },
        at,
    );
    assert_eq!(thidua_office::import_problem(file.to_json().as_bytes()), None);
}
