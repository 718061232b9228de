//! One dialogue: its minutes, its proposals (with the add form), the proposals still open from
//! earlier dialogues of the same unit (for review), and deletion with confirmation.

use super::proposal_list::{ProposalRow, ProposalTable};
use super::proposal_view::ProposalView;
use super::{go, text, PageNotice};
use crate::domain::collections::Collection;
use crate::domain::dialogues::dialogue::delete_with_proposals;
use crate::domain::dialogues::meeting::person;
use crate::domain::dialogues::{carried_over_to, Dialogue, HostKind};
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::domain::reports::ReportRequest;
use crate::domain::units::Unit;
use crate::ui::route::{href, Page};
use crate::ui::use_store;
use crate::ui::widgets::ConfirmDelete;
use crate::ui::widgets::Notice;
use crate::ui::widgets::PrintLink;
use leptos::prelude::*;

fn chair(name: &str, role: &str) -> String {
    match (name.is_empty(), role.is_empty()) {
        (true, true) => "—".into(),
        (false, true) => name.into(),
        (true, false) => role.into(),
        (false, false) => format!("{name}, {role}"),
    }
}

#[component]
pub fn DialogueDetail(id: Id, proposal: Option<Id>) -> impl IntoView {
    let store = use_store();
    let today = crate::store::browser::today();
    let did = id.clone();
    let dialogue = Memo::new(move |_| {
        store.tracked_record(Collection::Dialogues, &did, |d| {
            record::find(&d.dialogues, &did).cloned()
        })
    });
    let unit_name = Memo::new(move |_| {
        dialogue.with(|x| {
            x.as_ref()
                .and_then(|x| {
                    store.tracked_record(Collection::Units, &x.unit_id, |d| {
                        record::find(&d.units, &x.unit_id).map(|u| u.name.clone())
                    })
                })
                .unwrap_or_default()
        })
    });
    let did = id.clone();
    let own = Memo::new(move |_| {
        store.tracked(
            &[Collection::Units, Collection::Dialogues, Collection::Proposals],
            |d| {
                record::live(&d.proposals)
                    .filter(|p| p.dialogue_id == did)
                    .map(|p| ProposalRow::new(p, &d.dialogues, &d.units, today))
                    .collect::<Vec<_>>()
            },
        )
    });
    let carried = Memo::new(move |_| {
        dialogue.with(|x| {
            x.as_ref().map_or_else(Vec::new, |x| {
                store.tracked(
                    &[Collection::Units, Collection::Dialogues, Collection::Proposals],
                    |d| {
                        carried_over_to(x, &d.dialogues, &d.proposals)
                            .into_iter()
                            .map(|p| ProposalRow::new(p, &d.dialogues, &d.units, today))
                            .collect::<Vec<_>>()
                    },
                )
            })
        })
    });

    let back = view! { <p><a href=Page::Dialogues.href()>"← Danh sách đối thoại và kiến nghị"</a></p> };
    let id_for_view = id.clone();
    let body = move || {
        let Some(x) = dialogue.get() else {
            return view! { <p class="empty" role="alert">{text::NOT_FOUND}</p> }.into_any();
        };
        let heading = format!("Đối thoại ngày {} — {}", format::date(x.date), unit_name.get());
        let id = id_for_view.clone();
        view! {
            <article class="card" aria-labelledby="doi-thoai-tieu-de">
                <h2 id="doi-thoai-tieu-de">{heading}</h2>
                <Minutes dialogue=x.clone() />
                <div class="actions">
                    {(!x.minutes_signed).then(|| view! {
                        <a class="button" href=href(Page::Dialogues, &[&id, "sua"])>"Sửa đối thoại"</a>
                    })}
                    <PrintLink
                        request=Some(ReportRequest::Minutes { dialogue_id: id.clone() })
                        label="In biên bản đối thoại"
                    />
                    {(!x.minutes_signed).then(|| view! {
                        <DeleteDialogue id=id.clone() proposals=Signal::derive(move || own.with(Vec::len)) />
                    })}
                </div>
                {x.minutes_signed.then(|| view! { <super::reopen_minutes::ReopenMinutes id=id.clone() /> })}
            </article>
        }
        .into_any()
    };

    let has_dialogue = move || dialogue.with(Option::is_some);
    let add_for = id.clone();
    view! {
        {back}
        {body}
        <Show when=has_dialogue>
            {proposal.clone().map(|pid| view! { <ProposalView id=pid /> })}
            <section class="card" aria-labelledby="kn-doi-thoai-tieu-de">
                <h2 id="kn-doi-thoai-tieu-de">"Kiến nghị tại cuộc đối thoại này"</h2>
                {move || dialogue.with(|x| x.as_ref().filter(|x| x.minutes_signed).map(|x| {
                    let recorded = x.raised.as_ref().map_or(0, Vec::len);
                    view! {
                        <p class="hint">{format!(
                            "Biên bản đã ký ghi {} nội dung kiến nghị. Trạng thái, kết quả giải quyết và kiến nghị thêm sau khi ký là phần theo dõi, không làm thay đổi biên bản; muốn đưa vào biên bản, hãy mở lại biên bản rồi ký lại.",
                            format::integer(recorded as i64)
                        )}</p>
                    }
                }))}
                <Show
                    when=move || !own.with(Vec::is_empty)
                    fallback=|| view! { <p class="empty">"Chưa có kiến nghị nào."</p> }
                >
                    <ProposalTable rows=own label="Kiến nghị tại cuộc đối thoại này" />
                </Show>
                <super::proposal_form::ProposalForm dialogue_id=add_for.clone() />
            </section>
            <Show when=move || !carried.with(Vec::is_empty)>
                <section class="card" aria-labelledby="kn-chuyen-ky-tieu-de">
                    <h2 id="kn-chuyen-ky-tieu-de">"Kiến nghị từ các cuộc đối thoại trước còn chưa giải quyết"</h2>
                    <p class="hint">"Cần rà soát tại cuộc đối thoại này."</p>
                    <ProposalTable rows=carried label="Kiến nghị chuyển kỳ" show_dialogue=true />
                </section>
            </Show>
        </Show>
    }
}

/// The minutes (biên bản) as a definition list.
#[component]
fn Minutes(dialogue: Dialogue) -> impl IntoView {
    let store = use_store();
    let unit = store.with_untracked(|d| {
        record::find(&d.units, &dialogue.unit_id)
            .map(Unit::label)
            .map(String::from)
    });
    let x = dialogue;
    let people = |list: &[crate::domain::dialogues::Chair]| {
        if list.is_empty() {
            "—".to_string()
        } else {
            list.iter().map(person).collect::<Vec<_>>().join("; ")
        }
    };
    let host = match x.meeting.host.kind {
        HostKind::Federation => text::host_name(HostKind::Federation).to_string(),
        _ => x.meeting.host.name.clone(),
    };
    let reopenings = x.reopenings.clone();
    view! {
        <dl class="facts">
            <dt>"Hình thức"</dt><dd>{text::kind_name(x.kind)}</dd>
            <dt>"Cấp"</dt><dd>{text::level_name(x.level)}</dd>
            <dt>"Đơn vị tổ chức"</dt><dd>{unit.unwrap_or_default()}</dd>
            <dt>"Đứng tên biên bản"</dt><dd>{host}</dd>
            <dt>"Giờ bắt đầu"</dt><dd>{x.meeting.start_time.map_or_else(|| "—".to_string(), |t| t.format("%H:%M").to_string())}</dd>
            <dt>"Địa điểm"</dt><dd>{x.place.clone()}</dd>
            <dt>"Chủ trì phía người lao động"</dt><dd>{chair(&x.worker_chair.name, &x.worker_chair.role)}</dd>
            <dt>"Chủ trì phía NSDLĐ/chính quyền"</dt><dd>{chair(&x.employer_chair.name, &x.employer_chair.role)}</dd>
            <dt>"Thành phần phía NSDLĐ/chính quyền"</dt><dd>{people(&x.meeting.employer_side)}</dd>
            <dt>"Thành phần phía người lao động"</dt><dd>{people(&x.meeting.worker_side)}</dd>
            <dt>"Người ghi biên bản"</dt><dd>{chair(&x.meeting.minute_taker.name, &x.meeting.minute_taker.role)}</dd>
            <dt>"Doanh nghiệp tham gia"</dt>
            <dd>{if x.enterprises.is_empty() { "—".to_string() } else { x.enterprises.join("; ") }}</dd>
            <dt>"Lượt tham dự"</dt><dd>{format::integer(i64::from(x.attendances))}</dd>
            <dt>"Nội dung đã thống nhất"</dt>
            <dd>
                {if x.agreed.is_empty() {
                    view! { "—" }.into_any()
                } else {
                    view! {
                        <ol>
                            {x.agreed
                                .iter()
                                .map(|p| {
                                    let measure = (!p.measure.is_empty()).then(|| format!(" — Biện pháp: {}", p.measure));
                                    view! { <li>{p.content.clone()}{measure}</li> }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </dd>
            <dt>"Nội dung chưa thống nhất"</dt>
            <dd>
                {if x.disagreed.is_empty() {
                    view! { "—" }.into_any()
                } else {
                    view! { <ol>{x.disagreed.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ol> }.into_any()
                }}
            </dd>
            <dt>"Đối thoại tiếp theo"</dt><dd>{x.next_dialogue_on.map_or_else(|| "—".to_string(), format::date)}</dd>
            <dt>"Ghi chú biên bản"</dt><dd>{if x.minutes_notes.is_empty() { "—".to_string() } else { x.minutes_notes.clone() }}</dd>
            <dt>"Biên bản"</dt>
            <dd>{if x.minutes_signed { "Đã có chữ ký của hai bên (đã khóa)" } else { "Chưa có đủ chữ ký hai bên" }}</dd>
            {(!reopenings.is_empty()).then(|| view! {
                <dt>"Các lần mở lại biên bản"</dt>
                <dd>
                    <ul>
                        {reopenings.iter().map(|r| view! {
                            <li>{format!("Ngày {} – {}: {}", format::date(r.at.date_naive()), r.by, r.reason)}</li>
                        }).collect_view()}
                    </ul>
                </dd>
            })}
        </dl>
    }
}

/// "Xóa đối thoại" asks first, saying how many proposals go with it.
#[component]
fn DeleteDialogue(id: Id, proposals: Signal<usize>) -> impl IntoView {
    let store = use_store();
    let page_notice = expect_context::<PageNotice>().0;
    let saving = crate::ui::widgets::Saving::new();
    let confirm = move |_| {
        let id = id.clone();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    delete_with_proposals(&mut data.dialogues, &mut data.proposals, &id, stamp)
                })
                .await;
            page_notice.set(Some(match result {
                Ok(()) => Notice::Done("Đã xóa cuộc đối thoại và các kiến nghị của nó.".into()),
                Err(error) => Notice::failed(error, |refused| text::dialogue_error(&refused)),
            }));
            go(&Page::Dialogues.href());
        });
    };
    view! {
        <ConfirmDelete
            button="Xóa đối thoại"
            label="Xác nhận xóa đối thoại"
            question=Signal::derive(move || format!(
                "Xóa cuộc đối thoại này cùng {} kiến nghị của nó? Việc xóa được ghi lại để đồng bộ với các đơn vị khác.",
                format::integer(proposals.get() as i64),
            ))
            on_confirm=Callback::new(confirm)
        />
    }
}
