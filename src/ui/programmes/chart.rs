//! A small bar chart of one measure per year, drawn by hand in SVG. The chart is one image for
//! assistive technology (`role="img"`) whose name states every value, so nothing is lost for
//! officers who cannot see it; the table next to it holds the same figures.

use super::text;
use crate::domain::format;
use crate::ui::widgets::svg::px;
use leptos::prelude::*;

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 200.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 24.0;

/// "Sáng kiến cải tiến cấp cơ sở theo năm: 2016: 900; 2017: không có số liệu; …".
pub fn summary(title: &str, points: &[(i32, Option<u64>)]) -> String {
    let values = points
        .iter()
        .map(|(y, v)| match v {
            Some(v) => format!("{y}: {}", format::integer(*v as i64)),
            None => format!("{y}: không có số liệu"),
        })
        .collect::<Vec<_>>()
        .join("; ");
    format!("Biểu đồ cột {title} theo năm. {values}")
}

#[component]
pub fn YearBars(#[prop(into)] title: String, points: Vec<(i32, Option<u64>)>) -> impl IntoView {
    let label = summary(&title, &points);
    let max = points.iter().filter_map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let n = points.len().max(1) as f64;
    let slot = WIDTH / n;
    let bar = (slot * 0.6).min(60.0);
    let plot = HEIGHT - TOP - BOTTOM;
    let bars = points
        .into_iter()
        .enumerate()
        .map(|(i, (year, value))| {
            let cx = slot * (i as f64 + 0.5);
            let h = value.map(|v| v as f64 / max * plot).unwrap_or(0.0);
            let y = TOP + plot - h;
            let shown = value.map(|v| format::integer(v as i64)).unwrap_or_else(|| text::NO_DATA.to_string());
            view! {
                <g>
                    {value.map(|_| view! {
                        <rect x=px(cx - bar / 2.0) y=px(y) width=px(bar) height=px(h) class="bar" />
                    })}
                    <text x=px(cx) y=px(y - 4.0) text-anchor="middle" class="value">{shown}</text>
                    <text x=px(cx) y=px(HEIGHT - 6.0) text-anchor="middle" class="year">{year.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            role="img"
            aria-label=label
            viewBox=format!("0 0 {} {}", px(WIDTH), px(HEIGHT))
            width="100%"
            style="max-width: 480px"
        >
            <line x1="0" x2=px(WIDTH) y1=px(HEIGHT - BOTTOM) y2=px(HEIGHT - BOTTOM) class="axis" />
            {bars}
        </svg>
    }
}
