//! The preview of a validated file: where it comes from, per kind of record how many are new,
//! updated, unchanged and in conflict, and, for each kind, the names of the records it adds or
//! updates behind a disclosure. Several files chosen together get a line each (sender, content,
//! counts, or why it cannot be read) above the total. Nothing changes until "Xác nhận nhập".

use super::conflicts::{BetweenFiles, Conflicts};
use super::import::{without_unchanged, Batch, ImportState};
use super::text;
use crate::domain::conflicts::Changes;
use crate::ui::widgets::reopen_choice::ReopenPanel;
use crate::ui::widgets::SaveButton;
use leptos::prelude::*;
use std::sync::Arc;

/// One list of names, with how many more the list leaves out.
fn names(heading: &'static str, names: &[String], total: usize) -> impl IntoView {
    let more = total.saturating_sub(names.len());
    (total > 0).then(|| {
        view! {
            <h4>{format!("{heading} ({})", text::count(total))}</h4>
            <ul>{names.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            {(more > 0).then(|| view! { <p class="hint">{format!("và {} bản ghi khác.", text::count(more))}</p> })}
        }
    })
}

/// Per kind of record, a disclosure naming the records the file adds and updates.
#[component]
fn ChangedRecords(changes: Arc<Vec<Changes>>) -> impl IntoView {
    let changed: Vec<&Changes> = changes
        .iter()
        .filter(|c| c.new_count + c.updated_count > 0)
        .collect();
    if changed.is_empty() {
        return None;
    }
    let kinds = changed
        .into_iter()
        .map(|c| {
            let mut counts = Vec::new();
            if c.new_count > 0 {
                counts.push(format!("{} mới", text::count(c.new_count)));
            }
            if c.updated_count > 0 {
                counts.push(format!("{} cập nhật", text::count(c.updated_count)));
            }
            view! {
                <details>
                    <summary>{format!("{}: {}", text::collection_name(c.collection), counts.join(", "))}</summary>
                    {names("Bản ghi mới", &c.new, c.new_count)}
                    {names("Bản ghi được cập nhật", &c.updated, c.updated_count)}
                </details>
            }
        })
        .collect_view();
    Some(view! {
        <div class="changed-records">
            <p>"Bấm vào từng loại để xem tên các bản ghi sẽ được thêm hoặc cập nhật:"</p>
            {kinds}
        </div>
    })
}

/// One line per file chosen together: its sender, content and counts against this
/// installation's data, or why it cannot be imported.
fn files_table(batch: &Batch) -> impl IntoView {
    let chosen = &batch.chosen;
    let readable = chosen.names.iter().zip(&batch.facts).map(|(name, f)| {
        let (new, updated, unchanged, conflicts) = crate::domain::exchange::batch::totals(&f.summaries);
        let counts = [("Mới", new), ("Cập nhật", updated), ("Không đổi", unchanged), ("Xung đột", conflicts)]
            .into_iter()
            .map(|(label, n)| view! { <td data-label=label class="num">{text::count(n)}</td> })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{name.clone()}</th>
                <td data-label="Cơ quan gửi">{f.sender.clone()}</td>
                <td data-label="Nội dung">{format!("{} (xuất lúc {})", f.scope, text::date_time(f.exported_at))}</td>
                {counts}
            </tr>
        }
    });
    let refused = chosen.refused.iter().map(|(name, reason)| {
        view! {
            <tr class="unreadable">
                <th scope="row">{name.clone()}</th>
                <td colspan="6" data-label="Không nhập được">{without_unchanged(reason).to_string()}</td>
            </tr>
        }
    });
    let refused_count = chosen.refused.len();
    view! {
        <table class="stack files" aria-label="Các tệp được chọn">
            <thead>
                <tr>
                    <th scope="col">"Tệp"</th>
                    <th scope="col">"Cơ quan gửi"</th>
                    <th scope="col">"Nội dung"</th>
                    <th scope="col" class="num">"Mới"</th>
                    <th scope="col" class="num">"Cập nhật"</th>
                    <th scope="col" class="num">"Không đổi"</th>
                    <th scope="col" class="num">"Xung đột"</th>
                </tr>
            </thead>
            <tbody>{readable.collect_view()}{refused.collect_view()}</tbody>
        </table>
        {(refused_count > 0).then(|| view! {
            <p class="banner warn" role="alert">
                {format!("{} tệp không nhập được (lý do ở từng dòng); các tệp còn lại vẫn nhập được.", text::count(refused_count))}
            </p>
        })}
        <p class="hint">
            "Các tệp được ghép theo thứ tự thời điểm xuất, tệp xuất trước ghép trước. Số của từng tệp so với dữ liệu trên máy này; bản ghi có trong nhiều tệp (cụm, bảng điểm, đơn vị) chỉ tính một lần trong tổng cộng."
        </p>
    }
}

#[component]
pub fn Preview() -> impl IntoView {
    let state = expect_context::<ImportState>();
    move || {
        state.pending.get().map(|p| {
            let file = &p.incoming.file;
            let from = if file.office.name.trim().is_empty() {
                "(cơ quan chưa đặt tên)".to_string()
            } else {
                file.office.name.clone()
            };
            let migrated = p.incoming.migrated_from.map(|v| {
                view! {
                    <p>
                        {format!("Tệp theo phiên bản dữ liệu cũ {v}; đã được chuyển sang phiên bản hiện tại để nhập.")}
                    </p>
                }
            });
            let rows = p
                .plan
                .summaries()
                .into_iter()
                .filter(|s| s.new + s.updated + s.unchanged + s.conflicts > 0)
                .map(|s| {
                    view! {
                        <tr>
                            <th scope="row">{text::collection_name(s.collection)}</th>
                            <td class="num">{text::count(s.new)}</td>
                            <td class="num">{text::count(s.updated)}</td>
                            <td class="num">{text::count(s.unchanged)}</td>
                            <td class="num">{text::count(s.conflicts)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let batch = p.batch.clone();
            let single = batch.is_none();
            let files = batch.as_deref().map(files_table);
            let total_label = if single { "Số bản ghi sẽ nhập" } else { "Tổng cộng các tệp" };
            view! {
                <section class="card preview" aria-labelledby="xem-truoc">
                    <h2 id="xem-truoc">{if single { "Xem trước khi nhập".to_string() } else { format!("Xem trước khi nhập {} tệp", text::count(p.file_names.len() + batch.as_ref().map_or(0, |b| b.chosen.refused.len()))) }}</h2>
                    {files}
                    {single.then(|| view! {
                    <dl class="facts">
                        <dt>"Tệp"</dt>
                        <dd>{p.file_names.join(", ")}</dd>
                        {(!p.from_sheet).then(|| view! {
                            <dt>"Cơ quan gửi"</dt>
                            <dd>{from.clone()}</dd>
                        })}
                        <dt>"Nội dung"</dt>
                        <dd>{file.scope.description.clone()}</dd>
                        {(!p.from_sheet).then(|| view! {
                            <dt>"Xuất lúc"</dt>
                            <dd>{text::date_time(file.exported_at)}</dd>
                        })}
                    </dl>
                    })}
                    {migrated}
                    {(!single).then(|| view! { <h3>"Tổng cộng (mỗi bản ghi tính một lần)"</h3> })}
                    <table aria-label=total_label>
                        <thead>
                            <tr>
                                <th scope="col">"Loại bản ghi"</th>
                                <th scope="col" class="num">"Mới"</th>
                                <th scope="col" class="num">"Cập nhật"</th>
                                <th scope="col" class="num">"Không đổi"</th>
                                <th scope="col" class="num">"Xung đột"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <ChangedRecords changes=p.changes.clone() />
                    <BetweenFiles pending=p.clone() />
                    <Conflicts pending=p.clone() />
                    <p>"Chưa có gì thay đổi. Sau khi nhập, bạn vẫn có thể hoàn tác lần nhập này."</p>
                    // A file that would move final cards is taken only with a recorded reopening.
                    <ReopenPanel choice=state.reopen action="Mở lại các phiếu và nhập tệp"
                        on_reopen=Callback::new(move |()| state.confirm(Some(state.reopen.reopener())))
                        keep="Không nhập tệp này" message=crate::domain::scoring::wording::import_moves_final_cards on_keep=Callback::new(move |()| state.cancel()) />
                    <Show when=move || state.reopen.moved.with(Option::is_none)>
                        <div class="actions">
                            <SaveButton saving=state.saving label=text::CONFIRM
                                on_press=Callback::new(move |()| state.confirm(None)) />
                            <button type="button" class="secondary" on:click=move |_| state.cancel()>
                                {text::CANCEL}
                            </button>
                        </div>
                    </Show>
                </section>
            }
        })
    }
}
