//! Creating and editing a cluster-year: name, year, members, head and deputy.

use crate::domain::collections::Collection;
use crate::domain::fold::Query;
use crate::domain::record::{self, Id};
use crate::domain::scoring::cluster::{self, ClusterDraft, ClusterField};
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::domain::sorting;
use crate::domain::units::{UnitFilter, UnitKind};
use crate::store::CommitError;
use crate::ui::units::text;
use crate::ui::use_store;
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::reopen_choice::{moved_lines, ReopenChoice, ReopenPanel};
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, PickField, SaveButton, Saving, TextField};
use leptos::prelude::*;

/// How many matching units are listed under the member search; "add all" takes every match.
const MEMBER_MATCHES_SHOWN: usize = 50;

#[component]
pub fn ClusterForm(editing: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let this_year = StoredValue::new(chrono::Datelike::year(&crate::store::browser::today()).to_string());
    let name = RwSignal::new(String::new());

    let members = RwSignal::new(Vec::<Id>::new());
    let members_typed = crate::ui::widgets::field::Typed::follow(members);
    let head = RwSignal::new(String::new());
    let deputy = RwSignal::new(String::new());
    let errors = FieldErrors::<ClusterField>::new();
    let year_input = Input::year("Năm", errors, ClusterField::Year);
    year_input.fill(this_year.get_value());
    let year = year_input.text;
    let notice = RwSignal::new(None::<Notice>);
    let error_for = move |field: ClusterField| errors.of(field);
    let reset = move || {
        name.set(String::new());
        year.set(this_year.get_value());
        members.set(Vec::new());
        head.set(String::new());
        deputy.set(String::new());
        errors.clear();
    };

    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        if let Some(c) = store.with_untracked(|d| record::find(&d.clusters, &id).cloned()) {
            name.set(c.name.clone());
            year.set(c.year.to_string());
            members.set(c.member_ids.clone());
            head.set(c.head_id.clone().unwrap_or_default());
            deputy.set(c.deputy_id.clone().unwrap_or_default());
            errors.clear();
        }
    });

    // Finding members among thousands: words of the name, a kind, a parent. These are search
    // settings, not the cluster's data, so they never count as unsaved input.
    let search = RwSignal::new(String::new());
    // The position picked: 0 is "Mọi loại", then the kinds in order.
    let kind = RwSignal::new(0_usize);
    let parent = RwSignal::new(String::new());
    let filter = Memo::new(move |_| UnitFilter {
        query: Query::new(&search.get()),
        kind: kind
            .get()
            .checked_sub(1)
            .and_then(|i| UnitKind::ALL.get(i).copied()),
        parent_id: Some(parent.get()).filter(|p| !p.is_empty()),
    });
    // Units that can join and are not chosen yet: active in the year, not archived, matching.
    let candidates = Memo::new(move |_| {
        let year: Option<i32> = year.get().trim().parse().ok();
        let chosen = members.get();
        let filter = filter.get();
        store.tracked(&[Collection::Units], |d| {
            let mut list: Vec<(Id, String)> = record::live(&d.units)
                .filter(|u| !chosen.contains(&u.meta.id))
                .filter(|u| u.at_work_in(year))
                .filter(|u| filter.accepts(u))
                .map(|u| (u.meta.id.clone(), u.name.clone()))
                .collect();
            sorting::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
    });
    let chosen_names = Memo::new(move |_| {
        let chosen = members.get();
        store.tracked(&[Collection::Units], |d| {
            chosen
                .iter()
                .map(|id| (id.clone(), d.unit_name(id)))
                .collect::<Vec<_>>()
        })
    });
    // Parents to filter by: the units that have units under them.
    let parents = Memo::new(move |_| {
        store.tracked(&[Collection::Units], |d| {
            let with_children: std::collections::HashSet<&Id> = record::live(&d.units)
                .filter_map(|u| u.parent_id.as_ref())
                .collect();
            let mut list: Vec<(Id, String)> = record::live(&d.units)
                .filter(|p| with_children.contains(&p.meta.id))
                .map(|p| (p.meta.id.clone(), p.name.clone()))
                .collect();
            sorting::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
    });
    let member_options = Signal::derive(move || {
        let mut options = vec![(String::new(), "— Chưa chọn —".to_string())];
        let chosen = members.get();
        store.tracked(&[Collection::Units], |d| {
            options.extend(chosen.iter().map(|id| (id.clone(), d.unit_name(id))))
        });
        options
    });

    let choice = ReopenChoice::new();
    let saving = Saving::new();
    // Saving again after the officer chose to reopen the final cards runs the same checks.
    let save_with = move |reopener: Option<Reopener>| {
        errors.clear();
        let year_value = year_input.read();
        let Some(year_value) = year_value.filter(|_| !errors.refuse_if_any(notice)) else {
            return;
        };
        let pick = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.is_empty());
        let editing_id = editing.get_untracked();
        let previous = editing_id
            .as_ref()
            .and_then(|id| store.with_untracked(|d| record::find(&d.clusters, id).cloned()));
        let draft = ClusterDraft {
            name: name.get_untracked(),
            year: year_value,
            member_ids: members.get_untracked(),
            head_id: pick(head),
            deputy_id: pick(deputy),
            next_head_id: previous.as_ref().and_then(|c| c.next_head_id.clone()),
            vote_order: previous.map(|c| c.vote_order).unwrap_or_default(),
        };
        let shown = format!("{} năm {}", draft.name.trim(), year_value);
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    // New members, or another year, move the final cards of the cluster-year.
                    final_guard::guarded(data, reopener.as_ref(), stamp, |d| match &editing_id {
                        Some(id) => cluster::update(&mut d.clusters, id, draft, &d.units, stamp),
                        None => cluster::add(
                            &mut d.clusters,
                            crate::store::browser::new_id(),
                            draft,
                            &d.units,
                            stamp,
                        ),
                    })
                })
                .await;
            match result {
                Ok(((), moved)) => {
                    choice.clear();
                    let verb = if editing_id.is_some() {
                        "Đã lưu"
                    } else {
                        "Đã thêm"
                    };
                    let reopened = if moved.is_empty() {
                        String::new()
                    } else {
                        let lines = store.with_untracked(|d| moved_lines(d, &moved));
                        format!(" {}", crate::domain::scoring::wording::reopened_cards(&lines))
                    };
                    notice.set(Some(Notice::Done(format!("{verb} {shown}.{reopened}"))));
                    editing.set(None);
                    reset();
                }
                Err(CommitError::Invalid(refusal)) => {
                    let Some(list) = choice.refused(refusal) else {
                        notice.set(None);
                        return;
                    };
                    let placed: Vec<_> = store.with_untracked(|d| {
                        list.iter()
                            .map(|e| {
                                let field = e.field().unwrap_or(ClusterField::Name);
                                (Some(field), text::cluster_error(e, |id| d.unit_name(id)))
                            })
                            .collect()
                    });
                    errors.refuse(placed, notice);
                }
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };

    let (submit, reopen_and_save) = choice.save_handlers(save_with);

    let members_err = error_for(ClusterField::Members);
    let legend_id = next_id("tv");
    let (search_id, kind_id, parent_id) = (
        format!("{legend_id}-tim"),
        format!("{legend_id}-loai"),
        format!("{legend_id}-cap-tren"),
    );
    let err_id = format!("{legend_id}-loi");
    let err_id_text = err_id.clone();
    let title = move || {
        if editing.with(Option::is_some) {
            "Sửa cụm thi đua"
        } else {
            "Thêm cụm thi đua"
        }
    };
    view! {
        <form class="card" on:submit=submit aria-label=title novalidate>
            <h3>{title}</h3>
            <div class="grid">
                <TextField label="Tên cụm" value=name error=error_for(ClusterField::Name) required=true placeholder="Cụm thi đua số 4" />
                {year_input.view()}
            </div>
            <fieldset class="members" data-typed=move || members_typed.marker(members) aria-describedby=move || members_err.with(Option::is_some).then(|| err_id.clone())>
                <legend id=legend_id>"Đơn vị thành viên"</legend>
                <div class="grid member-search">
                    <div class="field">
                        <label for=search_id.clone()>"Tìm thành viên để thêm"</label>
                        <input id=search_id type="search" placeholder="gõ không dấu cũng được"
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=kind_id.clone()>"Lọc theo loại"</label>
                        // "Mọi loại" first, then the kinds in order: picked by position.
                        <select id=kind_id on:change=move |ev| {
                            let i = event_target::<web_sys::HtmlSelectElement>(&ev).selected_index();
                            kind.set(usize::try_from(i).unwrap_or(0));
                        }>
                            <option>"Mọi loại"</option>
                            {UnitKind::ALL.into_iter().map(|k| view! { <option>{text::kind_name(k)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=parent_id.clone()>"Lọc theo cấp trên"</label>
                        <select id=parent_id on:change=move |ev| parent.set(event_target_value(&ev))>
                            <option value="">"Mọi cấp trên"</option>
                            {move || parents.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="actions compact">
                    <button type="button" class="secondary" disabled=move || candidates.with(Vec::is_empty) on:click=move |_| {
                        let all: Vec<Id> = candidates.with_untracked(|c| c.iter().map(|(id, _)| id.clone()).collect());
                        members_typed.input_with(members, |m| m.extend(all));
                    }>{move || format!("Thêm tất cả {} đơn vị đang lọc", crate::domain::format::integer(candidates.with(Vec::len) as i64))}</button>
                    <button type="button" class="secondary" disabled=move || members.with(Vec::is_empty) on:click=move |_| members_typed.input(members, Vec::new())>"Bỏ chọn tất cả"</button>
                    <span class="hint" role="status">{move || format!("Đã chọn {} đơn vị.", crate::domain::format::integer(members.with(Vec::len) as i64))}</span>
                </div>
                {move || {
                    // The chosen ones first (ticked: untick to take out), then the first matches.
                    let chosen = chosen_names.get().into_iter().map(|u| (u, true));
                    let found = candidates.with(|c| c.iter().take(MEMBER_MATCHES_SHOWN).cloned().collect::<Vec<_>>());
                    let more = candidates.with(Vec::len).saturating_sub(MEMBER_MATCHES_SHOWN);
                    let rows: Vec<_> = chosen.chain(found.into_iter().map(|u| (u, false))).collect();
                    if rows.is_empty() {
                        return view! { <p class="empty">"Không có đơn vị nào hoạt động trong năm này khớp với bộ lọc."</p> }.into_any();
                    }
                    view! {
                        {rows.into_iter()
                            .map(|((id, unit_name), _)| {
                                let id_check = id.clone();
                                view! {
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || members.with(|m| m.contains(&id_check))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                members_typed.input_with(members, |m| {
                                                    m.retain(|x| x != &id);
                                                    if on {
                                                        m.push(id.clone());
                                                    }
                                                });
                                            }
                                        />
                                        {unit_name}
                                    </label>
                                }
                            })
                            .collect_view()}
                        {(more > 0).then(|| view! {
                            <p class="hint">{format!("Còn {} đơn vị khớp nữa: gõ thêm để thu hẹp, hoặc thêm tất cả.", crate::domain::format::integer(more as i64))}</p>
                        })}
                    }
                    .into_any()
                }}
                {move || members_err.get().map(|e| view! { <p class="field-error" role="alert" id=err_id_text.clone()>{e}</p> })}
            </fieldset>
            <div class="grid">
                <PickField label="Cụm trưởng" value=head options=member_options error=error_for(ClusterField::Head) />
                <PickField label="Cụm phó" value=deputy options=member_options error=error_for(ClusterField::Deputy) />
            </div>
            <div class="actions">
                <SaveButton saving label={move || if editing.with(Option::is_some) { "Lưu cụm" } else { "Thêm cụm" }} />
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" class="secondary" on:click=move |_| { editing.set(None); reset(); }>"Hủy sửa"</button>
                </Show>
            </div>
            <ReopenPanel choice on_reopen=reopen_and_save action="Mở lại các phiếu và lưu cụm" />
            <NoticeLine notice />
        </form>
    }
}
