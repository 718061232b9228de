//! The app shell: header, navigation, storage warnings and the current page.

use super::route::{use_route, Page};
use crate::store::{quota, tabs, Store};
use crate::ui::widgets::status::save_problem_text;
use crate::ui::widgets::UpdateBanner;
use leptos::prelude::*;

#[component]
pub fn App(store: Store) -> impl IntoView {
    provide_context(store);
    tabs::follow_other_tabs(store);
    // Sync runs whichever page is open: started here, shown on *Dữ liệu*.
    provide_context(crate::store::sync::Sync::start(store));
    quota::ask_to_keep_once_data_exists(store);
    provide_context(quota::watch_usage(store));
    crate::ui::dialogues::provide_search_indexes(store);
    let route = use_route();
    provide_context(route);
    let page = Memo::new(move |_| route.with(|r| r.page));
    crate::ui::widgets::unsaved::guard_closing_the_tab();
    // Each page names the tab ("Chấm điểm – Thi đua"); after navigating, focus goes to the new
    // content's heading so keyboard and screen-reader users start there.
    Effect::new(move |previous: Option<super::route::Route>| {
        let now = route.get();
        document().set_title(&format!("{} – Thi đua", now.page.title()));
        if let Some(before) = previous.filter(|b| *b != now) {
            crate::ui::widgets::focus::after_navigation(before.page != now.page);
        }
        now
    });

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
            <Show
                when=move || page.get() != Page::Print
                fallback=|| view! { <super::reports::print_view::PrintView /> }
            >
            <a class="skip-link" href="#noi-dung" on:click=|ev| {
                // The hash is the router's: move focus instead of following the link.
                ev.prevent_default();
                crate::ui::widgets::focus::main_content();
            }>"Bỏ qua đến nội dung"</a>
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
            <UpdateBanner />
            <SaveProblemBanner />
            <NearlyFullBanner />
            <super::data::office::OfficeBanner />
            <super::data::unshared::UnsharedReminder />
            <main id="noi-dung" tabindex="-1">
                {move || match page.get() {
                    Page::Overview => view! { <super::overview::OverviewPage /> }.into_any(),
                    Page::Units => view! { <super::units::UnitsPage /> }.into_any(),
                    Page::Data => view! { <super::data::DataPage /> }.into_any(),
                    Page::Scoring => view! { <super::scoring::ScoringPage /> }.into_any(),
                    Page::Programmes => view! { <super::programmes::ProgrammesPage /> }.into_any(),
                    Page::Dialogues => view! { <super::dialogues::DialoguesPage /> }.into_any(),
                    Page::Print => ().into_any(),
                }}
            </main>
            </Show>
        </Show>
    }
}

/// Shown on every page once the origin's storage quota is over 80% used, well before saves
/// start failing. The *Dữ liệu* page explains the figures and says the same there.
#[component]
fn NearlyFullBanner() -> impl IntoView {
    let route = expect_context::<ReadSignal<super::route::Route>>();
    let usage = expect_context::<quota::UsageWatch>().0;
    move || {
        let on_data_page = route.with(|r| r.page == Page::Data);
        usage.get().filter(|u| u.nearly_full() && !on_data_page).map(|u| {
            view! {
                <div class="banner warn" role="alert">
                    <p>
                        {format!(
                            "Bộ nhớ trình duyệt sắp đầy (đã dùng {}). Hãy tải bản sao lưu ngay rồi lưu trữ bớt dữ liệu các năm cũ.",
                            crate::domain::format::percent(u.share() * 100.0),
                        )}
                    </p>
                    <a href=Page::Data.href()>"Đến trang Dữ liệu"</a>
                </div>
            }
        })
    }
}

/// Shown while the last change could not be saved, so a failed write is never silent.
#[component]
fn SaveProblemBanner() -> impl IntoView {
    let store = super::use_store();
    move || {
        store.save_problem.get().map(|problem| {
            let text = save_problem_text(&problem);
            view! {
                <div class="banner error" role="alert">
                    <p>{text}</p>
                    <a href=Page::Data.href()>"Đến trang Dữ liệu"</a>
                </div>
            }
        })
    }
}
