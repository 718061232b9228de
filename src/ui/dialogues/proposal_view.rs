//! One proposal opened from a link: its details, the overdue marker, the status change form
//! with the dated history, editing and deletion.

use super::proposal_form::ProposalForm;
use super::proposal_list::OverdueBadge;
use super::{text, PageNotice};
use crate::domain::collections::Collection;
use crate::domain::dialogues::overdue::days_overdue;
use crate::domain::dialogues::proposal::change_status_by_id;
use crate::domain::dialogues::{ProposalField, ProposalStatus, StatusUpdate};
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::ui::use_store;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::ConfirmDelete;
use crate::ui::widgets::{Choice, Notice, SaveButton, Saving, TextArea, TextField};
use leptos::prelude::*;

fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        s.into()
    }
}

#[component]
pub fn ProposalView(id: Id) -> impl IntoView {
    let store = use_store();
    let today = crate::store::browser::today();
    let pid = id.clone();
    let proposal = Memo::new(move |_| {
        store.tracked_record(Collection::Proposals, &pid, |d| {
            record::find(&d.proposals, &pid).cloned()
        })
    });
    let editing = RwSignal::new(false);
    let id_for_body = id.clone();
    move || {
        let Some(p) = proposal.get() else {
            return view! {
                <p class="notice error" role="alert">"Không tìm thấy kiến nghị này (có thể đã bị xóa)."</p>
            }
            .into_any();
        };
        let overdue = days_overdue(&p, today);
        let directive = match (p.directive.number.as_str(), p.directive.date) {
            ("", None) => "—".to_string(),
            (n, None) => n.to_string(),
            ("", Some(d)) => format!("ngày {}", format::date(d)),
            (n, Some(d)) => format!("{n} ngày {}", format::date(d)),
        };
        let id = id_for_body.clone();
        let history = p.history.clone();
        view! {
            <article class="card proposal-open" class:overdue=overdue.is_some() aria-labelledby="kn-dang-xem">
                <h2 id="kn-dang-xem" data-focus="">"Kiến nghị: " {p.content.clone()}</h2>
                {overdue.map(|days| view! { <p><OverdueBadge days /></p> })}
                <dl class="facts">
                    <dt>"Lĩnh vực"</dt><dd>{text::topic_name(p.topic)}</dd>
                    <dt>"Người/đơn vị kiến nghị"</dt><dd>{or_dash(&p.raised_by)}</dd>
                    <dt>"Cơ quan được giao"</dt><dd>{or_dash(&p.agency)}</dd>
                    <dt>"Văn bản chỉ đạo"</dt><dd>{directive}</dd>
                    <dt>"Hạn giải quyết"</dt><dd>{p.deadline.map_or_else(|| "—".to_string(), format::date)}</dd>
                    <dt>"Trạng thái"</dt><dd class="status-now">{text::status_name(p.status)}</dd>
                    <dt>"Kết quả trả lời, giải quyết"</dt><dd>{or_dash(&p.response)}</dd>
                    <dt>"Ngày giải quyết"</dt><dd>{p.resolved_on.map_or_else(|| "—".to_string(), format::date)}</dd>
                </dl>
                <StatusForm id=id.clone() current=p.status response=p.response.clone() />
                <h3>"Lịch sử trạng thái"</h3>
                {if history.is_empty() {
                    view! { <p class="empty">"Chưa có thay đổi trạng thái nào."</p> }.into_any()
                } else {
                    view! {
                        <table aria-label="Lịch sử trạng thái">
                            <thead>
                                <tr>
                                    <th scope="col">"Ngày"</th>
                                    <th scope="col">"Từ"</th>
                                    <th scope="col">"Sang"</th>
                                    <th scope="col">"Ghi chú"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {history
                                    .iter()
                                    .map(|c| {
                                        view! {
                                            <tr>
                                                <td>{format::date(c.on)}</td>
                                                <td>{text::status_name(c.from)}</td>
                                                <td>{text::status_name(c.to)}</td>
                                                <td>{c.note.clone()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| editing.update(|e| *e = !*e)>
                        "Sửa kiến nghị"
                    </button>
                    <DeleteProposal id=id.clone() dialogue_id=p.dialogue_id.clone() />
                </div>
                <Show when=move || editing.get()>
                    <ProposalForm
                        dialogue_id=p.dialogue_id.clone()
                        editing=id.clone()
                        done=Callback::new(move |()| editing.set(false))
                    />
                </Show>
            </article>
        }
        .into_any()
    }
}

/// Records a status change on a given day: the history keeps every step. Closing it
/// (Đã giải quyết, Đã trả lời) also asks for the result and the resolution date, which the
/// domain requires and keeps on the proposal.
#[component]
fn StatusForm(id: Id, current: ProposalStatus, response: String) -> impl IntoView {
    let store = use_store();
    let status = Choice::optional(
        &ProposalStatus::ALL,
        text::status_name,
        "— Chọn trạng thái —",
        Some(current),
        None,
    );
    let note = RwSignal::new(String::new());
    let result = RwSignal::new(response);
    let errors = FieldErrors::<ProposalField>::new();
    let on = Input::date("Ngày chuyển trạng thái", errors, ProposalField::StatusDate);
    let today = format::date(crate::store::browser::today());
    on.fill(today.clone());
    let resolved_on = Input::optional_date("Ngày giải quyết", errors, ProposalField::ResolvedOn).required();
    resolved_on.fill(today);
    let closing = move || status.get().is_some_and(ProposalStatus::is_closed);
    let notice = RwSignal::new(None::<Notice>);
    let saving = Saving::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let to = errors.check(
            ProposalField::Status,
            status
                .get_untracked()
                .ok_or_else(|| "Hãy chọn trạng thái mới.".to_string()),
        );
        let closes = to.is_some_and(ProposalStatus::is_closed);
        let resolved = if closes { resolved_on.read() } else { Some(None) };
        let (Some(to), Some(day), Some(resolved)) = (to, on.read(), resolved) else {
            errors.refuse_if_any(notice);
            return;
        };
        let update = StatusUpdate {
            to,
            on: day,
            note: note.get_untracked(),
            response: if closes {
                result.get_untracked()
            } else {
                String::new()
            },
            resolved_on: resolved,
        };
        let id = id.clone();
        let page_notice = expect_context::<PageNotice>().0;
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    change_status_by_id(&mut data.proposals, &data.dialogues, &id, update, stamp)
                })
                .await;
            match result {
                Ok(()) => {
                    // The form is redrawn with the new current status; the page line keeps the news.
                    page_notice.set(Some(Notice::Done(format!(
                        "Đã chuyển kiến nghị sang \"{}\" từ ngày {}.",
                        text::status_name(to),
                        format::date(day)
                    ))));
                }
                Err(error) => {
                    // Only these fields are on this form; the others' messages go to the notice.
                    let messages = |refused| {
                        text::proposal_messages(
                            refused,
                            &[
                                ProposalField::Status,
                                ProposalField::StatusDate,
                                ProposalField::Response,
                                ProposalField::ResolvedOn,
                            ],
                        )
                    };
                    errors.commit_failed(error, messages, notice)
                }
            }
        });
    };
    view! {
        <form class="inline-form" on:submit=submit aria-label="Cập nhật trạng thái kiến nghị" novalidate>
            <h3>"Cập nhật trạng thái"</h3>
            <div class="grid">
                {status.view("Trạng thái mới", errors.of(ProposalField::Status))}
                {on.view()}
                <TextField label="Ghi chú trạng thái" value=note placeholder="Số văn bản trả lời…" />
            </div>
            <Show when=closing>
                <div class="grid">
                    <TextArea label="Kết quả trả lời, giải quyết" value=result error=errors.of(ProposalField::Response) required=true />
                    {resolved_on.view()}
                </div>
            </Show>
            <div class="actions">
                <SaveButton saving label="Cập nhật trạng thái" />
            </div>
            <NoticeLine notice />
        </form>
    }
}

/// "Xóa kiến nghị" asks first.
#[component]
fn DeleteProposal(id: Id, dialogue_id: Id) -> impl IntoView {
    let store = use_store();
    let page_notice = expect_context::<PageNotice>().0;
    let saving = Saving::new();
    let confirm = move |_| {
        let id = id.clone();
        let dialogue_id = dialogue_id.clone();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    crate::domain::record::found(record::delete(&mut data.proposals, &id, stamp))
                })
                .await;
            page_notice.set(Some(match result {
                Ok(()) => Notice::Done("Đã xóa kiến nghị.".into()),
                Err(error) => Notice::failed(error, |_| "Kiến nghị này không còn tồn tại.".into()),
            }));
            super::go(&super::dialogue_href(&dialogue_id));
        });
    };
    view! {
        <ConfirmDelete
            button="Xóa kiến nghị"
            label="Xác nhận xóa kiến nghị"
            question="Xóa kiến nghị này? Việc xóa được ghi lại để đồng bộ với các đơn vị khác.".to_string()
            on_confirm=Callback::new(confirm)
        />
    }
}
