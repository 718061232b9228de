//! The yearly summary for one unit or all units, and the compliance check: active units that
//! held no periodic dialogue in the year (Labour Code 2019 art. 63).

use super::text;
use crate::domain::collections::Collection;
use crate::domain::dialogues::{
    summarize, units_without_periodic_dialogue, DialogueKind, ProposalStatus, Topic,
};
use crate::domain::format;
use crate::domain::record::Id;
use crate::domain::reports::ReportRequest;
use crate::ui::route::{href, Page};
use crate::ui::use_store;
use crate::ui::widgets::paging::{is_phone, page_limit, show_more, shown_of};
use crate::ui::widgets::PickField;
use crate::ui::widgets::PrintLink;
use crate::ui::widgets::SelectField;
use chrono::Datelike;
use leptos::prelude::*;

fn count(n: usize) -> String {
    format::integer(n as i64)
}

fn share(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_string(), format::percent)
}

#[component]
pub fn Summary(unit: Option<Id>) -> impl IntoView {
    let store = use_store();
    let today = crate::store::browser::today();
    let year = RwSignal::new(
        store
            .with_untracked(|d| d.latest_year_with_data(today.year()))
            .to_string(),
    );
    let unit_id = RwSignal::new(unit.unwrap_or_default());
    let chosen_year = move || year.with(|y| y.parse::<i32>().unwrap_or(today.year()));

    let summary = Memo::new(move |_| {
        let y = chosen_year();
        unit_id.with(|u| {
            let unit = (!u.is_empty()).then_some(u.as_str());
            store.tracked(&[Collection::Dialogues, Collection::Proposals], |d| {
                summarize(y, unit, &d.dialogues, &d.proposals, today)
            })
        })
    });
    let missing = Memo::new(move |_| {
        let y = chosen_year();
        store.tracked(&[Collection::Units, Collection::Dialogues], |d| {
            units_without_periodic_dialogue(y, &d.units, &d.dialogues)
                .into_iter()
                .map(|u| (u.meta.id.clone(), u.name.clone()))
                .collect::<Vec<_>>()
        })
    });

    let limit = page_limit(Memo::new(move |_| chosen_year()));
    let years = super::year_options(None);
    let units = super::unit_options(None, Some(text::ALL_UNITS));
    let s = move || summary.get();
    let report = Signal::derive(move || {
        Some(ReportRequest::DialogueYear {
            year: chosen_year(),
            unit_id: unit_id.with(|u| (!u.is_empty()).then(|| u.clone())),
        })
    });

    view! {
        <section aria-labelledby="tong-hop-tieu-de" class="card">
            <h2 id="tong-hop-tieu-de">"Tổng hợp đối thoại"</h2>
            <div class="list-tools">
                <SelectField label="Năm tổng hợp" value=year options=years />
                <PickField label="Đơn vị tổng hợp" value=unit_id options=units />
            </div>
            <div class="actions">
                <PrintLink request=report label="In báo cáo đối thoại năm" />
            </div>
            <dl class="cards summary" aria-label="Số liệu tổng hợp">
                <div class="stat"><dt>"Cuộc đối thoại"</dt><dd class="num">{move || count(s().dialogues)}</dd></div>
                <div class="stat"><dt>"Lượt tham dự"</dt><dd class="num">{move || format::integer(s().attendances as i64)}</dd></div>
                <div class="stat"><dt>"Kiến nghị"</dt><dd class="num">{move || count(s().proposals)}</dd></div>
                <div class="stat"><dt>"Tỷ lệ đã giải quyết"</dt><dd class="num">{move || share(s().resolved_rate())}</dd></div>
                <div class="stat"><dt>"Giải quyết đúng hạn"</dt><dd class="num">{move || share(s().in_time_rate())}</dd></div>
                <div class="stat"><dt>"Còn mở"</dt><dd class="num">{move || count(s().open)}</dd></div>
                <div class="stat"><dt>"Quá hạn"</dt><dd class="num">{move || count(s().overdue)}</dd></div>
            </dl>
            // On a phone the breakdowns start folded: the figures above answer most questions.
            <details class="fold" open=!is_phone()>
            <summary>"Chi tiết theo hình thức, trạng thái và lĩnh vực"</summary>
            <div class="two-cols">
                <table aria-label="Đối thoại theo hình thức">
                    <thead><tr><th scope="col">"Hình thức"</th><th scope="col" class="num">"Số cuộc"</th></tr></thead>
                    <tbody>
                        {DialogueKind::ALL
                            .into_iter()
                            .map(|k| view! { <tr><th scope="row">{text::kind_name(k)}</th><td class="num">{move || count(s().of_kind(k))}</td></tr> })
                            .collect_view()}
                    </tbody>
                </table>
                <table aria-label="Kiến nghị theo trạng thái">
                    <thead><tr><th scope="col">"Trạng thái"</th><th scope="col" class="num">"Số kiến nghị"</th></tr></thead>
                    <tbody>
                        {ProposalStatus::ALL
                            .into_iter()
                            .map(|st| view! { <tr><th scope="row">{text::status_name(st)}</th><td class="num">{move || count(s().with_status(st))}</td></tr> })
                            .collect_view()}
                    </tbody>
                </table>
                <table aria-label="Kiến nghị theo lĩnh vực">
                    <thead><tr><th scope="col">"Lĩnh vực"</th><th scope="col" class="num">"Số kiến nghị"</th></tr></thead>
                    <tbody>
                        {Topic::ALL
                            .into_iter()
                            .map(|t| view! { <tr><th scope="row">{text::topic_name(t)}</th><td class="num">{move || count(s().with_topic(t))}</td></tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            </details>
            <h3>"Đơn vị chưa tổ chức đối thoại định kỳ trong năm " {move || chosen_year().to_string()}</h3>
            <Show
                when=move || !missing.with(Vec::is_empty)
                fallback=|| view! { <p class="badge good">"Tất cả đơn vị đang hoạt động đã tổ chức đối thoại định kỳ."</p> }
            >
                <p class="count" role="status" aria-live="polite">
                    {move || shown_of(missing.with(Vec::len).min(limit.get()), missing.with(Vec::len), missing.with(Vec::len), "đơn vị")}
                </p>
                <ul aria-label="Đơn vị chưa đối thoại định kỳ" class="missing-units">
                    <For each=move || missing.with(|m| m.iter().take(limit.get()).cloned().collect::<Vec<_>>()) key=|(id, name)| (id.clone(), name.clone()) let:unit>
                        <li>
                            <span class="unit-name">{unit.1.clone()}</span>
                            <a href=href(Page::Dialogues, &["moi", &unit.0])>{format!("Ghi đối thoại của {}", unit.1)}</a>
                        </li>
                    </For>
                </ul>
                <Show when=move || { missing.with(Vec::len) > limit.get() }>
                    <button type="button" class="secondary" on:click=move |_| show_more(limit)>
                        "Hiện thêm đơn vị"
                    </button>
                </Show>
            </Show>
        </section>
    }
}
