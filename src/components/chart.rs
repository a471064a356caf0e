//! Small SVG charts. SVG geometry is set through attributes, so the strict Content-Security-Policy
//! (no inline styles) never gets in the way.

use leptos::prelude::*;

use crate::number::whole;

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
            viewBox=format!("0 0 {} {}", whole(LABEL + TRACK + 150.0), whole(height))
        >
            <title>{title}</title>
            {bars
                .into_iter()
                .enumerate()
                .map(|(i, bar)| {
                    let y = 4.0 + ROW * i as f64;
                    view! {
                        <g>
                            <text x="0" y=whole(y + 20.0) class="bar-label">{bar.label}</text>
                            <rect x=whole(LABEL) y=whole(y + 6.0) width=whole(TRACK) height="18" class="bar-track" rx="3"/>
                            <rect x=whole(LABEL) y=whole(y + 6.0) width=whole(scale(bar.value)) height="18" class="bar-fill" rx="3"/>
                            {bar.marker.map(|m| view! {
                                <line x1=whole(LABEL + scale(m)) x2=whole(LABEL + scale(m)) y1=whole(y + 2.0) y2=whole(y + 28.0) class="bar-marker"/>
                            })}
                            <text x=whole(LABEL + TRACK + 8.0) y=whole(y + 20.0) class="bar-value">{bar.caption}</text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// One attempt on the trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub label: String,
    pub scaled: f64,
    pub low: f64,
    pub high: f64,
}

/// Scaled scores over attempts, with each attempt's 95 % band and the 700 and 750 lines.
#[component]
pub fn TrendChart(points: Vec<TrendPoint>, #[prop(into)] title: String) -> impl IntoView {
    const W: f64 = 640.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 44.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 10.0;
    const BOTTOM: f64 = 30.0;
    let y = |score: f64| TOP + (1000.0 - score.clamp(100.0, 1000.0)) / 900.0 * (H - TOP - BOTTOM);
    let n = points.len().max(1);
    let x = move |i: usize| {
        if n == 1 {
            (LEFT + W - RIGHT) / 2.0
        } else {
            LEFT + i as f64 * (W - LEFT - RIGHT) / (n - 1) as f64
        }
    };
    let path: String = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{},{}",
                if i == 0 { "M" } else { " L" },
                whole(x(i)),
                whole(y(p.scaled))
            )
        })
        .collect();
    let label = title.clone();
    view! {
        <svg class="trend-chart" role="img" aria-label=label viewBox=format!("0 0 {} {}", whole(W), whole(H))>
            <title>{title}</title>
            {[100.0, 400.0, 700.0, 750.0, 1000.0].map(|s| {
                let class = match s as u32 { 700 => "line-pass", 750 => "line-ready", _ => "line-grid" };
                view! {
                    <line x1=whole(LEFT) x2=whole(W - RIGHT) y1=whole(y(s)) y2=whole(y(s)) class=class/>
                    <text x=whole(LEFT - 6.0) y=whole(y(s) + 4.0) class="axis-label" text-anchor="end">{whole(s)}</text>
                }
            }).collect_view()}
            {points.iter().enumerate().map(|(i, p)| view! {
                <line x1=whole(x(i)) x2=whole(x(i)) y1=whole(y(p.low)) y2=whole(y(p.high)) class="band"/>
            }).collect_view()}
            <path d=path class="trend-line"/>
            {points.iter().enumerate().map(|(i, p)| view! {
                <circle cx=whole(x(i)) cy=whole(y(p.scaled)) r="5" class="trend-point">
                    <title>{format!("{}: {} (95 % band {}–{})", p.label, whole(p.scaled), whole(p.low), whole(p.high))}</title>
                </circle>
            }).collect_view()}
        </svg>
    }
}

/// A score on the 100–1000 bar with its band and the 700 line.
#[component]
pub fn ScoreBar(scaled: f64, low: f64, high: f64) -> impl IntoView {
    const W: f64 = 600.0;
    let x = |s: f64| 10.0 + (s.clamp(100.0, 1000.0) - 100.0) / 900.0 * (W - 20.0);
    view! {
        <svg
            class="score-bar"
            role="img"
            aria-label=format!("Estimated {} on the 100 to 1000 scale, 95 % band {} to {}; 700 passes", whole(scaled), whole(low), whole(high))
            viewBox=format!("0 0 {} 64", whole(W))
        >
            <rect x="10" y="20" width=whole(W - 20.0) height="14" rx="7" class="bar-track"/>
            <rect x=whole(x(low)) y="20" width=whole((x(high) - x(low)).max(2.0)) height="14" rx="7" class="band-fill"/>
            <line x1=whole(x(700.0)) x2=whole(x(700.0)) y1="12" y2="42" class="line-pass"/>
            <text x=whole(x(700.0)) y="58" text-anchor="middle" class="axis-label">"700 pass"</text>
            <text x="10" y="58" class="axis-label">"100"</text>
            <text x=whole(W - 10.0) y="58" text-anchor="end" class="axis-label">"1000"</text>
            <circle cx=whole(x(scaled)) cy="27" r="9" class="score-dot"/>
        </svg>
    }
}
