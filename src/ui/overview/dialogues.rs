//! The dialogue part of "Tổng quan": open and overdue proposals and the units that have held
//! no periodic dialogue this year, each linking to the place on "Đối thoại" where it is handled.

use crate::domain::collections::Collection;
use crate::domain::dialogues::attention::{attention, Item};
use crate::domain::format;
use crate::ui::dialogues::{proposal_href, text};
use crate::ui::route::{href, Page};
use crate::ui::use_store;
use leptos::prelude::*;

/// How many proposals of each kind are listed by name; the rest are counted.
const LISTED: usize = 10;

#[component]
pub fn DialogueAttention(#[prop(into)] year: Signal<i32>) -> impl IntoView {
    let store = use_store();
    let today = crate::store::browser::today();
    let attention = Memo::new(move |_| {
        let year = year.get();
        store.tracked(
            &[Collection::Units, Collection::Dialogues, Collection::Proposals],
            |d| attention(&d.proposals, &d.dialogues, &d.units, year, today, LISTED),
        )
    });
    let a = move || attention.get();
    let item_view = |i: Item| {
        let deadline = i
            .deadline
            .map(|d| format!(" (hạn {})", format::date(d)))
            .unwrap_or_default();
        view! {
            <li>
                <a href=proposal_href(&i.dialogue_id, &i.id)>{i.content}</a>
                {deadline}
                {i.overdue_days.map(|days| view! {
                    " " <span class="badge bad overdue-mark"><span aria-hidden="true">"⚠ "</span>{text::overdue_days(days)}</span>
                })}
            </li>
        }
    };
    view! {
        <section class="attention" aria-labelledby="can-chu-y">
            <h2 id="can-chu-y">"Đối thoại và kiến nghị cần chú ý"</h2>
            <div class="cards">
                <a class="stat" href=Page::Dialogues.href()>
                    <span class="num">{move || format::integer(a().open as i64)}</span>
                    <span>"kiến nghị đang mở"</span>
                </a>
                <a class="stat" href=href(Page::Dialogues, &["qua-han"])>
                    <span class="num">{move || format::integer(a().overdue as i64)}</span>
                    <span>"kiến nghị quá hạn"</span>
                </a>
                <a class="stat" href=Page::Dialogues.href()>
                    <span class="num">{move || format::integer(a().units_without_count as i64)}</span>
                    <span>{move || format!("đơn vị chưa đối thoại định kỳ năm {}", year.get())}</span>
                </a>
            </div>
            <Show when=move || { a().overdue > 0 }>
                <h3>"Kiến nghị quá hạn"</h3>
                <ul aria-label="Kiến nghị quá hạn">{move || a().overdue_items.into_iter().map(item_view).collect_view()}</ul>
                <Show when=move || { a().overdue > LISTED }>
                    <p><a href=href(Page::Dialogues, &["qua-han"])>"Xem tất cả kiến nghị quá hạn"</a></p>
                </Show>
            </Show>
            <Show when=move || !a().open_items.is_empty()>
                <h3>"Kiến nghị đang mở, sắp đến hạn"</h3>
                <ul aria-label="Kiến nghị đang mở">{move || a().open_items.into_iter().map(item_view).collect_view()}</ul>
            </Show>
            <Show when=move || !a().units_without.is_empty()>
                <h3>{move || format!("Đơn vị chưa tổ chức đối thoại định kỳ năm {}", year.get())}</h3>
                <ul aria-label="Đơn vị chưa đối thoại định kỳ">
                    {move || {
                        a().units_without
                            .into_iter()
                            .map(|(id, name)| view! { <li><a href=href(Page::Dialogues, &["don-vi", &id])>{name}</a></li> })
                            .collect_view()
                    }}
                </ul>
                <Show when=move || { a().units_without_count > LISTED }>
                    <p><a href=Page::Dialogues.href()>{move || format!("Xem cả {} đơn vị", format::integer(a().units_without_count as i64))}</a></p>
                </Show>
            </Show>
        </section>
    }
}
