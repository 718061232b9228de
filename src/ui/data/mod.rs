//! Page "Dữ liệu": this office's name, exchanging data with other offices (export, import with
//! preview, conflicts and undo; live sync through a server), what has not been shared yet, and
//! where the data lives.

mod conflicts;
pub mod export;
mod import;
pub mod office;
mod preview;
mod sample;
mod sheet_import;
mod storage_info;
mod sync;
mod text;
mod undo;
pub mod unshared;

use import::ImportState;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = ImportState::new(crate::ui::use_store());
    provide_context(state);
    import::accept_drops(state);
    state.look_for_undo();
    view! {
        <h1>"Dữ liệu"</h1>
        <Show when=move || state.dragging.get()>
            <div class="drop-hint" aria-hidden="true">
                {text::DROP_HERE}
            </div>
        </Show>
        <office::OfficeForm />
        <crate::ui::reports::settings_form::ReportSettingsForm />
        <unshared::UnsharedPanel />
        <export::ExportPanel />
        <import::ImportPanel />
        <sheet_import::SheetImport />
        <preview::Preview />
        // With the undo panel: one more child of the page would make a new, larger view type.
        {view! { <undo::UndoPanel /> <sync::SyncSection /> }}
        <storage_info::StorageInfo />
        <sample::SampleData />
    }
}
