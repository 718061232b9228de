//! Names of a programme's measures, leads and review outcomes, shared by the *Phối hợp* page
//! and the reports.

use super::{AreaMeasure, Lead, Outcome};
use crate::domain::scoring::wording::indicator as indicator_label;

pub fn measure_label(measure: &AreaMeasure) -> String {
    match measure {
        AreaMeasure::Indicator(key) => indicator_label(key),
        AreaMeasure::DialoguesHeld => "Số cuộc đối thoại".into(),
        AreaMeasure::PeriodicDialoguesHeld => "Số cuộc đối thoại định kỳ".into(),
        AreaMeasure::DialogueAttendances => "Lượt người dự đối thoại".into(),
        AreaMeasure::ProposalsRaised => "Kiến nghị nêu tại đối thoại".into(),
        AreaMeasure::ProposalsResolved => "Kiến nghị đã giải quyết, trả lời".into(),
    }
}

pub fn lead_name(lead: Lead) -> &'static str {
    match lead {
        Lead::PeopleCommittee => "UBND chủ trì",
        Lead::Federation => "LĐLĐ chủ trì",
        Lead::Joint => "Hai bên cùng chủ trì",
    }
}

pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Done => "Hoàn thành",
        Outcome::Partly => "Hoàn thành một phần",
        Outcome::NotDone => "Chưa hoàn thành",
    }
}
