//! The cluster's year end on *Kết quả*: the review meeting's details and the vote tally, entered
//! as the meeting held them, and the two papers sent up once the results are closed (their
//! rules and wording in `domain::scoring::{review_meeting, vote_tally}` and
//! `domain::reports::{review_minutes, award_proposal}`).

use super::{use_results, Selected};
use crate::domain::collections::Collection;
use crate::domain::dialogues::meeting::parse_time;
use crate::domain::record::{self, Id};
use crate::domain::reports::{year_end, ReportRequest};
use crate::domain::scoring::awards::put_forward;
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::review_meeting::{self, Attendance, ReviewMeeting};
use crate::domain::scoring::standing::standing;
use crate::domain::scoring::vote_tally::{self, VoteCount};
use crate::domain::{format, parse};
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::PrintLink;
use crate::ui::widgets::{CheckField, Notice, SaveButton, Saving, SelectField, TextField};
use leptos::prelude::*;

/// Applies `change` to the cluster-year and says how it went; `refused` words the domain's errors.
fn save<E: 'static>(
    saving: Saving,
    cluster_id: Id,
    change: impl FnOnce(&mut Cluster) -> Result<(), E> + 'static,
    refused: impl Fn(E) -> String + 'static,
    done: String,
    notice: RwSignal<Option<Notice>>,
) {
    let store = use_store();
    saving.run(async move {
        let result = store
            .commit(
                move |data, stamp| match record::find_mut(&mut data.clusters, &cluster_id) {
                    Some(c) => change(c).map(|()| c.meta.touch(stamp)).map_err(Some),
                    None => Err(None),
                },
            )
            .await;
        notice.set(Some(match result {
            Ok(()) => Notice::Done(done),
            Err(error) => Notice::failed(error, |e| match e {
                Some(e) => refused(e),
                None => "Cụm này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
            }),
        }));
    });
}

/// What a cluster-year's results are made from (`reports::scored_cluster`).
const SCORED: &[Collection] = &[
    Collection::Units,
    Collection::Clusters,
    Collection::Indicators,
    Collection::Templates,
    Collection::Scorecards,
];

/// "In biên bản họp bình xét", "In tờ trình đề nghị khen thưởng" with their Word and Excel files,
/// or why they are not there yet.
#[component]
pub fn YearEndPapers() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let ready = Memo::new(move |_| {
        let id = cluster.with(|c| c.as_ref().map(|c| c.meta.id.clone()))?;
        Some(store.tracked(SCORED, |d| {
            year_end::read(d, &id).map(|_| id).map_err(|e| e.message())
        }))
    });
    let request = move |make: fn(String) -> ReportRequest| {
        Signal::derive(move || ready.get().and_then(Result::ok).map(make))
    };
    let minutes = request(|cluster_id| ReportRequest::ReviewMinutes { cluster_id });
    let proposal = request(|cluster_id| ReportRequest::AwardProposal { cluster_id });
    view! {
        <section class="card" aria-labelledby="ho-so-cuoi-nam">
            <h3 id="ho-so-cuoi-nam">"Hồ sơ gửi cấp trên"</h3>
            {move || ready.get().and_then(Result::err).map(|why| view! { <p class="hint" role="note">{why}</p> })}
            <div class="actions">
                <PrintLink request=minutes label="In biên bản họp bình xét" />
                <PrintLink request=proposal label="In tờ trình đề nghị khen thưởng" />
            </div>
        </section>
    }
}

/// One member's line of the meeting form: present, and who represented it.
#[derive(Clone, PartialEq)]
struct PresentLine {
    unit_id: Id,
    name: String,
    present: RwSignal<bool>,
    representatives: RwSignal<String>,
}

/// Date, time, place, chair, secretary, next head, next deputy; the members; the year.
type MeetingFields = ([RwSignal<String>; 7], Vec<PresentLine>, i32);

/// Biên bản họp bình xét: time, place, chair, secretary, units present, next year's head and deputy.
#[component]
pub fn ReviewMeetingForm() -> impl IntoView {
    let saving = Saving::new();
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let notice = RwSignal::new(None::<Notice>);
    // New fields only when another cluster-year is chosen: a save keeps what is typed.
    let id = Memo::new(move |_| cluster.with(|c| c.as_ref().map(|c| c.meta.id.clone())));
    let fields = Memo::new(move |_| {
        id.track();
        let c = cluster.get_untracked()?;
        let m = c.meeting.clone().unwrap_or_default();
        let lines = store.with_untracked(|d| {
            c.member_ids
                .iter()
                .map(|u| {
                    let attended = m.present.iter().find(|a| a.unit_id == *u);
                    PresentLine {
                        unit_id: u.clone(),
                        name: d.unit_name(u),
                        present: RwSignal::new(attended.is_some()),
                        representatives: RwSignal::new(
                            attended.map(|a| a.representatives.clone()).unwrap_or_default(),
                        ),
                    }
                })
                .collect::<Vec<_>>()
        });
        let text = |s: &str| RwSignal::new(s.to_string());
        Some((
            [
                text(&m.date.map(format::date).unwrap_or_default()),
                text(
                    &m.start_time
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default(),
                ),
                text(&m.place),
                text(&m.chair),
                text(&m.secretary),
                text(c.next_head_id.as_deref().unwrap_or_default()),
                text(m.next_deputy_id.as_deref().unwrap_or_default()),
            ],
            lines,
            c.year,
        ))
    });
    // The fields on screen, as drawn: what the submit reads.
    let shown = StoredValue::new(None::<MeetingFields>);
    let members = Signal::derive(move || {
        let mut list = vec![(String::new(), "— Chưa bầu —".to_string())];
        if let Some(c) = cluster.get() {
            store
                .with_untracked(|d| list.extend(c.member_ids.iter().map(|id| (id.clone(), d.unit_name(id)))));
        }
        list
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(cluster_id), Some(([date, time, place, chair, secretary, head, deputy], lines, _))) =
            (id.get_untracked(), shown.get_value())
        else {
            return;
        };
        let date = match parse::optional_date("Ngày họp", &date.get_untracked()) {
            Ok(d) => d,
            Err(message) => return notice.set(Some(Notice::Failed(message))),
        };
        let Ok(start_time) = parse_time(&time.get_untracked()) else {
            return notice.set(Some(Notice::Failed(
                "Giờ họp: hãy nhập giờ dạng 08:00 hoặc để trống.".into(),
            )));
        };
        let pick = |s: RwSignal<String>| Some(s.get_untracked()).filter(|s| !s.is_empty());
        let meeting = ReviewMeeting {
            date,
            start_time,
            place: place.get_untracked(),
            chair: chair.get_untracked(),
            secretary: secretary.get_untracked(),
            present: lines
                .iter()
                .filter(|l| l.present.get_untracked())
                .map(|l| Attendance {
                    unit_id: l.unit_id.clone(),
                    representatives: l.representatives.get_untracked(),
                })
                .collect(),
            next_deputy_id: pick(deputy),
        };
        let next_head = pick(head);
        save(
            saving,
            cluster_id,
            move |c| review_meeting::record(c, meeting, next_head),
            move |errors| {
                store.with_untracked(|d| {
                    errors
                        .iter()
                        .map(|e| e.message(|u| d.unit_name(u)))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            },
            "Đã ghi biên bản họp bình xét.".into(),
            notice,
        );
    };
    view! {
        <form class="card" on:submit=submit aria-label="Biên bản họp bình xét" novalidate>
            <h3>"Biên bản họp bình xét"</h3>
            {move || fields.get().map(|drawn| {
                shown.set_value(Some(drawn.clone()));
                let ([date, time, place, chair, secretary, head, deputy], lines, year) = drawn;
                view! {
                <div class="grid">
                    <TextField label="Ngày họp" value=date placeholder="dd/mm/yyyy" />
                    <TextField label="Giờ họp" value=time placeholder="08:00" />
                    <TextField label="Địa điểm họp" value=place />
                    <TextField label="Chủ trì (Cụm trưởng)" value=chair hint="Họ tên – chức vụ" />
                    <TextField label="Thư ký" value=secretary hint="Họ tên – chức vụ" />
                </div>
                <fieldset class="grid">
                    <legend>"Đơn vị dự họp và người đại diện"</legend>
                    {lines.into_iter().map(|l| view! {
                        <CheckField label=format!("Dự họp – {}", l.name) value=l.present />
                        <TextField label=format!("Đại diện – {}", l.name) value=l.representatives />
                    }).collect_view()}
                </fieldset>
                <div class="grid">
                    <SelectField label=format!("Cụm trưởng năm {}", year + 1) value=head options=members />
                    <SelectField label=format!("Cụm phó năm {}", year + 1) value=deputy options=members />
                </div>
            }})}
            <div class="actions"><SaveButton saving label="Ghi biên bản họp" /></div>
            <NoticeLine notice />
        </form>
    }
}

/// One vote's fields: the unit, and what was typed for votes for and cast.
#[derive(Clone, PartialEq)]
struct VoteLine {
    unit_id: Id,
    name: String,
    votes_for: RwSignal<String>,
    votes_cast: RwSignal<String>,
}

/// Kết quả bỏ phiếu suy tôn: for each award form of the table, the units the ranking puts
/// forward (and any already recorded), votes for and votes cast.
#[component]
pub fn TallyForm() -> impl IntoView {
    let saving = Saving::new();
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let results = use_results(cluster);
    let notice = RwSignal::new(None::<Notice>);
    // Who is put forward follows the ranking and the recorded tally; typing stays otherwise.
    let shape = Memo::new(move |_| {
        let c = cluster.get()?;
        results.with(|r| {
            let (_, res) = r.as_ref()?;
            let t = &res.template;
            let ranked = standing(res, t, &c.vote_order, true);
            let rows: Vec<_> = ranked.ranked.into_iter().map(|(r, _)| r).collect();
            let forward = put_forward(&rows, &t.settings, &c.tally);
            let forms = t.settings.forms().into_iter().filter(|f| f.count > 0);
            Some((
                c.meta.id.clone(),
                forms
                    .map(|f| {
                        let mut units: Vec<Id> = forward
                            .iter()
                            .filter(|p| p.form.id == f.id)
                            .map(|p| p.unit_id.clone())
                            .collect();
                        for v in c.tally.iter().filter(|v| v.form_id == f.id) {
                            if !units.contains(&v.unit_id) {
                                units.push(v.unit_id.clone());
                            }
                        }
                        (f, units)
                    })
                    .collect::<Vec<_>>(),
                c.tally.clone(),
            ))
        })
    });
    let fields = Memo::new(move |_| {
        let (cluster_id, forms, tally) = shape.get()?;
        let lines = store.with_untracked(|d| {
            forms
                .into_iter()
                .map(|(f, units)| {
                    let lines = units
                        .into_iter()
                        .map(|u| {
                            let v = vote_tally::find(&tally, &f.id, &u);
                            VoteLine {
                                name: d.unit_name(&u),
                                votes_for: RwSignal::new(
                                    v.map(|v| v.votes_for.to_string()).unwrap_or_default(),
                                ),
                                votes_cast: RwSignal::new(
                                    v.map(|v| v.votes_cast.to_string()).unwrap_or_default(),
                                ),
                                unit_id: u,
                            }
                        })
                        .collect::<Vec<_>>();
                    (f, lines)
                })
                .collect::<Vec<_>>()
        });
        Some((cluster_id, lines))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((cluster_id, forms)) = fields.get_untracked() else {
            return;
        };
        let mut tally = Vec::new();
        let mut problems = Vec::new();
        for (f, lines) in &forms {
            for l in lines {
                let read = |what: &str, s: RwSignal<String>, problems: &mut Vec<String>| {
                    parse::count(&format!("{what} – {} – {}", f.name, l.name), &s.get_untracked())
                        .map_err(|m| problems.push(m))
                        .ok()
                        .flatten()
                };
                let votes_for = read("Phiếu đồng ý", l.votes_for, &mut problems);
                let votes_cast = read("Phiếu bầu", l.votes_cast, &mut problems);
                match (votes_for, votes_cast) {
                    (None, None) => {}
                    (Some(a), Some(b)) => tally.push(VoteCount {
                        form_id: f.id.clone(),
                        unit_id: l.unit_id.clone(),
                        votes_for: a.min(u64::from(u32::MAX)) as u32,
                        votes_cast: b.min(u64::from(u32::MAX)) as u32,
                    }),
                    _ => problems.push(format!(
                        "Kết quả bỏ phiếu {} – {}: hãy nhập cả số phiếu đồng ý và số phiếu bầu, hoặc để trống cả hai.",
                        f.name, l.name
                    )),
                }
            }
        }
        if !problems.is_empty() {
            return notice.set(Some(Notice::Failed(problems.join(" "))));
        }
        let form_list: Vec<_> = forms.iter().map(|(f, _)| f.clone()).collect();
        let all_forms = results.with_untracked(|r| r.as_ref().map(|(_, res)| res.template.settings.forms()));
        let all_forms = all_forms.unwrap_or(form_list);
        let names = all_forms.clone();
        save(
            saving,
            cluster_id,
            move |c| vote_tally::record(c, tally, &all_forms),
            move |errors| {
                store.with_untracked(|d| {
                    errors
                        .iter()
                        .map(|e| {
                            e.message(
                                |u| d.unit_name(u),
                                |f| {
                                    names
                                        .iter()
                                        .find(|n| n.id == f)
                                        .map_or(f.to_string(), |n| n.name.clone())
                                },
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            },
            "Đã ghi phiếu bầu suy tôn; đề nghị khen thưởng đã cập nhật.".into(),
            notice,
        );
    };
    view! {
        <form class="card" on:submit=submit aria-label="Bỏ phiếu suy tôn khen thưởng" novalidate>
            <h3>"Bỏ phiếu suy tôn khen thưởng"</h3>
            <p class="hint">"Với mỗi hình thức khen thưởng: số phiếu đồng ý và số phiếu bầu của từng đơn vị được đề nghị theo kết quả chấm điểm. Đơn vị không đạt tỷ lệ phiếu theo bảng điểm sẽ không được đề nghị."</p>
            {move || fields.get().map(|(_, forms)| forms.into_iter().map(|(f, lines)| view! {
                <fieldset class="grid">
                    <legend>{f.name.clone()}</legend>
                    {if lines.is_empty() {
                        view! { <p class="hint">"Không có đơn vị đủ điều kiện."</p> }.into_any()
                    } else {
                        lines.into_iter().map(|l| view! {
                            <TextField label=format!("Phiếu đồng ý – {}", l.name) value=l.votes_for input_type="text" />
                            <TextField label=format!("Phiếu bầu – {}", l.name) value=l.votes_cast />
                        }).collect_view().into_any()
                    }}
                </fieldset>
            }).collect_view())}
            <div class="actions"><SaveButton saving label="Ghi phiếu bầu suy tôn" /></div>
            <NoticeLine notice />
        </form>
    }
}
