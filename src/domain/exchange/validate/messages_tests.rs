//! Every serde_json and chrono message shape [`classify`] recognises, pinned to the letter: the
//! message is made by the library itself (so an upgrade that rewords it fails here, not in an
//! officer's import), then classified and put into the words the officer reads.

use super::*;
use crate::domain::collections::Collection;
use crate::domain::exchange::wording::import_error;
use crate::domain::units::UnitKind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde_json::json;
use std::collections::BTreeMap;

/// The second unit of a file, field `field`: where every message below is said to be.
fn at(field: &str) -> At {
    At {
        kind: Some(Collection::Units),
        index: Some(1),
        id: Some("ba-vi".into()),
        field: field.into(),
    }
}

/// What the library says when `value` does not decode as `T` (from a tree: no position added).
fn library_says<T: DeserializeOwned>(value: Value) -> String {
    match serde_json::from_value::<T>(value) {
        Ok(_) => panic!("decoded"),
        Err(e) => e.to_string(),
    }
}

/// What the officer reads when a value `leaf` at field `field` fails with `message`.
fn officer_reads(message: &str, field: &str, leaf: Value) -> String {
    import_error(&bounds_a_person_means(classify(message, at(field), Some(leaf))))
}

/// The whole sentence around a place in the second unit.
fn sentence(middle: &str) -> String {
    format!("Không nhập được tệp: {middle} Dữ liệu trên máy này không thay đổi.")
}

const PLACE: &str = "Đơn vị thứ 2 (mã \"ba-vi\"), trường";

#[test]
fn every_chrono_message_is_a_bad_date_with_its_value() {
    // Each kind of chrono's parse error, made by chrono: by serde's date decoders where a file
    // can reach it, by a format string for the kinds only a format can bring out.
    let date = |text: &str| library_says::<NaiveDate>(json!(text));
    let cases: [(String, &str, &str); 9] = [
        (date("2024-02-30"), "input is out of range", "2024-02-30"),
        (date("hôm qua"), "input contains invalid characters", "hôm qua"),
        (date("2024-02"), "premature end of input", "2024-02"),
        (date("2024-02-03x"), "trailing input", "2024-02-03x"),
        (
            library_says::<DateTime<Utc>>(json!("2026-13-01T00:00:00Z")),
            "input is out of range",
            "2026-13-01T00:00:00Z",
        ),
        (
            library_says::<DateTime<Utc>>(json!("2026-01-01")),
            "premature end of input",
            "2026-01-01",
        ),
        (
            NaiveDate::parse_from_str("2024-02-03 Mon", "%Y-%m-%d %a")
                .unwrap_err()
                .to_string(),
            "no possible date and time matching input",
            "2024-02-03 Mon",
        ),
        (
            NaiveDate::parse_from_str("2024-02", "%Y-%m")
                .unwrap_err()
                .to_string(),
            "input is not enough for unique date and time",
            "2024-02",
        ),
        (
            NaiveDate::parse_from_str("2024", "%Q").unwrap_err().to_string(),
            "bad or unsupported format string",
            "2024",
        ),
    ];
    for (made, message, value) in cases {
        assert_eq!(made, message);
        assert_eq!(
            officer_reads(&made, "active_from", json!(value)),
            sentence(&format!(
                "Ngày không có thật hoặc không đọc được (\"{value}\") ở {PLACE} \"active_from\"."
            ))
        );
    }
    // The list recognised is exactly chrono's seven kinds, each seen above.
    let mut known: Vec<&str> = CHRONO_MESSAGES.to_vec();
    crate::domain::sorting::sort(&mut known);
    assert_eq!(
        known,
        [
            "bad or unsupported format string",
            "input contains invalid characters",
            "input is not enough for unique date and time",
            "input is out of range",
            "no possible date and time matching input",
            "premature end of input",
            "trailing input",
        ]
    );
}

#[test]
fn a_missing_field_is_named_by_its_path() {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Named {
        name: String,
    }
    let made = library_says::<Named>(json!({}));
    assert_eq!(made, "missing field `name`");
    // The field finder has already put the missing key into the path.
    assert_eq!(
        officer_reads(&made, "name", json!(null)),
        sentence(&format!("Thiếu trường bắt buộc ở {PLACE} \"name\"."))
    );
}

#[test]
fn a_key_written_twice_is_a_broken_rule_on_that_key() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Named {
        name: String,
    }
    let made = serde_json::from_str::<Named>(r#"{"name":"a","name":"b"}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(made, "duplicate field `name` at line 1 column 18");
    // The position is the record's own text, not the file's: it is cut before classifying.
    let message = made.rsplit_once(" at line ").unwrap().0;
    assert_eq!(message, "duplicate field `name`");
    let said = sentence(&format!(
        "Bản ghi không hợp lệ ở {PLACE} \"name\": trường \"name\" được ghi hai lần; hãy giữ lại một."
    ));
    assert_eq!(officer_reads(message, "", json!(null)), said);
    // Inside a nested object, the key is joined to the object's path.
    assert_eq!(
        officer_reads(message, "meta", json!(null)),
        sentence(&format!(
            "Bản ghi không hợp lệ ở {PLACE} \"meta.name\": trường \"name\" được ghi hai lần; hãy giữ lại một."
        ))
    );
}

#[test]
fn an_unknown_variant_lists_the_values_allowed() {
    let made = library_says::<UnitKind>(json!("province"));
    assert_eq!(
        made,
        "unknown variant `province`, expected one of `city`, `district`, `sector`, `grassroots`, `other`"
    );
    assert_eq!(
        officer_reads(&made, "kind", json!("province")),
        sentence(&format!(
            "Sai kiểu dữ liệu ở {PLACE} \"kind\": cần một trong các giá trị: city, district, sector, grassroots, other."
        ))
    );
    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Two {
        Yes,
        No,
    }
    let made = library_says::<Two>(json!("maybe"));
    assert_eq!(made, "unknown variant `maybe`, expected `yes` or `no`");
    assert_eq!(
        officer_reads(&made, "kind", json!("maybe")),
        sentence(&format!(
            "Sai kiểu dữ liệu ở {PLACE} \"kind\": cần một trong các giá trị: yes, no."
        ))
    );
}

#[test]
fn an_integer_outside_its_type_is_out_of_range_with_the_bounds_a_person_means() {
    let made = library_says::<u32>(json!(-1));
    assert_eq!(made, "invalid value: integer `-1`, expected u32");
    // u32's ceiling (4.294.967.295) is a storage bound, not one an officer could mean.
    assert_eq!(
        officer_reads(&made, "meta.edits.ba-vi", json!(-1)),
        sentence(&format!(
            "Giá trị -1 ngoài phạm vi ở {PLACE} \"meta.edits.ba-vi\": phải ít nhất 0."
        ))
    );
    let made = library_says::<u16>(json!(70000));
    assert_eq!(made, "invalid value: integer `70000`, expected u16");
    assert_eq!(
        officer_reads(&made, "year", json!(70000)),
        sentence(&format!(
            "Giá trị 70.000 ngoài phạm vi ở {PLACE} \"year\": phải từ 0 đến 65.535."
        ))
    );
}

#[test]
fn every_invalid_type_names_what_the_field_should_hold() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Office {
        name: String,
    }
    let cases: [(String, &str, &str); 12] = [
        (
            library_says::<String>(json!(5)),
            "invalid type: integer `5`, expected a string",
            "một đoạn chữ",
        ),
        // An enum read from a tree (the field finder's reading).
        (
            library_says::<UnitKind>(json!(5)),
            "invalid type: integer `5`, expected string or map",
            "một đoạn chữ",
        ),
        (
            library_says::<bool>(json!("x")),
            "invalid type: string \"x\", expected a boolean",
            "true hoặc false",
        ),
        (
            library_says::<Vec<u8>>(json!("x")),
            "invalid type: string \"x\", expected a sequence",
            "một danh sách [ … ]",
        ),
        (
            library_says::<BTreeMap<String, u8>>(json!("x")),
            "invalid type: string \"x\", expected a map",
            "một đối tượng { … }",
        ),
        (
            library_says::<Office>(json!("x")),
            "invalid type: string \"x\", expected struct Office",
            "một đối tượng { … }",
        ),
        (
            library_says::<f64>(json!("x")),
            "invalid type: string \"x\", expected f64",
            "một số",
        ),
        (
            library_says::<i32>(json!("x")),
            "invalid type: string \"x\", expected i32",
            "một số nguyên không âm",
        ),
        (
            library_says::<u32>(json!(1.5)),
            "invalid type: floating point `1.5`, expected u32",
            "một số nguyên không âm",
        ),
        (
            library_says::<NaiveDate>(json!(5)),
            "invalid type: integer `5`, expected a formatted date string",
            "một ngày dạng yyyy-mm-dd",
        ),
        (
            library_says::<DateTime<Utc>>(json!(5)),
            "invalid type: integer `5`, expected an RFC 3339 formatted date and time string",
            "ngày giờ dạng 2026-11-23T08:00:00Z",
        ),
        // The record's own change time says chrono's words (see `record.rs`).
        (
            library_says::<crate::domain::record::Meta>(json!({"id": "a", "changed_at": 5})),
            "invalid type: integer `5`, expected an RFC 3339 formatted date and time string",
            "ngày giờ dạng 2026-11-23T08:00:00Z",
        ),
    ];
    for (made, message, wanted) in cases {
        assert_eq!(made, message);
        assert_eq!(
            officer_reads(&made, "f", json!(5)),
            sentence(&format!("Sai kiểu dữ liệu ở {PLACE} \"f\": cần {wanted}."))
        );
    }
}

#[test]
fn anything_else_is_said_in_the_librarys_words() {
    let made = library_says::<(u8, u8)>(json!([1]));
    assert_eq!(made, "invalid length 1, expected a tuple of size 2");
    assert_eq!(
        officer_reads(&made, "pair", json!([1])),
        sentence(&format!(
            "Sai kiểu dữ liệu ở {PLACE} \"pair\": cần a tuple of size 2."
        ))
    );
    // An enum read from its text (the start bundle's reading, position cut) that holds a
    // number: serde_json says only "expected value", given whole. The page then has the office
    // module check the file again, whose tree reading says "string or map" (above).
    let made = serde_json::from_str::<UnitKind>("5").unwrap_err().to_string();
    assert_eq!(made, "expected value at line 1 column 1");
    let message = made.rsplit_once(" at line ").unwrap().0;
    assert_eq!(
        officer_reads(message, "kind", json!(5)),
        sentence(&format!(
            "Sai kiểu dữ liệu ở {PLACE} \"kind\": cần expected value."
        ))
    );
    // A message with no "expected" at all is given whole.
    assert_eq!(
        officer_reads("recursion limit exceeded", "pair", json!(null)),
        sentence(&format!(
            "Sai kiểu dữ liệu ở {PLACE} \"pair\": cần recursion limit exceeded."
        ))
    );
}
