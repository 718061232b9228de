//! "Tải dữ liệu mẫu": Cụm thi đua số 4 of 2023 with its six district federations, the indicators
//! reported in the seed article and finalised scorecards — added to the data, never replacing it.

use crate::domain::scoring::{cluster, sample};
use crate::store::CommitError;
use crate::ui::route::Page;
use crate::ui::scoring::{link, Tab};
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use leptos::prelude::*;

#[component]
pub fn SampleData() -> impl IntoView {
    let store = use_store();
    let notice = RwSignal::new(None::<Notice>);
    let loaded_cluster = RwSignal::new(None::<String>);
    let load = move |_| {
        let result = store.commit(|data, stamp| {
            if let Some(c) = cluster::find_year(&data.clusters, sample::CLUSTER_NAME, sample::YEAR) {
                return Err(c.meta.id.clone());
            }
            let records = sample::cluster_4_2023(&data.units, crate::store::browser::new_id, stamp);
            let id = records.cluster.meta.id.clone();
            let new_units = records.units.len();
            records.add_to(data);
            Ok((id, new_units))
        });
        match result {
            Ok((id, new_units)) => {
                notice.set(Some(Notice::Done(format!(
                    "Đã thêm dữ liệu mẫu {} năm {}: {} đơn vị mới, chỉ tiêu và phiếu chấm đã chốt của 6 đơn vị.",
                    sample::CLUSTER_NAME,
                    sample::YEAR,
                    new_units
                ))));
                loaded_cluster.set(Some(id));
            }
            Err(CommitError::Invalid(id)) => {
                notice.set(Some(Notice::Failed(format!(
                    "Đã có {} năm {} trong dữ liệu nên không thêm lần nữa.",
                    sample::CLUSTER_NAME,
                    sample::YEAR
                ))));
                loaded_cluster.set(Some(id));
            }
            Err(other) => notice.set(Notice::from_commit(&other)),
        }
    };
    view! {
        <section class="card" aria-labelledby="du-lieu-mau">
            <h2 id="du-lieu-mau">"Dữ liệu mẫu"</h2>
            <p>
                "Thêm ví dụ hoàn chỉnh: Cụm thi đua số 4 năm 2023 (LĐLĐ các huyện Phúc Thọ, Ba Vì, Thạch Thất, \
                 Đan Phượng, Hoài Đức, Quốc Oai), chỉ tiêu theo báo cáo của Cụm và phiếu chấm theo bảng điểm mặc định. \
                 Dữ liệu hiện có được giữ nguyên."
            </p>
            <button type="button" on:click=load>"Tải dữ liệu mẫu"</button>
            <NoticeLine notice />
            {move || loaded_cluster.get().map(|id| view! {
                <p><a href=link(&id, Tab::Results, None)>"Xem kết quả xếp hạng của cụm mẫu"</a>
                   " · " <a href=Page::Units.href()>"Xem các đơn vị"</a></p>
            })}
        </section>
    }
}
