//! The app shell: header, navigation, storage warnings and the current page.

use super::route::{use_route, Page};
use crate::store::{tabs, SaveProblem, Store};
use leptos::prelude::*;

#[component]
pub fn App(store: Store) -> impl IntoView {
    provide_context(store);
    tabs::follow_other_tabs(store);
    let route = use_route();
    provide_context(route);
    let page = Memo::new(move |_| route.with(|r| r.page));

    view! {
        <Show
            when=move || store.fatal.with(Option::is_none)
            fallback=move || {
                store
                    .fatal
                    .get()
                    .map(|problem| view! { <super::recovery::Recovery problem /> })
            }
        >
            <header class="top">
                <a class="brand" href="#/">
                    "Thi đua"
                </a>
                <super::data::office::OfficeName />
                <nav aria-label="Chính">
                    <ul>
                        {Page::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        <a
                                            href=p.href()
                                            aria-current=move || (page.get() == p).then_some("page")
                                        >
                                            {p.title()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </header>
            <SaveProblemBanner />
            <super::data::office::OfficeBanner />
            <super::data::unshared::UnsharedReminder />
            <main id="noi-dung">
                {move || match page.get() {
                    Page::Overview => view! { <super::overview::OverviewPage /> }.into_any(),
                    Page::Units => view! { <super::units::UnitsPage /> }.into_any(),
                    Page::Data => view! { <super::data::DataPage /> }.into_any(),
                    _ => view! { <super::overview::OverviewPage /> }.into_any(),
                }}
            </main>
        </Show>
    }
}

/// Shown while the last change could not be saved, so a failed write is never silent.
#[component]
fn SaveProblemBanner() -> impl IntoView {
    let store = super::use_store();
    move || {
        store.save_problem.get().map(|problem| {
            let text = match problem {
                SaveProblem::QuotaExceeded => {
                    "Bộ nhớ của trình duyệt đã đầy nên thay đổi vừa rồi CHƯA được lưu. \
                     Dữ liệu đã lưu trước đó vẫn còn nguyên. Hãy vào trang Dữ liệu để xuất dữ liệu ra tệp, \
                     rồi lưu trữ bớt các năm cũ."
                        .to_string()
                }
                SaveProblem::Blocked => "Trình duyệt đang chặn bộ nhớ cục bộ nên thay đổi CHƯA được lưu. \
                     Hãy tắt chế độ chặn lưu trữ cho trang này rồi thử lại."
                    .to_string(),
                SaveProblem::Other(detail) => {
                    format!("Không lưu được thay đổi vào bộ nhớ trình duyệt ({detail}).")
                }
            };
            view! {
                <div class="banner error" role="alert">
                    <p>{text}</p>
                    <a href=Page::Data.href()>"Đến trang Dữ liệu"</a>
                </div>
            }
        })
    }
}
