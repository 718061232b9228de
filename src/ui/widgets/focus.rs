//! Where keyboard focus goes after something changes the view: the first field in error after a
//! refused save, the heading of new content after navigating or opening a record. Both wait for
//! the next frame, so the error texts and the new content are already drawn.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn focus_and_show(el: web_sys::Element) {
    show(el, web_sys::ScrollLogicalPosition::Center);
}

/// Focuses `el` and scrolls it to `block` (the centre for a field among others, the top for a
/// heading or the main content).
fn show(el: web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    // Headings are not focusable by themselves: -1 lets a script focus them without adding a
    // stop to the tab order.
    if !el.has_attribute("tabindex")
        && !matches!(
            el.tag_name().as_str(),
            "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "A"
        )
    {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(block);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// A control marked invalid, or the first control of a group (such as the cluster's member
/// checkboxes) whose error is shown under it.
const FIRST_INVALID: &str = "main [aria-invalid='true'], main fieldset:has(> .field-error) input";

/// After a refused save: focus the first field marked invalid on the page and scroll it into
/// view, so the officer sees the field the message is about.
pub fn first_invalid() {
    request_animation_frame(|| {
        if let Some(el) = document().and_then(|d| d.query_selector(FIRST_INVALID).ok().flatten()) {
            focus_and_show(el);
        }
    });
}

/// After opening a record or another view: focus the element matching `selector` (a heading
/// with `tabindex="-1"`) and bring it into view.
pub fn element(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
            show(el, web_sys::ScrollLogicalPosition::Start);
        }
    });
}

/// After the route changed: focus the new content's heading — a record's heading marked
/// `data-focus`, else the page's `h1` when the page changed, else the first `h2` of the view.
/// Focus stays where it is when it is in a form control (a picker the officer is moving through
/// with the arrow keys changes the route at every step).
pub fn after_navigation(page_changed: bool) {
    request_animation_frame(move || {
        let Some(doc) = document() else { return };
        let in_control = doc
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if in_control {
            return;
        }
        let selectors: &[&str] = if page_changed {
            &["main [data-focus]", "main h1"]
        } else {
            &["main [data-focus]", "main h2", "main h1"]
        };
        if let Some(el) = selectors
            .iter()
            .find_map(|s| doc.query_selector(s).ok().flatten())
        {
            let page_heading = el.tag_name() == "H1";
            show(el, web_sys::ScrollLogicalPosition::Start);
            // A new page is shown from its top, so what stands above its heading (a print
            // view's bar, a page's banners) is not scrolled out of sight.
            if page_heading {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        }
    });
}

/// The skip link's target: the main content, focused without scrolling past it.
pub fn main_content() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("noi-dung")) {
        show(el, web_sys::ScrollLogicalPosition::Start);
    }
}
