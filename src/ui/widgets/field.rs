//! Labelled form fields. Every control has a visible label tied to it, and a field's error is
//! shown right under it with `role="alert"` and linked by `aria-describedby`.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh DOM id, so labels and error texts point at the right control.
pub fn next_id(prefix: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// Whether a field holds input the officer gave that the form has not taken back: its value
/// differs from the last value the form put there (on opening, refilling after a save, or
/// resetting). Typing back the original makes the field clean again. Marked with `data-typed`,
/// which the unsaved-input guard ([`super::unsaved`]) looks for. Works for any value: text,
/// a choice, a tick, a list of chosen units.
pub struct Typed<T: Clone + PartialEq + Send + Sync + 'static> {
    /// The value of the last input event, until the value change it caused has been seen.
    last_input: StoredValue<Option<T>>,
    /// The last value the form (not the officer) put in the field.
    baseline: RwSignal<T>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Clone for Typed<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Clone + PartialEq + Send + Sync + 'static> Copy for Typed<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Typed<T> {
    pub fn follow(value: RwSignal<T>) -> Self {
        let typed = Typed {
            last_input: StoredValue::new(None),
            baseline: RwSignal::new(value.get_untracked()),
        };
        // Every value change not caused by the officer comes from the form: the new baseline.
        Effect::new(move |_| {
            let v = value.get();
            let from_input = typed.last_input.with_value(|l| l.as_ref() == Some(&v));
            typed.last_input.set_value(None);
            if !from_input {
                typed.baseline.set(v);
            }
        });
        typed
    }

    /// The officer changed the value.
    pub fn input(self, value: RwSignal<T>, new: T) {
        self.last_input.set_value(Some(new.clone()));
        value.set(new);
    }

    /// The officer changed the value in place (e.g. ticked one more unit of a list).
    pub fn input_with(self, value: RwSignal<T>, change: impl FnOnce(&mut T)) {
        let mut new = value.get_untracked();
        change(&mut new);
        self.input(value, new);
    }

    /// `data-typed` while the value differs from what the form put there.
    pub fn marker(self, value: RwSignal<T>) -> Option<&'static str> {
        self.differs(value).then_some("true")
    }

    /// Whether the field holds input the form has not put there (untracked: for effects that
    /// refill fields and must leave the officer's input alone).
    pub fn holds_input(self, value: RwSignal<T>) -> bool {
        value.with_untracked(|v| self.baseline.with_untracked(|b| v != b))
    }

    fn differs(self, value: RwSignal<T>) -> bool {
        value.with(|v| self.baseline.with(|b| v != b))
    }
}

impl Typed<String> {
    /// For text, surrounding spaces alone are not a change.
    pub fn text_marker(self, value: RwSignal<String>) -> Option<&'static str> {
        value
            .with(|v| self.baseline.with(|b| v.trim() != b.trim()))
            .then_some("true")
    }
}

#[component]
pub(super) fn FieldError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="field-error" role="alert" id=id.clone()>
                    {e}
                </p>
            }
        })
    }
}

#[component]
pub fn TextField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = next_id("f");
    let err_id = format!("{id}-loi");
    let described = err_id.clone();
    let typed = Typed::follow(value);
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label} {required.then_some(" *")}</label>
            <input
                id=id
                type=input_type
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| typed.input(value, event_target_value(&ev))
                data-typed=move || typed.text_marker(value)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            />
            {(!hint.is_empty()).then(|| view! { <small class="hint">{hint}</small> })}
            <FieldError id=err_id error />
        </div>
    }
}

#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// (value, text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = next_id("s");
    let err_id = format!("{id}-loi");
    let err_id_text = err_id.clone();
    let typed = Typed::follow(value);
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| err_id.clone())
                on:change=move |ev| typed.input(value, event_target_value(&ev))
                data-typed=move || typed.marker(value)
                prop:value=move || value.get()
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = value.get_untracked() == v;
                            view! {
                                <option value=v selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <FieldError id=err_id_text error />
        </div>
    }
}

/// A typed choice among an enum's values (or "none yet" and them): the form reads and writes a
/// `T`, never a string slug, and no value is made up for one the list does not have. The pick
/// is kept as its position in the list, so every choice field shares one signal type and one
/// non-generic select (the per-type part is only the lookup: size).
///
/// ```ignore
/// let kind = Choice::new(&UnitKind::ALL, text::kind_name, UnitKind::District);
/// view! { {kind.view("Loại đơn vị", Signal::default())} }
/// let picked: UnitKind = kind.value();
/// ```
pub struct Choice<T: 'static> {
    picked: RwSignal<usize>,
    all: &'static [T],
    name: fn(T) -> &'static str,
    /// The first entry meaning "none chosen yet" (e.g. "— Chọn lĩnh vực —"), if any.
    blank: Option<&'static str>,
    /// A value not offered (e.g. the proposal's current status when choosing the next one).
    except: Option<T>,
}

impl<T: Copy + 'static> Clone for Choice<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy + 'static> Copy for Choice<T> {}

impl<T: Copy + PartialEq + 'static> Choice<T> {
    /// One of `all`, showing `value`.
    pub fn new(all: &'static [T], name: fn(T) -> &'static str, value: T) -> Self {
        let choice = Choice {
            picked: RwSignal::new(0),
            all,
            name,
            blank: None,
            except: None,
        };
        choice.fill(Some(value));
        choice
    }

    /// `blank` first ("none chosen yet"), then `all` but `except`; showing `value`.
    pub fn optional(
        all: &'static [T],
        name: fn(T) -> &'static str,
        blank: &'static str,
        except: Option<T>,
        value: Option<T>,
    ) -> Self {
        let choice = Choice {
            picked: RwSignal::new(0),
            all,
            name,
            blank: Some(blank),
            except,
        };
        choice.fill(value);
        choice
    }

    fn offered(self) -> impl Iterator<Item = T> {
        self.all.iter().copied().filter(move |x| Some(*x) != self.except)
    }

    fn at(self, position: usize) -> Option<T> {
        let first = usize::from(self.blank.is_some());
        self.offered().nth(position.checked_sub(first)?)
    }

    /// Shows `value` (opening a record, resetting): not the officer's input. A value the list
    /// does not offer shows the blank entry.
    pub fn fill(self, value: Option<T>) {
        let first = usize::from(self.blank.is_some());
        let position = value.and_then(|v| self.offered().position(|x| x == v));
        self.picked.set(position.map_or(0, |p| p + first));
    }

    /// The value chosen; `None` while the blank entry is.
    pub fn get(self) -> Option<T> {
        self.at(self.picked.get())
    }

    pub fn get_untracked(self) -> Option<T> {
        self.at(self.picked.get_untracked())
    }

    /// The value of a choice without a blank entry (it always has one).
    pub fn value(self) -> T {
        match self.get_untracked() {
            Some(v) => v,
            // Only reachable with an empty list, which no form has.
            None => self.all[0],
        }
    }

    /// The labelled select, with `error` under it.
    pub fn view(self, label: impl Into<String>, error: Signal<Option<String>>) -> AnyView {
        let texts = self
            .blank
            .into_iter()
            .chain(self.offered().map(self.name))
            .collect();
        choice_select(label.into(), texts, self.picked, error)
    }
}

/// The `<select>` of a [`Choice`]: options by position.
fn choice_select(
    label: String,
    texts: Vec<&'static str>,
    picked: RwSignal<usize>,
    error: Signal<Option<String>>,
) -> AnyView {
    let id = next_id("s");
    let err_id = format!("{id}-loi");
    let err_id_text = err_id.clone();
    let typed = Typed::follow(picked);
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| err_id.clone())
                on:change=move |ev| {
                    let i = event_target::<web_sys::HtmlSelectElement>(&ev).selected_index();
                    if let Ok(i) = usize::try_from(i) {
                        typed.input(picked, i);
                    }
                }
                data-typed=move || typed.marker(picked)
                prop:selectedIndex=move || picked.get() as i32
            >
                {texts
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let selected = picked.get_untracked() == i;
                        view! { <option selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldError id=err_id_text error />
        </div>
    }
    .into_any()
}

/// A labelled `<textarea>`, with its error under it like [`TextField`].
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let id = next_id("t");
    let err_id = format!("{id}-loi");
    let hint_id = format!("{id}-goi-y");
    let has_hint = !hint.is_empty();
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(err_id.clone());
            }
            if has_hint {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let typed = Typed::follow(value);
    view! {
        <div class="field wide" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label} {required.then_some(" *")}</label>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| typed.input(value, event_target_value(&ev))
                data-typed=move || typed.text_marker(value)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
            ></textarea>
            {has_hint.then(|| view! { <small class="hint" id=hint_id>{hint}</small> })}
            <FieldError id=err_id error />
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(#[prop(into)] label: String, value: RwSignal<bool>) -> impl IntoView {
    let typed = Typed::follow(value);
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| typed.input(value, event_target_checked(&ev))
                data-typed=move || typed.marker(value)
            />
            {label}
        </label>
    }
}
