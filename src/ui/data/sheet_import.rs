//! "Nhập từ bảng tính": a list of units, or one year's figures, from an Excel (.xlsx) or CSV
//! sheet. The office worker reads the file; the domain (`domain::sheets`) finds the headers,
//! checks every row with the forms' rules and names each bad one by row and column. When the
//! headers are not recognised, the officer says which column is which. A good sheet becomes a
//! pending import: the same preview, confirmation and undo as a JSON file.

use super::import::ImportState;
use crate::domain::data::Office;
use crate::domain::letter_case;
use crate::domain::scoring::cluster::YEARS;
use crate::domain::sheets::columns::{Field, Mapping, SheetKind};
use crate::domain::sheets::figures_sheet::read_figures;
use crate::domain::sheets::units_sheet::read_units;
use crate::domain::sheets::{into_incoming, rows_to_fix, Grid, Outcome, Problem, SheetFormat};
use crate::store::{browser, office, upload};
use crate::ui::use_store;
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::field::SelectField;
use crate::ui::widgets::picker::PickField;
use crate::ui::widgets::ExcelButton;
use chrono::Datelike;
use leptos::prelude::*;
use std::sync::Arc;

fn kind_of(slug: &str) -> SheetKind {
    if slug == "chi-tieu" {
        SheetKind::Figures
    } else {
        SheetKind::Units
    }
}

/// A select value for a column's field.
fn field_slug(field: &Option<Field>) -> String {
    match field {
        None => String::new(),
        Some(Field::Ignored) => "bo-qua".into(),
        Some(f) => crate::domain::fold::fold(&f.label()).replace(' ', "-"),
    }
}

fn field_from_slug(kind: SheetKind, slug: &str) -> Option<Field> {
    match slug {
        "" => None,
        "bo-qua" => Some(Field::Ignored),
        s => kind
            .fields()
            .into_iter()
            .find(|f| field_slug(&Some(f.clone())) == s),
    }
}

/// The mapping the officer sees: the header row found and each column's chosen field.
fn current_mapping(kind: SheetKind, header_row: usize, columns: &[RwSignal<String>]) -> Mapping {
    Mapping {
        header_row,
        columns: columns.iter().map(|c| field_from_slug(kind, &c.get())).collect(),
    }
}

/// A file read, waiting for its columns to be mapped or its rows checked.
#[derive(Clone)]
struct Sheet {
    name: String,
    grid: Arc<Grid>,
    kind: SheetKind,
}

#[component]
pub fn SheetImport() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<ImportState>();
    let kind = RwSignal::new("don-vi".to_string());
    let parent = RwSignal::new(String::new());
    let year = RwSignal::new(browser::today().year().to_string());
    let sheet = RwSignal::new(None::<Sheet>);
    let columns = RwSignal::new(Vec::<RwSignal<String>>::new());
    let header_row = RwSignal::new(0usize);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let failure = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let reads = RwSignal::new(0u32);
    let done = RwSignal::new(None::<String>);
    let file_id = next_id("bang-tinh");

    let kinds = Signal::derive(|| {
        vec![
            ("don-vi".to_string(), SheetKind::Units.name().to_string()),
            ("chi-tieu".to_string(), SheetKind::Figures.name().to_string()),
        ]
    });
    // From next year back to 2000, this year chosen.
    let this = browser::today().year();
    let years = Signal::derive(move || {
        (*YEARS.start()..=(this + 1).min(*YEARS.end()))
            .rev()
            .map(|y| (y.to_string(), y.to_string()))
            .collect()
    });
    // The pickers' own unit lists (one per meaning of "none chosen").
    let top_level = crate::ui::widgets::picker::unit_options(None, Some("Không có (cấp cao nhất)"));
    let every_unit = crate::ui::widgets::picker::unit_options(None, Some("Mọi đơn vị"));
    let parents = Signal::derive(move || match kind.with(|k| kind_of(k)) {
        SheetKind::Figures => every_unit.get(),
        SheetKind::Units => top_level.get(),
    });
    let template = Callback::new(move |()| kind.with_untracked(|k| kind_of(k).template()));
    let template_title =
        Signal::derive(move || format!("Mẫu {}", letter_case::lower(kind.with(|k| kind_of(k)).name())));

    // Checks the rows with the mapping shown and, when they are good, hands the records to the
    // import's preview.
    let check = move || {
        let Some(s) = sheet.get_untracked() else { return };
        let mapping = untrack(|| current_mapping(s.kind, header_row.get(), &columns.get()));
        problems.set(Vec::new());
        failure.set(None);
        done.set(None);
        if !mapping.gaps(&s.grid, s.kind).is_empty() {
            return;
        }
        let parent_id = parent.get_untracked();
        let parent_id = (!parent_id.is_empty()).then_some(parent_id);
        let Ok(year) = year.get_untracked().parse::<i32>() else {
            return;
        };
        let (office, outcome, plan) = store.with_untracked(|local| {
            let office = local.office.clone().unwrap_or_else(|| Office {
                id: browser::new_id(),
                name: String::new(),
            });
            let stamp = browser::stamp(&office.id);
            let mut new_id = browser::new_id;
            let outcome = match s.kind {
                SheetKind::Units => read_units(
                    &s.grid,
                    &mapping,
                    parent_id.as_deref(),
                    local,
                    &stamp,
                    &mut new_id,
                ),
                SheetKind::Figures => read_figures(
                    &s.grid,
                    &mapping,
                    year,
                    parent_id.as_deref(),
                    local,
                    &stamp,
                    &mut new_id,
                ),
            };
            let plan = match &outcome {
                Outcome::Ready(data) => Some(crate::domain::exchange::DataPlan::new(local, data)),
                Outcome::Refused(_) => None,
            };
            (office, outcome, plan)
        });
        match (outcome, plan) {
            (Outcome::Refused(p), _) => problems.set(p),
            (Outcome::Ready(_), Some(plan)) if plan.is_noop() => done.set(Some(format!(
                "Bảng tính \"{}\" không có gì mới: mọi dòng đã có trên máy này. Dữ liệu không thay đổi.",
                s.name
            ))),
            (Outcome::Ready(data), Some(plan)) => {
                let what = match s.kind {
                    SheetKind::Units => SheetKind::Units.name().to_string(),
                    SheetKind::Figures => format!("{} {year}", SheetKind::Figures.name()),
                };
                let office = crate::domain::exchange::Office {
                    id: office.id,
                    name: office.name,
                };
                let incoming = into_incoming(*data, office, &what, browser::now());
                state.show(s.name.clone(), true, incoming, plan);
                // The preview sits above this card: the officer is taken to it.
                crate::ui::widgets::focus::element("#xem-truoc");
                sheet.set(None);
            }
            (Outcome::Ready(_), None) => {}
        }
    };

    let open = move |file: web_sys::File| {
        let name = file.name();
        sheet.set(None);
        problems.set(Vec::new());
        failure.set(None);
        state.pending.set(None);
        if let Err(message) = SheetFormat::check(&name, file.size() as usize) {
            failure.set(Some(message));
            return;
        }
        let sheet_kind = kind.with_untracked(|k| kind_of(k));
        // Only the file chosen last is shown, however long an earlier one takes to read.
        let this_read = reads.get_untracked() + 1;
        reads.set(this_read);
        reading.set(true);
        leptos::task::spawn_local(async move {
            let read = match upload::read_bytes(&file).await {
                Ok(bytes) => office::read_sheet(&name, &bytes).await,
                Err(e) => Err(e.to_string()),
            };
            if reads.get_untracked() != this_read {
                return;
            }
            reading.set(false);
            let grid: Grid =
                match read.and_then(|json| serde_json::from_str(&json).map_err(|e| e.to_string())) {
                    Ok(g) => g,
                    Err(e) => {
                        failure.set(Some(format!(
                            "Không đọc được bảng tính \"{name}\": {e}. Dữ liệu không thay đổi."
                        )));
                        return;
                    }
                };
            let mapping = Mapping::detect(&grid, sheet_kind);
            header_row.set(mapping.header_row);
            columns.set(
                mapping
                    .columns
                    .iter()
                    .map(|f| RwSignal::new(field_slug(f)))
                    .collect(),
            );
            sheet.set(Some(Sheet {
                name,
                grid: Arc::new(grid),
                kind: sheet_kind,
            }));
            check();
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = upload::take_chosen_file(&ev) {
            open(file);
        }
    };

    // The mapping step: shown while some column is not known.
    let gaps = move || {
        sheet.with(|s| {
            s.as_ref()
                .map(|s| current_mapping(s.kind, header_row.get(), &columns.get()).gaps(&s.grid, s.kind))
        })
    };
    let mapping_step = move || {
        let s = sheet.get()?;
        let first = Mapping::detect(&s.grid, s.kind);
        if first.gaps(&s.grid, s.kind).is_empty() {
            return None;
        }
        let headers = first.headers(&s.grid);
        let mut options = vec![
            (String::new(), "— Chọn —".to_string()),
            ("bo-qua".to_string(), Field::Ignored.label()),
        ];
        options.extend(
            s.kind
                .fields()
                .into_iter()
                .map(|f| (field_slug(&Some(f.clone())), f.label())),
        );
        let options = Signal::stored(options);
        // Columns recognised from their headers are already filled in: the officer is asked
        // only about the others, and can still look at (and change) the recognised ones.
        let select = |i: usize, value: RwSignal<String>| {
            let label = format!(
                "Cột {} ({})",
                crate::domain::sheets::column_letter(i),
                if headers[i].is_empty() {
                    "không có tiêu đề"
                } else {
                    headers[i].as_str()
                }
            );
            view! { <SelectField label=label value=value options=options /> }
        };
        let (known, unknown): (Vec<_>, Vec<_>) = columns
            .get()
            .into_iter()
            .enumerate()
            .partition(|(i, _)| first.columns.get(*i).is_some_and(Option::is_some));
        let known_count = known.len();
        let asked = unknown.into_iter().map(|(i, v)| select(i, v)).collect_view();
        let recognised = (known_count > 0).then(|| {
            let rows = known.into_iter().map(|(i, v)| select(i, v)).collect_view();
            view! {
                <details class="recognised-columns">
                    <summary>{format!("{} cột đã nhận ra theo tiêu đề (bấm để xem hoặc sửa)", known_count)}</summary>
                    {rows}
                </details>
            }
        });
        Some(view! {
            <form class="mapping" aria-label="Ghép cột bảng tính" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); check(); }>
                <h3>"Ghép cột của bảng tính"</h3>
                <p>{format!("Tiêu đề ở dòng {} của \"{}\" chưa rõ hết. Hãy cho biết các cột dưới đây là gì:", first.header_row + 1, s.name)}</p>
                {asked}
                {recognised}
                {move || gaps().filter(|g| !g.is_empty()).map(|g| view! {
                    <ul class="banner warn" role="note">{g.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                })}
                <button type="submit">"Kiểm tra bảng tính"</button>
            </form>
        })
    };

    view! {
        <section class="card" aria-labelledby="nhap-bang-tinh">
            <h2 id="nhap-bang-tinh">"Nhập từ bảng tính (Excel, CSV)"</h2>
            <p>"Danh sách đơn vị, hoặc chỉ tiêu năm của các đơn vị, từ tệp .xlsx hoặc .csv (UTF-8). Đơn vị được nhận theo tên, không phân biệt dấu và chữ hoa. Chưa có gì thay đổi cho tới khi bạn xác nhận, và có thể hoàn tác."</p>
            <div class="sheet-options">
                <SelectField label="Nội dung bảng tính" value=kind options=kinds />
                <PickField label="Đơn vị cấp trên" value=parent options=parents />
                <Show when=move || kind.with(|k| kind_of(k)) == SheetKind::Figures>
                    <SelectField label="Năm của chỉ tiêu" value=year options=years />
                </Show>
            </div>
            <ExcelButton content=template_title table=template label="Tải mẫu Excel" />
            <details class="sheet-help">
                <summary>"Các cột của bảng tính"</summary>
                <p>"Dòng tiêu đề có thể có dấu hoặc không; cột khác được hỏi từng cột khi nhập."</p>
                <ul>
                    {move || kind.with(|k| kind_of(k)).help().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </details>
            <div class="field">
                <label for=file_id.clone()>"Chọn bảng tính (.xlsx, .csv)"</label>
                <input id=file_id type="file" accept=".xlsx,.xls,.ods,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" on:change=on_change />
            </div>
            <Show when=move || reading.get()>
                <p role="status">"Đang đọc bảng tính…"</p>
            </Show>
            {mapping_step}
            {move || failure.get().map(|f| view! { <p class="banner error" role="alert">{f}</p> })}
            {move || done.get().map(|d| view! { <p class="notice ok" role="status">{d}</p> })}
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! {
                    <div class="banner error" role="alert">
                        <p>{format!("Chưa nhập: {} dòng cần sửa trong bảng tính. Dữ liệu không thay đổi.", rows_to_fix(&p))}</p>
                        <ul>{p.iter().map(|p| view! { <li>{p.text()}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </section>
    }
}
