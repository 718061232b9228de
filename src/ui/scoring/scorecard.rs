//! Tab "Phiếu chấm": one unit's scorecard — maximum, automatic points, self score, the cluster's
//! reviewed score and notes per criterion — and its way through Nháp → Đã nộp → Cụm đã chấm → Chốt.

use super::{text, use_results, Selected, Tab, UnitPicker};
use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::format;
use crate::domain::letter_case;
use crate::domain::record;
use crate::domain::record::Stamp;
use crate::domain::reports::ReportRequest;
use crate::domain::scoring::compute::{CardResult, Tally};
use crate::domain::scoring::points::Points;
use crate::domain::scoring::scorecard::{
    self as sc, CardStatus, Mark, Scorecard, ScorecardError, Side, Transition,
};
use crate::domain::scoring::seal::{self, SealError};
use crate::domain::scoring::template::{Criterion, ScoringTemplate};
use crate::store::CommitError;
use crate::ui::use_store;
use crate::ui::widgets::field::{next_id, Typed};
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::PrintLink;
use crate::ui::widgets::{ConfirmAction, Notice, SaveButton, Saving, TextField};
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct CardCtx {
    store: crate::store::Store,
    card: Memo<Option<Scorecard>>,
    template: Memo<Option<ScoringTemplate>>,
    notice: RwSignal<Option<Notice>>,
    /// Messages next to criteria, by criterion id.
    errors: FieldErrors<String>,
    /// The card's pressed steps (create, submit, review, finalise, reopen): one at a time.
    /// Marks and notes are saved as they change and never dropped, so they do not use it.
    saving: Saving,
}

impl CardCtx {
    /// Applies one change to the card; a refusal is shown next to its criterion, or as a notice.
    fn change(
        self,
        done: Option<String>,
        f: impl FnOnce(&mut Scorecard, &ScoringTemplate, &Stamp) -> Result<(), ScorecardError> + 'static,
    ) {
        leptos::task::spawn_local(async move {
            if let Err(Some(e)) = self.try_change(done, f).await {
                self.notice.set(Some(Notice::Failed(self.message(&e))));
            }
        });
    }

    /// The message for a refusal, naming the criterion by code and name.
    fn message(&self, e: &ScorecardError) -> String {
        let t = self.template.get_untracked();
        text::scorecard_error(e, |cid: &str| {
            t.as_ref()
                .and_then(|t| t.criterion(cid))
                .map(|c| format!("{} {}", c.code, c.name))
                .unwrap_or_else(|| cid.to_string())
        })
    }

    /// A step that reads more than the card (finalising keeps the table and figures with it,
    /// reopening records the totals before and after): made on the data by the seal module.
    async fn try_seal_step(
        self,
        done: String,
        f: impl FnOnce(&mut AppData, &str, &Stamp) -> Result<(), SealError>,
    ) -> Result<(), Option<ScorecardError>> {
        let Some(id) = self
            .card
            .with_untracked(|c| c.as_ref().map(|c| c.meta.id.clone()))
        else {
            return Err(None);
        };
        match self.store.commit(|data, stamp| f(data, &id, stamp)).await {
            Ok(()) => {
                self.notice.set(Some(Notice::Done(done)));
                Ok(())
            }
            Err(CommitError::Invalid(SealError::Card(e))) => Err(Some(e)),
            Err(CommitError::Invalid(SealError::NotFound)) => {
                self.notice.set(Some(Notice::Failed(
                    "Phiếu này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
                )));
                Err(None)
            }
            Err(CommitError::Invalid(SealError::NoTable)) => {
                self.notice.set(Some(Notice::Failed(
                    "Cụm năm này chưa có bảng điểm nên chưa chốt được phiếu.".into(),
                )));
                Err(None)
            }
            Err(other) => {
                self.notice.set(Notice::from_commit(&other));
                Err(None)
            }
        }
    }

    /// Like [`CardCtx::change`], but a refusal that belongs to no criterion is returned for the
    /// caller to show on its own field (`Err(None)`: already shown).
    async fn try_change(
        self,
        done: Option<String>,
        f: impl FnOnce(&mut Scorecard, &ScoringTemplate, &Stamp) -> Result<(), ScorecardError>,
    ) -> Result<(), Option<ScorecardError>> {
        let store = self.store;
        let (Some(card), Some(t)) = (self.card.get_untracked(), self.template.get_untracked()) else {
            return Err(None);
        };
        let id = card.meta.id.clone();
        let result = store
            .commit(|data, stamp| {
                let card = record::find_mut(&mut data.scorecards, &id).ok_or(ScorecardError::NotAllowed {
                    status: card.status,
                    action: sc::Action::EditNote,
                })?;
                f(card, &t, stamp)
            })
            .await;
        match result {
            Ok(()) => {
                if let Some(message) = done {
                    self.notice.set(Some(Notice::Done(message)));
                }
                Ok(())
            }
            Err(CommitError::Invalid(e)) => match e.criterion() {
                Some(cid) => {
                    self.errors.add(cid.to_string(), self.message(&e));
                    Err(None)
                }
                None => Err(Some(e)),
            },
            Err(other) => {
                self.notice.set(Notice::from_commit(&other));
                Err(None)
            }
        }
    }
}

#[component]
pub fn ScorecardTab() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, unit } = expect_context::<Selected>();
    let results = use_results(cluster);
    let card = Memo::new(move |_| {
        let (c, u) = (cluster.get()?, unit.get()?);
        store.tracked(&[Collection::Scorecards], |d| {
            sc::find_for(&d.scorecards, &c.meta.id, c.year, &u).cloned()
        })
    });
    // A final card shows the table it was finalised on; any other card the live one.
    let template = Memo::new(move |_| {
        results.with(|r| {
            let (live, _) = r.as_ref()?;
            Some(card.with(|c| c.as_ref().map_or(live, |c| c.table_or(live)).clone()))
        })
    });
    let result = Memo::new(move |_| {
        let id = card.with(|c| c.as_ref().map(|c| c.meta.id.clone()))?;
        results.with(|r| r.as_ref()?.1.cards.iter().find(|c| c.card_id == id).cloned())
    });
    let ctx = CardCtx {
        store,
        card,
        template,
        notice: RwSignal::new(None),
        errors: FieldErrors::new(),
        saving: Saving::new(),
    };
    provide_context(ctx);

    let create = move |()| {
        let (Some(c), Some(u)) = (cluster.get_untracked(), unit.get_untracked()) else {
            return;
        };
        ctx.saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    sc::create(
                        &mut data.scorecards,
                        crate::store::browser::new_id(),
                        &c.meta.id,
                        c.year,
                        &u,
                        stamp,
                    )
                })
                .await;
            match result {
                Ok(()) => {}
                // Another tab made it meanwhile: it shows now, nothing to say.
                Err(CommitError::Invalid(sc::CardExists)) => {}
                Err(e) => ctx.notice.set(Notice::from_commit(&e)),
            }
        });
    };

    // Keyed on what the tab shows, not on the card itself: a change to one mark must not
    // rebuild the card and lose the focus of the field being typed in.
    let shape = Memo::new(move |_| (template.with(Option::is_some), card.with(Option::is_some)));
    view! {
        <UnitPicker tab=Tab::Scorecards />
        <p class="guide">
            "Ô “Cụm chấm” để trống nghĩa là cụm đồng ý với điểm tự chấm: điểm tự chấm được tính và hiện nghiêng trong ô."
        </p>
        <NoticeLine notice=ctx.notice />
        {move || match shape.get() {
            (false, _) => view! {
                <p class="empty">"Cụm chưa có bảng điểm năm này: hãy tạo ở phần "
                    <a href=move || super::link(&cluster.get().map(|c| c.meta.id).unwrap_or_default(), Tab::Template, None)>"Bảng điểm"</a> "."</p>
            }.into_any(),
            (true, false) => view! {
                <section class="card">
                    <p>{move || format!("{} chưa có phiếu chấm năm này.", store.tracked(&[Collection::Units], |d| unit.get().map(|u| d.unit_name(&u)).unwrap_or_default()))}</p>
                    <SaveButton saving=ctx.saving on_press=create label="Tạo phiếu chấm" />
                </section>
            }.into_any(),
            (true, true) => view! { <CardView result /> }.into_any(),
        }}
    }
}

#[component]
fn CardView(result: Memo<Option<CardResult>>) -> impl IntoView {
    let ctx = expect_context::<CardCtx>();
    let status = Memo::new(move |_| {
        ctx.card
            .with(|c| c.as_ref().map(|c| c.status).unwrap_or_default())
    });
    let criteria = Memo::new(move |_| {
        ctx.template
            .with(|t| t.as_ref().map(|t| t.criteria.clone()).unwrap_or_default())
    });
    let report = Signal::derive(move || {
        ctx.card.with(|c| {
            c.as_ref().map(|c| ReportRequest::Scorecard {
                cluster_id: c.cluster_id.clone(),
                unit_id: c.unit_id.clone(),
            })
        })
    });
    let actor = RwSignal::new(String::new());
    let actor_error = RwSignal::new(None::<String>);
    let take = move |label: &'static str, f: Step| {
        actor_error.set(None);
        let by = actor.get_untracked();
        let name = by.clone();
        ctx.saving.run(async move {
            let done = format!("Đã {}.", letter_case::lower(label));
            let result = match f {
                Step::Card(f) => {
                    ctx.try_change(Some(done), move |card, _, stamp| f(card, &by, stamp))
                        .await
                }
                Step::Data(f) => {
                    ctx.try_seal_step(done, move |data, id, stamp| f(data, id, &by, stamp))
                        .await
                }
            };
            match result {
                // The name stays for the next step; taken back by the form, it is not unsaved input.
                Ok(()) => actor.set(name),
                Err(Some(ScorecardError::ActorRequired)) => {
                    actor_error.set(Some(ctx.message(&ScorecardError::ActorRequired)));
                    crate::ui::widgets::focus::first_invalid();
                }
                Err(Some(e)) => ctx.notice.set(Some(Notice::Failed(ctx.message(&e)))),
                Err(None) => {}
            }
        });
    };
    let step = move |label: &'static str, f: CardStep| {
        view! { <SaveButton saving=ctx.saving on_press=move |()| take(label, Step::Card(f)) label=label /> }
    };
    view! {
        <section class="card">
            <h2>{move || format!("Phiếu chấm – trạng thái: {}", text::status(status.get()))}</h2>
            <div class="actions">
                <PrintLink request=report label="In bảng chấm điểm" />
                <super::send_card::SendCard card=ctx.card notice=ctx.notice />
            </div>
            <ol class="steps" aria-label="Các bước của phiếu">
                {CardStatus::ALL.into_iter().map(|s| view! {
                    <li aria-current=move || (status.get() == s).then_some("step")>{text::status(s)}</li>
                }).collect_view()}
            </ol>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Phiếu chấm điểm">
                <table aria-label="Phiếu chấm điểm" class="scorecard stack">
                    <thead><tr>
                        <th scope="col">"Mã"</th><th scope="col">"Tiêu chí"</th><th scope="col" class="num">"Tối đa"</th>
                        <th scope="col" class="num">"Tự động"</th><th scope="col">"Tự chấm"</th><th scope="col">"Cụm chấm"</th>
                        <th scope="col">"Nhận xét / minh chứng"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || criteria.get() key=|c| (c.id.clone(), c.max, c.name.clone()) let:c>
                            <CriterionLine criterion=c result status />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || result.get().map(|r| view! { <Totals self_tally=r.self_tally reviewed=r.reviewed /> })}
            <Show when=move || !status.get().is_read_only()>
                <div class="grid">
                    <TextField label="Người thực hiện bước tiếp theo" value=actor error=actor_error
                        hint="Họ tên hoặc chức vụ, được ghi vào lịch sử phiếu." required=true />
                </div>
            </Show>
            <div class="actions">
                // The steps the domain offers at this status, each as its button.
                {move || status.get().next_steps().iter().map(|t| match t {
                    Transition::Submit => step("Nộp phiếu", sc::submit).into_any(),
                    Transition::SendBack => step("Trả lại đơn vị", sc::send_back).into_any(),
                    Transition::MarkReviewed => step("Xác nhận cụm đã chấm", sc::mark_reviewed).into_any(),
                    Transition::Finalise => view! {
                        <ConfirmAction button="Chốt phiếu" label="Xác nhận chốt phiếu"
                            question=Signal::derive(move || format!(
                                "Chốt phiếu với tổng cụm chấm {} điểm? Sau khi chốt, phiếu chỉ xem được; muốn sửa phải mở lại và việc mở lại được ghi lại.",
                                result.with(|r| r.as_ref().map(|r| r.reviewed.total.to_string()).unwrap_or_default())))
                            confirm="Chốt phiếu" cancel="Không chốt"
                            on_confirm=Callback::new(move |_| take("Chốt phiếu", Step::Data(seal::finalise_card))) />
                    }.into_any(),
                    Transition::Reopen => view! { <Reopen /> }.into_any(),
                }).collect_view()}
            </div>
            <CardLog title="Lịch sử phiếu" lines=step_lines />
            <CardLog title="Lịch sử mở lại phiếu" lines=reopening_lines />
        </section>
    }
}

/// One step of the card's way, as the domain takes it: on the card alone, or on the data.
type CardStep = fn(&mut Scorecard, &str, &Stamp) -> Result<(), ScorecardError>;
type DataStep = fn(&mut AppData, &str, &str, &Stamp) -> Result<(), SealError>;

#[derive(Clone, Copy)]
enum Step {
    Card(CardStep),
    Data(DataStep),
}

/// A dated record kept on the card (its steps, its reopenings), one line each, shown once it
/// has any.
#[component]
fn CardLog(title: &'static str, lines: fn(&Scorecard) -> Vec<String>) -> impl IntoView {
    let ctx = expect_context::<CardCtx>();
    move || {
        let list = ctx.card.with(|c| c.as_ref().map(lines).unwrap_or_default());
        (!list.is_empty()).then(|| {
            view! {
                <h3>{title}</h3>
                <ul class="history">{list.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            }
        })
    }
}

fn day(at: chrono::DateTime<chrono::Utc>) -> String {
    format::date(crate::store::browser::local_date(at))
}

/// Who took each step of the card's way, and when.
fn step_lines(card: &Scorecard) -> Vec<String> {
    card.history
        .iter()
        .map(|s| format!("{} – {}: {}", day(s.at), text::status(s.status), s.by))
        .collect()
}

/// Who reopened the final card, when and why, and its total before and after.
fn reopening_lines(card: &Scorecard) -> Vec<String> {
    card.reopenings
        .iter()
        .map(|r| text::reopening(r, &day(r.at)))
        .collect()
}

#[component]
fn Totals(self_tally: Tally, reviewed: Tally) -> impl IntoView {
    let line = |label: &'static str, t: &Tally| {
        let blocks = t
            .blocks
            .iter()
            .map(|(code, p)| format!("khối {code}: {p}"))
            .collect::<Vec<_>>()
            .join(", ");
        let veto = if t.vetoed() {
            " – VI PHẠM TIÊU CHÍ LOẠI TRỪ"
        } else {
            ""
        };
        format!(
            "{label}: {} điểm ({blocks}; thưởng {} / trừ {}){veto}",
            t.total, t.bonus, t.penalty
        )
    };
    view! {
        <p class="totals" role="status">
            <strong>{line("Tổng tự chấm", &self_tally)}</strong><br />
            <strong>{line("Tổng cụm chấm", &reviewed)}</strong>
        </p>
    }
}

#[component]
fn CriterionLine(
    criterion: Criterion,
    result: Memo<Option<CardResult>>,
    status: Memo<CardStatus>,
) -> impl IntoView {
    let ctx = expect_context::<CardCtx>();
    let cid = criterion.id.clone();
    let entry = {
        let cid = cid.clone();
        Memo::new(move |_| {
            ctx.card.with(|c| {
                c.as_ref()
                    .and_then(|c| c.entry(&cid).cloned())
                    .unwrap_or_default()
            })
        })
    };
    let points = {
        let cid = cid.clone();
        Memo::new(move |_| {
            result.with(|r| {
                r.as_ref()
                    .and_then(|r| r.criteria.iter().find(|p| p.criterion_id == cid).cloned())
            })
        })
    };
    let error = {
        let cid = cid.clone();
        ctx.errors.of(cid.clone())
    };
    let err_id = next_id("loi-tc");
    let automatic = criterion.kind.is_automatic();
    let flag = criterion.kind.is_flag();
    let title = format!("{} {}", criterion.code, criterion.name);

    let err_id_inputs = err_id.clone();
    let side_input = move |side: Side| {
        let cid = cid.clone();
        let label = format!(
            "{} – {}",
            if side == Side::SelfScore {
                "Tự chấm"
            } else {
                "Cụm chấm"
            },
            title.clone()
        );
        let editable = move || status.get().may_edit(side);
        let current = move || entry.with(|e| e.mark(side));
        // What counts: a blank reviewed score counts the self score (shown, not stored).
        let counted = move || entry.with(|e| e.counted(side));
        if automatic {
            return view! { <span class="hint">"tự động"</span> }.into_any();
        }
        let err_for_input = err_id_inputs.clone();
        if flag {
            return view! {
                <label class="check">
                    <input type="checkbox" aria-label=label.clone()
                        prop:checked=move || matches!(counted(), Some(Mark::Flag(true)))
                        disabled=move || !editable()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let cid = cid.clone();
                            ctx.change(None, move |card, t, stamp| sc::set_mark(card, t, &cid, side, Some(Mark::Flag(on)), stamp));
                        } />
                    "Có"
                </label>
            }.into_any();
        }
        let shown = move || match current() {
            Some(Mark::Points(p)) => p.to_string(),
            _ => String::new(),
        };
        let agreed = move || match (current(), counted()) {
            (None, Some(Mark::Points(p))) => Some(p.to_string()),
            _ => None,
        };
        view! {
            <input class="score" type="text" inputmode="decimal" aria-label=label.clone()
                prop:value=shown
                placeholder=agreed
                title=move || agreed().map(|p| format!("Để trống: tính bằng điểm tự chấm ({p})"))
                disabled=move || !editable()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| err_for_input.clone())
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    let cid = cid.clone();
                    ctx.errors.remove(&cid);
                    match Points::parse(&typed) {
                        Ok(p) => {
                            ctx.change(None, move |card, t, stamp| sc::set_mark(card, t, &cid, side, p.map(Mark::Points), stamp));
                        }
                        Err(e) => ctx.errors.add(cid.clone(), text::points_error(&label, e)),
                    }
                } />
        }.into_any()
    };
    // A final card is a record, not a form: its marks and notes read as text.
    let is_final = move || status.get().is_read_only();
    let kept_mark = move |side: Side| {
        if automatic {
            return "tự động".to_string();
        }
        entry.with(|e| match (e.mark(side), e.counted(side)) {
            (_, None) => "—".to_string(),
            (None, Some(m)) => format!("{} (theo tự chấm)", mark_text(m)),
            (Some(m), _) => mark_text(m),
        })
    };
    let self_input = {
        let input = side_input.clone();
        move || {
            if is_final() {
                view! { <span class="kept">{kept_mark(Side::SelfScore)}</span> }.into_any()
            } else {
                input(Side::SelfScore)
            }
        }
    };
    let reviewed_input = move || {
        if is_final() {
            view! { <span class="kept">{kept_mark(Side::Reviewed)}</span> }.into_any()
        } else {
            side_input(Side::Reviewed)
        }
    };

    let note_cid = criterion.id.clone();
    let comment = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let (comment_typed, evidence_typed) = (Typed::follow(comment), Typed::follow(evidence));
    // Refilled from the card as it changes (this tab's saves, another tab), but a note the
    // officer is typing stays: saving the comment must not wipe the evidence being typed. A
    // field that already shows the stored text is refilled, which makes it clean again.
    Effect::new(move |_| {
        entry.with(|e| {
            for (field, typed, stored) in [
                (comment, comment_typed, &e.comment),
                (evidence, evidence_typed, &e.evidence),
            ] {
                let shows_stored = field.with_untracked(|v| v.trim() == stored.as_str());
                if shows_stored || !typed.holds_input(field) {
                    field.set(stored.clone());
                }
            }
        })
    });
    let save_note = move |_: leptos::ev::Event| {
        let cid = note_cid.clone();
        let (c, e) = (comment.get_untracked(), evidence.get_untracked());
        let unchanged = entry.with_untracked(|x| x.comment == c.trim() && x.evidence == e.trim());
        if !unchanged {
            ctx.change(None, move |card, _, stamp| {
                sc::set_note(card, &cid, &c, &e, stamp)
            });
        }
    };
    let note_title = format!("{} {}", criterion.code, criterion.name);
    let auto = move || {
        if !automatic {
            return String::new();
        }
        points
            .get()
            .map(|p| match p.gap {
                Some(g) => format!("0 ({})", text::gap(&g)),
                None => p.self_points.to_string(),
            })
            .unwrap_or_default()
    };
    view! {
        <tr class:invalid=move || error.with(Option::is_some)>
            <td data-label="Mã">{criterion.code.clone()}</td>
            <th scope="row">{criterion.name.clone()} <small class="hint">{format!(" ({})", text::kind(&criterion.kind))}</small>
                {move || error.get().map(|e| view! { <p class="field-error" role="alert" id=err_id.clone()>{e}</p> })}
            </th>
            <td class="num" data-label="Tối đa">{criterion.max.to_string()}</td>
            <td class="num" data-label="Tự động">{auto}</td>
            <td data-label="Tự chấm">{self_input}</td>
            <td data-label="Cụm chấm">{reviewed_input}</td>
            <td class="notes" data-label="Nhận xét / minh chứng">
                {move || if is_final() {
                    entry.with(|e| {
                        let mut lines = Vec::new();
                        if !e.comment.is_empty() {
                            lines.push(format!("Nhận xét: {}", e.comment));
                        }
                        if !e.evidence.is_empty() {
                            lines.push(format!("Minh chứng: {}", e.evidence));
                        }
                        if lines.is_empty() {
                            lines.push("—".to_string());
                        }
                        lines.into_iter().map(|l| view! { <span class="kept">{l}</span> }).collect_view()
                    }).into_any()
                } else {
                    let save_note = save_note.clone();
                    view! {
                        <input type="text" aria-label=format!("Nhận xét – {}", note_title) placeholder="Nhận xét"
                            prop:value=move || comment.get() on:input=move |ev| comment_typed.input(comment, event_target_value(&ev))
                            data-typed=move || comment_typed.text_marker(comment)
                            on:change=save_note.clone() />
                        <input type="text" aria-label=format!("Minh chứng – {}", note_title) placeholder="Minh chứng"
                            prop:value=move || evidence.get() on:input=move |ev| evidence_typed.input(evidence, event_target_value(&ev))
                            data-typed=move || evidence_typed.text_marker(evidence)
                            on:change=save_note />
                    }.into_any()
                }}
            </td>
        </tr>
    }
}

/// A mark as the card shows it: points "8,5", a yes/no "Có" / "Không".
fn mark_text(m: Mark) -> String {
    match m {
        Mark::Points(p) => p.to_string(),
        Mark::Flag(true) => "Có".to_string(),
        Mark::Flag(false) => "Không".to_string(),
    }
}

#[component]
fn Reopen() -> impl IntoView {
    let ctx = expect_context::<CardCtx>();
    let by = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let by_err = RwSignal::new(None::<String>);
    let reason_err = RwSignal::new(None::<String>);
    let submit = move |()| {
        by_err.set(None);
        reason_err.set(None);
        let (b, r) = (by.get_untracked(), reason.get_untracked());
        ctx.saving.run(async move {
            let result = ctx
                .try_seal_step(
                    "Đã mở lại phiếu; lần mở lại đã được ghi nhận.".into(),
                    |data, id, stamp| seal::reopen_card(data, id, &b, &r, stamp),
                )
                .await;
            match result {
                Ok(()) => {
                    by.set(String::new());
                    reason.set(String::new());
                }
                Err(Some(e)) => {
                    let field = match e {
                        ScorecardError::ReopenerRequired => by_err,
                        ScorecardError::ReasonRequired => reason_err,
                        _ => {
                            ctx.notice.set(Some(Notice::Failed(ctx.message(&e))));
                            return;
                        }
                    };
                    field.set(Some(ctx.message(&e)));
                    crate::ui::widgets::focus::first_invalid();
                }
                Err(None) => {}
            }
        });
    };
    view! {
        <div class="reopen">
            <p>"Phiếu đã chốt: chỉ xem. Điểm, xếp loại tính theo bảng điểm và chỉ tiêu tại lúc chốt; sửa bảng điểm hay chỉ tiêu sau này không làm đổi phiếu. Muốn sửa phiếu, hãy mở lại (việc mở lại được ghi lại, kèm tổng điểm trước và sau)."</p>
            <TextField label="Người mở lại" value=by error=by_err />
            <TextField label="Lý do mở lại" value=reason error=reason_err />
            <SaveButton saving=ctx.saving on_press=submit label="Mở lại phiếu" />
        </div>
    }
}
