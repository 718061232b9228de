//! What the minutes (biên bản đối thoại) record about the meeting itself, besides the points
//! agreed and not agreed (Labour Code 2019 art. 63–64, NĐ 145/2020): the time of day, who
//! holds the dialogue (whose letterhead the minutes carry), the participants of each side by
//! name and position, and the person who kept the minutes.

use super::dialogue::Chair;
use super::topic::Topic;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// Who holds the dialogue, so whose minutes these are (the letterhead).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostKind {
    /// Liên đoàn Lao động: the office's own header and sign ("Số: …/BB-LĐLĐ").
    #[default]
    Federation,
    /// Ủy ban nhân dân: the People's Committee's name and "Số: …/BB-UBND".
    PeoplesCommittee,
    /// Doanh nghiệp: the enterprise's own minutes, under its name, without a number line.
    Enterprise,
}

impl HostKind {
    pub const ALL: [HostKind; 3] = [
        HostKind::Federation,
        HostKind::PeoplesCommittee,
        HostKind::Enterprise,
    ];
}

/// Cơ quan / doanh nghiệp tổ chức đối thoại.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    #[serde(default)]
    pub kind: HostKind,
    /// The People's Committee's or the enterprise's name as it heads the minutes
    /// ("UBND huyện Thanh Oai", "Công ty TNHH May Thanh Oai"); unused for the federation,
    /// whose header is the office's report settings.
    #[serde(default)]
    pub name: String,
}

/// The meeting as the minutes record it (editable until the minutes are signed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDetails {
    /// Giờ bắt đầu: the time of day the dialogue began.
    #[serde(default)]
    pub start_time: Option<NaiveTime>,
    #[serde(default)]
    pub host: Host,
    /// Thành phần phía người sử dụng lao động / chính quyền, besides its chair.
    #[serde(default)]
    pub employer_side: Vec<Chair>,
    /// Thành phần phía tổ chức đại diện người lao động và người lao động, besides its chair.
    #[serde(default)]
    pub worker_side: Vec<Chair>,
    /// Người ghi biên bản (thư ký).
    #[serde(default)]
    pub minute_taker: Chair,
}

impl MeetingDetails {
    /// Nothing recorded (as in records written before these details existed).
    pub fn is_empty(&self) -> bool {
        *self == MeetingDetails::default()
    }
}

/// A content raised at the meeting as the signed minutes record it: a copy of the proposal's
/// words when the minutes were signed, so later edits and status changes of the proposal
/// (its follow-up) never alter the signed paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedPoint {
    /// The proposal it was copied from.
    pub proposal_id: String,
    pub content: String,
    pub topic: Topic,
    #[serde(default)]
    pub raised_by: String,
}

/// Text that is not a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotATime;

/// "08:30" typed in the form; "8:30", "8h30" and "8g30" are read too. `None` for blank text.
pub fn parse_time(text: &str) -> Result<Option<NaiveTime>, NotATime> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (h, m) = t
        .split_once([':', 'h', 'g', 'H', 'G'])
        .map(|(h, m)| (h.trim(), m.trim()))
        .ok_or(NotATime)?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    let m = if m.is_empty() { "0" } else { m };
    if !digits(h) || !digits(m) {
        return Err(NotATime);
    }
    let (h, m) = (h.parse().map_err(|_| NotATime)?, m.parse().map_err(|_| NotATime)?);
    NaiveTime::from_hms_opt(h, m, 0).map(Some).ok_or(NotATime)
}

/// "08 giờ 30" as minutes write the hour.
pub fn time_words(time: NaiveTime) -> String {
    format!("{} giờ {}", time.format("%H"), time.format("%M"))
}

/// "Nguyễn Văn A – Giám đốc" for lists of participants; blank parts left out.
pub fn person(p: &Chair) -> String {
    match (p.name.trim(), p.role.trim()) {
        ("", "") => String::new(),
        (n, "") => n.to_string(),
        ("", r) => r.to_string(),
        (n, r) => format!("{n} – {r}"),
    }
}

/// Participants typed one a line, "Họ tên – Chức vụ" (an en dash or a spaced hyphen between
/// them); a line without one is kept whole as the name. Blank lines are dropped.
pub fn parse_people(text: &str) -> Vec<Chair> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let split = [" – ", " - ", " — "]
                .iter()
                .filter_map(|sep| line.split_once(sep))
                .min_by_key(|(name, _)| name.len());
            match split {
                Some((name, role)) => Chair {
                    name: name.trim().to_string(),
                    role: role.trim().to_string(),
                },
                None => Chair {
                    name: line.to_string(),
                    role: String::new(),
                },
            }
        })
        .collect()
}

/// The lines [`parse_people`] reads back.
pub fn people_lines(people: &[Chair]) -> String {
    people.iter().map(person).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participants_are_read_one_a_line_name_then_position() {
        let people = parse_people(" Nguyễn Huy Khánh – Phó Chủ tịch LĐLĐ Thành phố \n\nLãnh đạo BHXH huyện\nTrần Văn B - Giám đốc - Công ty May");
        let pairs: Vec<(&str, &str)> = people
            .iter()
            .map(|c| (c.name.as_str(), c.role.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Nguyễn Huy Khánh", "Phó Chủ tịch LĐLĐ Thành phố"),
                ("Lãnh đạo BHXH huyện", ""),
                ("Trần Văn B", "Giám đốc - Công ty May"),
            ]
        );
        assert_eq!(parse_people(&people_lines(&people)), people);
    }

    #[test]
    fn times_are_read_as_officers_write_them() {
        let t = |h, m| Ok(Some(NaiveTime::from_hms_opt(h, m, 0).unwrap()));
        assert_eq!(parse_time("08:30"), t(8, 30));
        assert_eq!(parse_time(" 8h30 "), t(8, 30));
        assert_eq!(parse_time("14g"), t(14, 0));
        assert_eq!(parse_time(""), Ok(None));
        assert_eq!(parse_time("25:00"), Err(NotATime));
        assert_eq!(parse_time("sáng"), Err(NotATime));
        assert_eq!(time_words(NaiveTime::from_hms_opt(8, 5, 0).unwrap()), "08 giờ 05");
    }
}
