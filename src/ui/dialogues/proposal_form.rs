//! Adding a proposal to a dialogue, or editing one: form → domain validation → store.
//! Status changes have their own form (see `proposal_view`), so they always leave a dated trace.

use super::text;
use crate::domain::dialogues::proposal::{self, Directive, ProposalDraft, ProposalField};
use crate::domain::dialogues::Topic;
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::ui::use_store;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::TextArea;
use crate::ui::widgets::{Choice, Notice, SaveButton, Saving, TextField};
use leptos::prelude::*;

/// `editing` is the proposal being edited; without it the form adds to `dialogue_id`.
/// `done` runs after a successful save (to close an edit form).
#[component]
pub fn ProposalForm(
    dialogue_id: Id,
    #[prop(optional)] editing: Option<Id>,
    #[prop(optional, into)] done: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let page_notice = expect_context::<super::PageNotice>().0;
    let existing = editing
        .as_ref()
        .and_then(|id| store.with_untracked(|d| record::find(&d.proposals, id).cloned()));
    let draft = existing.as_ref().map_or_else(
        || ProposalDraft::new(dialogue_id.clone(), Topic::Other),
        ProposalDraft::from_proposal,
    );
    let closed = existing.as_ref().is_some_and(|p| p.status.is_closed());

    let content = RwSignal::new(draft.content.clone());
    let topic = Choice::optional(
        &Topic::ALL,
        text::topic_name,
        "— Chọn lĩnh vực —",
        None,
        existing.is_some().then_some(draft.topic),
    );
    let raised_by = RwSignal::new(draft.raised_by.clone());
    let agency = RwSignal::new(draft.agency.clone());
    let directive_no = RwSignal::new(draft.directive.number.clone());
    let response = RwSignal::new(draft.response.clone());
    let errors = FieldErrors::<ProposalField>::new();
    let date = |label, field, value: Option<chrono::NaiveDate>| {
        let input = Input::optional_date(label, errors, field);
        input.fill(value.map(format::date).unwrap_or_default());
        input
    };
    let directive_on = date(
        "Ngày văn bản chỉ đạo",
        ProposalField::DirectiveDate,
        draft.directive.date,
    );
    let deadline = date("Hạn giải quyết", ProposalField::Deadline, draft.deadline);
    let resolved_on = date("Ngày giải quyết", ProposalField::ResolvedOn, draft.resolved_on);
    let notice = RwSignal::new(None::<Notice>);
    let reset = move || {
        topic.fill(None);
        for s in [
            content,
            raised_by,
            agency,
            directive_no,
            directive_on.text,
            deadline.text,
            response,
            resolved_on.text,
        ] {
            s.set(String::new());
        }
    };

    let saving = Saving::new();

    let editing_id = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let dates = [directive_on, deadline, resolved_on].map(|input| input.read());
        let chosen_topic = errors.check(
            ProposalField::Topic,
            topic
                .get_untracked()
                .ok_or_else(|| "Hãy chọn lĩnh vực (chọn \"Khác\" nếu không thuộc lĩnh vực nào).".to_string()),
        );
        let ([Some(directive_date), Some(deadline_on), Some(resolved)], Some(chosen_topic)) =
            (dates, chosen_topic)
        else {
            errors.refuse_if_any(notice);
            return;
        };
        let draft = ProposalDraft {
            dialogue_id: Some(dialogue_id.clone()),
            content: content.get_untracked(),
            topic: chosen_topic,
            raised_by: raised_by.get_untracked(),
            agency: agency.get_untracked(),
            directive: Directive {
                number: directive_no.get_untracked(),
                date: directive_date,
            },
            deadline: deadline_on,
            response: response.get_untracked(),
            resolved_on: resolved,
        };
        let shown = draft.content.trim().to_string();
        let editing_id = editing_id.clone();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| match &editing_id {
                    Some(id) => proposal::update(&mut data.proposals, &data.dialogues, id, draft, stamp),
                    None => proposal::add(
                        &mut data.proposals,
                        &data.dialogues,
                        crate::store::browser::new_id(),
                        draft,
                        stamp,
                    ),
                })
                .await;
            match result {
                Ok(()) => {
                    let verb = if editing_id.is_some() {
                        "Đã lưu thay đổi của kiến nghị"
                    } else {
                        "Đã thêm kiến nghị"
                    };
                    let message = Some(Notice::Done(format!("{verb} \"{shown}\".")));
                    if editing_id.is_none() {
                        notice.set(message);
                        reset();
                    } else {
                        page_notice.set(message);
                    }
                    if let Some(done) = done {
                        done.run(());
                    }
                }
                Err(error) => {
                    // Only these fields are on this form; the others' messages go to the notice.
                    let messages = |refused| {
                        text::proposal_messages(
                            refused,
                            &[
                                ProposalField::Content,
                                ProposalField::DirectiveDate,
                                ProposalField::Deadline,
                                ProposalField::ResolvedOn,
                            ],
                        )
                    };
                    errors.commit_failed(error, messages, notice)
                }
            }
        });
    };

    let title = if editing.is_some() {
        "Sửa kiến nghị"
    } else {
        "Thêm kiến nghị"
    };
    let save_label = if editing.is_some() {
        "Lưu kiến nghị"
    } else {
        "Thêm kiến nghị"
    };
    view! {
        <form class="card" on:submit=submit aria-label=title novalidate>
            <h3>{title}</h3>
            <TextArea label="Nội dung kiến nghị" value=content error=errors.of(ProposalField::Content) required=true rows=2 />
            <div class="grid">
                {topic.view("Lĩnh vực", errors.of(ProposalField::Topic))}
                <TextField label="Người/đơn vị kiến nghị" value=raised_by placeholder="CĐCS Công ty May 10" />
                <TextField label="Cơ quan được giao giải quyết" value=agency placeholder="BHXH huyện" />
                <TextField label="Số văn bản chỉ đạo" value=directive_no placeholder="123/UBND-NC" />
                {directive_on.view()}
                {deadline.view()}
                {closed.then(|| resolved_on.view())}
            </div>
            <TextArea label="Kết quả trả lời, giải quyết" value=response rows=2 />
            <div class="actions">
                <SaveButton saving label=save_label />
                {done
                    .filter(|_| editing.is_some())
                    .map(|done| {
                        view! {
                            <button type="button" class="secondary" on:click=move |_| done.run(())>
                                "Hủy sửa"
                            </button>
                        }
                    })}
            </div>
            <NoticeLine notice />
        </form>
    }
}
