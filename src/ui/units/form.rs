//! Adding and editing a unit: form → domain validation → store.

use super::text;
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::domain::units::{self, UnitDraft, UnitField, UnitKind};
use crate::ui::use_store;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Choice, Notice, PickField, SaveButton, Saving, TextField};
use leptos::prelude::*;

#[component]
pub fn UnitForm(editing: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let short_name = RwSignal::new(String::new());
    let kind = Choice::new(&UnitKind::ALL, text::kind_name, UnitKind::District);
    let parent = RwSignal::new(String::new());

    let errors = FieldErrors::<UnitField>::new();
    let from = Input::optional_date("Hoạt động từ ngày", errors, UnitField::ActiveFrom);
    let to = Input::optional_date("Hoạt động đến ngày", errors, UnitField::ActiveTo);
    let notice = RwSignal::new(None::<Notice>);
    let reset = move || {
        for s in [name, short_name, parent, from.text, to.text] {
            s.set(String::new());
        }
        kind.fill(Some(UnitKind::District));
        errors.clear();
    };

    // Filling the form when "Sửa" is pressed on a row.
    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        let unit = store.with_untracked(|d| record::find(&d.units, &id).cloned());
        if let Some(u) = unit {
            name.set(u.name.clone());
            short_name.set(u.short_name.clone());
            kind.fill(Some(u.kind));
            parent.set(u.parent_id.clone().unwrap_or_default());
            from.fill(u.active_from.map(format::date).unwrap_or_default());
            to.fill(u.active_to.map(format::date).unwrap_or_default());
            errors.clear();
            notice.set(None);
        }
    });

    let parent_options = Signal::derive(move || {
        let me = editing.get();
        let mut options = vec![(String::new(), "— Không có —".to_string())];
        // Only the parents the domain accepts: never the unit itself or a unit below it.
        store.tracked(&[Collection::Units], |d| {
            options.extend(
                units::parent_choices(&d.units, me.as_deref())
                    .into_iter()
                    .map(|u| (u.meta.id.clone(), u.name.clone())),
            )
        });
        options
    });
    let saving = Saving::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let (active_from, active_to) = (from.read(), to.read());
        let (Some(active_from), Some(active_to)) = (active_from, active_to) else {
            errors.refuse_if_any(notice);
            return;
        };
        let parent_id = Some(parent.get_untracked()).filter(|p| !p.is_empty());
        let draft = UnitDraft {
            name: name.get_untracked(),
            short_name: short_name.get_untracked(),
            kind: kind.value(),
            parent_id,
            active_from,
            active_to,
        };
        let shown_name = draft.name.trim().to_string();
        let editing_id = editing.get_untracked();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| match &editing_id {
                    Some(id) => units::update_keeping_work(data, id, draft, stamp),
                    None => units::add(&mut data.units, crate::store::browser::new_id(), draft, stamp),
                })
                .await;
            match result {
                Ok(()) => {
                    let verb = if editing_id.is_some() {
                        "Đã lưu thay đổi của"
                    } else {
                        "Đã thêm"
                    };
                    notice.set(Some(Notice::Done(format!("{verb} đơn vị \"{shown_name}\"."))));
                    editing.set(None);
                    reset();
                }
                Err(error) => errors.commit_failed(
                    error,
                    |refused| refused.into_iter().map(|e| (e.field(), text::error_message(&e))),
                    notice,
                ),
            }
        });
    };

    let title = move || {
        if editing.with(Option::is_some) {
            "Sửa đơn vị"
        } else {
            "Thêm đơn vị"
        }
    };
    view! {
        <form class="card" on:submit=submit aria-label=title novalidate>
            <h3>{title}</h3>
            <div class="grid">
                <TextField label="Tên đơn vị" value=name error=errors.of(UnitField::Name) required=true placeholder="LĐLĐ huyện Ba Vì" />
                <TextField label="Tên viết tắt" value=short_name placeholder="Ba Vì" />
                {kind.view("Loại đơn vị", Signal::default())}
                <PickField label="Đơn vị cấp trên" value=parent options=parent_options error=errors.of(UnitField::Parent) />
                {from.view()}
                {to.view()}
            </div>
            <div class="actions">
                <SaveButton saving label={move || if editing.with(Option::is_some) { "Lưu thay đổi" } else { "Thêm đơn vị" }} />
                <Show when=move || editing.with(Option::is_some)>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            editing.set(None);
                            reset();
                        }
                    >
                        "Hủy sửa"
                    </button>
                </Show>
            </div>
            <NoticeLine notice />
        </form>
    }
}
