//! What every report of this office carries: its header, document sign, place, signer and
//! default recipients. Kept with the installation (one office, one set), edited on *Dữ liệu*.

use super::document::Signature;
use crate::domain::letter_case;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportSettings {
    /// TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
    pub parent_body: String,
    /// LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI
    pub issuing_body: String,
    /// The document sign after the number: "/BC-LĐLĐ".
    pub sign: String,
    /// Hà Nội
    pub place: String,
    /// TM. BAN THƯỜNG VỤ, KT. CHỦ TỊCH …
    pub authority: String,
    /// CHỦ TỊCH, PHÓ CHỦ TỊCH …
    pub signer_title: String,
    pub signer_name: String,
    /// Nơi nhận, one per line, without the leading "- ".
    pub recipients: String,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            parent_body: "Tổng Liên đoàn Lao động Việt Nam".into(),
            issuing_body: String::new(),
            sign: "/BC-LĐLĐ".into(),
            place: String::new(),
            authority: "TM. Ban Thường vụ".into(),
            signer_title: "Chủ tịch".into(),
            signer_name: String::new(),
            recipients: "Như trên;\nLưu: VT.".into(),
        }
    }
}

/// Why settings were refused, by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    /// A line the header cannot do without is empty.
    Required(&'static str),
    /// The sign must start with "/" ("/BC-LĐLĐ"), as the number is written before it.
    SignWithoutSlash,
    /// Over [`MAX_LINE`] characters: it would not fit its block.
    TooLong(&'static str),
}

/// Longest line a header or signature block holds on A4.
pub const MAX_LINE: usize = 120;

impl ReportSettings {
    /// The settings of a new installation, named after the office when it has a name.
    pub fn for_office(office_name: &str) -> ReportSettings {
        ReportSettings {
            issuing_body: office_name.trim().to_string(),
            ..ReportSettings::default()
        }
    }

    /// The one check of the settings form (and of anything else that sets them). Every
    /// problem, with its field's name as in [`ReportSettings`].
    pub fn validate(&self) -> Vec<SettingsError> {
        let mut problems = Vec::new();
        for (field, value) in [
            ("parent_body", &self.parent_body),
            ("issuing_body", &self.issuing_body),
            ("sign", &self.sign),
            ("place", &self.place),
        ] {
            if value.trim().is_empty() {
                problems.push(SettingsError::Required(field));
            }
        }
        if !self.sign.trim().is_empty() && !self.sign.trim().starts_with('/') {
            problems.push(SettingsError::SignWithoutSlash);
        }
        for (field, value) in [
            ("parent_body", &self.parent_body),
            ("issuing_body", &self.issuing_body),
            ("sign", &self.sign),
            ("place", &self.place),
            ("authority", &self.authority),
            ("signer_title", &self.signer_title),
            ("signer_name", &self.signer_name),
        ] {
            if value.chars().count() > MAX_LINE {
                problems.push(SettingsError::TooLong(field));
            }
        }
        problems
    }

    /// The same settings with surrounding spaces removed, as saved.
    pub fn trimmed(&self) -> ReportSettings {
        let t = |s: &String| s.trim().to_string();
        ReportSettings {
            parent_body: t(&self.parent_body),
            issuing_body: t(&self.issuing_body),
            sign: t(&self.sign),
            place: t(&self.place),
            authority: t(&self.authority),
            signer_title: t(&self.signer_title),
            signer_name: t(&self.signer_name),
            recipients: self
                .recipients
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// "- Như trên;" lines of "Nơi nhận:", as the settings list them.
    pub fn recipient_lines(&self) -> Vec<String> {
        self.recipients
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '–']).trim())
            .filter(|l| !l.is_empty())
            .map(|l| format!("- {l}"))
            .collect()
    }

    /// "Nơi nhận:" that fits the paper: "- Như trên;" ("as addressed above") only on a paper
    /// addressed to someone (Kính gửi …), first; a report addressed to no one leaves it out.
    pub fn recipients_for(&self, addressed: bool) -> Vec<String> {
        let as_above =
            |l: &String| crate::domain::fold::fold(l.trim_start_matches("- ")).starts_with("nhu tren");
        let mut lines: Vec<String> = self
            .recipient_lines()
            .into_iter()
            .filter(|l| !as_above(l))
            .collect();
        if addressed {
            lines.insert(0, "- Như trên;".into());
        }
        lines
    }

    /// The document sign for another kind of paper: "/BC-LĐLĐ" as "/BB-LĐLĐ" for minutes,
    /// "/TTr-LĐLĐ" for a submission; a sign of another shape is kept as it is.
    pub fn sign_for(&self, kind: &str) -> String {
        let sign = self.sign.trim();
        match sign.strip_prefix('/').and_then(|s| s.split_once('-')) {
            Some((_, body)) => format!("/{kind}-{body}"),
            None => sign.to_string(),
        }
    }

    /// The signature block of this office's signer.
    pub fn signature(&self) -> Signature {
        Signature {
            authority: letter_case::upper(self.authority.trim()),
            title: letter_case::upper(self.signer_title.trim()),
            name: self.signer_name.trim().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_office_starts_from_its_name_and_the_usual_lines() {
        let s = ReportSettings::for_office("Liên đoàn Lao động thành phố Hà Nội");
        assert_eq!(s.issuing_body, "Liên đoàn Lao động thành phố Hà Nội");
        assert_eq!(s.recipient_lines(), ["- Như trên;", "- Lưu: VT."]);
        assert_eq!(s.signature().authority, "TM. BAN THƯỜNG VỤ");
        assert_eq!(s.signature().title, "CHỦ TỊCH");
        assert_eq!(s.validate(), [SettingsError::Required("place")]);
    }

    #[test]
    fn the_sign_needs_its_slash_and_lines_must_fit() {
        let s = ReportSettings {
            issuing_body: "LĐLĐ thành phố Hà Nội".into(),
            place: "Hà Nội".into(),
            sign: "BC-LĐLĐ".into(),
            signer_name: "x".repeat(121),
            ..ReportSettings::default()
        };
        assert_eq!(
            s.validate(),
            [
                SettingsError::SignWithoutSlash,
                SettingsError::TooLong("signer_name")
            ]
        );
    }

    #[test]
    fn recipients_are_cleaned_of_dashes_and_blank_lines() {
        let s = ReportSettings {
            recipients: " - Như trên;\n\n–  LĐLĐ thành phố;\nLưu: VT.  ".into(),
            ..ReportSettings::default()
        };
        assert_eq!(
            s.recipient_lines(),
            ["- Như trên;", "- LĐLĐ thành phố;", "- Lưu: VT."]
        );
        assert_eq!(s.recipients_for(false), ["- LĐLĐ thành phố;", "- Lưu: VT."]);
        assert_eq!(
            s.recipients_for(true),
            ["- Như trên;", "- LĐLĐ thành phố;", "- Lưu: VT."]
        );
        assert_eq!(ReportSettings::default().sign_for("TTr"), "/TTr-LĐLĐ");
        assert_eq!(
            s.trimmed().recipients,
            "- Như trên;\n–  LĐLĐ thành phố;\nLưu: VT."
        );
    }
}
