//! Chấm điểm thi đua: emulation clusters, yearly indicators, scoring templates, scorecards,
//! their computation, ranking, tiers and proposed awards (domain guide §1 and §2).

pub mod award_forms;
pub mod awards;
pub mod closing;
pub mod cluster;
pub mod compute;
mod criterion_reading;
pub mod default_template;
pub mod final_guard;
pub mod indicators;
pub mod points;
pub mod ranking;
pub mod result_lines;
pub mod review_meeting;
pub mod sample;
pub mod scorecard;
pub mod seal;
pub mod standing;
pub mod template;
pub mod vote_tally;
pub mod wording;
