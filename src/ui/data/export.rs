//! "Xuất dữ liệu": everything or one part, downloaded as a .json file named after the office,
//! the content and the date; the export time is recorded for "chưa chia sẻ".

use super::text;
use crate::domain::data::AppData;
use crate::domain::record::{self, Record};
use crate::domain::sync::scopes::{select_part, Part};
use crate::domain::sync::{export, file_name, Exported, Office, Scope};
use crate::store::browser;
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, PickField};
use chrono::Datelike;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// The choices of the part select, as (value, text); values are parsed by [`part_of`].
fn part_options(data: &AppData) -> Vec<(String, String)> {
    let mut out = vec![("all".to_string(), text::EVERYTHING.to_string())];
    for c in record::live(&data.clusters) {
        out.push((format!("cluster:{}", c.id()), format!("{} - {}", c.name, c.year)));
    }
    let unit_years: BTreeSet<(&str, i32)> = record::live(&data.dialogues)
        .map(|d| (d.unit_id.as_str(), d.date.year()))
        .collect();
    // A city has thousands of units: labels by id, not a search of every unit per choice.
    let labels: HashMap<&str, &str> = data.units.iter().map(|u| (u.id(), u.label())).collect();
    for (unit, year) in unit_years {
        let label = labels.get(unit).copied().unwrap_or("(đơn vị không rõ)");
        out.push((
            format!("dialogues:{year}:{unit}"),
            format!("Đối thoại {label} năm {year}"),
        ));
    }
    for p in record::live(&data.programmes) {
        out.push((
            format!("programme:{}", p.id()),
            format!("Chương trình phối hợp {}", p.number),
        ));
    }
    out
}

fn part_of(value: &str) -> Part {
    let mut it = value.splitn(3, ':');
    match (it.next(), it.next(), it.next()) {
        (Some("cluster"), Some(id), None) => Part::ClusterYear {
            cluster_id: id.to_string(),
        },
        (Some("dialogues"), Some(year), Some(unit)) => Part::UnitDialogues {
            unit_id: unit.to_string(),
            year: year.parse().unwrap_or_default(),
        },
        (Some("programme"), Some(id), None) => Part::Programme {
            programme_id: id.to_string(),
        },
        _ => Part::Everything,
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let store = use_store();
    let part = RwSignal::new("all".to_string());
    let notice = RwSignal::new(None::<Notice>);
    let options = Signal::derive(move || store.with(part_options));

    let run = move |_| {
        let now = browser::now();
        let made = store.with_untracked(|data| {
            let chosen = part_of(&part.get_untracked());
            let (selection, description) = select_part(data, &chosen)?;
            let office = data
                .office
                .as_ref()
                .map(|o| Office {
                    id: o.id.clone(),
                    name: o.name.clone(),
                })
                .unwrap_or_else(|| Office {
                    id: browser::new_id(),
                    name: String::new(),
                });
            let name = file_name(&office.name, &description, browser::today());
            let count = selection.len();
            // What the file carries, recorded once it is downloaded ("Chưa chia sẻ").
            let exported = Exported::new(
                data,
                &selection,
                chosen == Part::Everything,
                description.clone(),
                now,
            );
            let file = export(data, &selection, office, Scope { description }, now);
            Some((name, file.to_json(), count, exported))
        });
        let Some((name, json, count, exported)) = made else {
            notice.set(Some(Notice::Failed(
                "Phần dữ liệu đã chọn không còn nữa; hãy chọn lại.".into(),
            )));
            return;
        };
        leptos::task::spawn_local(async move {
            let name = match crate::store::download::download_json(name, &json).await {
                Ok(name) => name,
                Err(e) => {
                    notice.set(Some(Notice::Failed(format!("Không tải xuống được tệp: {e}"))));
                    return;
                }
            };
            // Download first: when storage is full, exporting is exactly what the officer needs.
            let recorded = store
                .commit(|data, _| {
                    data.sync.record(exported);
                    Ok::<(), ()>(())
                })
                .await;
            let mut message = format!("Đã xuất {} bản ghi vào tệp \"{name}\".", text::count(count));
            if recorded.is_err() {
                message.push_str(" (Chưa ghi lại được thời điểm xuất vì bộ nhớ trình duyệt gặp sự cố.)");
            }
            notice.set(Some(Notice::Done(message)));
        });
    };

    view! {
        <section class="card" aria-labelledby="xuat-du-lieu">
            <h2 id="xuat-du-lieu">{text::EXPORT_TITLE}</h2>
            <p>
                "Tải về một tệp .json (tệp lớn hơn 4 MB được nén thành .json.gz) để gửi cho cơ quan khác (qua thư điện tử, USB…) hoặc để sao lưu. Có thể xuất toàn bộ hoặc một phần: một cụm thi đua trong một năm (kèm đơn vị, bảng điểm, chỉ tiêu và phiếu chấm), đối thoại một năm của một đơn vị, hoặc một chương trình phối hợp."
            </p>
            <PickField label=text::EXPORT_PART value=part options=options />
            <div class="actions">
                <button type="button" on:click=run>
                    {text::EXPORT_BUTTON}
                </button>
            </div>
            <NoticeLine notice />
        </section>
    }
}
