//! The robust figures from the merged counts: each with its target and whether it was met, printed
//! as a table and written into the JSON line.

use engine::bank::{Kind, Question};

use super::tally::{Bin, Tally};
use super::CANDIDATES;

/// (name, value, decimals, target in words, met: None when the figure is a reference or
/// undefined).
type Row = (&'static str, Option<f64>, usize, String, Option<bool>);

/// The figures of `robust`, plus context for the printed table.
pub struct Robust {
    pub accuracy_ratio_misspecified: f64,
    /// The same ratio for a scorer that knows how item parameters are spread but not each item's:
    /// the most any scorer without calibration data could reach.
    pub uncalibrated_ratio_misspecified: f64,
    pub band95_coverage_misspecified: f64,
    pub band95_coverage_misspecified_above_800: f64,
    pub band95_coverage_misspecified_below_600: f64,
    pub diagnostic_band95_coverage_misspecified: f64,
    pub pass_chance_ece: f64,
    pub pass_chance_ece_misspecified: f64,
    pub diagnostic_rmse_misspecified: f64,
    pub fixed20_rmse_misspecified: f64,
    pub diagnostic_multiple_share: f64,
    pub bank_multiple_share: f64,
    pub diagnostic_max_exposure: f64,
    pub diagnostic_bank_used: f64,
    /// None when no diagnostic named a weakest domain (the share of none is undefined).
    pub weakest_named_correct: Option<f64>,
    pub false_ready_memory_650_699: f64,
    /// Context, printed only.
    notes: Vec<String>,
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn ece(bins: &[Bin; 10]) -> f64 {
    let n: usize = bins.iter().map(|b| b.n).sum();
    bins.iter()
        .filter(|b| b.n > 0)
        .map(|b| share(b.n, n) * (b.shown / b.n as f64 - share(b.passed, b.n)).abs())
        .sum()
}

fn calibration_line(name: &str, bins: &[Bin; 10]) -> String {
    let cells: Vec<String> = bins
        .iter()
        .enumerate()
        .filter(|(_, b)| b.n > 0)
        .map(|(i, b)| {
            format!(
                "{}-{}: {:.2}/{:.2} (n {})",
                i * 10,
                i * 10 + 10,
                b.shown / b.n as f64,
                share(b.passed, b.n),
                b.n
            )
        })
        .collect();
    format!(
        "{name}: per tenth of shown chance, mean shown / share passing a new form: {}",
        cells.join("; ")
    )
}

impl Robust {
    pub(super) fn from_tally(t: &Tally, bank: &[Question]) -> Robust {
        let [model, miss] = &t.mock;
        let multiple = bank
            .iter()
            .filter(|q| matches!(q.kind, Kind::Multiple(_)))
            .count();
        let max_exposure = t.exposure.iter().copied().max().unwrap_or(0) as usize;
        let used = t.exposure.iter().filter(|&&e| e > 0).count();
        let notes = vec![
            format!(
                "misspecified mocks: engine accuracy {:.4}, Bayes-optimal (true parameters) {:.4}, uncalibrated reference (spread of parameters, not each item's) {:.4}; n above 800 {}, below 600 {}",
                share(miss.engine_right, miss.n),
                share(miss.bayes_right, miss.n),
                share(miss.uncalibrated_right, miss.n),
                miss.above_800.1,
                miss.below_600.1
            ),
            format!(
                "engine-model mocks: engine accuracy {:.4}, Bayes-optimal {:.4}, band95 coverage {:.4}",
                share(model.engine_right, model.n),
                share(model.bayes_right, model.n),
                share(model.covered, model.n)
            ),
            calibration_line("engine model", &model.bins),
            calibration_line("misspecified", &miss.bins),
            format!(
                "domains differ: a weakest domain named in {:.1} % of {} diagnostics",
                100.0 * share(t.named, t.domain_n),
                t.domain_n
            ),
            format!(
                "memory: {} learners, {:.1} mocks each on average; judged ready with every mock counted (no fresh-question rule): {:.4}",
                t.memory_n,
                share(t.memory_mocks, t.memory_n),
                share(t.memory_ready_all_count, t.memory_n)
            ),
        ];
        Robust {
            accuracy_ratio_misspecified: share(miss.engine_right, miss.n)
                / share(miss.bayes_right, miss.n).max(1e-9),
            uncalibrated_ratio_misspecified: share(miss.uncalibrated_right, miss.n)
                / share(miss.bayes_right, miss.n).max(1e-9),
            band95_coverage_misspecified: share(miss.covered, miss.n),
            band95_coverage_misspecified_above_800: share(miss.above_800.0, miss.above_800.1),
            band95_coverage_misspecified_below_600: share(miss.below_600.0, miss.below_600.1),
            diagnostic_band95_coverage_misspecified: share(t.diag_covered, t.diag_n),
            pass_chance_ece: ece(&model.bins),
            pass_chance_ece_misspecified: ece(&miss.bins),
            diagnostic_rmse_misspecified: (t.diag_squared / t.diag_n.max(1) as f64).sqrt(),
            fixed20_rmse_misspecified: (t.fixed_squared / t.diag_n.max(1) as f64).sqrt(),
            diagnostic_multiple_share: share(t.asked_multiple, t.asked),
            bank_multiple_share: share(multiple, bank.len()),
            diagnostic_max_exposure: share(max_exposure, t.diag_n),
            diagnostic_bank_used: share(used, bank.len()),
            weakest_named_correct: (t.named > 0).then(|| share(t.named_right, t.named)),
            false_ready_memory_650_699: share(t.memory_ready, t.memory_n),
            notes,
        }
    }

    fn rows(&self) -> Vec<Row> {
        let band = |v: f64| Some((0.93..=0.97).contains(&v));
        vec![
            (
                "accuracy_ratio_misspecified",
                Some(self.accuracy_ratio_misspecified),
                5,
                ">= 0.99".into(),
                Some(self.accuracy_ratio_misspecified >= 0.99),
            ),
            (
                "uncalibrated_ratio_misspecified",
                Some(self.uncalibrated_ratio_misspecified),
                5,
                "reference".into(),
                None,
            ),
            (
                "band95_coverage_misspecified",
                Some(self.band95_coverage_misspecified),
                5,
                "0.93-0.97".into(),
                band(self.band95_coverage_misspecified),
            ),
            (
                "band95_coverage_misspecified_above_800",
                Some(self.band95_coverage_misspecified_above_800),
                5,
                "0.93-0.97".into(),
                band(self.band95_coverage_misspecified_above_800),
            ),
            (
                "band95_coverage_misspecified_below_600",
                Some(self.band95_coverage_misspecified_below_600),
                5,
                "0.93-0.97".into(),
                band(self.band95_coverage_misspecified_below_600),
            ),
            (
                "diagnostic_band95_coverage_misspecified",
                Some(self.diagnostic_band95_coverage_misspecified),
                5,
                "0.93-0.97".into(),
                band(self.diagnostic_band95_coverage_misspecified),
            ),
            (
                "pass_chance_ece",
                Some(self.pass_chance_ece),
                5,
                "<= 0.03".into(),
                Some(self.pass_chance_ece <= 0.03),
            ),
            (
                "pass_chance_ece_misspecified",
                Some(self.pass_chance_ece_misspecified),
                5,
                "<= 0.03".into(),
                Some(self.pass_chance_ece_misspecified <= 0.03),
            ),
            (
                "diagnostic_rmse_misspecified",
                Some(self.diagnostic_rmse_misspecified),
                3,
                format!("<= fixed20 ({:.1})", self.fixed20_rmse_misspecified),
                Some(self.diagnostic_rmse_misspecified <= self.fixed20_rmse_misspecified),
            ),
            (
                "fixed20_rmse_misspecified",
                Some(self.fixed20_rmse_misspecified),
                3,
                "reference".into(),
                None,
            ),
            (
                "diagnostic_multiple_share",
                Some(self.diagnostic_multiple_share),
                5,
                format!("bank's +/- 0.10 ({:.3})", self.bank_multiple_share),
                Some((self.diagnostic_multiple_share - self.bank_multiple_share).abs() <= 0.10),
            ),
            (
                "bank_multiple_share",
                Some(self.bank_multiple_share),
                5,
                "reference".into(),
                None,
            ),
            (
                "diagnostic_max_exposure",
                Some(self.diagnostic_max_exposure),
                5,
                "<= 0.25".into(),
                Some(self.diagnostic_max_exposure <= 0.25),
            ),
            (
                "diagnostic_bank_used",
                Some(self.diagnostic_bank_used),
                5,
                ">= 0.50".into(),
                Some(self.diagnostic_bank_used >= 0.50),
            ),
            (
                "weakest_named_correct",
                self.weakest_named_correct,
                5,
                match self.weakest_named_correct {
                    Some(_) => ">= 0.60".into(),
                    None => ">= 0.60 (never named)".into(),
                },
                self.weakest_named_correct.map(|v| v >= 0.60),
            ),
            (
                "false_ready_memory_650_699",
                Some(self.false_ready_memory_650_699),
                5,
                "<= 0.05".into(),
                Some(self.false_ready_memory_650_699 <= 0.05),
            ),
        ]
    }

    /// The table: each figure, its target and whether it is met; then the context.
    pub fn print(&self) {
        println!("robust scenarios (truth not the engine's model; {CANDIDATES} candidates each):");
        println!("{:<42} {:>10}  {:<26} met", "figure", "value", "target");
        for (name, value, decimals, target, met) in self.rows() {
            let met = match met {
                Some(true) => "yes",
                Some(false) => "NO",
                None => "-",
            };
            let value = value.map_or("n/a".into(), |v| format!("{v:.decimals$}"));
            println!("{name:<42} {value:>10}  {target:<26} {met}");
        }
        let missed = self.rows().iter().filter(|r| r.4 == Some(false)).count();
        println!("robust targets missed: {missed}");
        for note in &self.notes {
            println!("  {note}");
        }
    }

    /// `"robust":{...}` for the JSON line.
    pub fn json(&self) -> String {
        let fields: Vec<String> = self
            .rows()
            .into_iter()
            .map(|(name, value, decimals, _, _)| {
                let value = value.map_or("null".into(), |v| format!("{v:.decimals$}"));
                format!("\"{name}\":{value}")
            })
            .collect();
        format!("\"robust\":{{{}}}", fields.join(","))
    }
}
