//! "Cài đặt báo cáo" on *Dữ liệu*: the lines every report of this office carries (header,
//! document sign, place, signer, recipients), checked by the domain's one rule.

use crate::domain::letter_case;
use crate::domain::reports::settings::{SettingsError, MAX_LINE};
use crate::domain::reports::ReportSettings;
use crate::store::settings::{report_settings, save_report_settings};
use crate::ui::office_name;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, TextArea, TextField};
use leptos::prelude::*;

fn label(field: &str) -> &'static str {
    match field {
        "parent_body" => "Cơ quan chủ quản",
        "issuing_body" => "Cơ quan ban hành",
        "sign" => "Ký hiệu văn bản",
        "place" => "Địa danh",
        "authority" => "Thẩm quyền ký",
        "signer_title" => "Chức vụ người ký",
        "signer_name" => "Họ và tên người ký",
        _ => "Nơi nhận",
    }
}

fn message(e: &SettingsError) -> (&'static str, String) {
    match e {
        SettingsError::Required(f) => (f, format!("Hãy nhập {}.", letter_case::lower(label(f)))),
        SettingsError::SignWithoutSlash => (
            "sign",
            "Ký hiệu văn bản bắt đầu bằng dấu \"/\", ví dụ /BC-LĐLĐ (số văn bản được ghi trước dấu này)."
                .into(),
        ),
        SettingsError::TooLong(f) => (
            f,
            format!(
                "{} dài quá {MAX_LINE} ký tự, không vừa một dòng của văn bản.",
                label(f)
            ),
        ),
    }
}

#[component]
pub fn ReportSettingsForm() -> impl IntoView {
    let office = office_name();
    let start = report_settings(&office.get_untracked());
    let field = |v: &String| RwSignal::new(v.clone());
    let parent_body = field(&start.parent_body);
    let issuing_body = field(&start.issuing_body);
    let sign = field(&start.sign);
    let place = field(&start.place);
    let authority = field(&start.authority);
    let signer_title = field(&start.signer_title);
    let signer_name = field(&start.signer_name);
    let recipients = field(&start.recipients);
    let errors = FieldErrors::<&'static str>::new();
    let notice = RwSignal::new(None::<Notice>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        notice.set(None);
        let typed = ReportSettings {
            parent_body: parent_body.get_untracked(),
            issuing_body: issuing_body.get_untracked(),
            sign: sign.get_untracked(),
            place: place.get_untracked(),
            authority: authority.get_untracked(),
            signer_title: signer_title.get_untracked(),
            signer_name: signer_name.get_untracked(),
            recipients: recipients.get_untracked(),
        }
        .trimmed();
        let problems = typed.validate();
        if !problems.is_empty() {
            errors.refuse(
                problems.iter().map(|p| {
                    let (f, m) = message(p);
                    (Some(f), m)
                }),
                notice,
            );
            return;
        }
        match save_report_settings(&typed) {
            Ok(()) => {
                // Set back from what was saved: the form has taken the input, nothing is unsaved.
                parent_body.set(typed.parent_body);
                issuing_body.set(typed.issuing_body);
                sign.set(typed.sign);
                place.set(typed.place);
                authority.set(typed.authority);
                signer_title.set(typed.signer_title);
                signer_name.set(typed.signer_name);
                recipients.set(typed.recipients);
                notice.set(Some(Notice::Done("Đã lưu cài đặt báo cáo.".into())));
            }
            Err(_) => notice.set(Some(Notice::Failed(
                "Không lưu được cài đặt báo cáo: trình duyệt đang chặn bộ nhớ của trang này. Cài đặt chỉ dùng được đến khi đóng trang."
                    .into(),
            ))),
        }
    };

    view! {
        <form class="card" on:submit=submit aria-label="Cài đặt báo cáo" novalidate>
            <h2>"Cài đặt báo cáo"</h2>
            <p>"Các dòng in trên mọi báo cáo, biên bản của cơ quan (theo thể thức văn bản của Công đoàn, QĐ 933/QĐ-TLĐ): phần đầu văn bản, ký hiệu, địa danh, người ký và nơi nhận."</p>
            <div class="grid">
                <TextField label=label("parent_body") value=parent_body error=errors.of("parent_body") required=true placeholder="Tổng Liên đoàn Lao động Việt Nam" />
                <TextField label=label("issuing_body") value=issuing_body error=errors.of("issuing_body") required=true placeholder="Liên đoàn Lao động thành phố Hà Nội" />
                <TextField label=label("sign") value=sign error=errors.of("sign") required=true placeholder="/BC-LĐLĐ" />
                <TextField label=label("place") value=place error=errors.of("place") required=true placeholder="Hà Nội" />
                <TextField label=label("authority") value=authority error=errors.of("authority") placeholder="TM. Ban Thường vụ" />
                <TextField label=label("signer_title") value=signer_title error=errors.of("signer_title") placeholder="Chủ tịch" />
                <TextField label=label("signer_name") value=signer_name error=errors.of("signer_name") />
            </div>
            <TextArea label="Nơi nhận (mỗi dòng một nơi)" value=recipients error=errors.of("recipients") rows=4 />
            <div class="actions">
                <button type="submit">"Lưu cài đặt báo cáo"</button>
            </div>
            <NoticeLine notice />
        </form>
    }
}
