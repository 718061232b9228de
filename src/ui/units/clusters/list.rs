//! The clusters, newest year first, with "start next year" and a link to their scoring.

use crate::domain::collections::Collection;
use crate::domain::record::{self, Id};
use crate::domain::scoring::cluster::{self, Cluster};
use crate::domain::sorting;
use crate::ui::route::{href, Page};
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use crate::ui::widgets::{focus, unsaved};
use leptos::prelude::*;

#[component]
pub fn ClusterList(editing: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let notice = RwSignal::new(None::<Notice>);
    let rows = Memo::new(move |_| {
        store.tracked(&[Collection::Clusters], |d| {
            let mut list: Vec<Cluster> = record::live(&d.clusters).cloned().collect();
            sorting::sort_by(&mut list, |a, b| {
                b.year.cmp(&a.year).then_with(|| a.name.cmp(&b.name))
            });
            list
        })
    });

    let saving = crate::ui::widgets::Saving::new();
    let next_year = move |c: Cluster| {
        if saving.busy() || !unsaved::may_leave() {
            return;
        }
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    let id = cluster::add_next_year(
                        &mut data.clusters,
                        &c,
                        crate::store::browser::new_id(),
                        stamp,
                    )?;
                    let head = crate::domain::record::find(&data.clusters, &id)
                        .and_then(|n| n.head_id.as_ref())
                        .map(|h| data.unit_name(h));
                    Ok::<_, cluster::YearExists>((id, head))
                })
                .await;
            match result {
                Ok((id, head)) => {
                    notice.set(Some(Notice::Done(format!(
                        "Đã tạo {} năm {} với các đơn vị thành viên cũ. Cụm trưởng đề xuất: {}. Có thể sửa ngay bên trên.",
                        c.name,
                        c.year + 1,
                        head.unwrap_or_else(|| "chưa có".into())
                    ))));
                    editing.set(Some(id));
                    focus::element("form[aria-label='Sửa cụm thi đua'] h3");
                }
                Err(error) => notice.set(Some(Notice::failed(error, |_| {
                    format!("{} năm {} đã có; không tạo thêm.", c.name, c.year + 1)
                }))),
            }
        });
    };

    view! {
        <NoticeLine notice />
        <Show
            when=move || !rows.with(Vec::is_empty)
            fallback=|| view! { <p class="empty">"Chưa có cụm thi đua nào."</p> }
        >
            <div class="table-wrap" tabindex="0" role="region" aria-label="Danh sách cụm thi đua">
                <table aria-label="Danh sách cụm thi đua">
                    <thead>
                        <tr>
                            <th scope="col">"Cụm"</th>
                            <th scope="col">"Năm"</th>
                            <th scope="col">"Đơn vị thành viên"</th>
                            <th scope="col">"Cụm trưởng"</th>
                            <th scope="col">"Cụm phó"</th>
                            <th scope="col">"Cụm trưởng năm sau"</th>
                            <th scope="col">"Thao tác"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|c| (c.meta.id.clone(), c.meta.edits.clone()) let:c>
                            {
                                let (members, head, deputy, next) = store.untracked(&[Collection::Units], |d| {
                                    let opt = |id: &Option<Id>| id.as_ref().map(|i| d.unit_label(i)).unwrap_or_default();
                                    (
                                        c.member_ids.iter().map(|m| d.unit_label(m)).collect::<Vec<_>>().join(", "),
                                        opt(&c.head_id),
                                        opt(&c.deputy_id),
                                        opt(&c.next_head_id),
                                    )
                                });
                                let label = format!("{} năm {}", c.name, c.year);
                                let id = c.meta.id.clone();
                                let scoring = href(Page::Scoring, &[&c.meta.id]);
                                let for_next = c.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{c.name.clone()}</th>
                                        <td>{c.year}</td>
                                        <td>{members}</td>
                                        <td>{head}</td>
                                        <td>{deputy}</td>
                                        <td>{next}</td>
                                        <td class="row-actions">
                                            <button type="button" class="secondary" aria-label=format!("Sửa {label}")
                                                on:click=move |_| {
                                                    if unsaved::may_leave() {
                                                        editing.set(Some(id.clone()));
                                                        focus::element("form[aria-label='Sửa cụm thi đua'] h3");
                                                    }
                                                }>"Sửa"</button>
                                            <button type="button" class="secondary" aria-label=format!("Sang năm {} cho {}", c.year + 1, label)
                                                on:click=move |_| next_year(for_next.clone())>{format!("Sang năm {}", c.year + 1)}</button>
                                            <a href=scoring aria-label=format!("Chấm điểm {label}")>"Chấm điểm"</a>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
