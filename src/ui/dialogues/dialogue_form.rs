//! Recording or editing a dialogue and its minutes: form → domain validation → store, with
//! each refusal shown next to its field.

use super::{go, text, PageNotice};
use crate::domain::dialogues::dialogue::{self, AgreedPoint, Chair, DialogueDraft, DialogueField};
use crate::domain::dialogues::meeting::{parse_people, people_lines};
use crate::domain::dialogues::{DialogueKind, DialogueLevel, Host, HostKind};
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::ui::route::Page;
use crate::ui::use_store;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{CheckField, PickField, TextArea};
use crate::ui::widgets::{Choice, Notice, SaveButton, Saving, TextField};
use leptos::prelude::*;

/// One row of "nội dung đã thống nhất" with its measure.
#[derive(Clone, Copy)]
struct PointRow {
    content: RwSignal<String>,
    measure: RwSignal<String>,
}

impl PointRow {
    fn new(content: String, measure: String) -> Self {
        Self {
            content: RwSignal::new(content),
            measure: RwSignal::new(measure),
        }
    }
}

fn lines(typed: &str) -> Vec<String> {
    typed.lines().map(str::to_string).collect()
}

#[component]
pub fn DialogueForm(editing: Option<Id>, unit: Option<Id>) -> impl IntoView {
    let store = use_store();
    let page_notice = expect_context::<PageNotice>().0;
    let existing = editing
        .as_ref()
        .and_then(|id| store.with_untracked(|d| record::find(&d.dialogues, id).cloned()));
    if editing.is_some() && existing.is_none() {
        return view! { <p class="empty" role="alert">{text::NOT_FOUND}</p> }.into_any();
    }
    let draft = existing.as_ref().map_or_else(
        || {
            let mut d = DialogueDraft::new(DialogueKind::Periodic, DialogueLevel::District);
            d.unit_id = unit.clone();
            d
        },
        DialogueDraft::from_dialogue,
    );

    let kind = Choice::new(&DialogueKind::ALL, text::kind_name, draft.kind);
    let level = Choice::new(&DialogueLevel::ALL, text::level_name, draft.level);
    let place = RwSignal::new(draft.place.clone());
    let unit_id = RwSignal::new(draft.unit_id.clone().unwrap_or_default());
    let worker_name = RwSignal::new(draft.worker_chair.name.clone());
    let worker_role = RwSignal::new(draft.worker_chair.role.clone());
    let employer_name = RwSignal::new(draft.employer_chair.name.clone());
    let employer_role = RwSignal::new(draft.employer_chair.role.clone());
    let enterprises = RwSignal::new(draft.enterprises.join("\n"));
    let mut first_points: Vec<PointRow> = draft
        .agreed
        .iter()
        .map(|p| PointRow::new(p.content.clone(), p.measure.clone()))
        .collect();
    if first_points.is_empty() {
        first_points.push(PointRow::new(String::new(), String::new()));
    }
    let points = RwSignal::new(first_points);
    let disagreed = RwSignal::new(draft.disagreed.join("\n"));
    let notes = RwSignal::new(draft.minutes_notes.clone());
    let signed = RwSignal::new(draft.minutes_signed);
    // Signed minutes are locked (the domain refuses their edits): the form only shows them.
    let locked = draft.minutes_signed && existing.is_some();
    let start_time = RwSignal::new(draft.start_time.clone());
    let host_kind = Choice::new(&HostKind::ALL, text::host_name, draft.host.kind);
    let host_name = RwSignal::new(draft.host.name.clone());
    let employer_side = RwSignal::new(people_lines(&draft.employer_side));
    let worker_side = RwSignal::new(people_lines(&draft.worker_side));
    let taker_name = RwSignal::new(draft.minute_taker.name.clone());
    let taker_role = RwSignal::new(draft.minute_taker.role.clone());

    let errors = FieldErrors::<DialogueField>::new();
    let date = Input::optional_date("Ngày đối thoại", errors, DialogueField::Date).required();
    date.fill(draft.date.map(format::date).unwrap_or_default());
    let next_on = Input::optional_date(
        "Thời gian đối thoại tiếp theo",
        errors,
        DialogueField::NextDialogueOn,
    );
    next_on.fill(draft.next_dialogue_on.map(format::date).unwrap_or_default());
    let attendances =
        Input::count("Số lượt tham dự", errors, DialogueField::Attendances).with_placeholder("1.250");
    if existing.is_some() {
        attendances.fill(draft.attendances.clone());
    }
    let saving = Saving::new();
    let notice = RwSignal::new(None::<Notice>);

    let units = super::unit_options(draft.unit_id.clone(), Some("— Chọn đơn vị —"));

    let editing_id = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let (held, next, counted) = (date.read(), next_on.read(), attendances.read());
        let (Some(held), Some(next), Some(_)) = (held, next, counted) else {
            errors.refuse_if_any(notice);
            return;
        };
        let draft = DialogueDraft {
            kind: kind.value(),
            level: level.value(),
            date: held,
            place: place.get_untracked(),
            unit_id: Some(unit_id.get_untracked()).filter(|u| !u.is_empty()),
            worker_chair: Chair {
                name: worker_name.get_untracked(),
                role: worker_role.get_untracked(),
            },
            employer_chair: Chair {
                name: employer_name.get_untracked(),
                role: employer_role.get_untracked(),
            },
            enterprises: lines(&enterprises.get_untracked()),
            attendances: attendances.text.get_untracked(),
            agreed: points
                .get_untracked()
                .iter()
                .map(|r| AgreedPoint {
                    content: r.content.get_untracked(),
                    measure: r.measure.get_untracked(),
                })
                .collect(),
            disagreed: lines(&disagreed.get_untracked()),
            next_dialogue_on: next,
            minutes_notes: notes.get_untracked(),
            minutes_signed: signed.get_untracked(),
            start_time: start_time.get_untracked(),
            host: Host {
                kind: host_kind.value(),
                name: host_name.get_untracked(),
            },
            employer_side: parse_people(&employer_side.get_untracked()),
            worker_side: parse_people(&worker_side.get_untracked()),
            minute_taker: Chair {
                name: taker_name.get_untracked(),
                role: taker_role.get_untracked(),
            },
        };
        let new_id = crate::store::browser::new_id();
        let id = editing_id.clone().unwrap_or_else(|| new_id.clone());
        let editing_id = editing_id.clone();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| match &editing_id {
                    Some(id) => dialogue::update(
                        &mut data.dialogues,
                        &data.units,
                        &data.proposals,
                        id,
                        draft,
                        stamp,
                    ),
                    None => dialogue::add(&mut data.dialogues, &data.units, new_id, draft, stamp),
                })
                .await;
            match result {
                Ok(()) => {
                    let what = if editing_id.is_some() {
                        "Đã lưu thay đổi của cuộc đối thoại."
                    } else {
                        "Đã ghi cuộc đối thoại. Có thể thêm các kiến nghị ngay bên dưới."
                    };
                    page_notice.set(Some(Notice::Done(what.into())));
                    go(&super::dialogue_href(&id));
                }
                Err(error) => errors.commit_failed(
                    error,
                    |refused| refused.into_iter().map(|e| (e.field(), text::dialogue_error(&e))),
                    notice,
                ),
            }
        });
    };

    let title = if locked {
        "Biên bản đối thoại đã ký"
    } else if editing.is_some() {
        "Sửa cuộc đối thoại"
    } else {
        "Ghi cuộc đối thoại mới"
    };
    let cancel_href = editing
        .as_ref()
        .map_or_else(|| Page::Dialogues.href(), |id| super::dialogue_href(id));
    let no_units = move || units.with(|u| u.len() <= 1);
    view! {
        <form class="card" on:submit=submit aria-label=title novalidate>
            <h2>{title}</h2>
            <Show when=no_units>
                <p class="notice error" role="alert">{text::NO_UNITS}</p>
            </Show>
            {locked.then(|| view! { <p class="notice" role="note">{text::MINUTES_LOCKED}</p> })}
            <fieldset class="plain" disabled=locked>
            <fieldset>
                <legend>"Thông tin chung"</legend>
                <div class="grid">
                    {kind.view("Hình thức đối thoại", Signal::default())}
                    {level.view("Cấp đối thoại", Signal::default())}
                    {date.view()}
                    <TextField label="Giờ bắt đầu" value=start_time error=errors.of(DialogueField::StartTime) placeholder="08:30" />
                    <TextField label="Địa điểm" value=place error=errors.of(DialogueField::Place) required=true placeholder="Hội trường UBND huyện" />
                    <PickField label="Đơn vị tổ chức" value=unit_id options=units error=errors.of(DialogueField::Unit) />
                    {host_kind.view("Cơ quan đứng tên biên bản", Signal::default())}
                    <TextField label="Tên UBND hoặc doanh nghiệp đứng tên biên bản" value=host_name error=errors.of(DialogueField::HostName) placeholder="UBND huyện Thanh Oai" />
                    {attendances.view()}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Thành phần tham dự"</legend>
                <div class="grid">
                    <TextField label="Chủ trì phía người lao động: họ tên" value=worker_name />
                    <TextField label="Chủ trì phía người lao động: chức vụ" value=worker_role placeholder="Chủ tịch LĐLĐ huyện" />
                    <TextField label="Chủ trì phía NSDLĐ/chính quyền: họ tên" value=employer_name />
                    <TextField label="Chủ trì phía NSDLĐ/chính quyền: chức vụ" value=employer_role placeholder="Chủ tịch UBND huyện" />
                </div>
                <TextArea label="Thành phần phía NSDLĐ/chính quyền" value=employer_side hint=text::PEOPLE_HINT />
                <TextArea label="Thành phần phía tổ chức đại diện người lao động và người lao động" value=worker_side hint=text::PEOPLE_HINT />
                <div class="grid">
                    <TextField label="Người ghi biên bản: họ tên" value=taker_name />
                    <TextField label="Người ghi biên bản: chức vụ" value=taker_role placeholder="Chuyên viên Văn phòng" />
                </div>
                <TextArea label="Doanh nghiệp tham gia" value=enterprises hint="Mỗi doanh nghiệp một dòng." />
            </fieldset>
            <fieldset>
                <legend>"Biên bản"</legend>
                <h3>"Nội dung đã thống nhất và biện pháp"</h3>
                {move || {
                    points
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, row)| view! { <PointInputs index=i row points errors /> })
                        .collect_view()
                }}
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| points.update(|p| p.push(PointRow::new(String::new(), String::new())))
                >
                    "Thêm nội dung thống nhất"
                </button>
                <TextArea label="Nội dung chưa thống nhất" value=disagreed hint="Mỗi nội dung một dòng." />
                <div class="grid">
                    {next_on.view()}
                </div>
                <TextArea label="Ghi chú biên bản" value=notes />
                <CheckField label="Biên bản đã có chữ ký của hai bên" value=signed />
                <p class="hint">{text::SIGNING_HINT}</p>
            </fieldset>
            </fieldset>
            <div class="actions">
                {(!locked).then(|| view! {
                    <SaveButton saving label={if editing.is_some() { "Lưu thay đổi" } else { "Ghi đối thoại" }} />
                })}
                <a class="button secondary" href=cancel_href>{if locked { "Quay lại" } else { "Hủy" }}</a>
            </div>
            <NoticeLine notice />
        </form>
    }
    .into_any()
}

/// The content and measure inputs of one agreed point, with its own error.
#[component]
fn PointInputs(
    index: usize,
    row: PointRow,
    points: RwSignal<Vec<PointRow>>,
    errors: FieldErrors<DialogueField>,
) -> impl IntoView {
    let n = index + 1;
    let error = errors.of(DialogueField::AgreedPoint(index));
    view! {
        <div class="point-row grid" class:invalid=move || error.with(Option::is_some)>
            <TextField label=format!("Nội dung thống nhất {n}") value=row.content error />
            <TextField label=format!("Biện pháp {n}") value=row.measure />
            <div class="field">
                <button
                    type="button"
                    class="secondary"
                    aria-label=format!("Bỏ dòng thống nhất {n}")
                    on:click=move |_| {
                        points.update(|p| {
                            if index < p.len() {
                                p.remove(index);
                            }
                        });
                        errors.clear();
                    }
                >
                    "Bỏ"
                </button>
            </div>
        </div>
    }
}
