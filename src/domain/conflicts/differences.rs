//! A difference between the two versions of a record: what it is about (a form's label, a
//! criterion, a named part) and both values in words.

use super::show;

/// What a difference is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// A field by its form's label: "Tên đơn vị", "Hạn giải quyết".
    Field(&'static str),
    /// One criterion of a scorecard or a scoring table: "I.1. Chăm lo đời sống…".
    Criterion { code: String, name: String },
    /// A named part of a record: a figure of the yearly indicators, a block, a content area.
    Part(String),
    /// A field the describers do not know: [`super::OTHER_DATA`].
    Other,
}

impl Label {
    pub fn text(&self) -> String {
        match self {
            Label::Field(label) => (*label).to_string(),
            Label::Criterion { code, name } if code.is_empty() => name.clone(),
            Label::Criterion { code, name } => format!("{code}. {name}"),
            Label::Part(name) => name.clone(),
            Label::Other => super::OTHER_DATA.to_string(),
        }
    }
}

/// One field (or part) that differs, with the value of each side as the forms show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub label: Label,
    /// Bản của máy này
    pub local: String,
    /// Bản trong tệp
    pub incoming: String,
}

/// The differences of one conflict, collected field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Differences(Vec<Difference>);

impl Differences {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_list(self) -> Vec<Difference> {
        self.0
    }

    /// Adds a difference whose values are already in words.
    pub fn push(&mut self, label: Label, local: String, incoming: String) {
        self.0.push(Difference {
            label,
            local,
            incoming,
        });
    }

    /// Adds `label` when `a` and `b` differ, each shown by `show` (a trait object, so that the
    /// many fields share one copy of this function per value type in the wasm).
    pub fn field<T: PartialEq + ?Sized>(
        &mut self,
        label: &'static str,
        a: &T,
        b: &T,
        show: &dyn Fn(&T) -> String,
    ) {
        if a != b {
            self.push(Label::Field(label), show(a), show(b));
        }
    }

    /// Adds a named part (a figure, a block) when `a` and `b` differ.
    pub fn field_part<T: PartialEq + ?Sized>(
        &mut self,
        name: String,
        a: &T,
        b: &T,
        show: &dyn Fn(&T) -> String,
    ) {
        if a != b {
            self.push(Label::Part(name), show(a), show(b));
        }
    }

    /// Adds a list field when the lists differ, showing only what each side has and the other
    /// lacks ("Chỉ bản này có: …"); when they hold the same items in another order, both
    /// lists in full.
    pub fn items<T: PartialEq>(&mut self, label: Label, a: &[T], b: &[T], say: &dyn Fn(&T) -> String) {
        if a == b {
            return;
        }
        let only = |xs: &[T], others: &[T]| -> Vec<String> {
            xs.iter().filter(|x| !others.contains(x)).map(say).collect()
        };
        let (left, right) = (only(a, b), only(b, a));
        let (left, right) = if left.is_empty() && right.is_empty() {
            let all = |xs: &[T]| show::list(xs.iter().map(say).collect());
            (all(a), all(b))
        } else {
            (show::only_here(left), show::only_here(right))
        };
        self.push(label, left, right);
    }
}
