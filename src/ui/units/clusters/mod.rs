//! Clusters (Cụm thi đua) on the page "Đơn vị & Cụm": one record per cluster-year.

mod form;
mod list;

use crate::domain::record::Id;
use leptos::prelude::*;

#[component]
pub fn ClustersSection() -> impl IntoView {
    let editing = RwSignal::new(None::<Id>);
    view! {
        <section aria-labelledby="cum-tieu-de">
            <h2 id="cum-tieu-de">"Cụm thi đua"</h2>
            <form::ClusterForm editing />
            <list::ClusterList editing />
        </section>
    }
}
