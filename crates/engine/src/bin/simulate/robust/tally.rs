//! The counts each chunk of candidates leaves behind, and their merge: plain sums, which `run` adds
//! in task order so the figures do not depend on which thread ran which chunk.

/// Pass chance shown against passing a new form, in tenths of shown probability.
#[derive(Clone, Copy, Default)]
pub(super) struct Bin {
    pub(super) n: usize,
    pub(super) shown: f64,
    pub(super) passed: usize,
}

#[derive(Clone, Default)]
pub(super) struct MockTally {
    pub(super) n: usize,
    pub(super) engine_right: usize,
    pub(super) bayes_right: usize,
    /// Right by the reference that knows the spread of item parameters but not each item's.
    pub(super) uncalibrated_right: usize,
    pub(super) covered: usize,
    pub(super) above_800: (usize, usize),
    pub(super) below_600: (usize, usize),
    pub(super) bins: [Bin; 10],
}

/// Counts from any number of chunks; merged by adding.
#[derive(Clone, Default)]
pub(super) struct Tally {
    pub(super) mock: [MockTally; 2],
    pub(super) diag_n: usize,
    pub(super) diag_covered: usize,
    pub(super) diag_squared: f64,
    pub(super) fixed_squared: f64,
    pub(super) asked: usize,
    pub(super) asked_multiple: usize,
    pub(super) exposure: Vec<u32>,
    pub(super) domain_n: usize,
    pub(super) named: usize,
    pub(super) named_right: usize,
    pub(super) memory_n: usize,
    pub(super) memory_ready: usize,
    /// The same histories judged with every mock counted (the rule before issue 18), for comparison.
    pub(super) memory_ready_all_count: usize,
    pub(super) memory_mocks: usize,
}

pub(super) fn add_pair(a: &mut (usize, usize), b: (usize, usize)) {
    a.0 += b.0;
    a.1 += b.1;
}

impl Tally {
    pub(super) fn merge(&mut self, o: &Tally) {
        for (m, om) in self.mock.iter_mut().zip(&o.mock) {
            m.n += om.n;
            m.engine_right += om.engine_right;
            m.bayes_right += om.bayes_right;
            m.uncalibrated_right += om.uncalibrated_right;
            m.covered += om.covered;
            add_pair(&mut m.above_800, om.above_800);
            add_pair(&mut m.below_600, om.below_600);
            for (b, ob) in m.bins.iter_mut().zip(&om.bins) {
                b.n += ob.n;
                b.shown += ob.shown;
                b.passed += ob.passed;
            }
        }
        self.diag_n += o.diag_n;
        self.diag_covered += o.diag_covered;
        self.diag_squared += o.diag_squared;
        self.fixed_squared += o.fixed_squared;
        self.asked += o.asked;
        self.asked_multiple += o.asked_multiple;
        if self.exposure.len() < o.exposure.len() {
            self.exposure.resize(o.exposure.len(), 0);
        }
        for (e, oe) in self.exposure.iter_mut().zip(&o.exposure) {
            *e += oe;
        }
        self.domain_n += o.domain_n;
        self.named += o.named;
        self.named_right += o.named_right;
        self.memory_n += o.memory_n;
        self.memory_ready += o.memory_ready;
        self.memory_ready_all_count += o.memory_ready_all_count;
        self.memory_mocks += o.memory_mocks;
    }
}
