//! Typed form fields: dates are typed as dd/mm/yyyy text, not through the browser's date
//! picker, which follows the browser's language (often not Vietnamese), since officers type
//! dates the way they write them. A field knows its label, how its text becomes a value (a date or a
//! year) and which form field its errors belong to. The form reads a value with `read()`;
//! a mistake is put on the field itself, with the one message for that kind of mistake.
//!
//! ```ignore
//! let errors = FieldErrors::<UnitField>::new();
//! let from = Input::optional_date("Hoạt động từ ngày", errors, UnitField::ActiveFrom);
//! view! { {from.view()} }            // the labelled field with its error
//! let active_from = from.read();     // Some(value), or None with the message on the field
//! ```

use super::form::FieldErrors;
use super::parse;
use super::TextField;
use chrono::NaiveDate;
use leptos::prelude::*;

pub struct Input<T: 'static, F: Copy + PartialEq + Send + Sync + 'static> {
    /// The text as typed (or as the form filled it).
    pub text: RwSignal<String>,
    label: &'static str,
    parse: fn(&str, &str) -> Result<T, String>,
    errors: FieldErrors<F>,
    field: F,
    placeholder: &'static str,
    required: bool,
}

impl<T: 'static, F: Copy + PartialEq + Send + Sync + 'static> Clone for Input<T, F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static, F: Copy + PartialEq + Send + Sync + 'static> Copy for Input<T, F> {}

impl<F: Copy + PartialEq + Send + Sync + 'static> Input<Option<NaiveDate>, F> {
    /// A dd/mm/yyyy date that may be left blank.
    pub fn optional_date(label: &'static str, errors: FieldErrors<F>, field: F) -> Self {
        Input::new(label, parse::optional_date, errors, field).with_placeholder("dd/mm/yyyy")
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Input<NaiveDate, F> {
    /// A dd/mm/yyyy date that must be given.
    pub fn date(label: &'static str, errors: FieldErrors<F>, field: F) -> Self {
        Input::new(label, parse::date, errors, field)
            .with_placeholder("dd/mm/yyyy")
            .required()
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Input<i32, F> {
    /// A year, required.
    pub fn year(label: &'static str, errors: FieldErrors<F>, field: F) -> Self {
        Input::new(label, parse::year, errors, field).required()
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Input<Option<u64>, F> {
    /// A whole count typed the vi-VN way (1.250), blank for none; other text is named as not a
    /// number, never read as 0.
    pub fn count(label: &'static str, errors: FieldErrors<F>, field: F) -> Self {
        Input::new(label, parse::count, errors, field)
    }
}

impl<T: 'static, F: Copy + PartialEq + Send + Sync + 'static> Input<T, F> {
    fn new(
        label: &'static str,
        parse: fn(&str, &str) -> Result<T, String>,
        errors: FieldErrors<F>,
        field: F,
    ) -> Self {
        Input {
            text: RwSignal::new(String::new()),
            label,
            parse,
            errors,
            field,
            placeholder: "",
            required: false,
        }
    }

    pub fn with_placeholder(mut self, placeholder: &'static str) -> Self {
        self.placeholder = placeholder;
        self
    }

    /// Marks the field required (shown with its label).
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Fills the field (opening a record, resetting): not the officer's input.
    pub fn fill(&self, text: impl Into<String>) {
        self.text.set(text.into());
    }

    /// The value, or `None` with the message put on this field.
    pub fn read(&self) -> Option<T> {
        self.errors
            .check(self.field, (self.parse)(self.label, &self.text.get_untracked()))
    }

    /// The labelled field, showing this field's errors.
    pub fn view(self) -> impl IntoView {
        view! {
            <TextField label=self.label value=self.text error=self.errors.of(self.field)
                placeholder=self.placeholder required=self.required />
        }
    }
}
