//! Tab "Chỉ tiêu": one form per unit-year with every indicator, its rate against the target,
//! and the cluster's rates side by side.

use super::{text, Selected, Tab, UnitPicker};
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::record::Id;
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::domain::scoring::indicators::{self as ind, IndicatorKey as K, TargetRate, UnitIndicators};
use crate::store::CommitError;
use crate::ui::use_store;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::parse;
use crate::ui::widgets::reopen_choice::{moved_lines, ReopenChoice, ReopenPanel};
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, SaveButton, Saving, TextField};
use leptos::prelude::*;

/// The form's sections, in the order of a unit's yearly report.
const GROUPS: [(&str, &[K]); 5] = [
    (
        "Tổ chức và đoàn viên",
        &[
            K::GrassrootsUnions,
            K::Members,
            K::NewMembers,
            K::NewMembersTarget,
            K::NewGrassroots,
            K::NewGrassrootsTarget,
        ],
    ),
    (
        "Sáng kiến",
        &[
            K::ImprovementsBase,
            K::ImprovementsUpper,
            K::ExperienceBase,
            K::ExperienceDistrict,
            K::ExperienceCity,
        ],
    ),
    (
        "Danh hiệu",
        &[
            K::GoodWorkersBase,
            K::GoodWorkersDistrict,
            K::GoodWorkersCapital,
            K::GoodCreativeWorkers,
            K::GoodDeedsTown,
            K::GoodDeedsCity,
        ],
    ),
    (
        "Giám sát và tuyên truyền",
        &[
            K::SupervisionJoined,
            K::SupervisionChaired,
            K::PropagandaSessions,
            K::PropagandaAttendances,
        ],
    ),
    ("Chăm lo", &[K::HealthChecks, K::Gifts, K::PartyNominations]),
];

fn rate_text(report: Option<&UnitIndicators>, rate: TargetRate) -> String {
    report
        .and_then(|r| rate.of(r))
        .map(|r| format::percent(r.percent()))
        .unwrap_or_else(|| "—".into())
}

#[derive(Clone, Copy)]
struct Field {
    value: RwSignal<String>,
}

/// Where a message of this form is shown: a figure, or an own indicator's name or value (by
/// the row's number).
#[derive(Clone, PartialEq)]
enum Place {
    Figure(K),
    ExtraName(u32),
    ExtraValue(u32),
}

impl Place {
    /// The key of its messages: text keys, as the scorecard's, so the start wasm holds one
    /// `FieldErrors` type for both (size).
    fn key(&self) -> String {
        match self {
            Place::Figure(k) => text::indicator(k),
            Place::ExtraName(n) => format!("#ten-rieng-{n}"),
            Place::ExtraValue(n) => format!("#gia-tri-rieng-{n}"),
        }
    }
}

/// A row of the office's own indicators (chỉ tiêu riêng): the key stays as first made, so
/// renaming keeps the criteria linked to it.
#[derive(Clone, Copy)]
struct ExtraRow {
    /// Numbered as made, for its labels and as the key that keeps its fields (and their
    /// unsaved marks) when other rows are added or removed.
    number: u32,
    key: RwSignal<String>,
    name: RwSignal<String>,
    value: RwSignal<String>,
}

impl ExtraRow {
    fn new(number: u32, key: &str, name: &str, value: Option<u64>) -> Self {
        ExtraRow {
            number,
            key: RwSignal::new(key.to_string()),
            name: RwSignal::new(name.to_string()),
            value: RwSignal::new(value.map(|v| format::integer(v as i64)).unwrap_or_default()),
        }
    }
}

#[component]
pub fn IndicatorsTab() -> impl IntoView {
    let Selected { cluster, unit } = expect_context::<Selected>();
    let year = Memo::new(move |_| cluster.with(|c| c.as_ref().map(|c| c.year).unwrap_or_default()));
    // One form per unit-year, made anew when the unit changes: figures typed for one unit stay
    // with that form and can never be saved under another (leaving with unsaved input asks).
    view! {
        <UnitPicker tab=Tab::Indicators />
        {move || unit.get().map(|unit_id| view! { <IndicatorsForm unit_id year=year.get() /> })}
        <ClusterRates />
    }
}

#[component]
fn IndicatorsForm(unit_id: Id, year: i32) -> impl IntoView {
    let store = use_store();
    let unit_for_report = unit_id.clone();
    let fields: Vec<(K, Field)> = GROUPS
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .map(|k| {
            (
                k.clone(),
                Field {
                    value: RwSignal::new(String::new()),
                },
            )
        })
        .collect();
    let fields = StoredValue::new(fields);
    let notice = RwSignal::new(None::<Notice>);
    let errors = FieldErrors::<String>::new();
    let saving = Saving::new();
    let extras = RwSignal::new(Vec::<ExtraRow>::new());
    let report = Memo::new(move |_| {
        store.tracked(&[Collection::Indicators], |d| {
            ind::find_for(&d.indicators, &unit_for_report, year).cloned()
        })
    });

    // Fill the form from the stored report, and refill it when the report changes (this form's
    // save, another tab, an import) — but only the fields the officer has not changed: a figure
    // being typed stays. A field counts as unchanged when it shows the old stored figure or
    // already the new one (this form's own save).
    let shown = |v: Option<u64>| v.map(|v| format::integer(v as i64)).unwrap_or_default();
    Effect::new(move |previous: Option<Option<UnitIndicators>>| {
        let r = report.get();
        let first = previous.is_none();
        let old = previous.flatten();
        fields.with_value(|fs| {
            for (k, f) in fs {
                let new = r.as_ref().and_then(|r| r.get(k));
                let before = old.as_ref().and_then(|o| o.get(k));
                let typed = f.value.get_untracked();
                let untouched =
                    first || typed == shown(before) || format::parse_count(&typed).is_ok_and(|t| t == new);
                if untouched {
                    f.value.set(shown(new));
                    errors.remove(&Place::Figure(k.clone()).key());
                }
            }
        });
        let rows_of = |r: &Option<UnitIndicators>| -> Vec<(String, String)> {
            r.iter()
                .flat_map(|r| r.extra.iter().map(|e| (e.name.clone(), shown(e.value))))
                .collect()
        };
        let current: Vec<(String, String)> = extras
            .get_untracked()
            .iter()
            .map(|row| (row.name.get_untracked(), row.value.get_untracked()))
            .collect();
        if first || current == rows_of(&old) || current == rows_of(&r) {
            extras.set(
                r.as_ref()
                    .map(|r| {
                        r.extra
                            .iter()
                            .zip(1..)
                            .map(|(e, number)| ExtraRow::new(number, &e.key, &e.name, e.value))
                            .collect()
                    })
                    .unwrap_or_default(),
            );
        }
        r
    });

    let unit_name = store.with_untracked(|d| d.unit_name(&unit_id));
    let heading = format!("Chỉ tiêu năm {year} – {unit_name}");
    let choice = ReopenChoice::new();
    // Saving again after the officer chose to reopen the final cards runs the same checks.
    let save_with = move |reopener: Option<Reopener>| {
        let unit_id = unit_id.clone();
        errors.clear();
        let figures: Vec<_> = fields.with_value(|fs| {
            fs.iter()
                .filter_map(|(k, f)| {
                    let parsed = parse::count(&text::indicator(k), &f.value.get_untracked());
                    Some((k.clone(), errors.check(Place::Figure(k.clone()).key(), parsed)?))
                })
                .collect()
        });
        let extra: Vec<_> = extras
            .get_untracked()
            .into_iter()
            .filter_map(|row| {
                let name = row.name.get_untracked();
                let label = Some(name.trim())
                    .filter(|n| !n.is_empty())
                    .unwrap_or("Chỉ tiêu riêng");
                let parsed = parse::count(label, &row.value.get_untracked());
                let value = errors.check(Place::ExtraValue(row.number).key(), parsed)?;
                Some(ind::ExtraIndicator {
                    key: row.key.get_untracked(),
                    name,
                    value,
                })
            })
            .collect();
        if errors.refuse_if_any(notice) {
            return;
        }
        let draft = ind::IndicatorsDraft { figures, extra };
        let uid = unit_id.clone();
        let unit_name = unit_name.clone();
        saving.run(async move {
            let result = store
                .commit(move |data, stamp| {
                    final_guard::guarded(data, reopener.as_ref(), stamp, |d| {
                        ind::save(
                            &mut d.indicators,
                            crate::store::browser::new_id(),
                            &uid,
                            year,
                            draft,
                            stamp,
                        )
                    })
                })
                .await;
            let name = unit_name.clone();
            match result {
                Ok((warnings, moved)) => {
                    choice.clear();
                    let mut extra: Vec<String> = warnings.iter().map(text::indicator_issue).collect();
                    if !moved.is_empty() {
                        let lines = store.with_untracked(|d| moved_lines(d, &moved));
                        extra.push(text::reopened_cards(&lines));
                    }
                    notice.set(Some(Notice::Done(
                        format!("Đã lưu chỉ tiêu năm {year} của {name}. {}", extra.join(" "))
                            .trim()
                            .to_string(),
                    )));
                }
                Err(CommitError::Invalid(refusal)) => {
                    let Some(issues) = choice.refused(refusal) else {
                        notice.set(None);
                        return;
                    };
                    let rows = extras.get_untracked();
                    let messages = issues.iter().filter(|i| !i.is_warning()).flat_map(|issue| {
                        let message = text::indicator_issue(issue);
                        let places: Vec<Place> = match issue.field() {
                            // An own indicator's issue goes on its row: a missing name on the
                            // name, the rest on the value.
                            K::Custom(key) => {
                                let on_name = matches!(
                                    issue,
                                    ind::IndicatorIssue::ExtraNameRequired { .. }
                                        | ind::IndicatorIssue::ExtraKeyRequired
                                );
                                rows.iter()
                                    .filter(|r| r.key.get_untracked().trim() == key)
                                    .map(|r| {
                                        if on_name {
                                            Place::ExtraName(r.number)
                                        } else {
                                            Place::ExtraValue(r.number)
                                        }
                                    })
                                    .collect()
                            }
                            k => vec![Place::Figure(k)],
                        };
                        places.into_iter().map(move |p| (Some(p.key()), message.clone()))
                    });
                    errors.refuse(messages.collect::<Vec<_>>(), notice);
                }
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };
    let (save, reopen_and_save) = choice.save_handlers(save_with);

    view! {
        <form class="card" on:submit=save aria-label="Chỉ tiêu năm của đơn vị" novalidate>
            <h2>{heading}</h2>
            {GROUPS.iter().map(|(title, keys)| {
                let inputs = keys.iter().map(|k| {
                    let f = fields.with_value(|fs| fs.iter().find(|(x, _)| x == k).map(|(_, f)| *f)).expect("every key has a field");
                    view! { <TextField label=text::indicator(k) value=f.value error=errors.of(Place::Figure(k.clone()).key()) /> }
                }).collect_view();
                view! {
                    <fieldset class="group">
                        <legend>{*title}</legend>
                        <div class="grid">{inputs}</div>
                    </fieldset>
                }
            }).collect_view()}
            <fieldset class="group">
                <legend>"Chỉ tiêu riêng của đơn vị"</legend>
                <For each=move || extras.get() key=|row| row.number let:row>
                    <div class="grid extra-row">
                        <TextField label=format!("Tên chỉ tiêu riêng {}", row.number) value=row.name error=errors.of(Place::ExtraName(row.number).key()) placeholder="Mái ấm Công đoàn" />
                        <TextField label=format!("Giá trị chỉ tiêu riêng {}", row.number) value=row.value error=errors.of(Place::ExtraValue(row.number).key()) />
                        <button type="button" class="secondary" aria-label=format!("Xóa chỉ tiêu riêng {}", row.number)
                            on:click=move |_| extras.update(|list| list.retain(|r| r.number != row.number))>"Xóa"</button>
                    </div>
                </For>
                <button type="button" class="secondary" on:click=move |_| extras.update(|list| {
                    let number = crate::domain::numbering::next_number(list.iter().map(|r| r.number));
                    list.push(ExtraRow::new(number, "", "", None));
                })>
                    "Thêm chỉ tiêu riêng"
                </button>
            </fieldset>
            <p class="rates" role="status">
                {move || TargetRate::ALL.iter().map(|&rate| {
                    format!("{}: {}", text::target_rate(rate), rate_text(report.get().as_ref(), rate))
                }).collect::<Vec<_>>().join(" · ")}
            </p>
            <div class="actions"><SaveButton saving label="Lưu chỉ tiêu" /></div>
            <ReopenPanel choice on_reopen=reopen_and_save action="Mở lại các phiếu và lưu chỉ tiêu" />
            <NoticeLine notice />
        </form>
    }
}

/// Every member's rates against target for the cluster-year, as in the cluster's report.
#[component]
fn ClusterRates() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let rows = Memo::new(move |_| {
        let Some(c) = cluster.get() else { return Vec::new() };
        store.tracked(&[Collection::Units, Collection::Indicators], |d| {
            c.member_ids
                .iter()
                .map(|u: &Id| {
                    let r = ind::find_for(&d.indicators, u, c.year);
                    let count = |k: &K| {
                        r.and_then(|r| r.get(k))
                            .map(|v| format::integer(v as i64))
                            .unwrap_or_else(|| "—".into())
                    };
                    (
                        d.unit_name(u),
                        count(&K::GrassrootsUnions),
                        count(&K::Members),
                        rate_text(r, TargetRate::NewMembers),
                        rate_text(r, TargetRate::NewGrassroots),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    // Every figure of every member, as numbers, for the city's spreadsheets.
    let excel = Callback::new(move |()| {
        let c = cluster.get_untracked();
        store.tracked(&[Collection::Units, Collection::Indicators], |d| {
            c.map(|c| crate::domain::reports::lists::cluster_indicators_table(&c, &d.units, &d.indicators))
                .unwrap_or_default()
        })
    });
    let excel_title = Signal::derive(move || {
        cluster.with(|c| {
            c.as_ref()
                .map(|c| format!("Chỉ tiêu năm {} của {}", c.year, c.name))
                .unwrap_or_default()
        })
    });
    view! {
        <crate::ui::widgets::ExcelButton content=excel_title table=excel />
        <div class="table-wrap" tabindex="0" role="region" aria-label="Tỷ lệ đạt chỉ tiêu của các đơn vị">
            <table aria-label="Tỷ lệ đạt chỉ tiêu của các đơn vị">
                <thead><tr>
                    <th scope="col">"Đơn vị"</th>
                    <th scope="col" class="num">"CĐCS"</th>
                    <th scope="col" class="num">"Đoàn viên"</th>
                    <th scope="col" class="num">"Phát triển đoàn viên"</th>
                    <th scope="col" class="num">"Thành lập CĐCS"</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(name, cdcs, members, nm, ng)| view! {
                        <tr><th scope="row">{name}</th><td class="num">{cdcs}</td><td class="num">{members}</td><td class="num">{nm}</td><td class="num">{ng}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
