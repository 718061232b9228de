//! A horizontal bar chart of totals drawn as SVG by hand (no chart library), with the tier
//! thresholds as guide lines. Accessible as one image with a text summary.

use crate::domain::scoring::points::Points;
use crate::ui::widgets::svg::px;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Points,
    /// CSS class for the bar's colour (the tier).
    pub class: &'static str,
}

const ROW: f64 = 28.0;
const LABEL_W: f64 = 150.0;
const BAR_W: f64 = 300.0;
const VALUE_W: f64 = 50.0;

#[component]
pub fn BarChart(
    bars: Vec<Bar>,
    thresholds: Vec<(Points, &'static str)>,
    #[prop(into)] title: String,
) -> impl IntoView {
    let scale_max = bars
        .iter()
        .map(|b| b.value)
        .chain(thresholds.iter().map(|t| t.0))
        .max()
        .unwrap_or(Points::whole(100))
        .max(Points::whole(100))
        .as_f64();
    let x = move |p: Points| LABEL_W + p.as_f64() / scale_max * BAR_W;
    let height = ROW * bars.len() as f64 + 34.0;
    let width = LABEL_W + BAR_W + VALUE_W;
    let summary = format!(
        "{title}: {}",
        bars.iter()
            .map(|b| format!("{} {}", b.label, b.value))
            .collect::<Vec<_>>()
            .join("; ")
    );
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", px(width), px(height)) role="img" aria-label=summary>
                {thresholds.iter().enumerate().map(|(i, (p, label))| {
                    let gx = x(*p);
                    // Alternate rows so labels of close thresholds (75, 90) never overlap.
                    let ly = height - 4.0 - (i % 2) as f64 * 11.0;
                    view! {
                        <line x1=px(gx) x2=px(gx) y1=0 y2=px(height - 26.0) class="guide" />
                        <text x=px(gx) y=px(ly) class="guide-label" text-anchor="middle">{format!("{label} {p}")}</text>
                    }
                }).collect_view()}
                {bars.iter().enumerate().map(|(i, b)| {
                    let y = i as f64 * ROW + 4.0;
                    let w = x(b.value) - LABEL_W;
                    view! {
                        <text x=px(LABEL_W - 6.0) y=px(y + ROW / 2.0 + 4.0) text-anchor="end" class="bar-label">{b.label.clone()}</text>
                        <rect x=px(LABEL_W) y=px(y) width=px(w.max(0.0)) height=px(ROW - 8.0) class=format!("bar {}", b.class) />
                        <text x=px(LABEL_W + w + 4.0) y=px(y + ROW / 2.0 + 4.0) class="bar-value">{b.value.to_string()}</text>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}
