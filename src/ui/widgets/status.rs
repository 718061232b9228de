//! One line telling the officer what just happened: confirmations as `role="status"`, failures
//! as `role="alert"`.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Done(String),
    Failed(String),
}

impl Notice {
    /// The one wording for a save refused because of marked fields.
    pub const FIX_MARKED: &'static str = "Chưa lưu: hãy sửa các ô được đánh dấu.";

    /// A save refused because of marked fields: says so and moves focus to the first field in
    /// error (scrolled into view), wherever it is on the page.
    pub fn refused() -> Notice {
        super::focus::first_invalid();
        Notice::Failed(Self::FIX_MARKED.into())
    }

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

    /// A failed commit in one line: the domain's refusal in `refused`'s words, or why the store
    /// could not save.
    pub fn failed<E>(err: crate::store::CommitError<E>, refused: impl FnOnce(E) -> String) -> Notice {
        match err {
            crate::store::CommitError::Invalid(e) => Notice::Failed(refused(e)),
            other => Notice::from_commit(&other).unwrap_or_else(|| Notice::Failed(String::new())),
        }
    }
}

/// Why a save did not reach storage, for the officer.
pub fn save_problem_text(problem: &crate::store::SaveProblem) -> String {
    match problem {
        crate::store::SaveProblem::QuotaExceeded => {
            "Bộ nhớ của trình duyệt đã đầy nên thay đổi vừa rồi CHƯA được lưu. \
             Dữ liệu đã lưu trước đó vẫn còn nguyên. Hãy vào trang Dữ liệu để xuất dữ liệu ra tệp, \
             rồi lưu trữ bớt các năm cũ."
                .to_string()
        }
        crate::store::SaveProblem::Unavailable => {
            "Trình duyệt đang chặn bộ nhớ của trang này nên thay đổi CHƯA được lưu. \
             Hãy tắt chế độ chặn lưu trữ cho trang này rồi thử lại."
                .to_string()
        }
        crate::store::SaveProblem::Blocked => {
            "Một phiên bản mới hơn của ứng dụng đang mở dữ liệu (ở thẻ khác) nên thay đổi \
             CHƯA được lưu. Hãy tải lại trang này để dùng phiên bản mới."
                .to_string()
        }
        crate::store::SaveProblem::Other(detail) => {
            format!("Không lưu được thay đổi vào bộ nhớ trình duyệt ({detail}).")
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
