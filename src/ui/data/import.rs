//! "Nhập dữ liệu": a file input and drag-and-drop anywhere on the page, one file or several
//! together. Each size is checked before reading, every file is validated before anything
//! changes, and one preview waits for "Xác nhận nhập". Several files are merged in the order
//! they were exported ([`crate::domain::exchange::batch`]); a file that cannot be read is listed
//! with its reason and the others go on. The records the import replaces are kept for undo as
//! it is saved, so one undo takes back every file of the import.

use super::text;
use crate::domain::conflicts::{Changes, ConflictView, Names};
use crate::domain::exchange::batch::{self, Received};
use crate::domain::exchange::{
    DataPlan, ExportFile, ImportError, Incoming, Office, Overrides, Scope, MAX_IMPORT_BYTES,
};
use crate::domain::record::Stamp;
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::store::import::Merge;
use crate::store::undo::UndoCopy;
use crate::store::{browser, upload, CommitError, SaveProblem, Store};
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::reopen_choice::ReopenChoice;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, Saving};
use leptos::prelude::*;
use std::sync::Arc;

/// A validated file (or several, merged) waiting for the officer's decision.
#[derive(Clone)]
pub struct Pending {
    /// The names of the files imported together (one for a single file or a sheet).
    pub file_names: Vec<String>,
    /// A checked spreadsheet of this office, not a file from another: no sender, no export time.
    pub from_sheet: bool,
    pub incoming: Arc<Incoming>,
    pub plan: Arc<DataPlan>,
    /// The conflicts in the officer's words.
    pub conflicts: Arc<Vec<ConflictView>>,
    /// The names of the records the file adds and updates, per kind.
    pub changes: Arc<Vec<Changes>>,
    /// Several files chosen together: each file's line and the conflicts between them.
    pub batch: Option<Arc<Batch>>,
}

/// Files chosen together, as read: kept whole so that a choice between two of them merges
/// them again without reading anything twice.
pub struct Chosen {
    /// The readable files' names and contents, in merge order.
    pub names: Vec<String>,
    pub sources: Vec<Incoming>,
    /// The files that cannot be imported, each with the reason in the import's own words.
    pub refused: Vec<(String, String)>,
}

/// A readable file's sender, content and counts against this installation's data.
#[derive(Clone, Debug)]
pub struct FileFacts {
    pub sender: String,
    pub scope: String,
    pub exported_at: chrono::DateTime<chrono::Utc>,
    pub summaries: Vec<crate::domain::collections::Summary>,
}

/// A record two of the files carry in versions edited independently, for the side-by-side
/// choice: `view.local` is the version of the earlier file, `view.incoming` the later file's.
#[derive(Clone, Debug)]
pub struct BetweenView {
    pub view: ConflictView,
    pub earlier: String,
    pub later: String,
}

/// Several files shown together.
pub struct Batch {
    pub chosen: Arc<Chosen>,
    /// Per readable file (in the order of `chosen.names`), what it holds.
    pub facts: Vec<FileFacts>,
    /// The conflicts between the files, with the choices as they were when shown.
    pub between: Vec<BetweenView>,
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
    /// The officer's choices between files chosen together (`KeepLocal`: the earlier file).
    pub between: RwSignal<Overrides>,
    /// Whether the confirmed import is being saved: a second press saves nothing.
    pub saving: Saving,
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
            between: RwSignal::new(Overrides::new()),
            saving: Saving::new(),
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

    /// Reads `file` (checking its size first, unpacking a `.json.gz`): its bytes, or the message
    /// saying why it cannot be read.
    async fn read_one(self, file: &web_sys::File) -> Result<Vec<u8>, String> {
        let size = file.size() as usize;
        if size > MAX_IMPORT_BYTES {
            return Err(text::import_error(&ImportError::TooLarge {
                size,
                limit: MAX_IMPORT_BYTES,
            }));
        }
        self.step.set(Some(Step::Reading));
        let bytes = upload::read_bytes(file)
            .await
            .map_err(|e| format!("Không đọc được tệp \"{}\": {e}", file.name()))?;
        if !crate::store::gzip::is_gzip(&bytes) {
            return Ok(bytes);
        }
        // A .json.gz export: the same file, compressed by the browser.
        self.step.set(Some(Step::Unpacking));
        crate::store::gzip::gunzip(&bytes)
            .await
            .map_err(|_| format!("{}{}", text::file_label(&file.name()), text::GZIP_BROKEN))
    }

    /// Why a file was refused, in words; a field the checker could not name is named by the
    /// office module (see `ImportError::Untraced`), or the record alone if it cannot load.
    async fn refusal(self, error: &ImportError, bytes: &[u8]) -> String {
        match error {
            ImportError::Untraced(named) => {
                self.step.set(Some(Step::Checking { bytes: bytes.len() }));
                let traced = crate::store::office::import_problem(bytes).await;
                traced.ok().flatten().unwrap_or_else(|| text::import_error(named))
            }
            e => text::import_error(e),
        }
    }

    /// Reads and validates the chosen or dropped `files`, and shows one preview of them all.
    /// Nothing is saved. One file is shown as before; a file that cannot be read among several
    /// is listed with its reason and does not hold the others back.
    pub fn open_all(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        let store = self.store;
        self.pending.set(None);
        self.overrides.set(Overrides::new());
        self.between.set(Overrides::new());
        self.notice.set(None);
        leptos::task::spawn_local(async move {
            let mut read: Vec<(String, Vec<u8>)> = Vec::new();
            let mut unread: Vec<(String, String)> = Vec::new();
            for file in &files {
                match self.read_one(file).await {
                    Ok(bytes) => read.push((file.name(), bytes)),
                    Err(message) => unread.push((file.name(), message)),
                }
            }
            let bytes: usize = read.iter().map(|(_, b)| b.len()).sum();
            self.step.set(Some(Step::Checking { bytes }));
            browser::after_paint().await;
            let received = store.with_untracked(|local| batch::read_all(&read, local));
            self.step.set(None);
            let mut chosen = Chosen {
                names: Vec::new(),
                sources: Vec::new(),
                refused: Vec::new(),
            };
            for Received { name, read: outcome } in received {
                match outcome {
                    Ok(incoming) => {
                        chosen.names.push(name);
                        chosen.sources.push(incoming);
                    }
                    Err(e) => {
                        let file_bytes = read.iter().find(|(n, _)| *n == name).map(|(_, b)| b.as_slice());
                        let message = self.refusal(&e, file_bytes.unwrap_or_default()).await;
                        chosen.refused.push((name, message));
                    }
                }
            }
            self.step.set(None);
            // Files refused by their contents (by name), then those that could not be read.
            chosen.refused.append(&mut unread);
            if files.len() == 1 {
                return match (chosen.names.pop(), chosen.sources.pop(), chosen.refused.pop()) {
                    (Some(name), Some(incoming), _) => self.show_one(name, incoming),
                    (_, _, Some((_, message))) => self.fail(message),
                    _ => {}
                };
            }
            self.present(Arc::new(chosen), true);
        });
    }

    /// One file: its preview, or "nothing new" when importing it changes nothing.
    fn show_one(&self, name: String, incoming: Incoming) {
        let plan = self.store.with_untracked(|local| incoming.plan(local));
        if plan.is_noop() {
            self.notice.set(Some(Notice::Done(format!(
                "Tệp \"{name}\" không có gì mới: mọi bản ghi trong tệp đã có trên máy này. Dữ liệu không thay đổi."
            ))));
        } else {
            self.show(name, false, incoming, plan);
        }
    }

    /// Several files: merged in order with the officer's choices between them, planned
    /// against this installation's data and shown as one preview with a line per file.
    /// `fresh`: a new choice of files (rather than a new choice between two of them).
    fn present(&self, chosen: Arc<Chosen>, fresh: bool) {
        let choices = self.between.get_untracked();
        let stamp = Stamp::new(String::new(), browser::now());
        let (names, sources) = (&chosen.names, &chosen.sources);
        let refs: Vec<&Incoming> = sources.iter().collect();
        let combined = batch::combine(&refs, &choices, &stamp);
        let incoming = combined_incoming(sources, combined.data);
        let (facts, plan, between) = self.store.with_untracked(|local| {
            let facts: Vec<FileFacts> = sources
                .iter()
                .map(|s| FileFacts {
                    sender: sender(&s.file.office),
                    scope: s.file.scope.description.clone(),
                    exported_at: s.file.exported_at,
                    summaries: s.plan(local).summaries(),
                })
                .collect();
            let plan = incoming.plan(local);
            let names_of = Names::new(
                local,
                &incoming.file.data,
                offices(local, sources.iter().map(|s| &s.file.office)),
                browser_utc_offset(),
            );
            let mut between = Vec::new();
            for (k, step) in combined.steps.iter().enumerate() {
                let pairs = combined.between.iter().filter(|b| b.later == k + 1);
                for (view, b) in step.conflict_views(&names_of).into_iter().zip(pairs) {
                    between.push(BetweenView {
                        view,
                        earlier: names[b.earlier].clone(),
                        later: names[b.later].clone(),
                    });
                }
            }
            (facts, plan, between)
        });
        // Nothing to decide: said in a line, with the files that could not be read.
        if sources.is_empty() || (plan.is_noop() && between.is_empty()) {
            let mut message = if sources.is_empty() {
                "Không nhập được tệp nào."
            } else {
                "Các tệp không có gì mới: mọi bản ghi trong tệp đã có trên máy này."
            }
            .to_string();
            for (name, reason) in &chosen.refused {
                message.push_str(&format!(
                    " {}{}",
                    text::file_label(name),
                    without_unchanged(reason)
                ));
            }
            message.push(' ');
            message.push_str(text::UNCHANGED);
            self.notice.set(Some(if chosen.refused.is_empty() {
                Notice::Done(message)
            } else {
                Notice::Failed(message)
            }));
            return;
        }
        let names = names.clone();
        let batch = Batch {
            chosen,
            facts,
            between,
        };
        self.show_parts(names, false, incoming, plan, Some(Arc::new(batch)), fresh);
    }

    /// The officer chose a side of a conflict between two files: the files are merged again
    /// with that choice and the preview follows (choices about local records are kept).
    pub fn choose_between(
        &self,
        key: (crate::domain::collections::Collection, String),
        choice: crate::domain::exchange::Choice,
    ) {
        self.between.update(|b| {
            b.insert(key, choice);
        });
        if let Some(batch) = self
            .pending
            .with_untracked(|p| p.as_ref().and_then(|p| p.batch.clone()))
        {
            self.present(batch.chosen.clone(), false);
        }
    }

    /// Shows `incoming` (from a file or a checked spreadsheet) for the officer's decision.
    pub fn show(&self, file_name: String, from_sheet: bool, incoming: Incoming, plan: DataPlan) {
        self.show_parts(vec![file_name], from_sheet, incoming, plan, None, true);
    }

    fn show_parts(
        &self,
        file_names: Vec<String>,
        from_sheet: bool,
        incoming: Incoming,
        plan: DataPlan,
        batch: Option<Arc<Batch>>,
        fresh: bool,
    ) {
        let (conflicts, changes) = self.store.with_untracked(|local| {
            let names = Names::new(
                local,
                &incoming.file.data,
                offices(local, std::iter::once(&incoming.file.office)),
                browser_utc_offset(),
            );
            (
                plan.conflict_views(&names),
                plan.changes(&incoming.file.data, &names, NAMES_SHOWN),
            )
        });
        if fresh {
            self.overrides.set(Overrides::new());
        }
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
            file_names,
            from_sheet,
            incoming: Arc::new(incoming),
            plan: Arc::new(plan),
            conflicts: Arc::new(conflicts),
            changes: Arc::new(changes),
            batch,
        }));
        // The officer's next step is there: focus and scroll follow.
        if fresh {
            crate::ui::widgets::focus::element("#xem-truoc");
        }
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
        let between = self.between.get_untracked();
        if state.saving.busy() {
            return;
        }
        state.step.set(Some(Step::Saving));
        state.saving.run(async move {
            browser::after_paint().await;
            let merge = Merge {
                file_names: &p.file_names,
                records: &p.incoming.file.data,
                sources: p.batch.as_ref().map_or(&[], |b| b.chosen.sources.as_slice()),
                between: &between,
                overrides: &overrides,
                reopener: reopener.as_ref(),
            };
            let result = store.import(merge).await;
            state.step.set(None);
            match result {
                Ok(undo) => {
                    state.reopen.clear();
                    let (new, updated, conflicts) = p.plan.summaries().iter().fold((0, 0, 0), |acc, s| {
                        (acc.0 + s.new, acc.1 + s.updated, acc.2 + s.conflicts)
                    });
                    state.pending.set(None);
                    state.overrides.set(Overrides::new());
                    state.undo.set(undo);
                    // The result is said in the import card, above the preview that was confirmed.
                    crate::ui::widgets::focus::element("#nhap-du-lieu");
                    state
                        .notice
                        .set(Some(Notice::Done(crate::domain::exchange::wording::imported(
                            &p.file_names.iter().map(String::as_str).collect::<Vec<_>>(),
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

/// The offices a conflict can name: this one ("máy này (…)") and the files' senders.
fn offices<'a>(
    local: &crate::domain::data::AppData,
    senders: impl Iterator<Item = &'a Office>,
) -> Vec<(String, String)> {
    let mut offices = Vec::new();
    if let Some(h) = &local.office {
        let name = if h.name.trim().is_empty() {
            "chưa đặt tên"
        } else {
            h.name.as_str()
        };
        offices.push((h.id.clone(), format!("máy này ({name})")));
    }
    for there in senders {
        if !there.name.trim().is_empty() && !offices.iter().any(|(id, _)| *id == there.id) {
            offices.push((there.id.clone(), there.name.clone()));
        }
    }
    offices
}

/// A file's refusal as a line among others: without "nothing changed", as the other files
/// go on.
pub fn without_unchanged(reason: &str) -> &str {
    reason.strip_suffix(text::UNCHANGED).unwrap_or(reason).trim_end()
}

/// A sender's name as the preview shows it.
pub fn sender(office: &Office) -> String {
    if office.name.trim().is_empty() {
        "(cơ quan chưa đặt tên)".to_string()
    } else {
        office.name.clone()
    }
}

/// The files of a batch as one incoming file: their merged records, the senders named
/// together, the latest export time, and the oldest version any of them was migrated from.
fn combined_incoming(sources: &[Incoming], data: crate::domain::data::AppData) -> Incoming {
    let mut senders: Vec<String> = Vec::new();
    for s in sources {
        let name = sender(&s.file.office);
        if !senders.contains(&name) {
            senders.push(name);
        }
    }
    let file = ExportFile {
        schema_version: crate::domain::schema::CURRENT_VERSION,
        office: Office {
            id: String::new(),
            name: senders.join(", "),
        },
        exported_at: sources
            .iter()
            .map(|s| s.file.exported_at)
            .max()
            .unwrap_or_else(browser::now),
        scope: Scope {
            description: format!("{} tệp", text::count(sources.len())),
        },
        data,
    };
    Incoming {
        file,
        migrated_from: sources.iter().filter_map(|s| s.migrated_from).min(),
    }
}

/// The officer's time zone as the browser knows it, in minutes east of UTC (+420 in Việt Nam).
fn browser_utc_offset() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Every file of a drop (none when something else was dropped).
fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    ev.data_transfer()
        .and_then(|d| d.files())
        .map(|list| upload::files_of(&list))
        .unwrap_or_default()
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
        state.open_all(dropped_files(&ev));
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
    let on_change = move |ev: leptos::ev::Event| state.open_all(upload::take_chosen_files(&ev));
    view! {
        <section class="card" aria-labelledby="nhap-du-lieu">
            <h2 id="nhap-du-lieu">{text::IMPORT_TITLE}</h2>
            <p>{text::IMPORT_HINT}</p>
            <p class="hint">
                "Giới hạn: " {text::megabytes(MAX_IMPORT_BYTES)} " mỗi tệp."
            </p>
            <div class="field">
                <label for=id.clone()>{text::IMPORT_LABEL}</label>
                <input id=id type="file" multiple accept=".json,.gz,application/json,application/gzip" on:change=on_change />
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
