//! Tab "Kết quả": totals, tiers (vetoes and the HTXSNV cap applied), ranking with the reason for
//! every tie, proposed awards, a bar chart, the closing, and the year end: the review meeting, the
//! vote tally and the papers sent up (`year_end`).

use super::chart::{Bar, BarChart};
use super::{text, use_results, Selected};
use crate::domain::collections::Collection;
use crate::domain::reports::ReportRequest;
use crate::domain::scoring::award_forms::AwardForm;
use crate::domain::scoring::closing::{self, ClosingError, ClosingState};
use crate::domain::scoring::cluster::{self, Cluster, ClusterDraft};
use crate::domain::scoring::ranking::{RankedRow, Tier};
use crate::domain::scoring::result_lines::{award_text, result_lines};
use crate::domain::scoring::scorecard::CardStatus;
use crate::domain::scoring::standing::standing;
use crate::store::CommitError;
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::PrintLink;
use crate::ui::widgets::{Notice, SaveButton, Saving};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Line {
    row: RankedRow,
    status: CardStatus,
    unit: String,
    self_total: String,
    why: Vec<String>,
    award: Option<AwardForm>,
}

fn tier_class(t: Tier) -> &'static str {
    match t {
        Tier::Excellent => "t-excellent",
        Tier::Good => "t-good",
        Tier::Done => "t-done",
        Tier::NotDone => "t-notdone",
    }
}

fn status_class(s: CardStatus) -> &'static str {
    match s {
        CardStatus::Draft => "draft",
        CardStatus::Submitted => "submitted",
        CardStatus::Reviewed => "reviewed",
        CardStatus::Final => "final",
    }
}

#[component]
pub fn ResultsTab() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let results = use_results(cluster);
    let include_unfinished = RwSignal::new(false);
    let report = Signal::derive(move || {
        cluster.with(|c| {
            c.as_ref().map(|c| ReportRequest::ClusterResults {
                cluster_id: c.meta.id.clone(),
            })
        })
    });
    let table = Memo::new(move |_| {
        let c = cluster.get()?;
        let include = include_unfinished.get();
        results.with(|r| {
            let (_, res) = r.as_ref()?;
            let t = &res.template;
            let standing = standing(res, t, &c.vote_order, include);
            let lines = store.tracked(&[Collection::Units], |d| {
                result_lines(&standing, res, t, &c.tally, |u| d.unit_label(u))
                    .into_iter()
                    .map(|l| Line {
                        unit: d.unit_name(&l.row.unit_id),
                        self_total: l.self_total.map(|p| p.to_string()).unwrap_or_default(),
                        row: l.row,
                        status: l.status,
                        why: l.why,
                        award: l.award,
                    })
                    .collect::<Vec<_>>()
            });
            let missing = store.tracked(&[Collection::Units], |d| {
                res.without_card
                    .iter()
                    .map(|u| d.unit_name(u))
                    .collect::<Vec<_>>()
            });
            let apart = store.tracked(&[Collection::Units], |d| {
                standing
                    .apart
                    .iter()
                    .map(|c| {
                        (
                            d.unit_name(&c.unit_id),
                            c.status,
                            c.self_tally.total.to_string(),
                            c.reviewed.total.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            });
            let provisional = standing.provisional();
            // Members not ranked for good: cards kept apart and members without a card.
            let not_final =
                (!standing.complete()).then(|| standing.apart.len() + standing.without_card.len());
            let thresholds = t.settings.thresholds;
            Some((lines, missing, apart, (provisional, not_final), thresholds))
        })
    });

    view! {
        {move || match table.get() {
            None => view! {
                <p class="empty">"Chưa có bảng điểm cho cụm năm này, nên chưa xếp hạng được. Hãy tạo ở phần "
                    <a href=move || super::link(&cluster.get().map(|c| c.meta.id).unwrap_or_default(), super::Tab::Template, None)>"Bảng điểm"</a>"."</p>
            }.into_any(),
            Some((lines, missing, apart, (provisional, not_final), th)) => {
                let tentative = not_final.is_some();
                let bars = lines.iter().map(|l| Bar {
                    label: store.with_untracked(|d| {
                        let name = d.unit_label(&l.row.unit_id);
                        if l.status == CardStatus::Final { name } else { format!("{name} (tạm)") }
                    }),
                    value: l.row.total,
                    class: tier_class(l.row.tier),
                }).collect::<Vec<_>>();
                let count = lines.len();
                view! {
                    <section class="results">
                        <h2>{move || cluster.get().map(|c| format!("Kết quả {} năm {}", c.name, c.year))}</h2>
                        <div class="actions">
                            <PrintLink request=report label="In báo cáo kết quả chấm điểm, xếp loại" />
                        </div>
                        {match (provisional, not_final) {
                            (true, _) => Some(view! {
                                <p class="banner warn" role="note">
                                    "Xếp hạng TẠM TÍNH: có phiếu chưa chốt được xếp cùng (cột “Phiếu”). Kết quả chỉ chính thức khi mọi phiếu đã chốt."
                                </p>
                            }.into_any()),
                            (false, Some(n)) if n > 0 => Some(view! {
                                <p class="banner warn" role="note">
                                    {format!("Kết quả CHƯA CHÍNH THỨC: {n} đơn vị chưa có phiếu chốt nên chưa được xếp hạng (xem bên dưới); đề nghị khen thưởng chỉ là dự kiến.")}
                                </p>
                            }.into_any()),
                            _ => None,
                        }}
                        <div class="results-grid">
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Kết quả xếp hạng">
                                <table class="stack" aria-label="Kết quả xếp hạng">
                                    <thead><tr>
                                        <th scope="col" class="num">"Hạng"</th>
                                        <th scope="col">"Đơn vị"</th>
                                        <th scope="col">"Phiếu"</th>
                                        <th scope="col" class="num">"Tự chấm"</th>
                                        <th scope="col" class="num">"Cụm chấm"</th>
                                        <th scope="col">"Xếp loại"</th>
                                        <th scope="col">"Đề nghị khen thưởng"</th>
                                        <th scope="col">"Giải thích"</th>
                                    </tr></thead>
                                    <tbody>
                                        {lines.into_iter().map(|l| view! {
                                            <tr class:provisional=l.status != CardStatus::Final>
                                                <td class="num" data-label="Hạng">{l.row.rank}</td>
                                                <th scope="row">{l.unit}</th>
                                                <td data-label="Phiếu"><span class=format!("badge status-{}", status_class(l.status))>{text::status(l.status)}</span></td>
                                                <td class="num" data-label="Tự chấm">{l.self_total}</td>
                                                <td class="num" data-label="Cụm chấm"><strong>{l.row.total.to_string()}</strong></td>
                                                <td data-label="Xếp loại"><abbr title=text::tier(l.row.tier) class=format!("badge {}", tier_class(l.row.tier))>{l.row.tier.abbreviation()}</abbr></td>
                                                <td class="award" data-label="Đề nghị khen thưởng">{award_text(l.award.as_ref(), tentative)}</td>
                                                <td class="why notes" data-label="Giải thích">{l.why.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <BarChart bars thresholds=vec![(th.excellent, "HTXSNV"), (th.good, "HTTNV"), (th.done, "HTNV")]
                                title="Tổng điểm cụm chấm" />
                        </div>
                        <p role="status">{format!("{count} đơn vị đã xếp hạng.")}</p>
                        {(!apart.is_empty()).then(|| view! {
                            <h3>"Phiếu chưa chốt (chưa xếp hạng)"</h3>
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Phiếu chưa chốt">
                                <table aria-label="Phiếu chưa chốt">
                                    <thead><tr>
                                        <th scope="col">"Đơn vị"</th><th scope="col">"Phiếu"</th>
                                        <th scope="col" class="num">"Tự chấm"</th><th scope="col" class="num">"Cụm chấm (tạm)"</th>
                                    </tr></thead>
                                    <tbody>
                                        {apart.into_iter().map(|(unit, status, own, reviewed)| view! {
                                            <tr><th scope="row">{unit}</th>
                                                <td><span class=format!("badge status-{}", status_class(status))>{text::status(status)}</span></td>
                                                <td class="num">{own}</td><td class="num">{reviewed}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        })}
                        {(!missing.is_empty()).then(|| view! {
                            <p class="empty">{format!("Chưa có phiếu chấm: {}.", missing.join(", "))}</p>
                        })}
                    </section>
                }.into_any()
            }
        }}
        <Show when=move || table.with(Option::is_some)>
            <div class="field check-line">
                <crate::ui::widgets::CheckField label="Xếp hạng tạm, gồm cả các phiếu chưa chốt" value=include_unfinished />
            </div>
        </Show>
        // Outside the reactive table so their confirmations survive the table's refresh.
        <Show when=move || table.with(Option::is_some)>
            <CloseResults />
            <super::year_end::YearEndPapers />
            <super::year_end::ReviewMeetingForm />
            <super::year_end::TallyForm />
            <VoteOrder />
        </Show>
    }
}

/// Saves one change to the cluster-year made at the conference and shows how it went.
fn save_cluster(
    c: &Cluster,
    change: impl FnOnce(&mut ClusterDraft),
    done: String,
    notice: RwSignal<Option<Notice>>,
    saving: Saving,
) {
    let store = use_store();
    let mut draft = ClusterDraft::from_cluster(c);
    change(&mut draft);
    let id = c.meta.id.clone();
    saving.run(async move {
        let result = store
            .commit(|data, stamp| cluster::update(&mut data.clusters, &id, draft, &data.units, stamp))
            .await;
        notice.set(Some(match result {
            Ok(()) => Notice::Done(done),
            Err(error) => Notice::failed(error, |errors| {
                store.with_untracked(|d| {
                    errors
                        .iter()
                        .map(|e| crate::ui::units::text::cluster_error(e, |id| d.unit_name(id)))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            }),
        }));
    });
}

/// Kết quả bỏ phiếu: the last step of the tie rule. The officer types each unit's place in the
/// vote; units left blank come after those placed.
#[component]
fn VoteOrder() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let notice = RwSignal::new(None::<Notice>);
    // Only the members and the recorded vote make new fields: another save of the cluster (its
    // closing, the next head) or of any other data keeps what is being typed here.
    let vote = Memo::new(move |_| {
        cluster.with(|c| c.as_ref().map(|c| (c.member_ids.clone(), c.vote_order.clone())))
    });
    let places_typed = Memo::new(move |_| {
        let Some((member_ids, vote_order)) = vote.get() else {
            return Vec::new();
        };
        store.with_untracked(|d| {
            member_ids
                .iter()
                .map(|id| {
                    let place = vote_order
                        .iter()
                        .position(|v| v == id)
                        .map(|p| (p + 1).to_string())
                        .unwrap_or_default();
                    (id.clone(), d.unit_name(id), RwSignal::new(place))
                })
                .collect::<Vec<_>>()
        })
    });
    let saving = Saving::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = cluster.get_untracked() else { return };
        let mut places = Vec::new();
        for (id, name, value) in places_typed.get_untracked() {
            let label = format!("Thứ tự bỏ phiếu của {name}");
            match crate::ui::widgets::parse::count(&label, &value.get_untracked()) {
                Ok(place) => places.push((id, place)),
                Err(message) => {
                    notice.set(Some(Notice::Failed(message)));
                    return;
                }
            }
        }
        let order = match cluster::vote_order(places) {
            Ok(order) => order,
            Err(cluster::VoteError::PlaceFromOne { unit_id }) => {
                let name = store.with_untracked(|d| d.unit_name(&unit_id));
                notice.set(Some(Notice::Failed(format!(
                    "Thứ tự bỏ phiếu của {name}: hãy nhập số từ 1 trở lên hoặc để trống."
                ))));
                return;
            }
            Err(cluster::VoteError::SamePlace { place }) => {
                notice.set(Some(Notice::Failed(format!(
                    "Hai đơn vị không thể cùng thứ tự bỏ phiếu {place}."
                ))));
                return;
            }
        };
        save_cluster(
            &c,
            |draft| draft.vote_order = order,
            "Đã ghi kết quả bỏ phiếu; bảng xếp hạng đã cập nhật.".into(),
            notice,
            saving,
        );
    };
    view! {
        <form class="card" on:submit=save aria-label="Kết quả bỏ phiếu">
            <h3>"Kết quả bỏ phiếu (xét khi bằng điểm)"</h3>
            <p class="hint">"Chỉ dùng khi các đơn vị bằng nhau về tổng điểm, điểm khối II, khối I và điểm trừ."</p>
            <div class="grid">
                {move || places_typed.get().into_iter().map(|(_, name, value)| view! {
                    <crate::ui::widgets::TextField label=format!("Thứ tự bỏ phiếu – {name}") value />
                }).collect_view()}
            </div>
            <div class="actions"><SaveButton saving label="Ghi kết quả bỏ phiếu" /></div>
            <NoticeLine notice />
        </form>
    }
}

/// Chốt kết quả cụm: allowed once every member's card is final; shows who closed them and when,
/// and says so when a card was reopened or changed since.
#[component]
fn CloseResults() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let actor = RwSignal::new(String::new());
    let actor_error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Notice>);
    let state = Memo::new(move |_| {
        let c = cluster.get()?;
        Some(store.tracked(&[Collection::Scorecards], |d| closing::state(&c, &d.scorecards)))
    });
    let saving = Saving::new();
    let close = move |_| {
        actor_error.set(None);
        let Some(c) = cluster.get_untracked() else { return };
        let by = actor.get_untracked();
        let id = c.meta.id.clone();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    let cards = &data.scorecards;
                    let c = crate::domain::record::find_mut(&mut data.clusters, &id)
                        .ok_or(ClosingError::NotFound)?;
                    closing::close(c, cards, &by, stamp)
                })
                .await;
            match result {
                Ok(()) => {
                    actor.set(String::new());
                    notice.set(Some(Notice::Done(format!(
                        "Đã chốt kết quả {} năm {}.",
                        c.name, c.year
                    ))));
                }
                Err(CommitError::Invalid(ClosingError::NotFound)) => notice.set(Some(Notice::Failed(
                    "Cụm này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
                ))),
                Err(CommitError::Invalid(ClosingError::ActorRequired)) => {
                    actor_error.set(Some("Hãy ghi người chốt kết quả (họ tên hoặc chức vụ).".into()));
                    crate::ui::widgets::focus::first_invalid();
                }
                Err(CommitError::Invalid(ClosingError::Unfinished(list))) => {
                    let names = store.with_untracked(|d| {
                        list.iter()
                            .map(|u| match u.status {
                                Some(s) => format!("{} ({})", d.unit_name(&u.unit_id), text::status(s)),
                                None => format!("{} (chưa có phiếu)", d.unit_name(&u.unit_id)),
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    });
                    notice.set(Some(Notice::Failed(format!(
                        "Chưa chốt được kết quả: còn phiếu chưa chốt của {names}."
                    ))));
                }
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };
    let by_name = move |office_id: &str| {
        store.with_untracked(|d| match &d.office {
            Some(o) if o.id == office_id && !o.name.is_empty() => format!(" ({})", o.name),
            _ => String::new(),
        })
    };
    view! {
        <section class="card" aria-labelledby="chot-ket-qua">
            <h3 id="chot-ket-qua">"Chốt kết quả cụm"</h3>
            {move || match state.get() {
                Some(ClosingState::Closed(c)) => view! {
                    <p role="status">{format!("Kết quả đã chốt ngày {} bởi {}{}.", crate::domain::format::date(crate::store::browser::local_date(c.at)), c.by, by_name(&c.office_id))}</p>
                }.into_any(),
                Some(ClosingState::Stale { closing: c, changed, regrouped }) => {
                    let names = store.with_untracked(|d| changed.iter().map(|u| d.unit_name(u)).collect::<Vec<_>>().join(", "));
                    let day = crate::domain::format::date(crate::store::browser::local_date(c.at));
                    let mut why = Vec::new();
                    if !changed.is_empty() {
                        why.push(format!("phiếu của {names} đã được mở lại hoặc sửa"));
                    }
                    if regrouped {
                        why.push("thành viên cụm hoặc kết quả bỏ phiếu đã thay đổi".to_string());
                    }
                    view! {
                        <p class="banner warn" role="alert">{format!(
                            "Kết quả đã chốt ngày {day} nhưng sau đó {}: hãy chốt lại khi mọi phiếu đã chốt.",
                            why.join("; "))}</p>
                    }.into_any()
                }
                _ => view! {
                    <p class="hint">"Chỉ chốt được khi phiếu của mọi đơn vị thành viên đã ở trạng thái Chốt."</p>
                }.into_any(),
            }}
            <Show when=move || !matches!(state.get(), Some(ClosingState::Closed(_)))>
                <div class="grid">
                    <crate::ui::widgets::TextField label="Người chốt kết quả" value=actor error=actor_error required=true />
                </div>
                <div class="actions">
                    <crate::ui::widgets::ConfirmAction button="Chốt kết quả cụm" label="Xác nhận chốt kết quả cụm"
                        question=Signal::derive(move || cluster.with(|c| c.as_ref().map(|c| format!(
                            "Chốt kết quả {} năm {}? Bảng xếp hạng này sẽ là kết quả chính thức của cụm.", c.name, c.year)).unwrap_or_default()))
                        confirm="Chốt kết quả" cancel="Không chốt"
                        on_confirm=Callback::new(close) />
                </div>
            </Show>
            <NoticeLine notice />
        </section>
    }
}
