//! The whole reading of a file, from bytes to an [`Incoming`] or the first [`ImportError`].

use super::envelope::migrate_with;
use super::*;
use crate::domain::collections::Collection;
use crate::domain::exchange::file::{export, Selection};
use crate::domain::exchange::file::{Office, Scope};
use crate::domain::exchange::hooks::{Hooks, Lookup};
use crate::domain::schema::CURRENT_VERSION;
use crate::domain::units::{Unit, UnitKind};
use crate::domain::{record::Meta, record::Stamp};
use chrono::DateTime;
use serde_json::json;

fn stamp() -> Stamp {
    Stamp::new("ba-vi", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
}

fn unit(id: &str, parent: Option<&str>) -> Unit {
    Unit {
        meta: Meta::new(id.into(), &stamp()),
        name: format!("Đơn vị {id}"),
        short_name: String::new(),
        kind: UnitKind::Grassroots,
        parent_id: parent.map(str::to_string),
        active_from: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        active_to: None,
        archived: false,
    }
}

fn sample() -> AppData {
    AppData {
        units: vec![unit("city", None), unit("ba-vi", Some("city"))],
        ..AppData::default()
    }
}

fn file_value(data: &AppData) -> Value {
    export(
        data,
        &Selection::everything(data),
        Office {
            id: "ba-vi".into(),
            name: "LĐLĐ huyện Ba Vì".into(),
        },
        Scope {
            description: "Toàn bộ".into(),
        },
        stamp().at,
    )
    .to_value()
}

fn check(v: &Value) -> Result<Incoming, ImportError> {
    validate(v.to_string().as_bytes(), &AppData::default())
}

fn unit_at(index: usize, id: &str, field: &str) -> At {
    At {
        kind: Some(Collection::Units),
        index: Some(index),
        id: Some(id.into()),
        field: field.into(),
    }
}

fn rule_broken(v: &Value) -> (At, String) {
    match check(v) {
        Err(ImportError::BreaksRule { at, rule }) => (at, rule),
        other => panic!("expected a broken rule, got {other:?}"),
    }
}

#[test]
fn a_key_written_twice_in_a_record_is_refused_by_name() {
    let text = file_value(&sample()).to_string();
    let once = r#""name":"Đơn vị ba-vi""#;
    assert!(text.contains(once));
    let twice = text.replace(once, &format!(r#"{once},"name":"Đơn vị khác""#));
    let Err(ImportError::BreaksRule { at, rule }) = validate(twice.as_bytes(), &AppData::default()) else {
        panic!("refused");
    };
    assert_eq!(at, unit_at(1, "ba-vi", "name"));
    assert_eq!(rule, "trường \"name\" được ghi hai lần; hãy giữ lại một.");
}

#[test]
fn files_obey_the_unit_forms_rules() {
    for name in ["", "   ", "\u{200b}", "\u{feff}", "\u{200b} \u{2060}"] {
        let mut v = file_value(&sample());
        v["data"]["units"][1]["name"] = json!(name);
        assert_eq!(
            rule_broken(&v),
            (unit_at(1, "ba-vi", "name"), "Tên đơn vị là bắt buộc.".to_string()),
            "{name:?}"
        );
    }
    let mut v = file_value(&sample());
    v["data"]["units"][0]["parent_id"] = json!("city");
    assert_eq!(rule_broken(&v).0, unit_at(0, "city", "parent_id"));
    // Two units each other's parent.
    let mut v = file_value(&sample());
    v["data"]["units"][0]["parent_id"] = json!("ba-vi");
    let (at, rule) = rule_broken(&v);
    assert_eq!(at, unit_at(0, "city", "parent_id"));
    assert!(
        rule.starts_with("Đơn vị cấp trên không được là chính đơn vị này"),
        "{rule}"
    );
    let mut v = file_value(&sample());
    v["data"]["units"][1]["active_to"] = json!("2019-12-31");
    assert_eq!(
        rule_broken(&v),
        (
            unit_at(1, "ba-vi", "active_to"),
            "Ngày kết thúc hoạt động phải sau ngày bắt đầu.".to_string()
        )
    );
    // The same message reaches the officer, naming record and field.
    let message = crate::domain::exchange::wording::import_error(&check(&v).unwrap_err());
    assert!(
        message.contains("Ngày kết thúc hoạt động phải sau ngày bắt đầu."),
        "{message}"
    );
}

#[test]
fn dates_are_written_as_exports_write_them() {
    for (loose, ok) in [("2023-2-3", false), ("+10000-01-01", false), ("2023-02-03", true)] {
        let mut v = file_value(&sample());
        v["data"]["units"][1]["active_to"] = json!(loose);
        match check(&v) {
            Err(ImportError::BadDate { at, value }) => {
                assert!(!ok, "{loose}");
                assert_eq!((at, value.as_str()), (unit_at(1, "ba-vi", "active_to"), loose));
            }
            Ok(_) => assert!(ok, "{loose}"),
            other => panic!("{loose}: {other:?}"),
        }
    }
}

#[test]
fn a_date_behind_an_escape_is_still_found_and_other_escapes_read_as_written() {
    let mut v = file_value(&sample());
    v["data"]["units"][1]["active_to"] = json!("2023-2-3");
    v["data"]["units"][0]["name"] = json!("LĐLĐ \"Thanh Oai\"\n");
    let text = serde_json::to_string(&v).unwrap();
    let hidden = text.replace("\"2023-2-3\"", "\"2023\\u002d2-3\"");
    assert_ne!(hidden, text);
    match validate(hidden.as_bytes(), &AppData::default()) {
        Err(ImportError::BadDate { at, value }) => {
            assert_eq!(
                (at, value.as_str()),
                (unit_at(1, "ba-vi", "active_to"), "2023-2-3")
            );
        }
        other => panic!("{other:?}"),
    }
    v["data"]["units"][1]["active_to"] = json!("2023-02-03");
    let read = check(&v).unwrap();
    assert_eq!(read.file.data.units[0].name, "LĐLĐ \"Thanh Oai\"\n");
}

#[test]
fn a_yes_no_mark_on_a_points_criterion_is_refused_as_the_form_refuses_it() {
    let (_, files) = crate::domain::exchange::fuzz::seeds();
    let mut v: Value = serde_json::from_slice(&files[2]).unwrap();
    let entries = v["data"]["scorecards"][0]["entries"].as_object_mut().unwrap();
    let (criterion, entry) = entries
        .iter_mut()
        .find(|(_, e)| e["self_mark"].get("points").is_some())
        .unwrap();
    let criterion = criterion.clone();
    entry["self_mark"] = json!({"flag": true});
    match check(&v) {
        Err(ImportError::BreaksRule { at, rule }) => {
            assert_eq!(at.kind, Some(Collection::Scorecards));
            assert_eq!(at.field, format!("entries.{criterion}.self_mark"));
            assert!(rule.ends_with("kiểu điểm không đúng."), "{rule}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_error_inside_a_criterion_names_its_real_field() {
    let (_, files) = crate::domain::exchange::fuzz::seeds();
    let base: Value = serde_json::from_slice(&files[2]).unwrap();
    let criteria = base["data"]["templates"][0]["criteria"].as_array().unwrap();
    let n = criteria.iter().position(|c| c["kind"] == "count").unwrap();
    for (field, value) in [
        ("per", json!("x")),
        ("points_each", json!(-5)),
        ("kind", json!("khong")),
        ("indicator", json!(12)),
    ] {
        let mut v = base.clone();
        v["data"]["templates"][0]["criteria"][n][field] = value;
        let e = check(&v).unwrap_err();
        let at = match &e {
            ImportError::WrongType { at, .. } | ImportError::OutOfRange { at, .. } => at.clone(),
            other => panic!("{field}: {other:?}"),
        };
        assert_eq!(at.field, format!("criteria[{n}].{field}"), "{e:?}");
        let message = crate::domain::exchange::wording::import_error(&e);
        assert!(
            !message.contains("—") && !message.contains("4.294.967.295"),
            "{message}"
        );
    }
}

#[test]
fn a_scoring_table_obeys_the_table_editors_rules() {
    let (_, files) = crate::domain::exchange::fuzz::seeds();
    let base: Value = serde_json::from_slice(&files[2]).unwrap();
    let mut v = base.clone();
    v["data"]["templates"][0]["criteria"][2]["block"] = json!("IX");
    let (at, rule) = rule_broken(&v);
    assert_eq!(
        (at.kind, at.field.as_str()),
        (Some(Collection::Templates), "criteria[2].block")
    );
    assert!(rule.contains("IX"), "{rule}");
    let mut v = base;
    v["data"]["templates"][0]["name"] = json!("\u{feff}");
    assert_eq!(rule_broken(&v).0.field, "name");
}

#[test]
fn yearly_figures_obey_the_indicator_forms_rules() {
    let (_, files) = crate::domain::exchange::fuzz::seeds();
    let mut v: Value = serde_json::from_slice(&files[2]).unwrap();
    let report = &mut v["data"]["indicators"][0]["figures"];
    report["members"] = json!(100);
    report["new_members"] = json!(250);
    let (at, rule) = rule_broken(&v);
    assert_eq!(
        (at.kind, at.field.as_str()),
        (Some(Collection::Indicators), "figures.new_members")
    );
    assert_eq!(rule, "Số kết nạp mới lớn hơn tổng số đoàn viên.");
}

#[test]
fn a_programme_obeys_the_programme_forms_rules() {
    let (_, files) = crate::domain::exchange::fuzz::seeds();
    let base: Value = serde_json::from_slice(&files[2]).unwrap();
    assert!(
        base["data"]["programmes"][0].is_object(),
        "the seed carries a programme"
    );
    let mut v = base.clone();
    v["data"]["programmes"][0]["authority"] = json!("\u{200b} ");
    let (at, rule) = rule_broken(&v);
    assert_eq!(
        (at.kind, at.field.as_str()),
        (Some(Collection::Programmes), "authority")
    );
    assert_eq!(rule, "Hãy ghi tên UBND ký chương trình.");
    let mut v = base.clone();
    let first = v["data"]["programmes"][0]["areas"][0]["number"].clone();
    v["data"]["programmes"][0]["areas"][1]["number"] = first;
    assert_eq!(rule_broken(&v).0.field, "areas[1].number");
    let mut v = base;
    v["data"]["programmes"][0]["areas"] = json!([]);
    assert_eq!(
        rule_broken(&v).1,
        "Chương trình cần ít nhất một nội dung phối hợp."
    );
}

#[test]
fn files_obey_the_cluster_forms_rules() {
    let mut data = sample();
    let c = crate::domain::scoring::cluster::Cluster {
        meta: Meta::new("c1".into(), &stamp()),
        name: "Cụm thi đua số 4".into(),
        year: 2024,
        member_ids: vec!["city".into(), "ba-vi".into(), "city".into()],
        head_id: None,
        deputy_id: None,
        next_head_id: None,
        vote_order: Vec::new(),
        results_closed: None,
        tally: Vec::new(),
        meeting: None,
    };
    data.clusters.push(c);
    let (at, rule) = rule_broken(&file_value(&data));
    assert_eq!(at.field, "member_ids");
    assert_eq!(rule, "Đơn vị city được chọn hai lần.");
}

#[test]
fn a_written_file_reads_back_identically() {
    let data = sample();
    let text = export(
        &data,
        &Selection::everything(&data),
        Office {
            id: "ba-vi".into(),
            name: "LĐLĐ huyện Ba Vì".into(),
        },
        Scope {
            description: "Toàn bộ".into(),
        },
        stamp().at,
    )
    .to_json();
    let incoming = validate(text.as_bytes(), &AppData::default()).unwrap();
    assert_eq!(incoming.file.data, data);
    assert_eq!(incoming.file.office.name, "LĐLĐ huyện Ba Vì");
    assert_eq!(incoming.migrated_from, None);
    let with_bom = format!("\u{feff}{text}");
    assert!(validate(with_bom.as_bytes(), &AppData::default()).is_ok());
}

#[test]
fn too_large_is_refused_before_parsing() {
    let junk = vec![b'x'; 100];
    assert_eq!(
        validate_with_limit(&junk, 99, &AppData::default()),
        Err(ImportError::TooLarge { size: 100, limit: 99 })
    );
}

#[test]
fn syntax_errors_say_where() {
    assert_eq!(
        validate(b"{\n  \"format\" 1}", &AppData::default()),
        Err(ImportError::NotJson { line: 2, column: 12 })
    );
}

#[test]
fn a_cut_off_file_is_truncated_not_garbage() {
    let text = file_value(&sample()).to_string();
    let cut = &text[..text.len() / 2];
    assert_eq!(
        validate(cut.as_bytes(), &AppData::default()),
        Err(ImportError::Truncated)
    );
    // Nothing at all is not a cut-off file: it is empty.
    assert_eq!(validate(b"", &AppData::default()), Err(ImportError::EmptyFile));
    assert_eq!(validate(b" \n", &AppData::default()), Err(ImportError::EmptyFile));
}

#[test]
fn other_json_is_not_our_format() {
    for v in [json!([1]), json!({"units": []}), json!({"format": "excalidraw"})] {
        assert_eq!(check(&v), Err(ImportError::NotOurFormat));
    }
    // Our own stored data is not an export either.
    let stored = crate::domain::schema::encode(&sample());
    assert_eq!(
        validate(stored.as_bytes(), &AppData::default()),
        Err(ImportError::NotOurFormat)
    );
}

#[test]
fn newer_versions_are_refused() {
    let mut v = file_value(&sample());
    v["schema_version"] = json!(CURRENT_VERSION + 1);
    assert_eq!(
        check(&v),
        Err(ImportError::NewerVersion {
            found: CURRENT_VERSION + 1,
            supported: CURRENT_VERSION
        })
    );
    v["schema_version"] = json!("1");
    assert!(matches!(check(&v), Err(ImportError::WrongType { .. })));
}

#[test]
fn wrong_types_name_the_record_and_field() {
    let mut v = file_value(&sample());
    v["data"]["units"][1]["name"] = json!(5);
    assert_eq!(
        check(&v),
        Err(ImportError::WrongType {
            at: unit_at(1, "ba-vi", "name"),
            expected: Expected::Text
        })
    );
    let mut v = file_value(&sample());
    v["data"]["units"][0]["kind"] = json!("province");
    let Err(ImportError::WrongType { at, expected }) = check(&v) else {
        panic!()
    };
    assert_eq!(at, unit_at(0, "city", "kind"));
    assert!(matches!(expected, Expected::OneOf(v) if v.contains(&"grassroots".to_string())));
    let mut v = file_value(&sample());
    v["data"]["units"] = json!({});
    assert!(matches!(
        check(&v),
        Err(ImportError::WrongType {
            expected: Expected::List,
            ..
        })
    ));
    let mut v = file_value(&sample());
    v["office"]["name"] = json!(false);
    assert_eq!(
        check(&v),
        Err(ImportError::WrongType {
            at: At::envelope("office.name"),
            expected: Expected::Text
        })
    );
}

#[test]
fn missing_fields_are_found_in_nested_objects() {
    let mut v = file_value(&sample());
    v["data"]["units"][1].as_object_mut().unwrap().remove("name");
    assert_eq!(
        check(&v),
        Err(ImportError::MissingField {
            at: unit_at(1, "ba-vi", "name")
        })
    );
    let mut v = file_value(&sample());
    v["data"]["units"][0]["meta"]
        .as_object_mut()
        .unwrap()
        .remove("id");
    assert_eq!(
        check(&v),
        Err(ImportError::MissingField {
            at: At {
                kind: Some(Collection::Units),
                index: Some(0),
                id: None,
                field: "meta.id".into()
            }
        })
    );
    let mut v = file_value(&sample());
    v.as_object_mut().unwrap().remove("office");
    assert_eq!(
        check(&v),
        Err(ImportError::MissingField {
            at: At::envelope("office")
        })
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let mut data = sample();
    data.units.push(unit("city", None));
    assert_eq!(
        check(&file_value(&data)),
        Err(ImportError::DuplicateId {
            kind: Collection::Units,
            id: "city".into()
        })
    );
}

#[test]
fn references_may_point_into_the_file_or_local_data() {
    let data = AppData {
        units: vec![unit("ba-vi", Some("city"))],
        ..AppData::default()
    };
    let text = file_value(&data).to_string();
    assert_eq!(
        validate(text.as_bytes(), &AppData::default()),
        Err(ImportError::UnknownReference {
            kind: Collection::Units,
            id: "ba-vi".into(),
            field: "parent_id".into(),
            target: Collection::Units,
            target_id: "city".into()
        })
    );
    let local = AppData {
        units: vec![unit("city", None)],
        ..AppData::default()
    };
    assert!(validate(text.as_bytes(), &local).is_ok());
}

#[test]
fn impossible_dates_are_bad_dates_with_their_field() {
    let mut v = file_value(&sample());
    v["data"]["units"][1]["active_from"] = json!("2024-02-30");
    assert_eq!(
        check(&v),
        Err(ImportError::BadDate {
            at: unit_at(1, "ba-vi", "active_from"),
            value: "2024-02-30".into()
        })
    );
    let mut v = file_value(&sample());
    v["data"]["units"][0]["meta"]["changed_at"] = json!("hôm qua");
    assert_eq!(
        check(&v),
        Err(ImportError::BadDate {
            at: unit_at(0, "city", "meta.changed_at"),
            value: "hôm qua".into()
        })
    );
    let mut v = file_value(&sample());
    v["exported_at"] = json!("2026-13-01T00:00:00Z");
    assert!(matches!(check(&v), Err(ImportError::BadDate { at, .. }) if at == At::envelope("exported_at")));
}

#[test]
fn negative_counts_are_out_of_range() {
    let mut v = file_value(&sample());
    v["data"]["units"][0]["meta"]["edits"]["ba-vi"] = json!(-1);
    assert_eq!(
        check(&v),
        Err(ImportError::OutOfRange {
            at: unit_at(0, "city", "meta.edits.ba-vi"),
            value: -1.0,
            min: Some(0.0),
            // The type's own ceiling is no bound an officer could mean.
            max: None
        })
    );
}

#[test]
fn range_hooks_report_the_record_and_field() {
    let hooks: Hooks<Unit> = Hooks {
        ranges: |u, _| {
            vec![crate::domain::exchange::RangeIssue {
                field: "score".into(),
                value: u.name.len() as f64,
                min: Some(0.0),
                max: Some(3.0),
            }]
        },
        ..Hooks::NONE
    };
    let data = sample();
    let local = AppData::default();
    let index = IdIndex::new(&data, &local);
    let lookup = Lookup::new(&data, &local);
    let err = check_collection(Collection::Units, &data.units, &hooks, &index, &lookup).unwrap_err();
    assert!(
        matches!(err, ImportError::OutOfRange { at, max: Some(3.0), .. } if at == unit_at(0, "city", "score"))
    );
}

#[test]
fn tombstones_need_no_valid_references() {
    let mut data = AppData {
        units: vec![unit("ba-vi", Some("gone"))],
        ..AppData::default()
    };
    data.units[0].meta.deleted = true;
    assert!(check(&file_value(&data)).is_ok());
}

#[test]
fn older_files_go_through_the_stored_data_migrations() {
    fn rename(v: &mut Value) -> Result<(), String> {
        let units = v.as_object_mut().unwrap().remove("don_vi").unwrap_or(json!([]));
        v["units"] = units;
        Ok(())
    }
    let steps = [crate::domain::schema::Migration {
        from: 1,
        describe: "don_vi → units",
        apply: rename,
    }];
    let units = serde_json::to_value(sample().units).unwrap();
    let obj = json!({ "don_vi": units }).as_object().unwrap().clone();
    let migrated = migrate_with(Value::Object(obj), 1, 2, &steps).unwrap();
    assert_eq!(migrated.get("units"), Some(&units));
    assert!(!migrated.contains_key("schema_version"));
    let err = migrate_with(json!({}), 1, 3, &steps).unwrap_err();
    assert!(matches!(err, ImportError::MigrationFailed { from: 2, .. }));
}
