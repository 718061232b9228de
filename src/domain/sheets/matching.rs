//! Finding the unit a sheet's row names. A name written exactly (case and spacing aside) wins;
//! otherwise a name without diacritics, with "Liên đoàn Lao động" read as "LĐLĐ" and "Công
//! đoàn cơ sở" as "CĐCS", is accepted only when one unit answers to it. Two units answering is
//! said, never guessed: figures must not land on the wrong union.

use crate::domain::data::AppData;
use crate::domain::fold::fold;
use crate::domain::letter_case;
use crate::domain::record;
use crate::domain::units::Unit;

/// Which units a name is looked for among.
#[derive(Clone, Copy, Debug)]
pub enum Among<'a> {
    /// The units directly under this parent (None: the top level), archived ones included:
    /// a row naming an archived unit updates it rather than making a second one.
    Children(Option<&'a str>),
    /// Every unit that is not archived.
    Active,
}

#[derive(Debug)]
pub enum Found<'a> {
    One(&'a Unit),
    None,
    Many(usize),
}

pub fn find_unit<'a>(local: &'a AppData, name: &str, among: Among<'_>) -> Found<'a> {
    let candidates = || {
        record::live(&local.units).filter(move |u| match among {
            Among::Children(parent) => u.parent_id.as_deref() == parent,
            Among::Active => u.in_current_work(),
        })
    };
    let names = |u: &Unit| [u.name.clone(), u.short_name.clone()];
    let exact = exact_key(name);
    let by_exact: Vec<&Unit> = candidates()
        .filter(|u| {
            names(u)
                .iter()
                .any(|n| !n.trim().is_empty() && exact_key(n) == exact)
        })
        .collect();
    let by_key: Vec<&Unit> = if by_exact.is_empty() {
        let key = match_key(name);
        candidates()
            .filter(|u| {
                names(u)
                    .iter()
                    .any(|n| !n.trim().is_empty() && match_key(n) == key)
            })
            .collect()
    } else {
        by_exact
    };
    match by_key.as_slice() {
        [] => Found::None,
        [one] => Found::One(one),
        many => Found::Many(many.len()),
    }
}

/// Case and spacing aside, as written.
fn exact_key(name: &str) -> String {
    letter_case::lower(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Without diacritics or case, single-spaced, with the usual abbreviations as words.
pub fn match_key(name: &str) -> String {
    fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("lien doan lao dong", "ldld")
        .replace("cong doan co so", "cdcs")
}

/// A row that totals or signs the sheet rather than naming a unit ("Tổng cộng", "Người lập
/// biểu"): refused with its row, never made into a unit.
pub fn is_footer(name: &str) -> bool {
    let key = match_key(name);
    [
        "tong cong",
        "tong so",
        "tong",
        "cong",
        "nguoi lap bieu",
        "nguoi lap",
        "thu truong don vi",
    ]
    .iter()
    .any(|f| key == *f || key.starts_with(&format!("{f}:")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Meta, Stamp};
    use crate::domain::units::UnitKind;

    fn unit(id: &str, name: &str, parent: Option<&str>) -> Unit {
        Unit {
            meta: Meta::new(
                id.into(),
                &Stamp::new("o", chrono::DateTime::from_timestamp(0, 0).unwrap()),
            ),
            name: name.into(),
            short_name: String::new(),
            kind: UnitKind::Grassroots,
            parent_id: parent.map(str::to_string),
            active_from: None,
            active_to: None,
            archived: false,
        }
    }

    #[test]
    fn an_exact_name_wins_and_two_folded_matches_are_said() {
        let data = AppData {
            units: vec![
                unit("a", "CĐCS Trường THCS Thị trấn", Some("ba-vi")),
                unit("b", "CĐCS Trường THCS Thị trấn", Some("dong-anh")),
                unit("c", "CĐCS Công ty Hà", Some("ba-vi")),
                unit("d", "CĐCS Công ty Hạ", Some("ba-vi")),
            ],
            ..AppData::default()
        };
        assert!(matches!(
            find_unit(&data, "CĐCS Trường THCS Thị trấn", Among::Active),
            Found::Many(2)
        ));
        assert!(matches!(
            find_unit(&data, "cdcs truong thcs thi tran", Among::Children(Some("dong-anh"))),
            Found::One(u) if u.meta.id == "b"
        ));
        assert!(
            matches!(find_unit(&data, "CĐCS Công ty Hạ", Among::Active), Found::One(u) if u.meta.id == "d")
        );
        assert!(matches!(
            find_unit(&data, "Cong doan co so cong ty ha", Among::Active),
            Found::Many(2)
        ));
        assert!(matches!(
            find_unit(&data, "CĐCS khác", Among::Active),
            Found::None
        ));
    }

    #[test]
    fn total_and_signature_rows_are_footers() {
        assert!(is_footer("Tổng cộng"));
        assert!(is_footer("  TONG CONG "));
        assert!(is_footer("Người lập biểu"));
        assert!(!is_footer("CĐCS Công ty Tổng hợp"));
    }
}
