//! Small SVG charts. SVG geometry is set through attributes, so the strict Content-Security-Policy
//! (no inline styles) never gets in the way.

use leptos::prelude::*;

/// One labelled horizontal bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Optional marker (for example the exam weight) drawn as a tick on the bar's track.
    pub marker: Option<f64>,
    pub caption: String,
}

/// Horizontal bars scaled to `max`, with the numbers written out for readers who cannot see the chart.
#[component]
pub fn BarChart(bars: Vec<Bar>, max: f64, #[prop(into)] title: String) -> impl IntoView {
    const ROW: f64 = 34.0;
    const LABEL: f64 = 250.0;
    const TRACK: f64 = 240.0;
    let height = ROW * bars.len() as f64 + 8.0;
    let scale = move |v: f64| {
        if max > 0.0 {
            (v / max).clamp(0.0, 1.0) * TRACK
        } else {
            0.0
        }
    };
    let label = title.clone();
    view! {
        <svg
            class="bar-chart"
            role="img"
            aria-label=label
            viewBox=format!("0 0 {} {}", LABEL + TRACK + 150.0, height)
        >
            <title>{title}</title>
            {bars
                .into_iter()
                .enumerate()
                .map(|(i, bar)| {
                    let y = 4.0 + ROW * i as f64;
                    view! {
                        <g>
                            <text x="0" y=y + 20.0 class="bar-label">{bar.label}</text>
                            <rect x=LABEL y=y + 6.0 width=TRACK height="18" class="bar-track" rx="3"/>
                            <rect x=LABEL y=y + 6.0 width=scale(bar.value) height="18" class="bar-fill" rx="3"/>
                            {bar.marker.map(|m| view! {
                                <line x1=LABEL + scale(m) x2=LABEL + scale(m) y1=y + 2.0 y2=y + 28.0 class="bar-marker"/>
                            })}
                            <text x=LABEL + TRACK + 8.0 y=y + 20.0 class="bar-value">{bar.caption}</text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}
