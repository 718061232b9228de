//! "Tải dữ liệu mẫu": the whole story of the seed articles (see [`crate::domain::sample`]) —
//! added to the data, never replacing it.

use crate::domain::format;
use crate::domain::sample;
use crate::domain::scoring::sample as scoring_sample;
use crate::store::CommitError;
use crate::ui::route::Page;
use crate::ui::scoring::{link, Tab};
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, SaveButton, Saving};
use leptos::prelude::*;

#[component]
pub fn SampleData() -> impl IntoView {
    let store = use_store();
    let notice = RwSignal::new(None::<Notice>);
    let loaded_cluster = RwSignal::new(None::<String>);
    let saving = Saving::new();
    let load = move |()| {
        saving.run(async move {
            let result = store
                .commit(|data, stamp| sample::load(data, &mut crate::store::browser::new_id, stamp))
                .await;
            match result {
                Ok(loaded) => {
                    notice.set(Some(Notice::Done(format!(
                        "Đã thêm dữ liệu mẫu: {} đơn vị mới; {} năm {} với phiếu chấm đã chốt của 6 đơn vị; \
                         {} cuộc đối thoại với {} kiến nghị; {} chương trình phối hợp.",
                        format::integer(loaded.new_units as i64),
                        scoring_sample::CLUSTER_NAME,
                        scoring_sample::YEAR,
                        format::integer(loaded.dialogues as i64),
                        format::integer(loaded.proposals as i64),
                        format::integer(loaded.programmes as i64),
                    ))));
                    loaded_cluster.set(Some(loaded.cluster_id));
                }
                Err(CommitError::Invalid(already)) => {
                    notice.set(Some(Notice::Failed(format!(
                        "Dữ liệu mẫu ({} năm {}) đã có trong dữ liệu nên không thêm lần nữa.",
                        scoring_sample::CLUSTER_NAME,
                        scoring_sample::YEAR
                    ))));
                    loaded_cluster.set(Some(already.cluster_id));
                }
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="du-lieu-mau">
            <h2 id="du-lieu-mau">"Dữ liệu mẫu"</h2>
            <p>
                "Thêm ví dụ hoàn chỉnh theo các bài báo nguồn: Cụm thi đua số 4 năm 2023 (LĐLĐ các huyện Phúc Thọ, Ba Vì, \
                 Thạch Thất, Đan Phượng, Hoài Đức, Quốc Oai) với chỉ tiêu và phiếu chấm đã chốt; chương trình phối hợp \
                 2016–2020 của huyện Thanh Oai với chỉ tiêu, đối thoại và kiến nghị 5 năm; chương trình 163/CTr-UBND-LĐLĐ \
                 của Thành phố với các cuộc đối thoại tháng 5 và kiến nghị ở mọi trạng thái. Dữ liệu hiện có được giữ nguyên."
            </p>
            <SaveButton saving on_press=load label="Tải dữ liệu mẫu" />
            <NoticeLine notice />
            {move || loaded_cluster.get().map(|id| view! {
                <p><a href=link(&id, Tab::Results, None)>"Xem kết quả xếp hạng của cụm mẫu"</a>
                   " · " <a href=Page::Overview.href()>"Xem tổng quan"</a>
                   " · " <a href=Page::Dialogues.href()>"Xem đối thoại"</a>
                   " · " <a href=Page::Programmes.href()>"Xem chương trình phối hợp"</a></p>
            })}
        </section>
    }
}
