//! Page "Đơn vị & Cụm": the units of the federation.

mod clusters;
mod form;
mod list;
pub mod text;

use crate::domain::record::Id;
use leptos::prelude::*;

#[component]
pub fn UnitsPage() -> impl IntoView {
    // The unit being edited (None: the form adds a new one).
    let editing = RwSignal::new(None::<Id>);
    view! {
        <h1>"Đơn vị & Cụm"</h1>
        <section aria-labelledby="don-vi-tieu-de">
            <h2 id="don-vi-tieu-de">"Đơn vị"</h2>
            <form::UnitForm editing />
            <list::UnitList editing />
        </section>
        <clusters::ClustersSection />
    }
}
