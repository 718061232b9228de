//! Tab "Bảng điểm": the cluster-year's scoring table — created from the built-in default or
//! copied from last year in one click, then edited: settings, blocks' criteria and their kinds.

use super::{text, Selected};
use crate::domain::collections::Collection;
use crate::domain::record::Id;
use crate::domain::scoring::award_forms::{self, VoteShare};
use crate::domain::scoring::cluster;
use crate::domain::scoring::default_template::default_template;
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::domain::scoring::indicators::IndicatorKey;
use crate::domain::scoring::points::Points;
use crate::domain::scoring::template::{
    self as tpl, Criterion, CriterionKind, ScoringTemplate, TargetFormula, TargetSource, TemplateField,
};
use crate::store::CommitError;
use crate::ui::use_store;
use crate::ui::widgets::focus;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::parse;
use crate::ui::widgets::reopen_choice::{moved_lines, ReopenChoice, ReopenPanel};
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Choice, Notice, SaveButton, Saving, SelectField, TextField};
use leptos::prelude::*;

/// How a criterion is scored, as picked in the form: the kind without its settings, which
/// are typed in their own fields and joined into a [`CriterionKind`] on saving.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    Manual,
    Target,
    Count,
    YesNo,
    Bonus,
    Penalty,
    Veto,
}

impl Way {
    const ALL: [Way; 7] = [
        Way::Manual,
        Way::Target,
        Way::Count,
        Way::YesNo,
        Way::Bonus,
        Way::Penalty,
        Way::Veto,
    ];

    fn name(self) -> &'static str {
        match self {
            Way::Manual => "Chấm tay",
            Way::Target => "Chỉ tiêu (đạt / giao)",
            Way::Count => "Đếm × điểm",
            Way::YesNo => "Có / không",
            Way::Bonus => "Điểm thưởng",
            Way::Penalty => "Điểm trừ",
            Way::Veto => "Tiêu chí loại trừ",
        }
    }
}

const FORMULAS: [TargetFormula; 2] = [TargetFormula::Relative, TargetFormula::Proportional];

fn way_of(k: &CriterionKind) -> Way {
    match k {
        CriterionKind::Manual => Way::Manual,
        CriterionKind::Target { .. } => Way::Target,
        CriterionKind::Count { .. } => Way::Count,
        CriterionKind::YesNo => Way::YesNo,
        CriterionKind::Bonus => Way::Bonus,
        CriterionKind::Penalty => Way::Penalty,
        CriterionKind::Veto => Way::Veto,
    }
}

/// This form's messages, keyed by where they are shown ([`at`]).
type Errors = FieldErrors<String>;

/// The key of a message shown on `field`: a criterion's id, or the setting's name. Text keys,
/// as the scorecard's, so the start wasm holds one `FieldErrors` type for both (size).
fn at(field: TemplateField) -> String {
    match field {
        TemplateField::Criterion(id) => id,
        TemplateField::Name => "#ten".into(),
        TemplateField::Blocks => "#khoi".into(),
        TemplateField::Thresholds => "#nguong".into(),
        TemplateField::BonusCap => "#thuong".into(),
        TemplateField::ExcellentCap => "#ty-le-htxsnv".into(),
        TemplateField::TieBlocks => "#khoi-xet-bang-diem".into(),
        TemplateField::AwardForms => "#hinh-thuc".into(),
    }
}

/// Select values: the built-in indicator's position, or "rieng:<key>" for the office's own.
fn indicator_index(k: &IndicatorKey) -> String {
    match k {
        IndicatorKey::Custom(key) => format!("rieng:{key}"),
        _ => IndicatorKey::BUILT_IN
            .iter()
            .position(|x| x == k)
            .unwrap_or(0)
            .to_string(),
    }
}

/// The indicator a select value names; `None` for a value no option has.
fn indicator_at(value: &str) -> Option<IndicatorKey> {
    if let Some(key) = value.strip_prefix("rieng:") {
        return Some(IndicatorKey::Custom(key.to_string()));
    }
    IndicatorKey::BUILT_IN.get(value.parse::<usize>().ok()?).cloned()
}

fn indicator_options(custom: &[(String, String)]) -> Vec<(String, String)> {
    IndicatorKey::BUILT_IN
        .iter()
        .enumerate()
        .map(|(i, k)| (i.to_string(), text::indicator(k)))
        .chain(
            custom
                .iter()
                .map(|(key, name)| (format!("rieng:{key}"), format!("Chỉ tiêu riêng: {name}"))),
        )
        .collect()
}

/// One criterion row being edited; every input is text until saved.
#[derive(Clone, Copy)]
struct Row {
    id: RwSignal<String>,
    code: RwSignal<String>,
    name: RwSignal<String>,
    block: RwSignal<String>,
    kind: Choice<Way>,
    max: RwSignal<String>,
    indicator: RwSignal<String>,
    target: RwSignal<String>,
    formula: Choice<TargetFormula>,
    points_each: RwSignal<String>,
    per: RwSignal<String>,
}

impl Row {
    fn from(c: &Criterion) -> Row {
        let s = |v: String| RwSignal::new(v);
        let (indicator, target, formula, points_each, per) = match &c.kind {
            CriterionKind::Target {
                indicator,
                target,
                formula,
            } => (
                indicator_index(indicator),
                match target {
                    TargetSource::Indicator(k) => indicator_index(k),
                    TargetSource::Fixed(n) => format!("co-dinh:{n}"),
                },
                *formula,
                String::new(),
                String::new(),
            ),
            CriterionKind::Count {
                indicator,
                points_each,
                per,
            } => (
                indicator_index(indicator),
                String::new(),
                TargetFormula::Relative,
                points_each.to_string(),
                per.to_string(),
            ),
            _ => (
                "1".into(),
                "3".into(),
                TargetFormula::Relative,
                "1".into(),
                "1".into(),
            ),
        };
        Row {
            id: s(c.id.clone()),
            code: s(c.code.clone()),
            name: s(c.name.clone()),
            block: s(c.block.clone()),
            kind: Choice::new(&Way::ALL, Way::name, way_of(&c.kind)),
            max: s(c.max.to_string()),
            indicator: s(indicator),
            target: s(target),
            formula: Choice::new(&FORMULAS, text::formula, formula),
            points_each: s(points_each),
            per: s(per),
        }
    }

    /// The criterion typed in this row, or a message naming what is wrong.
    fn build(&self) -> Result<Criterion, String> {
        let label = format!("Tiêu chí {}", self.code.get_untracked());
        let max = Points::parse(&self.max.get_untracked())
            .map_err(|e| text::points_error(&format!("{label} – điểm tối đa"), e))?
            .unwrap_or_default();
        let indicator = |value: RwSignal<String>, what: &str| {
            indicator_at(&value.get_untracked())
                .ok_or_else(|| format!("{label} – {what}: hãy chọn một chỉ tiêu."))
        };
        let kind = match self.kind.value() {
            Way::Target => {
                let t = self.target.get_untracked();
                let target = match t.strip_prefix("co-dinh:") {
                    Some(n) => {
                        TargetSource::Fixed(parse::required_count(&format!("{label} – chỉ tiêu giao"), n)?)
                    }
                    None => TargetSource::Indicator(indicator(self.target, "chỉ tiêu giao")?),
                };
                CriterionKind::Target {
                    indicator: indicator(self.indicator, "chỉ tiêu đạt")?,
                    target,
                    formula: self.formula.value(),
                }
            }
            // The domain refuses a zero "mỗi"; here only what is no number is refused.
            Way::Count => CriterionKind::Count {
                indicator: indicator(self.indicator, "đếm theo")?,
                points_each: Points::parse(&self.points_each.get_untracked())
                    .map_err(|e| text::points_error(&format!("{label} – điểm mỗi lần"), e))?
                    .unwrap_or_default(),
                per: parse::required_count(&format!("{label} – mỗi"), &self.per.get_untracked())?,
            },
            Way::YesNo => CriterionKind::YesNo,
            Way::Bonus => CriterionKind::Bonus,
            Way::Penalty => CriterionKind::Penalty,
            Way::Veto => CriterionKind::Veto,
            Way::Manual => CriterionKind::Manual,
        };
        Ok(Criterion {
            id: self.id.get_untracked(),
            code: self.code.get_untracked().trim().to_string(),
            name: self.name.get_untracked().trim().to_string(),
            block: self.block.get_untracked(),
            max,
            kind,
        })
    }
}

#[component]
pub fn TemplateTab() -> impl IntoView {
    let store = use_store();
    let Selected { cluster, .. } = expect_context::<Selected>();
    let template = Memo::new(move |_| {
        let c = cluster.get()?;
        store.tracked(&[Collection::Templates], |d| {
            tpl::find_for(&d.templates, &c.meta.id, c.year).cloned()
        })
    });
    // Last year's table of the cluster with the same name, for the one-click copy.
    let previous = Memo::new(move |_| {
        let c = cluster.get()?;
        store.tracked(&[Collection::Clusters, Collection::Templates], |d| {
            let prev = cluster::find_year(&d.clusters, &c.name, c.year - 1)?;
            tpl::find_for(&d.templates, &prev.meta.id, prev.year).cloned()
        })
    });
    let notice = RwSignal::new(None::<Notice>);
    let saving = Saving::new();

    let create = move |from_previous: bool| {
        let Some(c) = cluster.get_untracked() else { return };
        let prev = previous.get_untracked();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    let id = crate::store::browser::new_id();
                    let t = match (from_previous, prev) {
                        (true, Some(p)) => tpl::copy_template(&p, id, c.meta.id.clone(), c.year, stamp),
                        _ => default_template(id, c.meta.id.clone(), c.year, stamp),
                    };
                    tpl::add(&mut data.templates, t)
                })
                .await;
            notice.set(Some(match result {
                Ok(()) if from_previous => Notice::Done(format!(
                    "Đã sao chép bảng điểm năm {} sang năm {}.",
                    c.year - 1,
                    c.year
                )),
                Ok(()) => Notice::Done(format!("Đã tạo bảng điểm mặc định năm {}.", c.year)),
                Err(error) => Notice::failed(error, |tpl::TableExists| "Cụm đã có bảng điểm năm này.".into()),
            }));
        });
    };

    view! {
        <NoticeLine notice />
        {move || match template.get() {
            None => view! {
                <section class="card">
                    <h2>{move || format!("Chưa có bảng điểm năm {}", cluster.get().map(|c| c.year).unwrap_or_default())}</h2>
                    <p>"Bảng điểm mặc định theo HD 1294/HD-TLĐ: 3 khối, 100 điểm, điểm thưởng tối đa 5, điểm trừ, 3 tiêu chí loại trừ, ngưỡng 90/75/50."</p>
                    <div class="actions">
                        <SaveButton saving on_press=move |()| create(false) label="Dùng bảng điểm mặc định" />
                        <Show when=move || previous.with(Option::is_some)>
                            <SaveButton saving class="secondary" on_press=move |()| create(true) label={move || format!("Sao chép bảng điểm năm {}", cluster.get().map(|c| c.year - 1).unwrap_or_default())} />
                        </Show>
                    </div>
                </section>
            }.into_any(),
            Some(t) => view! { <TemplateEditor template=t notice /> }.into_any(),
        }}
    }
}

#[component]
fn TemplateEditor(template: ScoringTemplate, notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let store = use_store();
    let id: Id = template.meta.id.clone();
    let s = &template.settings;
    let name = RwSignal::new(template.name.clone());
    let excellent = RwSignal::new(s.thresholds.excellent.to_string());
    let good = RwSignal::new(s.thresholds.good.to_string());
    let done = RwSignal::new(s.thresholds.done.to_string());
    let bonus_cap = RwSignal::new(s.bonus_cap.to_string());
    let cap = RwSignal::new(s.excellent_cap_percent.map(|p| p.to_string()).unwrap_or_default());
    // One count per award form of the table (an older table's flags and certificates as the
    // city's, see `award_forms`).
    let forms = StoredValue::new(s.forms());
    let counts: Vec<RwSignal<String>> = s
        .forms()
        .iter()
        .map(|f| RwSignal::new(f.count.to_string()))
        .collect();
    let counts = StoredValue::new(counts);
    let share = RwSignal::new(s.vote_share.percent.to_string());
    let share_inclusive = RwSignal::new(s.vote_share.inclusive);
    let errors = Errors::new();
    let saving = Saving::new();
    let rows = RwSignal::new(template.criteria.iter().map(Row::from).collect::<Vec<_>>());
    let issues = RwSignal::new(Vec::<String>::new());
    let blocks = StoredValue::new(template.blocks.clone());
    // Block titles are editable; codes stay, since criteria and the tie rule refer to them.
    let block_titles: Vec<(String, RwSignal<String>)> = template
        .blocks
        .iter()
        .map(|b| (b.code.clone(), RwSignal::new(b.title.clone())))
        .collect();
    let block_titles = StoredValue::new(block_titles);
    let block_options = Signal::derive(move || {
        block_titles.with_value(|b| {
            b.iter()
                .map(|(code, title)| (code.clone(), format!("{code}. {}", title.get())))
                .collect::<Vec<_>>()
        })
    });
    let base = StoredValue::new(template);

    let choice = ReopenChoice::new();
    // Saving again after the officer chose to reopen the final cards runs the same checks.
    let save_with = move |reopener: Option<Reopener>| {
        errors.clear();
        issues.set(Vec::new());
        let points = |label: &str, v: RwSignal<String>, field: TemplateField| {
            let parsed = Points::parse(&v.get_untracked()).map_err(|e| text::points_error(label, e));
            errors.check(at(field), parsed).flatten().unwrap_or_default()
        };
        let mut t = base.get_value();
        t.name = name.get_untracked().trim().to_string();
        block_titles.with_value(|titles| {
            for (block, (_, title)) in t.blocks.iter_mut().zip(titles) {
                block.title = title.get_untracked().trim().to_string();
            }
        });
        t.settings.thresholds.excellent = points("Ngưỡng HTXSNV", excellent, TemplateField::Thresholds);
        t.settings.thresholds.good = points("Ngưỡng HTTNV", good, TemplateField::Thresholds);
        t.settings.thresholds.done = points("Ngưỡng HTNV", done, TemplateField::Thresholds);
        t.settings.bonus_cap = points("Điểm thưởng tối đa", bonus_cap, TemplateField::BonusCap);
        let whole = |label: &str, v: RwSignal<String>, field: TemplateField| {
            let parsed = parse::count(label, &v.get_untracked());
            errors.check(at(field), parsed).flatten().unwrap_or(0)
        };
        let cap_value = whole("Tỷ lệ HTXSNV tối đa", cap, TemplateField::ExcellentCap);
        t.settings.excellent_cap_percent =
            (!cap.get_untracked().trim().is_empty()).then_some(cap_value.min(255) as u8);
        let mut chosen = forms.get_value();
        counts.with_value(|counts| {
            for (form, count) in chosen.iter_mut().zip(counts) {
                let label = format!("Số đề nghị {}", form.name);
                form.count = whole(&label, *count, TemplateField::AwardForms).min(u32::MAX as u64) as u32;
            }
        });
        t.settings.vote_share = VoteShare {
            percent: whole("Tỷ lệ phiếu cần để đề nghị", share, TemplateField::AwardForms).min(255) as u8,
            inclusive: share_inclusive.get_untracked(),
        };
        if award_forms::check(&chosen, t.settings.vote_share)
            .contains(&award_forms::AwardFormIssue::ShareOutOfRange)
        {
            errors.add(
                at(TemplateField::AwardForms),
                "Tỷ lệ phiếu cần để đề nghị: hãy nhập số từ 1 đến 100.",
            );
        }
        t.settings.set_forms(chosen);
        // Each row's message is shown on its criterion, where the focus goes.
        t.criteria = rows
            .get_untracked()
            .iter()
            .filter_map(|row| errors.check(at(TemplateField::Criterion(row.id.get_untracked())), row.build()))
            .collect();
        if !errors.is_empty() {
            notice.set(Some(Notice::Failed(
                "Chưa lưu bảng điểm: hãy sửa các ô được đánh dấu.".into(),
            )));
            focus::first_invalid();
            return;
        }
        let id = id.clone();
        saving.run(async move {
            let result = store
                .commit(move |data, stamp| {
                    final_guard::guarded(data, reopener.as_ref(), stamp, |d| {
                        tpl::replace(&mut d.templates, &id, t, stamp)
                    })
                })
                .await;
            match result {
                Ok((warnings, moved)) => {
                    choice.clear();
                    issues.set(warnings.iter().map(text::template_issue).collect());
                    let done = if moved.is_empty() {
                        "Đã lưu bảng điểm. Điểm tự động của các phiếu chưa chốt đã được tính lại.".to_string()
                    } else {
                        let lines = store.with_untracked(|d| moved_lines(d, &moved));
                        format!("Đã lưu bảng điểm. {}", text::reopened_cards(&lines))
                    };
                    notice.set(Some(Notice::Done(done)));
                }
                Err(CommitError::Invalid(refusal)) => match choice.refused(refusal) {
                    None => notice.set(None),
                    Some(tpl::ReplaceError::NotFound) => notice.set(Some(Notice::Failed(
                        "Bảng điểm này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
                    ))),
                    Some(tpl::ReplaceError::Invalid(found)) => {
                        // Each issue on its field (a criterion, a setting); all listed below.
                        for issue in found.iter().filter(|i| !i.is_warning()) {
                            errors.add(at(issue.field()), text::template_issue(issue));
                        }
                        issues.set(found.iter().map(text::template_issue).collect());
                        notice.set(Some(Notice::Failed(
                            "Chưa lưu bảng điểm: xem các lỗi bên dưới.".into(),
                        )));
                        focus::first_invalid();
                    }
                },
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };
    let (save, reopen_and_save) = choice.save_handlers(save_with);

    let add_row = move |_| {
        let n = rows.with_untracked(Vec::len) + 1;
        let block = blocks.with_value(|b| b.last().map(|b| b.code.clone()).unwrap_or_default());
        let c = Criterion {
            id: format!("tc-{}", crate::store::browser::new_id()),
            code: format!("{block}.{n}"),
            name: String::new(),
            block,
            max: Points::whole(5),
            kind: CriterionKind::Manual,
        };
        rows.update(|r| r.push(Row::from(&c)));
    };

    view! {
        <form class="card" on:submit=save aria-label="Bảng điểm" novalidate>
            <h2>"Bảng điểm"</h2>
            <div class="grid">
                <TextField label="Tên bảng điểm" value=name error=errors.of(at(TemplateField::Name)) />
                {block_titles.with_value(|titles| titles.iter().map(|(code, title)| view! {
                    <TextField label=format!("Tên khối {code}") value=*title />
                }).collect_view())}
                <TextField label="Ngưỡng HTXSNV (từ)" value=excellent />
                <TextField label="Ngưỡng HTTNV (từ)" value=good />
                // The three thresholds are judged together: their messages under the last one.
                <TextField label="Ngưỡng HTNV (từ)" value=done error=errors.of(at(TemplateField::Thresholds)) />
                <TextField label="Điểm thưởng tối đa" value=bonus_cap error=errors.of(at(TemplateField::BonusCap)) />
                <TextField label="Tỷ lệ HTXSNV tối đa (%)" value=cap error=errors.of(at(TemplateField::ExcellentCap)) hint="Để trống nếu không giới hạn; NĐ 335/2025: 20" />
            </div>
            <fieldset class="grid award-forms">
                <legend>"Hình thức khen thưởng cụm được đề nghị"</legend>
                {forms.with_value(|forms| counts.with_value(|counts| forms.iter().zip(counts).map(|(f, count)| view! {
                    <TextField label=format!("Số đề nghị – {}", f.name) value=*count
                        hint=lowest_tier_hint(f.lowest_tier) />
                }).collect_view()))}
                <TextField label="Tỷ lệ phiếu cần để đề nghị (%)" value=share error=errors.of(at(TemplateField::AwardForms)) hint="Tính trên số phiếu bầu; mặc định trên 50% (quá bán)" />
                <crate::ui::widgets::CheckField label="Đạt đúng tỷ lệ cũng được đề nghị" value=share_inclusive />
            </fieldset>
            // Blocks are judged as a whole: their messages have no one field.
            {[TemplateField::Blocks, TemplateField::TieBlocks].map(|field| {
                let message = errors.of(at(field));
                move || message.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })
            })}
            // One block of fields per criterion that wraps to the width it has, instead of a
            // seven-column table two screens wide.
            <section class="criteria" aria-label="Tiêu chí chấm điểm">
                <h3>"Tiêu chí"</h3>
                <For each=move || rows.get() key=|r| r.id.get_untracked() let:row>
                    <CriterionRow row block_options rows errors />
                </For>
            </section>
            <div class="actions">
                <button type="button" class="secondary" on:click=add_row>"Thêm tiêu chí"</button>
                <SaveButton saving label="Lưu bảng điểm" />
            </div>
            <ReopenPanel choice on_reopen=reopen_and_save action="Mở lại các phiếu và lưu bảng điểm" />
            <ul class="issues">{move || issues.get().into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        </form>
    }
}

#[component]
fn CriterionRow(
    row: Row,
    block_options: Signal<Vec<(String, String)>>,
    rows: RwSignal<Vec<Row>>,
    errors: Errors,
) -> impl IntoView {
    let error = errors.of(at(TemplateField::Criterion(row.id.get_untracked())));
    let store = use_store();
    let indicators = Signal::derive(move || {
        store.tracked(&[Collection::Indicators], |d| {
            indicator_options(&crate::domain::scoring::indicators::custom_keys(&d.indicators))
        })
    });
    // A fixed target (the same number for every unit, e.g. from an imported table) is shown as
    // its own choice so the select never pretends to hold an indicator it does not.
    let targets = Signal::derive(move || {
        let mut options = indicators.get();
        if let Some(n) = row
            .target
            .with(|t| t.strip_prefix("co-dinh:").map(str::to_string))
        {
            options.insert(0, (format!("co-dinh:{n}"), format!("Chỉ tiêu cố định: {n}")));
        }
        options
    });
    let label = move |what: &str| format!("{what} – tiêu chí {}", row.code.get_untracked());
    view! {
        <fieldset class="criterion" class:invalid=move || error.with(Option::is_some)>
            <legend>{move || {
                let (code, name) = (row.code.get(), row.name.get());
                if name.trim().is_empty() { format!("Tiêu chí {code}") } else { format!("{code}. {name}") }
            }}</legend>
            <div class="criterion-grid">
                <div class="cell code"><TextField label=label("Mã") value=row.code /></div>
                <div class="cell name"><TextField label=label("Tên") value=row.name /></div>
                <div class="cell"><SelectField label=label("Khối") value=row.block options=block_options /></div>
                <div class="cell">{row.kind.view(label("Cách tính"), Signal::default())}</div>
                <div class="cell max"><TextField label=label("Điểm tối đa") value=row.max /></div>
                {move || match row.kind.get() {
                    Some(Way::Target) => view! {
                        <div class="cell"><SelectField label=label("Chỉ tiêu đạt") value=row.indicator options=indicators /></div>
                        <div class="cell"><SelectField label=label("Chỉ tiêu giao") value=row.target options=targets /></div>
                        <div class="cell">{row.formula.view(label("Công thức"), Signal::default())}</div>
                    }.into_any(),
                    Some(Way::Count) => view! {
                        <div class="cell"><SelectField label=label("Đếm theo") value=row.indicator options=indicators /></div>
                        <div class="cell max"><TextField label=label("Điểm mỗi lần") value=row.points_each /></div>
                        <div class="cell max"><TextField label=label("Mỗi (số lượng)") value=row.per /></div>
                    }.into_any(),
                    _ => ().into_any(),
                }}
                <div class="cell remove">
                    <button type="button" class="secondary" aria-label=move || label("Xóa")
                        on:click=move |_| rows.update(|r| r.retain(|x| x.id.get_untracked() != row.id.get_untracked()))>"Xóa"</button>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </fieldset>
    }
}

/// What an award form needs, under its count.
fn lowest_tier_hint(tier: crate::domain::scoring::ranking::Tier) -> &'static str {
    use crate::domain::scoring::ranking::Tier;
    match tier {
        Tier::Excellent => "Đơn vị xếp loại HTXSNV",
        Tier::Good => "Đơn vị xếp loại từ HTTNV trở lên",
        Tier::Done | Tier::NotDone => "Đơn vị xếp loại từ HTNV trở lên",
    }
}
