//! The preview of a validated file: where it comes from, and per kind of record how many are
//! new, updated, unchanged and in conflict. Nothing changes until "Xác nhận nhập".

use super::conflicts::Conflicts;
use super::import::ImportState;
use super::text;
use crate::ui::widgets::reopen_choice::ReopenPanel;
use leptos::prelude::*;

#[component]
pub fn Preview() -> impl IntoView {
    let state = expect_context::<ImportState>();
    move || {
        state.pending.get().map(|p| {
            let file = &p.incoming.file;
            let from = if file.office.name.trim().is_empty() {
                format!("(cơ quan chưa đặt tên, mã \"{}\")", file.office.id)
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
            view! {
                <section class="card preview" aria-labelledby="xem-truoc">
                    <h2 id="xem-truoc">"Xem trước khi nhập"</h2>
                    <dl class="facts">
                        <dt>"Tệp"</dt>
                        <dd>{p.file_name.clone()}</dd>
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
                    {migrated}
                    <table aria-label="Số bản ghi sẽ nhập">
                        <thead>
                            <tr>
                                <th scope="col">"Loại bản ghi"</th>
                                <th scope="col">"Mới"</th>
                                <th scope="col">"Cập nhật"</th>
                                <th scope="col">"Không đổi"</th>
                                <th scope="col">"Xung đột"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <Conflicts pending=p.clone() />
                    <p>"Chưa có gì thay đổi. Sau khi nhập, bạn vẫn có thể hoàn tác lần nhập này."</p>
                    // A file that would move final cards is taken only with a recorded reopening.
                    <ReopenPanel choice=state.reopen action="Mở lại các phiếu và nhập tệp"
                        on_reopen=Callback::new(move |()| state.confirm(Some(state.reopen.reopener())))
                        keep="Không nhập tệp này" message=crate::domain::scoring::wording::import_moves_final_cards on_keep=Callback::new(move |()| state.cancel()) />
                    <Show when=move || state.reopen.moved.with(Option::is_none)>
                        <div class="actions">
                            <button type="button" on:click=move |_| state.confirm(None)>
                                {text::CONFIRM}
                            </button>
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
