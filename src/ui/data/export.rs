//! "Xuất dữ liệu": everything or one part, downloaded as a .json file named after the office,
//! the content and the date; the export time is recorded for "chưa chia sẻ". A scorecard page
//! sends its card alone through the same path ([`send_part`]).

use super::text;
use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::exchange::scopes::{card_file_name, select_part, Part};
use crate::domain::exchange::{export, file_name, Exported, Office, Scope};
use crate::domain::record::{self, Record};
use crate::store::browser;
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, PickField, SaveButton, Saving};
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

/// Makes the file of `part`, downloads it and records what it carried for "chưa chia sẻ";
/// says what happened. A card sent alone is named after its unit and cluster and always
/// compressed (`phieu-cham-ba-vi-cum-4-2023.json.gz`); other parts as [`file_name`] says.
pub async fn send_part(store: crate::store::Store, chosen: Part) -> Notice {
    let now = browser::now();
    let made = store.with_untracked(|data| {
        let (selection, description) = select_part(data, &chosen)?;
        let office = data.office.as_ref().cloned().unwrap_or_else(|| Office {
            id: browser::new_id(),
            name: String::new(),
        });
        let name = match &chosen {
            Part::Card { scorecard_id } => card_file_name(data, scorecard_id)?,
            _ => file_name(&office.name, &description, browser::today()),
        };
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
        return Notice::Failed("Phần dữ liệu đã chọn không còn nữa; hãy chọn lại.".into());
    };
    let downloaded = match name.strip_suffix(".gz") {
        Some(_) => crate::store::download::download_gzipped(name, &json).await,
        None => crate::store::download::download_json(name, &json).await,
    };
    let name = match downloaded {
        Ok(name) => name,
        Err(e) => return Notice::Failed(format!("Không tải xuống được tệp: {e}")),
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
    Notice::Done(message)
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let store = use_store();
    let part = RwSignal::new("all".to_string());
    let notice = RwSignal::new(None::<Notice>);
    let options = Signal::derive(move || {
        store.tracked(
            &[
                Collection::Clusters,
                Collection::Dialogues,
                Collection::Units,
                Collection::Programmes,
            ],
            part_options,
        )
    });

    // One file per press: a double press does not download (and record) the export twice.
    let saving = Saving::new();
    let run = move |()| {
        let chosen = part_of(&part.get_untracked());
        saving.run(async move { notice.set(Some(send_part(store, chosen).await)) });
    };

    view! {
        <section class="card" aria-labelledby="xuat-du-lieu">
            <h2 id="xuat-du-lieu">{text::EXPORT_TITLE}</h2>
            <p>
                "Tải về một tệp .json (tệp lớn hơn 4 MB được nén thành .json.gz) để gửi cho cơ quan khác (qua thư điện tử, USB…) hoặc để sao lưu. Có thể xuất toàn bộ hoặc một phần: một cụm thi đua trong một năm (kèm đơn vị, bảng điểm, chỉ tiêu và phiếu chấm), đối thoại một năm của một đơn vị, hoặc một chương trình phối hợp."
            </p>
            <PickField label=text::EXPORT_PART value=part options=options />
            <div class="actions">
                <SaveButton saving label=text::EXPORT_BUTTON on_press=Callback::new(run) />
            </div>
            <NoticeLine notice />
        </section>
    }
}
