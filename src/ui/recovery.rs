//! Shown instead of the app when stored data cannot be read. It explains the problem, offers the
//! raw text as a download, and never writes to storage.

use crate::domain::schema::{LoadError, ShapeProblem};
use crate::store::{download::download_text, Boot};
use leptos::prelude::*;

pub fn explain(error: &LoadError) -> String {
    match error {
        LoadError::NotJson { line, column } => format!(
            "Dữ liệu đã lưu bị hỏng: văn bản dữ liệu bị lỗi ở dòng {line}, cột {column}, \
             có thể do bị sửa bằng công cụ khác hoặc bị cắt ngang khi lưu."
        ),
        LoadError::WrongShape(problem) => match problem {
            ShapeProblem::NotAnObject | ShapeProblem::MissingVersion => {
                "Dữ liệu đã lưu không phải dữ liệu của ứng dụng Thi đua (thiếu số phiên bản dữ liệu).".into()
            }
            ShapeProblem::BadVersion => "Số phiên bản của dữ liệu đã lưu không hợp lệ.".into(),
            ShapeProblem::Record { path } => format!(
                "Dữ liệu đã lưu có một giá trị bị thiếu hoặc sai kiểu, tại vị trí {path}, nên ứng dụng không đọc được."
            ),
        },
        LoadError::NewerVersion { found, supported } => format!(
            "Dữ liệu được lưu bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}, \
             bản này chỉ đọc được đến {supported}). Hãy mở bằng phiên bản mới nhất của ứng dụng."
        ),
        LoadError::MigrationFailed { from, detail } => {
            format!("Không chuyển được dữ liệu từ phiên bản {from} sang phiên bản hiện tại ({detail}).")
        }
    }
}

#[component]
pub fn Recovery(problem: Boot) -> impl IntoView {
    let (message, raw) = match problem {
        Boot::StorageBlocked => (
            "Trình duyệt không cho trang này dùng bộ nhớ của trình duyệt, nên ứng dụng không thể \
             lưu dữ liệu. Hãy tắt chế độ chặn cookie/lưu trữ cho trang này, hoặc mở bằng trình duyệt khác."
                .to_string(),
            None,
        ),
        Boot::Unreadable { raw, error } => (explain(&error), Some(raw)),
    };
    let (status, set_status) = signal(None::<String>);
    view! {
        <main class="recovery">
            <h1>"Không đọc được dữ liệu đã lưu"</h1>
            <div role="alert">
                <p>{message}</p>
            </div>
            <p>
                "Ứng dụng KHÔNG ghi đè lên dữ liệu này. Hãy tải bản sao về máy và gửi cho cán bộ kỹ thuật \
                 để khôi phục."
            </p>
            {raw
                .map(|raw| {
                    let size = crate::domain::format::integer(raw.len() as i64);
                    view! {
                        <p>"Kích thước dữ liệu đã lưu: " {size} " byte."</p>
                        <button on:click=move |_| {
                            let msg = match download_text("thidua-du-lieu-hong.txt", &raw, "text/plain") {
                                Ok(()) => "Đã tải xuống bản sao dữ liệu gốc.".to_string(),
                                Err(e) => format!("Không tải xuống được: {e}"),
                            };
                            set_status.set(Some(msg));
                        }>"Tải xuống dữ liệu gốc"</button>
                    }
                })}
            <p role="status">{move || status.get()}</p>
        </main>
    }
}
