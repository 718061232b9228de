//! Tab "Kết quả": totals, tiers (vetoes and the HTXSNV cap applied), ranking with the reason for
//! every tie, proposed awards, a bar chart, and the election of next year's head.

use super::chart::{Bar, BarChart};
use super::{text, use_results, Selected};
use crate::domain::record::Id;
use crate::domain::scoring::awards::{propose_awards, Award};
use crate::domain::scoring::cluster::{self, Cluster, ClusterDraft};
use crate::domain::scoring::ranking::{rank, RankedRow, Tier};
use crate::store::CommitError;
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, SelectField};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Line {
    row: RankedRow,
    unit: String,
    self_total: String,
    why: Vec<String>,
    award: Option<Award>,
}

fn tier_class(t: Tier) -> &'static str {
    match t {
        Tier::Excellent => "t-excellent",
        Tier::Good => "t-good",
        Tier::Done => "t-done",
        Tier::NotDone => "t-notdone",
    }
}

#[component]
pub fn ResultsTab() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let results = use_results(cluster);
    let table = Memo::new(move |_| {
        let c = cluster.get()?;
        results.with(|r| {
            let (t, res) = r.as_ref()?;
            let rows = rank(&res.cards, t, &c.vote_order);
            let awards = propose_awards(&rows, &t.settings);
            let lines = store.with(|d| {
                rows.iter()
                    .enumerate()
                    .map(|(i, row)| {
                        let card = res.cards.iter().find(|x| x.card_id == row.card_id);
                        let mut why = Vec::new();
                        for v in &row.vetoes {
                            let name = t
                                .criterion(v)
                                .map(|c| c.name.clone())
                                .unwrap_or_else(|| v.clone());
                            why.push(format!("Vi phạm tiêu chí loại trừ: {name} → KHTNV."));
                        }
                        if let Some(d) = &row.demoted {
                            why.push(text::demotion(d));
                        }
                        if let (Some(tb), Some(next)) = (&row.before_next, rows.get(i + 1)) {
                            let tied = !matches!(tb, crate::domain::scoring::ranking::TieBreak::Total { .. });
                            if tied {
                                why.push(text::tie_break(tb, &d.unit_label(&next.unit_id)));
                            }
                        }
                        Line {
                            row: row.clone(),
                            unit: d.unit_name(&row.unit_id),
                            self_total: card.map(|c| c.self_tally.total.to_string()).unwrap_or_default(),
                            why,
                            award: awards.iter().find(|a| a.unit_id == row.unit_id).map(|a| a.award),
                        }
                    })
                    .collect::<Vec<_>>()
            });
            let missing = store.with(|d| {
                res.without_card
                    .iter()
                    .map(|u| d.unit_name(u))
                    .collect::<Vec<_>>()
            });
            let thresholds = t.settings.thresholds;
            Some((lines, missing, thresholds))
        })
    });

    view! {
        {move || match table.get() {
            None => view! {
                <p class="empty">"Chưa có bảng điểm cho cụm năm này, nên chưa xếp hạng được. Hãy tạo ở phần "
                    <a href=move || super::link(&cluster.get().map(|c| c.meta.id).unwrap_or_default(), super::Tab::Template, None)>"Bảng điểm"</a>"."</p>
            }.into_any(),
            Some((lines, missing, th)) => {
                let bars = lines.iter().map(|l| Bar {
                    label: store.with_untracked(|d| d.unit_label(&l.row.unit_id)),
                    value: l.row.total,
                    class: tier_class(l.row.tier),
                }).collect::<Vec<_>>();
                let count = lines.len();
                view! {
                    <section class="results">
                        <h2>{move || cluster.get().map(|c| format!("Kết quả {} năm {}", c.name, c.year))}</h2>
                        <div class="results-grid">
                            <div class="table-wrap">
                                <table aria-label="Kết quả xếp hạng">
                                    <thead><tr>
                                        <th scope="col" class="num">"Hạng"</th>
                                        <th scope="col">"Đơn vị"</th>
                                        <th scope="col" class="num">"Tự chấm"</th>
                                        <th scope="col" class="num">"Cụm chấm"</th>
                                        <th scope="col">"Xếp loại"</th>
                                        <th scope="col">"Đề nghị khen thưởng"</th>
                                        <th scope="col">"Giải thích"</th>
                                    </tr></thead>
                                    <tbody>
                                        {lines.into_iter().map(|l| view! {
                                            <tr>
                                                <td class="num">{l.row.rank}</td>
                                                <th scope="row">{l.unit}</th>
                                                <td class="num">{l.self_total}</td>
                                                <td class="num"><strong>{l.row.total.to_string()}</strong></td>
                                                <td><abbr title=text::tier(l.row.tier) class=format!("badge {}", tier_class(l.row.tier))>{l.row.tier.abbreviation()}</abbr></td>
                                                <td>{match l.award { Some(Award::Flag) => "Cờ thi đua", Some(Award::Certificate) => "Bằng khen", None => "" }}</td>
                                                <td class="why">{l.why.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <BarChart bars thresholds=vec![(th.excellent, "HTXSNV"), (th.good, "HTTNV"), (th.done, "HTNV")]
                                title="Tổng điểm cụm chấm" />
                        </div>
                        <p role="status">{format!("{count} đơn vị đã xếp hạng.")}</p>
                        {(!missing.is_empty()).then(|| view! {
                            <p class="empty">{format!("Chưa có phiếu chấm: {}.", missing.join(", "))}</p>
                        })}
                    </section>
                }.into_any()
            }
        }}
        // Outside the reactive table so their confirmations survive the table's refresh.
        <Show when=move || table.with(Option::is_some)>
            <VoteOrder />
            <NextHead />
        </Show>
    }
}

/// Saves one change to the cluster-year made at the conference; the notice to show.
fn save_cluster(c: &Cluster, change: impl FnOnce(&mut ClusterDraft), done: String) -> Option<Notice> {
    let store = use_store();
    let mut draft = ClusterDraft::from_cluster(c);
    change(&mut draft);
    let result = store
        .commit(|data, stamp| cluster::update(&mut data.clusters, &c.meta.id, draft, &data.units, stamp));
    match result {
        Ok(()) => Some(Notice::Done(done)),
        Err(CommitError::Invalid(errors)) => Some(Notice::Failed(store.with_untracked(|d| {
            errors
                .iter()
                .map(|e| crate::ui::units::text::cluster_error(e, |id| d.unit_name(id)))
                .collect::<Vec<_>>()
                .join(" ")
        }))),
        Err(other) => Notice::from_commit(&other),
    }
}

/// The conference elects next year's head (Cụm trưởng năm sau); recorded on this cluster-year and
/// proposed when the next year is started.
#[component]
fn NextHead() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let chosen = RwSignal::new(
        cluster
            .get_untracked()
            .and_then(|c| c.next_head_id)
            .unwrap_or_default(),
    );
    let notice = RwSignal::new(None::<Notice>);
    let options = Signal::derive(move || {
        let mut list = vec![(String::new(), "— Chưa bầu —".to_string())];
        if let Some(c) = cluster.get() {
            store.with(|d| list.extend(c.member_ids.iter().map(|id: &Id| (id.clone(), d.unit_name(id)))));
        }
        list
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = cluster.get_untracked() else { return };
        let pick = Some(chosen.get_untracked()).filter(|s| !s.is_empty());
        let done = match &pick {
            Some(id) => format!(
                "Đã ghi nhận {} là Cụm trưởng năm {}.",
                store.with_untracked(|d| d.unit_name(id)),
                c.year + 1
            ),
            None => "Đã xóa kết quả bầu Cụm trưởng năm sau.".into(),
        };
        notice.set(save_cluster(&c, |draft| draft.next_head_id = pick, done));
    };
    view! {
        <form class="card" on:submit=save aria-label="Bầu Cụm trưởng năm sau">
            <h3>{move || format!("Hội nghị bầu Cụm trưởng năm {}", cluster.get().map(|c| c.year + 1).unwrap_or_default())}</h3>
            <SelectField label="Cụm trưởng năm sau" value=chosen options />
            <div class="actions"><button type="submit">"Ghi nhận kết quả bầu"</button></div>
            <NoticeLine notice />
        </form>
    }
}

/// Kết quả bỏ phiếu: the last step of the tie rule. The officer types each unit's place in the
/// vote; units left blank come after those placed.
#[component]
fn VoteOrder() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let notice = RwSignal::new(None::<Notice>);
    let places = Memo::new(move |_| {
        let Some(c) = cluster.get() else { return Vec::new() };
        store.with(|d| {
            c.member_ids
                .iter()
                .map(|id| {
                    let place = c
                        .vote_order
                        .iter()
                        .position(|v| v == id)
                        .map(|p| (p + 1).to_string())
                        .unwrap_or_default();
                    (id.clone(), d.unit_name(id), RwSignal::new(place))
                })
                .collect::<Vec<_>>()
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = cluster.get_untracked() else { return };
        let mut placed = Vec::new();
        for (id, name, value) in places.get_untracked() {
            match crate::domain::format::parse_count(&value.get_untracked()) {
                Ok(Some(n)) if n >= 1 => placed.push((n, id)),
                Ok(None) => {}
                _ => {
                    notice.set(Some(Notice::Failed(format!(
                        "Thứ tự bỏ phiếu của {name}: hãy nhập số từ 1 trở lên hoặc để trống."
                    ))));
                    return;
                }
            }
        }
        placed.sort_by_key(|(n, _)| *n);
        if placed.windows(2).any(|w| w[0].0 == w[1].0) {
            notice.set(Some(Notice::Failed(
                "Hai đơn vị không thể cùng một thứ tự bỏ phiếu.".into(),
            )));
            return;
        }
        let order = placed.into_iter().map(|(_, id)| id).collect();
        notice.set(save_cluster(
            &c,
            |draft| draft.vote_order = order,
            "Đã ghi kết quả bỏ phiếu; bảng xếp hạng đã cập nhật.".into(),
        ));
    };
    view! {
        <form class="card" on:submit=save aria-label="Kết quả bỏ phiếu">
            <h3>"Kết quả bỏ phiếu (xét khi bằng điểm)"</h3>
            <p class="hint">"Chỉ dùng khi các đơn vị bằng nhau về tổng điểm, điểm khối II, khối I và điểm trừ."</p>
            <div class="grid">
                {move || places.get().into_iter().map(|(_, name, value)| view! {
                    <crate::ui::widgets::TextField label=format!("Thứ tự bỏ phiếu – {name}") value />
                }).collect_view()}
            </div>
            <div class="actions"><button type="submit">"Ghi kết quả bỏ phiếu"</button></div>
            <NoticeLine notice />
        </form>
    }
}
