//! The table of units, with diacritic-free search and archive / restore.

use super::text;
use crate::domain::collections::Collection;
use crate::domain::fold::Query;
use crate::domain::format;
use crate::domain::record::{self, Id, Record};
use crate::domain::reports::lists::units_table;
use crate::domain::sorting;
use crate::domain::units::{self, Unit, UnitFilter};
use crate::ui::use_store;
use crate::ui::widgets::paging::{page_limit, show_more, shown_of};
use crate::ui::widgets::remembered::remembered_flag;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::ExcelButton;
use crate::ui::widgets::{focus, unsaved};
use crate::ui::widgets::{Notice, TextField};
use leptos::prelude::*;

fn period(u: &Unit) -> String {
    match (u.active_from, u.active_to) {
        (None, None) => String::new(),
        (Some(f), None) => format!("từ {}", format::date(f)),
        (None, Some(t)) => format!("đến {}", format::date(t)),
        (Some(f), Some(t)) => format!("{} – {}", format::date(f), format::date(t)),
    }
}

fn parent_name(units: &[Unit], u: &Unit) -> String {
    u.parent_id
        .as_ref()
        .and_then(|p| record::find(units, p))
        .map(|p| p.label().to_string())
        .unwrap_or_default()
}

#[component]
pub fn UnitList(editing: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let search = RwSignal::new(String::new());
    let show_archived = remembered_flag("units.archived");
    let notice = RwSignal::new(None::<Notice>);

    let filter = Memo::new(move |_| (search.get(), show_archived.get()));
    let limit = page_limit(filter);
    let all = move || store.tracked(&[Collection::Units], |d| record::live(&d.units).count());
    // The positions in `units` of the units shown, in the list's order: a city's thousands of
    // units are sorted on each change, but copied only for the rows on screen.
    let rows = Memo::new(move |_| {
        let (search, archived) = filter.get();
        let filter = UnitFilter {
            query: Query::new(&search),
            ..UnitFilter::default()
        };
        store.tracked(&[Collection::Units], |d| {
            let mut rows: Vec<usize> = (0..d.units.len())
                .filter(|i| {
                    let u = &d.units[*i];
                    u.is_live() && (archived || u.in_current_work()) && filter.accepts(u)
                })
                .collect();
            sorting::sort_by(&mut rows, |a, b| {
                let (a, b) = (&d.units[*a], &d.units[*b]);
                a.archived.cmp(&b.archived).then_with(|| a.name.cmp(&b.name))
            });
            rows
        })
    });
    let shown = move || {
        let limit = limit.get();
        rows.with(|rows| {
            store.tracked(&[Collection::Units], |d| {
                // `get`: a save that failed may have taken a unit out since the list was sorted
                // (the store then says so, and the list is sorted again).
                rows.iter()
                    .take(limit)
                    .filter_map(|i| d.units.get(*i))
                    .map(|u| (u.clone(), parent_name(&d.units, u)))
                    .collect::<Vec<_>>()
            })
        })
    };

    // Every unit the search chose, in the list's order.
    let excel = Callback::new(move |()| {
        rows.with_untracked(|rows| {
            store.tracked(&[Collection::Units], |d| {
                let listed: Vec<&Unit> = rows.iter().filter_map(|i| d.units.get(*i)).collect();
                units_table(&listed, &d.units)
            })
        })
    });
    let saving = crate::ui::widgets::Saving::new();
    let set_archived = move |id: Id, name: String, archive: bool| {
        saving.run(async move {
            let result = store
                .commit(|data, stamp| units::set_archived(&mut data.units, &id, archive, stamp))
                .await;
            notice.set(Some(match result {
                Ok(()) if archive => Notice::Done(format!("Đã lưu trữ đơn vị \"{name}\".")),
                Ok(()) => Notice::Done(format!("Đã khôi phục đơn vị \"{name}\".")),
                Err(error) => Notice::failed(error, |errors| {
                    let why: Vec<_> = errors.iter().map(text::error_message).collect();
                    format!("Không khôi phục được \"{name}\": {}", why.join(" "))
                }),
            }));
        });
    };

    view! {
        <div class="list-tools">
            <TextField label="Tìm đơn vị" value=search placeholder="gõ không dấu cũng được, ví dụ: dan phuong" />
            <label class="check">
                <input type="checkbox" prop:checked=move || show_archived.get() on:change=move |ev| show_archived.set(event_target_checked(&ev)) />
                "Hiện cả đơn vị đã lưu trữ"
            </label>
        </div>
        <NoticeLine notice />
        <p class="count" role="status" aria-live="polite">
            {move || shown_of(rows.with(Vec::len).min(limit.get()), rows.with(Vec::len), all(), "đơn vị")}
        </p>
        <Show
            when=move || !rows.with(Vec::is_empty)
            fallback=move || {
                view! {
                    <p class="empty">
                        {move || if search.with(String::is_empty) {
                            "Chưa có đơn vị nào. Hãy thêm đơn vị bằng biểu mẫu phía trên, hoặc tải dữ liệu mẫu ở trang Dữ liệu."
                        } else {
                            "Không có đơn vị nào khớp với từ khóa."
                        }}
                    </p>
                }
            }
        >
            <ExcelButton content="Danh sách đơn vị".to_string() table=excel />
            <div class="table-wrap" tabindex="0" role="region" aria-label="Danh sách đơn vị">
                <table aria-label="Danh sách đơn vị" class="stack">
                    <thead>
                        <tr>
                            <th scope="col">"Tên đơn vị"</th>
                            <th scope="col">"Viết tắt"</th>
                            <th scope="col">"Loại"</th>
                            <th scope="col">"Cấp trên"</th>
                            <th scope="col">"Thời gian hoạt động"</th>
                            <th scope="col">"Thao tác"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|(u, p)| (u.meta.id.clone(), u.meta.edits.clone(), p.clone()) let:row>
                            {
                                let (u, parent_name) = row;
                                let id = u.meta.id.clone();
                                let id2 = id.clone();
                                let name = u.name.clone();
                                let archived = u.archived;
                                view! {
                                    <tr class:archived=archived>
                                        <th scope="row">{u.name.clone()} {archived.then_some(" (đã lưu trữ)")}</th>
                                        <td data-label="Viết tắt">{u.short_name.clone()}</td>
                                        <td data-label="Loại">{text::kind_name(u.kind)}</td>
                                        <td data-label="Cấp trên">{parent_name}</td>
                                        <td data-label="Thời gian hoạt động">{period(&u)}</td>
                                        <td class="row-actions" data-label="Thao tác">
                                            {(!archived).then(|| {
                                                let label = format!("Sửa {}", u.name);
                                                view! {
                                                    <button type="button" class="secondary" aria-label=label
                                                        on:click=move |_| {
                                                            if unsaved::may_leave() {
                                                                editing.set(Some(id2.clone()));
                                                                focus::element("form[aria-label='Sửa đơn vị'] h3");
                                                            }
                                                        }>"Sửa"</button>
                                                }
                                            })}
                                            <button type="button" class="secondary"
                                                aria-label=format!("{} {}", if archived { "Khôi phục" } else { "Lưu trữ" }, u.name)
                                                on:click=move |_| set_archived(id.clone(), name.clone(), !archived)>
                                                {if archived { "Khôi phục" } else { "Lưu trữ" }}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <Show when=move || { rows.with(Vec::len) > limit.get() }>
            <button type="button" class="secondary" on:click=move |_| show_more(limit)>
                "Hiện thêm đơn vị"
            </button>
        </Show>
    }
}
