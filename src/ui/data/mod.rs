//! Page "Dữ liệu": where the data lives, how big it is, and keeping a copy of it.

mod sample;
mod storage_info;

use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <h1>"Dữ liệu"</h1>
        <storage_info::StorageInfo />
        <sample::SampleData />
    }
}
