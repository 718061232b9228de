//! Page "Phối hợp": coordination programmes with the People's Committee, their annual reviews
//! and the period totals a five-year report quotes (issue #5).
//!
//! Sub-pages are hash routes under `#/phoi-hop`, so every view survives a reload and can be
//! linked from the overview:
//! - `#/phoi-hop`: the list of programmes;
//! - `#/phoi-hop/moi`: a new programme;
//! - `#/phoi-hop/<id>` and `#/phoi-hop/<id>/sua`: one programme, and its form;
//! - `#/phoi-hop/<id>/danh-gia/<năm>`: the annual review of a year;
//! - `#/phoi-hop/bao-cao[/tat-ca|/don-vi/<id>|/cum/<tên>][/<từ năm>/<đến năm>]`: period totals.

mod chart;
pub mod dashboard;
mod period_report;
mod programme_form;
mod programme_list;
mod programme_view;
mod review_form;
pub mod text;

use crate::domain::programmes::ReportScope;
use crate::ui::route::{href, Page, Route};
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use leptos::prelude::*;

pub use dashboard::ProgrammesDashboard;

/// Where a sub-page lives, parsed from the route's segments after `phoi-hop`.
#[derive(Clone, Debug, PartialEq)]
enum View {
    List,
    New,
    Programme(String),
    Edit(String),
    Review(String, i32),
    Report(Option<ReportScope>, Option<(i32, i32)>),
    NotFound,
}

fn view_of(rest: &[String]) -> View {
    let years = |from: Option<&String>, to: Option<&String>| match (from, to) {
        (Some(f), Some(t)) => f.parse().ok().zip(t.parse().ok()),
        _ => None,
    };
    let segs: Vec<&str> = rest.iter().map(String::as_str).collect();
    match segs.as_slice() {
        [] => View::List,
        ["moi"] => View::New,
        ["bao-cao"] => View::Report(None, None),
        ["bao-cao", "tat-ca", ..] => View::Report(Some(ReportScope::All), years(rest.get(2), rest.get(3))),
        ["bao-cao", "don-vi", id, ..] => View::Report(
            Some(ReportScope::Unit(id.to_string())),
            years(rest.get(3), rest.get(4)),
        ),
        ["bao-cao", "cum", name, ..] => View::Report(
            Some(ReportScope::Cluster(name.to_string())),
            years(rest.get(3), rest.get(4)),
        ),
        [id] => View::Programme(id.to_string()),
        [id, "sua"] => View::Edit(id.to_string()),
        [id, "danh-gia", year] => match year.parse() {
            Ok(y) => View::Review(id.to_string(), y),
            Err(_) => View::NotFound,
        },
        _ => View::NotFound,
    }
}

pub fn list_href() -> String {
    Page::Programmes.href()
}

pub fn new_href() -> String {
    href(Page::Programmes, &["moi"])
}

pub fn programme_href(id: &str) -> String {
    href(Page::Programmes, &[id])
}

pub fn edit_href(id: &str) -> String {
    href(Page::Programmes, &[id, "sua"])
}

pub fn review_href(id: &str, year: i32) -> String {
    href(Page::Programmes, &[id, "danh-gia", &year.to_string()])
}

/// A deep link to the period totals of `scope` over `from`–`to`.
pub fn report_href(scope: &ReportScope, from: i32, to: i32) -> String {
    let (from, to) = (from.to_string(), to.to_string());
    match scope {
        ReportScope::All => href(Page::Programmes, &["bao-cao", "tat-ca", &from, &to]),
        ReportScope::Unit(id) => href(Page::Programmes, &["bao-cao", "don-vi", id, &from, &to]),
        ReportScope::Cluster(name) => href(Page::Programmes, &["bao-cao", "cum", name, &from, &to]),
    }
}

/// Goes to another sub-page after a save or deletion (the hash router picks it up).
fn go(target: &str) {
    crate::ui::widgets::unsaved::go_after_save(&format!("#{}", target.trim_start_matches('#')));
}

/// A confirmation that must survive the move to another sub-page (e.g. "Đã thêm chương
/// trình…" shown on the new programme's page): it is shown only while the route is the one it
/// was meant for, so it does not linger on later pages.
#[derive(Clone, Copy)]
struct Flash(RwSignal<Option<(String, Notice)>>);

impl Flash {
    fn show_at(&self, target: &str, notice: Notice) {
        self.0.set(Some((target.to_string(), notice)));
    }
}

fn use_flash() -> Flash {
    expect_context::<Flash>()
}

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let route = expect_context::<ReadSignal<Route>>();
    let flash = Flash(RwSignal::new(None));
    provide_context(flash);
    let view = Memo::new(move |_| route.with(|r| view_of(&r.rest)));
    let shown = RwSignal::new(None::<Notice>);
    Effect::new(move |_| {
        let here = route.with(|r| {
            href(
                Page::Programmes,
                &r.rest.iter().map(String::as_str).collect::<Vec<_>>(),
            )
        });
        shown.set(
            flash
                .0
                .get()
                .filter(|(target, _)| *target == here)
                .map(|(_, n)| n),
        );
    });

    view! {
        <h1>"Phối hợp"</h1>
        <NoticeLine notice=shown />
        {move || match view.get() {
            View::List => view! { <programme_list::ProgrammeList /> }.into_any(),
            View::New => view! { <programme_form::ProgrammeForm editing=None /> }.into_any(),
            View::Programme(id) => view! { <programme_view::ProgrammeView id /> }.into_any(),
            View::Edit(id) => view! { <programme_form::ProgrammeForm editing=Some(id) /> }.into_any(),
            View::Review(id, year) => view! { <review_form::ReviewForm programme_id=id year /> }.into_any(),
            View::Report(scope, years) => {
                view! { <period_report::PeriodReportView scope years /> }.into_any()
            }
            View::NotFound => {
                view! {
                    <p class="empty">
                        "Không tìm thấy trang này. " <a href=list_href()>"Về danh sách chương trình"</a>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}
