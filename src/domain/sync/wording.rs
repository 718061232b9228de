//! The Vietnamese words of live sync (pure; vi-VN numbers via `domain::format`).

use super::problems::ServerProblem;
use crate::domain::collections::Collection;
use crate::domain::data::AppData;

pub fn synced_at(hh_mm: &str) -> String {
    let _ = hh_mm;
    todo!()
}

pub fn downloading(done: usize, total: usize) -> String {
    let _ = (done, total);
    todo!()
}

pub fn uploading(done: usize, total: usize) -> String {
    let _ = (done, total);
    todo!()
}

pub fn offline(waiting: usize) -> String {
    let _ = waiting;
    todo!()
}

pub fn other_tab() -> &'static str {
    "Một thẻ khác của ứng dụng đang đồng bộ; thẻ này theo dõi các thay đổi của nó."
}

/// One sentence naming the cause; the CORS one says what the administrator must set.
pub fn problem(problem: &ServerProblem, database_url: &str, app_origin: &str) -> String {
    let _ = (problem, database_url, app_origin);
    todo!()
}

pub fn refused(record_name: &str, reason: &str) -> String {
    let _ = (record_name, reason);
    todo!()
}

/// The record as officers know it.
pub fn record_name(data: &AppData, collection: Collection, id: &str) -> String {
    let _ = (data, collection, id);
    todo!()
}
