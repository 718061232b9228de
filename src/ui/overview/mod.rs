//! Page "Tổng quan": what is in the data and what needs attention.

mod dialogues;

use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::record;
use crate::ui::route::Page;
use crate::ui::use_store;
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let store = use_store();
    let (year, years) = crate::ui::widgets::year_switch::use_year_switch();
    // "Active" as the compliance checks count it: the domain's one rule.
    let counts = Memo::new(move |_| {
        let year = year.get();
        store.tracked(&[Collection::Units], |d| {
            let live: Vec<_> = record::live(&d.units).collect();
            let active = live.iter().filter(|u| u.at_work_in(Some(year))).count();
            (active, live.len() - active)
        })
    });
    view! {
        <h1>"Tổng quan"</h1>
        <crate::ui::widgets::year_switch::YearSwitch label="Năm xem số liệu" years />
        <section class="cards" aria-label="Số liệu chính">
            <a class="stat" href=Page::Units.href()>
                <span class="num">{move || format::integer(counts.get().0 as i64)}</span>
                <span>{move || format!("đơn vị hoạt động năm {}", year.get())}</span>
            </a>
            <a class="stat" href=Page::Units.href()>
                <span class="num">{move || format::integer(counts.get().1 as i64)}</span>
                <span>"đơn vị đã lưu trữ hoặc hết thời gian hoạt động"</span>
            </a>
        </section>
        <Show when=move || counts.get() == (0, 0)>
            <p class="empty">
                "Bắt đầu bằng việc thêm các đơn vị ở trang " <a href=Page::Units.href()>"Đơn vị & Cụm"</a>
                ", hoặc tải dữ liệu mẫu ở trang " <a href=Page::Data.href()>"Dữ liệu"</a> "."
            </p>
        </Show>
        <crate::ui::programmes::ProgrammesDashboard year />
        <dialogues::DialogueAttention year />
    }
}
