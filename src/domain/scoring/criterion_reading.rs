//! How a [`Criterion`] is read. Its kind's fields sit beside the common ones in the file
//! (`{"kind": "count", "per": 50, …}`), which serde's `flatten` would read through a buffer
//! that loses the field path of every error. Reading all fields flat, then checking that the
//! kind has what it needs, keeps each field's own path (`criteria[4].per`) and bounds.

use super::indicators::IndicatorKey;
use super::points::Points;
use super::template::{Criterion, CriterionKind, TargetFormula, TargetSource};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    Manual,
    Target,
    Count,
    YesNo,
    Bonus,
    Penalty,
    Veto,
}

#[derive(Deserialize)]
pub(super) struct CriterionFields {
    id: String,
    #[serde(default)]
    code: String,
    name: String,
    block: String,
    max: Points,
    kind: KindTag,
    indicator: Option<IndicatorKey>,
    target: Option<TargetSource>,
    formula: Option<TargetFormula>,
    points_each: Option<Points>,
    per: Option<u64>,
}

/// Worded as serde words a missing field, so the import names it like any other.
fn missing(field: &str) -> String {
    format!("missing field `{field}`")
}

impl TryFrom<CriterionFields> for Criterion {
    type Error = String;

    fn try_from(f: CriterionFields) -> Result<Self, String> {
        let kind = match f.kind {
            KindTag::Manual => CriterionKind::Manual,
            KindTag::Target => CriterionKind::Target {
                indicator: f.indicator.ok_or_else(|| missing("indicator"))?,
                target: f.target.ok_or_else(|| missing("target"))?,
                formula: f.formula.ok_or_else(|| missing("formula"))?,
            },
            KindTag::Count => CriterionKind::Count {
                indicator: f.indicator.ok_or_else(|| missing("indicator"))?,
                points_each: f.points_each.ok_or_else(|| missing("points_each"))?,
                per: f.per.unwrap_or(1),
            },
            KindTag::YesNo => CriterionKind::YesNo,
            KindTag::Bonus => CriterionKind::Bonus,
            KindTag::Penalty => CriterionKind::Penalty,
            KindTag::Veto => CriterionKind::Veto,
        };
        Ok(Criterion {
            id: f.id,
            code: f.code,
            name: f.name,
            block: f.block,
            max: f.max,
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Stamp;
    use crate::domain::scoring::default_template::default_template;

    #[test]
    fn every_criterion_of_the_default_table_reads_back_as_written() {
        let t = default_template(
            String::new(),
            String::new(),
            2024,
            &Stamp::new("", Default::default()),
        );
        for c in &t.criteria {
            let text = serde_json::to_string(c).unwrap();
            assert_eq!(&serde_json::from_str::<Criterion>(&text).unwrap(), c, "{text}");
        }
    }

    #[test]
    fn a_kind_without_its_fields_names_the_missing_one() {
        let e = serde_json::from_str::<Criterion>(
            r#"{"id":"a","name":"A","block":"I","max":100,"kind":"count","per":50}"#,
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("missing field `indicator`"), "{e}");
    }
}
