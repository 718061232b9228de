//! "Nhập dữ liệu": a file input and drag-and-drop anywhere on the page. The size is checked
//! before reading, the whole file is validated before anything changes, and a preview waits for
//! "Xác nhận nhập". Before the import is saved, the data as it was is kept for undo.

use super::text;
use crate::domain::sync::{
    validate, ConflictJson, DataPlan, ImportError, Incoming, Overrides, MAX_IMPORT_BYTES,
};
use crate::store::undo::{self, UndoCopy};
use crate::store::{browser, upload, CommitError, SaveProblem, Store};
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A validated file waiting for the officer's decision.
#[derive(Clone)]
pub struct Pending {
    pub file_name: String,
    pub incoming: Arc<Incoming>,
    pub plan: Arc<DataPlan>,
    pub conflicts: Arc<Vec<ConflictJson>>,
}

/// The import's state, shared by the panel, the preview, the conflicts and the undo button.
#[derive(Clone, Copy)]
pub struct ImportState {
    store: Store,
    pub pending: RwSignal<Option<Pending>>,
    pub overrides: RwSignal<Overrides>,
    pub notice: RwSignal<Option<Notice>>,
    pub busy: RwSignal<bool>,
    pub dragging: RwSignal<bool>,
    /// The copy kept before the last import, if it has not been undone.
    pub undo: RwSignal<Option<UndoCopy>>,
}

impl ImportState {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            pending: RwSignal::new(None),
            overrides: RwSignal::new(Overrides::new()),
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
            dragging: RwSignal::new(false),
            undo: RwSignal::new(undo::read()),
        }
    }

    fn fail(&self, message: String) {
        self.pending.set(None);
        self.notice.set(Some(Notice::Failed(message)));
    }

    /// Checks the size, reads and validates `file`, and shows the preview. Nothing is saved.
    pub fn open(self, file: web_sys::File) {
        let store = self.store;
        self.pending.set(None);
        self.overrides.set(Overrides::new());
        self.notice.set(None);
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            self.fail(text::import_error(&ImportError::TooLarge {
                size,
                limit: MAX_IMPORT_BYTES,
            }));
            return;
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let read = upload::read_bytes(&file).await;
            self.busy.set(false);
            let bytes = match read {
                Ok(b) => b,
                Err(e) => return self.fail(format!("Không đọc được tệp \"{}\": {e}", file.name())),
            };
            let checked = store.with_untracked(|local| {
                validate(&bytes, local).map(|incoming| {
                    let plan = incoming.plan(local);
                    (incoming, plan)
                })
            });
            match checked {
                Err(e) => self.fail(text::import_error(&e)),
                Ok((_, plan)) if plan.is_noop() => self.notice.set(Some(Notice::Done(format!(
                    "Tệp \"{}\" không có gì mới: mọi bản ghi trong tệp đã có trên máy này. Dữ liệu không thay đổi.",
                    file.name()
                )))),
                Ok((incoming, plan)) => {
                    let conflicts = plan.conflicts_json();
                    self.pending.set(Some(Pending {
                        file_name: file.name(),
                        incoming: Arc::new(incoming),
                        plan: Arc::new(plan),
                        conflicts: Arc::new(conflicts),
                    }));
                }
            }
        });
    }

    pub fn cancel(&self) {
        self.pending.set(None);
        self.overrides.set(Overrides::new());
        self.notice.set(Some(Notice::Done(text::CANCELLED.into())));
    }

    /// Keeps the current data for undo, then merges the pending file and saves.
    pub fn confirm(&self) {
        let store = self.store;
        let Some(p) = self.pending.get_untracked() else {
            return;
        };
        // The exact stored text is what undo brings back; a fresh installation first stores
        // its (empty) data so that its office id survives an undo.
        let mut previous = store.stored_text();
        if matches!(previous, Ok(None)) {
            let _ = store.commit(|_, _| Ok::<(), ()>(()));
            previous = store.stored_text();
        }
        let previous = match previous {
            Ok(Some(t)) => t,
            _ => return self.fail(
                "Không nhập: không đọc được dữ liệu hiện có trong bộ nhớ trình duyệt. Dữ liệu không thay đổi.".into(),
            ),
        };
        let copy = UndoCopy {
            imported_at: browser::now(),
            file_name: p.file_name.clone(),
            previous,
        };
        if let Err(e) = undo::keep(&copy) {
            let why = match e {
                crate::store::local::StorageError::QuotaExceeded => {
                    "bộ nhớ trình duyệt không đủ chỗ để giữ bản sao cho việc hoàn tác".to_string()
                }
                crate::store::local::StorageError::Unavailable => {
                    "trình duyệt đang chặn bộ nhớ cục bộ".to_string()
                }
                crate::store::local::StorageError::Other(d) => d,
            };
            return self.fail(format!(
                "Không nhập: {why}. Dữ liệu không thay đổi. Hãy xuất dữ liệu ra tệp rồi lưu trữ bớt các năm cũ."
            ));
        }
        let overrides = self.overrides.get_untracked();
        let incoming = p.incoming.clone();
        // Planned again on the data the commit starts from, in case another tab saved since.
        let result = store.commit(|data, stamp| {
            let plan = DataPlan::new(data, &incoming.file.data);
            *data = plan.apply(data, &overrides, stamp);
            Ok::<(), ()>(())
        });
        match result {
            Ok(()) => {
                let (new, updated, conflicts) = p.plan.summaries().iter().fold((0, 0, 0), |acc, s| {
                    (acc.0 + s.new, acc.1 + s.updated, acc.2 + s.conflicts)
                });
                self.pending.set(None);
                self.overrides.set(Overrides::new());
                self.undo.set(Some(copy));
                self.notice.set(Some(Notice::Done(format!(
                    "Đã nhập tệp \"{}\": {} bản ghi mới, {} cập nhật, {} xung đột đã xử lý.",
                    p.file_name,
                    text::count(new),
                    text::count(updated),
                    text::count(conflicts)
                ))));
            }
            Err(e) => {
                let _ = undo::clear();
                let message = match e {
                    CommitError::NotSaved(SaveProblem::QuotaExceeded) => {
                        "Không nhập: bộ nhớ trình duyệt đã đầy. Dữ liệu không thay đổi.".to_string()
                    }
                    other => Notice::from_commit(&other)
                        .map(|n| match n {
                            Notice::Done(t) | Notice::Failed(t) => t,
                        })
                        .unwrap_or_default(),
                };
                self.fail(message);
            }
        }
    }
}

/// The first file of a drop, if any.
fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}

/// Listens for files dropped anywhere on the window while the page is shown.
pub fn accept_drops(state: ImportState) {
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        state.dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window (not just one element inside it).
        if ev.related_target().is_none() {
            state.dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        state.dragging.set(false);
        if let Some(file) = dropped_file(&ev) {
            state.open(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = expect_context::<ImportState>();
    let id = next_id("nhap");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            state.open(file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <section class="card" aria-labelledby="nhap-du-lieu">
            <h2 id="nhap-du-lieu">{text::IMPORT_TITLE}</h2>
            <p>{text::IMPORT_HINT}</p>
            <p class="hint">
                "Giới hạn: " {text::megabytes(MAX_IMPORT_BYTES)} " mỗi tệp."
            </p>
            <div class="field">
                <label for=id.clone()>{text::IMPORT_LABEL}</label>
                <input id=id type="file" accept=".json,application/json" on:change=on_change />
            </div>
            <Show when=move || state.busy.get()>
                <p role="status">{text::READING}</p>
            </Show>
            <NoticeLine notice=state.notice />
        </section>
    }
}
