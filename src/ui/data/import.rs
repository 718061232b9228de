//! "Nhập dữ liệu": a file input and drag-and-drop anywhere on the page. The size is checked
//! before reading, the whole file is validated before anything changes, and a preview waits for
//! "Xác nhận nhập". The records the import replaces are kept for undo as it is saved.

use super::text;
use crate::domain::conflicts::{Changes, ConflictView, Names};
use crate::domain::record::Stamp;
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::domain::sync::{validate, DataPlan, ImportError, Incoming, Overrides, MAX_IMPORT_BYTES};
use crate::store::undo::UndoCopy;
use crate::store::{browser, upload, CommitError, SaveProblem, Store};
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::reopen_choice::ReopenChoice;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use leptos::prelude::*;
use std::sync::Arc;

/// A validated file waiting for the officer's decision.
#[derive(Clone)]
pub struct Pending {
    pub file_name: String,
    /// A checked spreadsheet of this office, not a file from another: no sender, no export time.
    pub from_sheet: bool,
    pub incoming: Arc<Incoming>,
    pub plan: Arc<DataPlan>,
    /// The conflicts in the officer's words.
    pub conflicts: Arc<Vec<ConflictView>>,
    /// The names of the records the file adds and updates, per kind.
    pub changes: Arc<Vec<Changes>>,
}

/// Names shown per kind of record in the preview's lists; the count says how many more.
const NAMES_SHOWN: usize = 100;

/// Where a running import is: large files take seconds, so each step is announced before it
/// starts (and drawn: the checking step holds the page while it runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Reading,
    Unpacking,
    Checking { bytes: usize },
    Saving,
}

impl Step {
    const COUNT: u32 = 4;

    fn number(self) -> u32 {
        match self {
            Step::Reading => 1,
            Step::Unpacking => 2,
            Step::Checking { .. } => 3,
            Step::Saving => 4,
        }
    }

    fn text(self) -> String {
        let what = match self {
            Step::Reading => "Đang đọc tệp…".to_string(),
            Step::Unpacking => "Đang giải nén tệp .json.gz…".to_string(),
            Step::Checking { bytes } => format!(
                "Đang kiểm tra từng bản ghi của tệp ({}); tệp lớn cần vài giây, trang sẽ tạm dừng trong lúc này.",
                text::megabytes(bytes)
            ),
            Step::Saving => "Đang lưu dữ liệu đã nhập…".to_string(),
        };
        format!("Bước {}/{}: {what}", self.number(), Self::COUNT)
    }
}

/// The import's state, shared by the panel, the preview, the conflicts and the undo button.
#[derive(Clone, Copy)]
pub struct ImportState {
    store: Store,
    pub pending: RwSignal<Option<Pending>>,
    pub overrides: RwSignal<Overrides>,
    pub notice: RwSignal<Option<Notice>>,
    /// The step running now; `None` when nothing runs.
    pub step: RwSignal<Option<Step>>,
    pub dragging: RwSignal<bool>,
    /// The copy kept before the last import, if it has not been undone.
    pub undo: RwSignal<Option<UndoCopy>>,
    /// The final cards the pending file would move, and the officer's choice about them.
    pub reopen: ReopenChoice,
}

impl ImportState {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            pending: RwSignal::new(None),
            overrides: RwSignal::new(Overrides::new()),
            notice: RwSignal::new(None),
            step: RwSignal::new(None),
            dragging: RwSignal::new(false),
            undo: RwSignal::new(None),
            reopen: ReopenChoice::new(),
        }
    }

    /// Shows the undo button if an import can still be undone (read from storage).
    pub fn look_for_undo(self) {
        leptos::task::spawn_local(async move { self.undo.set(self.store.undo_copy().await) });
    }

    fn fail(&self, message: String) {
        self.step.set(None);
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
        self.step.set(Some(Step::Reading));
        leptos::task::spawn_local(async move {
            let read = upload::read_bytes(&file).await;
            let bytes = match read {
                Ok(b) => b,
                Err(e) => return self.fail(format!("Không đọc được tệp \"{}\": {e}", file.name())),
            };
            // A .json.gz export: the same file, compressed by the browser.
            let bytes = if crate::store::gzip::is_gzip(&bytes) {
                self.step.set(Some(Step::Unpacking));
                match crate::store::gzip::gunzip(&bytes).await {
                    Ok(plain) => plain,
                    Err(_) => {
                        return self.fail(format!("{}{}", text::file_label(&file.name()), text::GZIP_BROKEN))
                    }
                }
            } else {
                bytes
            };
            self.step.set(Some(Step::Checking { bytes: bytes.len() }));
            browser::after_paint().await;
            let checked = store.with_untracked(|local| {
                validate(&bytes, local).map(|incoming| {
                    let plan = incoming.plan(local);
                    (incoming, plan)
                })
            });
            self.step.set(None);
            match checked {
                // The field is named by the office module (see `ImportError::Untraced`); if it
                // cannot load, the record alone is named.
                Err(ImportError::Untraced(named)) => {
                    self.step.set(Some(Step::Checking { bytes: bytes.len() }));
                    let traced = crate::store::office::import_problem(&bytes).await;
                    self.fail(traced.ok().flatten().unwrap_or_else(|| text::import_error(&named)));
                }
                Err(e) => self.fail(text::import_error(&e)),
                Ok((_, plan)) if plan.is_noop() => self.notice.set(Some(Notice::Done(format!(
                    "Tệp \"{}\" không có gì mới: mọi bản ghi trong tệp đã có trên máy này. Dữ liệu không thay đổi.",
                    file.name()
                )))),
                Ok((incoming, plan)) => self.show(file.name(), false, incoming, plan),
            }
        });
    }

    /// Shows `incoming` (from a file or a checked spreadsheet) for the officer's decision.
    pub fn show(&self, file_name: String, from_sheet: bool, incoming: Incoming, plan: DataPlan) {
        let (conflicts, changes) = self.store.with_untracked(|local| {
            let names = Names::new(
                local,
                &incoming.file.data,
                offices(local, &incoming),
                browser_utc_offset(),
            );
            (
                plan.conflict_views(&names),
                plan.changes(&incoming.file.data, &names, NAMES_SHOWN),
            )
        });
        self.overrides.set(Overrides::new());
        // A table or figures that would move final cards: said before anything is decided.
        self.reopen.clear();
        let stamp = Stamp::new(String::new(), browser::now());
        let moved = self.store.with_untracked(|local| {
            final_guard::moved_by_merge(local, |d| {
                plan.apply(d, &incoming.file.data, &Overrides::new(), &stamp)
            })
        });
        if !moved.is_empty() {
            self.reopen.moved.set(Some(moved));
        }
        self.pending.set(Some(Pending {
            file_name,
            from_sheet,
            incoming: Arc::new(incoming),
            plan: Arc::new(plan),
            conflicts: Arc::new(conflicts),
            changes: Arc::new(changes),
        }));
        // The officer's next step is there: focus and scroll follow.
        crate::ui::widgets::focus::element("#xem-truoc");
    }

    pub fn cancel(&self) {
        self.reopen.clear();
        self.pending.set(None);
        self.overrides.set(Overrides::new());
        self.notice.set(Some(Notice::Done(text::CANCELLED.into())));
    }

    /// Merges the pending file and saves it; the records it replaces are kept for undo in the
    /// same transaction, so an import is never saved without its way back. Final cards the
    /// merge would move are reopened only with `reopener` (see [`final_guard::guard_merge`]).
    pub fn confirm(&self, reopener: Option<Reopener>) {
        let state = *self;
        let store = self.store;
        let Some(p) = self.pending.get_untracked() else {
            return;
        };
        let overrides = self.overrides.get_untracked();
        state.step.set(Some(Step::Saving));
        leptos::task::spawn_local(async move {
            browser::after_paint().await;
            let incoming = p.incoming.clone();
            // Planned again on the data the save starts from, in case another tab saved since.
            let result = store
                .replace(&p.file_name, |data, stamp| {
                    let plan = DataPlan::new(data, &incoming.file.data);
                    let mut next = plan.apply(data, &incoming.file.data, &overrides, stamp);
                    final_guard::guard_merge(data, &mut next, reopener.as_ref(), stamp)?;
                    Ok(next)
                })
                .await;
            state.step.set(None);
            match result {
                Ok(()) => {
                    state.reopen.clear();
                    let (new, updated, conflicts) = p.plan.summaries().iter().fold((0, 0, 0), |acc, s| {
                        (acc.0 + s.new, acc.1 + s.updated, acc.2 + s.conflicts)
                    });
                    state.pending.set(None);
                    state.overrides.set(Overrides::new());
                    state.undo.set(store.undo_copy().await);
                    // The result is said in the import card, above the preview that was confirmed.
                    crate::ui::widgets::focus::element("#nhap-du-lieu");
                    state
                        .notice
                        .set(Some(Notice::Done(crate::domain::sync::wording::imported(
                            &p.file_name,
                            new,
                            updated,
                            conflicts,
                        ))));
                }
                Err(CommitError::Invalid(refusal)) => {
                    state.reopen.refused(refusal);
                }
                Err(e) => {
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
                    state.fail(message);
                }
            }
        });
    }
}

/// The offices a conflict can name: this one ("máy này (…)") and the file's sender.
fn offices(local: &crate::domain::data::AppData, incoming: &Incoming) -> Vec<(String, String)> {
    let mut offices = Vec::new();
    if let Some(h) = &local.office {
        let name = if h.name.trim().is_empty() {
            "chưa đặt tên"
        } else {
            h.name.as_str()
        };
        offices.push((h.id.clone(), format!("máy này ({name})")));
    }
    let there = &incoming.file.office;
    if !there.name.trim().is_empty() {
        offices.push((there.id.clone(), there.name.clone()));
    }
    offices
}

/// The officer's time zone as the browser knows it, in minutes east of UTC (+420 in Việt Nam).
fn browser_utc_offset() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
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
        if let Some(file) = upload::take_chosen_file(&ev) {
            state.open(file);
        }
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
                <input id=id type="file" accept=".json,.gz,application/json,application/gzip" on:change=on_change />
            </div>
            {move || state.step.get().map(|step| view! {
                <div class="import-progress">
                    <progress max=Step::COUNT value=step.number() aria-label="Tiến trình nhập tệp"></progress>
                    <p role="status">{step.text()}</p>
                </div>
            })}
            <NoticeLine notice=state.notice />
        </section>
    }
}
