//! Hash routing (`#/don-vi`, `#/cham-diem/...`): works from `file://` too, where the path cannot
//! change. The current route is a signal kept in step with `location.hash`.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Units,
    Scoring,
    Dialogues,
    Programmes,
    Data,
    /// A report alone, for printing (`#/in/…`): not in the navigation.
    Print,
}

impl Page {
    pub const ALL: [Page; 6] = [
        Page::Overview,
        Page::Units,
        Page::Scoring,
        Page::Dialogues,
        Page::Programmes,
        Page::Data,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Page::Overview => "",
            Page::Units => "don-vi",
            Page::Scoring => "cham-diem",
            Page::Dialogues => "doi-thoai",
            Page::Programmes => "phoi-hop",
            Page::Data => "du-lieu",
            Page::Print => "in",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Page::Overview => "Tổng quan",
            Page::Units => "Đơn vị & Cụm",
            Page::Scoring => "Chấm điểm",
            Page::Dialogues => "Đối thoại",
            Page::Programmes => "Phối hợp",
            Page::Data => "Dữ liệu",
            Page::Print => "In báo cáo",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }
}

/// A parsed hash: the page and the path segments after it (e.g. a cluster id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub rest: Vec<String>,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut segments = path.split('/').filter(|s| !s.is_empty()).map(decode);
        let first = segments.next().unwrap_or_default();
        let page = Page::ALL
            .into_iter()
            .chain([Page::Print])
            .find(|p| p.slug() == first)
            .unwrap_or(Page::Overview);
        Route {
            page,
            rest: segments.collect(),
        }
    }
}

fn decode(segment: &str) -> String {
    js_sys::decode_uri_component(segment)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| segment.to_string())
}

/// A link target inside a page: `href(Page::Scoring, &["cluster-id"])`.
pub fn href(page: Page, rest: &[&str]) -> String {
    let mut out = page.href();
    for segment in rest {
        out.push('/');
        out.push_str(&String::from(js_sys::encode_uri_component(segment)));
    }
    out
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route as a signal, following `hashchange` (links, back/forward, typed URLs).
/// A change that would drop unsaved input asks first; if the officer stays, the address goes
/// back to where the input is (without a new history entry) and the view does not change.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let shown = StoredValue::new(current_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = current_hash();
        if Route::parse(&next) == route.get_untracked() {
            shown.set_value(next);
            return;
        }
        if !crate::ui::widgets::unsaved::may_leave() {
            let back = shown.get_value();
            let back = if back.is_empty() { "#/".to_string() } else { back };
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&back));
            }
            return;
        }
        shown.set_value(next.clone());
        set_route.set(Route::parse(&next));
    });
    on_cleanup(move || handle.remove());
    route
}
