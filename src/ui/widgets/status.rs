//! One line telling the officer what just happened: confirmations as `role="status"`, failures
//! as `role="alert"`.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Done(String),
    Failed(String),
}

impl Notice {
    /// The message for a commit that the store could not finish (the domain error already
    /// handled by the caller).
    pub fn from_commit<E>(err: &crate::store::CommitError<E>) -> Option<Notice> {
        use crate::store::CommitError;
        match err {
            CommitError::Invalid(_) => None,
            CommitError::NotSaved(_) => Some(Notice::Failed(
                "Thay đổi chưa được lưu vì bộ nhớ trình duyệt gặp sự cố (xem thông báo phía trên).".into(),
            )),
            CommitError::Unreadable => Some(Notice::Failed(
                "Một thẻ khác đã lưu dữ liệu mà bản này không đọc được; thay đổi chưa được lưu.".into(),
            )),
        }
    }
}

#[component]
pub fn NoticeLine(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    move || match notice.get() {
        Some(Notice::Done(text)) => view! { <p class="notice ok" role="status">{text}</p> }.into_any(),
        Some(Notice::Failed(text)) => view! { <p class="notice error" role="alert">{text}</p> }.into_any(),
        None => view! { <p class="notice" role="status"></p> }.into_any(),
    }
}
