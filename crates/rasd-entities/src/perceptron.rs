//! An averaged structured perceptron over BIO tags with first-order Viterbi
//! decoding — the statistical tagger of rasd's NER.
//!
//! Why not a CRF: the `crfs` crate only *tags* CRFsuite models; it cannot
//! train. A structured perceptron with parameter averaging reaches CRF-level
//! accuracy on newswire NER, trains in seconds, and is deterministic given the
//! shuffling seed.
//!
//! Model file (little-endian): magic `RASDNER1`, `u32` feature count, `f32`
//! weight scale, `10 × 9` transition weights (`f32`, row 9 = sentence start),
//! then per feature (sorted by key) the `u64` key, a `u16` mask of the labels
//! with a weight, and one `i16` (× scale) per set bit.
//!
//! Speed: tagging is bound by weight lookups that miss the caches (the
//! tables are tens of megabytes). Weights live in an open-addressing table
//! whose probing reads only a dense key array; the two passes of a stacked
//! tagger share one table ([`Pair`]: one lookup per feature serves both, rows
//! kept as the file's 16-bit integers); and a sentence's slots are touched
//! before its lookups so that the misses overlap. Scores stay bit-identical
//! to a plain per-model sum in feature order.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::tags::{Tag, NUM_TAGS};

/// Hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

const START: usize = NUM_TAGS;
const MAGIC: &[u8; 8] = b"RASDNER1";

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The bytes are not a rasd NER model.
    #[error("not a rasd NER model (bad magic)")]
    Magic,
    /// The file ends early.
    #[error("truncated NER model at byte {0}")]
    Truncated(usize),
}

/// One row of weights per label.
type Row = [f32; NUM_TAGS];

/// Marks an empty slot (a real key with this value is kept aside).
const EMPTY: u64 = u64::MAX;

/// Weight rows keyed by feature hash: open addressing with linear probing
/// over a dense key array, the rows in a parallel array. Probing reads only
/// keys (8 bytes a slot, so the key array of the bundled model fits in a
/// core's cache), and a row is read only for a feature the model knows. Keys
/// are already well-mixed hashes, so their low bits pick the slot.
#[derive(Debug, Clone)]
struct Rows<R = Row> {
    /// Power-of-two many keys (or none), [`EMPTY`] where free.
    keys: Vec<u64>,
    /// The row of each slot.
    vals: Vec<R>,
    /// Occupied slots.
    len: usize,
    /// Weights of the key equal to [`EMPTY`], if any.
    special: Option<Box<R>>,
}

impl<R: Copy + Default> Default for Rows<R> {
    fn default() -> Rows<R> {
        Rows {
            keys: Vec::new(),
            vals: Vec::new(),
            len: 0,
            special: None,
        }
    }
}

impl<R: Copy + Default> Rows<R> {
    fn with_capacity(n: usize) -> Rows<R> {
        // at most 7/8 full: probing reads keys only, which stay cached
        let cap = (n + n / 4 + 1).next_power_of_two().max(16);
        Rows {
            keys: crate::huge::filled(cap, EMPTY),
            vals: crate::huge::filled(cap, R::default()),
            len: 0,
            special: None,
        }
    }

    fn len(&self) -> usize {
        self.len + self.special.is_some() as usize
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&R> {
        if key == EMPTY {
            return self.special.as_deref();
        }
        let mask = self.keys.len().checked_sub(1)?;
        let mut i = key as usize & mask;
        loop {
            let k = self.keys[i];
            if k == key {
                return self.vals.get(i);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The row of `key`, created with zero weights when absent.
    fn entry(&mut self, key: u64) -> &mut R {
        if key == EMPTY {
            return self.special.get_or_insert_with(Default::default);
        }
        if (self.len + 1) * 8 >= self.keys.len() * 7 {
            let mut bigger = Rows::with_capacity((self.len + 1) * 2);
            bigger.special = self.special.take();
            for (&k, v) in self.keys.iter().zip(&self.vals) {
                if k != EMPTY {
                    *bigger.entry(k) = *v;
                }
            }
            *self = bigger;
        }
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        while self.keys[i] != key && self.keys[i] != EMPTY {
            i = (i + 1) & mask;
        }
        if self.keys[i] == EMPTY {
            self.keys[i] = key;
            self.len += 1;
        }
        &mut self.vals[i]
    }

    /// All `(key, row)` pairs, in no particular order.
    fn iter(&self) -> impl Iterator<Item = (u64, &R)> {
        self.keys
            .iter()
            .zip(&self.vals)
            .filter(|(&k, _)| k != EMPTY)
            .map(|(&k, v)| (k, v))
            .chain(self.special.as_deref().map(|w| (EMPTY, w)))
    }
}

/// Weights of a trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    rows: Rows,
    trans: [[f32; NUM_TAGS]; NUM_TAGS + 1],
    /// The scale of the 16-bit weights the model was read from, if so.
    scale: Option<f32>,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            rows: Rows::default(),
            trans: [[0.0; NUM_TAGS]; NUM_TAGS + 1],
            scale: None,
        }
    }
}

/// The weights of two models (the passes of a stacked tagger) under one key
/// table, so that a feature the passes share is looked up once. A key absent
/// from one model has zero weights there, which leaves its scores unchanged.
/// The weights are the 16-bit integers of the model file (half the memory,
/// so fewer cache misses), summed as integers and scaled once, as
/// [`Model::tag`] does for a model read from a file: emissions equal those of
/// [`Model::tag`] exactly. A model trained in memory is first rounded to its
/// file form, so a tagger scores as its saved model will.
#[derive(Debug, Clone)]
pub struct Pair {
    /// 16-bit weights of both models.
    q: Rows<[QRow; 2]>,
    /// The scale of each model's 16-bit weights.
    scale: [f32; 2],
}

/// One row of 16-bit weights per label.
type QRow = [i16; NUM_TAGS];

/// The emission scores of one token under both models of a [`Pair`], being
/// summed ([`Pair::add`]; read with [`Pair::scores`]). The sums are of
/// integers, which is exact: sums over parts of a token's features (its
/// word's own, its neighbours', the rest) added with [`Acc::add`] give the
/// same scores in any order.
#[derive(Debug, Clone, Copy, Default)]
pub struct Acc {
    q: [[i32; NUM_TAGS]; 2],
}

impl Acc {
    /// Adds the sums of `other`.
    #[inline]
    pub fn add(&mut self, other: &Acc) {
        for m in 0..2 {
            for y in 0..NUM_TAGS {
                self.q[m][y] += other.q[m][y];
            }
        }
    }
}

impl Default for Pair {
    fn default() -> Pair {
        Pair {
            q: Rows::default(),
            scale: [1.0; 2],
        }
    }
}

impl Pair {
    /// Merges the weights of `a` and `b`.
    pub fn new(a: &Model, b: &Model) -> Pair {
        // a model trained in memory scores as its file form
        let file_form = |m: &Model| match m.scale {
            Some(_) => None,
            None => Model::from_bytes(&m.to_bytes()).ok(),
        };
        let (fa, fb) = (file_form(a), file_form(b));
        let (a, b) = (fa.as_ref().unwrap_or(a), fb.as_ref().unwrap_or(b));
        let scale = [a.scale.unwrap_or(1.0), b.scale.unwrap_or(1.0)];
        let mut q: Rows<[QRow; 2]> = Rows::with_capacity(a.rows.len() + b.rows.len());
        for (which, m) in [a, b].into_iter().enumerate() {
            let s = scale[which];
            for (k, w) in m.rows.iter() {
                let r = &mut q.entry(k)[which];
                for (y, &x) in w.iter().enumerate() {
                    // as `Model::emissions` rounds each weight
                    r[y] = (x / s).round().clamp(-32767.0, 32767.0) as i16;
                }
            }
        }
        Pair { q, scale }
    }

    /// Adds the weights of the features `fs` under both models to `acc`.
    #[inline]
    pub fn add(&self, fs: &[u64], acc: &mut Acc) {
        // sums in locals (registers), not through `acc`
        let [mut a, mut b] = acc.q;
        for f in fs {
            if let Some([wa, wb]) = self.q.get(*f) {
                for (x, &v) in a.iter_mut().zip(wa) {
                    *x += v as i32;
                }
                for (x, &v) in b.iter_mut().zip(wb) {
                    *x += v as i32;
                }
            }
        }
        acc.q = [a, b];
    }

    /// Adds the second model's weights of the features `fs` to `acc`.
    #[inline]
    pub fn add_second(&self, fs: &[u64], acc: &mut Acc) {
        let mut b = acc.q[1];
        for f in fs {
            if let Some([_, wb]) = self.q.get(*f) {
                for (x, &v) in b.iter_mut().zip(wb) {
                    *x += v as i32;
                }
            }
        }
        acc.q[1] = b;
    }

    /// The emission scores accumulated in `acc` under the first (`0`) or
    /// the second model (`1`).
    #[inline]
    pub fn scores(&self, acc: &Acc, which: usize) -> Row {
        let s = self.scale[which];
        std::array::from_fn(|y| acc.q[which][y] as f32 * s)
    }

    /// Reads the first slot each feature of `fs` hashes to and returns a
    /// meaningless digest (pass it to `std::hint::black_box`). The loads are
    /// independent, so the processor overlaps their cache misses; the table
    /// is much larger than the caches, and the lookups that follow then
    /// find their keys cached.
    #[inline]
    pub fn touch(&self, fs: &[u64]) -> u64 {
        let keys = &self.q.keys;
        let Some(mask) = keys.len().checked_sub(1) else {
            return 0;
        };
        fs.iter().fold(0, |acc, &f| acc ^ keys[f as usize & mask])
    }
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Averaged weights with a smaller magnitude are dropped.
    pub prune: f32,
    /// Probability of hiding a token's identity features (positions
    /// `1..=identity` of its feature vector) in one training pass.
    pub dropout: f32,
    /// How many identity features follow the bias feature.
    pub identity: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 12,
            seed: 0x5eed_2025,
            prune: 0.05,
            dropout: 0.0,
            identity: 0,
        }
    }
}

/// One training sentence: hashed features per token and gold label indices.
#[derive(Debug, Clone)]
pub struct Example {
    /// Features of each token.
    pub feats: Vec<Vec<u64>>,
    /// Gold labels (`Tag::index`).
    pub gold: Vec<usize>,
}

fn allowed(prev: usize, cur: usize) -> bool {
    let p = (prev != START).then(|| Tag::from_index(prev));
    Tag::from_index(cur).may_follow(p)
}

impl Model {
    /// Adds `delta` to the weight of `label` on feature `key` (creating it).
    /// With the always-on bias feature this shifts the precision/recall
    /// balance of a label.
    pub fn shift(&mut self, key: u64, label: usize, delta: f32) {
        self.scale = None;
        let w = self.rows.entry(key);
        if label < NUM_TAGS {
            w[label] += delta;
        }
    }

    /// Number of features with weights.
    pub fn num_features(&self) -> usize {
        self.rows.len()
    }

    /// Whether the model has no weights (an untrained placeholder).
    pub fn is_empty(&self) -> bool {
        self.rows.len() == 0
    }

    fn emissions(&self, feats: &[Vec<u64>]) -> Vec<[f32; NUM_TAGS]> {
        if let Some(scale) = self.scale {
            // the file's 16-bit weights, summed exactly (as [`Pair`] does)
            return feats
                .iter()
                .map(|fs| {
                    let mut q = [0i32; NUM_TAGS];
                    for f in fs {
                        if let Some(w) = self.rows.get(*f) {
                            for y in 0..NUM_TAGS {
                                q[y] += (w[y] / scale).round() as i32;
                            }
                        }
                    }
                    q.map(|v| v as f32 * scale)
                })
                .collect();
        }
        feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; NUM_TAGS];
                for f in fs {
                    if let Some(w) = self.rows.get(*f) {
                        for y in 0..NUM_TAGS {
                            s[y] += w[y];
                        }
                    }
                }
                s
            })
            .collect()
    }

    /// Best label sequence for precomputed emission scores (one row per
    /// token, e.g. from [`Pair::scores`]).
    pub fn decode_emissions(&self, em: &[[f32; NUM_TAGS]]) -> Vec<Tag> {
        viterbi(em, &self.trans)
            .into_iter()
            .map(Tag::from_index)
            .collect()
    }

    /// Best label sequence (Viterbi, BIO constraints enforced).
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        viterbi(&self.emissions(feats), &self.trans)
    }

    /// Tags a sentence given its token features.
    pub fn tag(&self, feats: &[Vec<u64>]) -> Vec<Tag> {
        self.decode(feats)
            .into_iter()
            .map(Tag::from_index)
            .collect()
    }

    /// Serialises the model (see the module doc for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut max = 0f32;
        for (_, w) in self.rows.iter() {
            for &x in w {
                max = max.max(x.abs());
            }
        }
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<(u64, &[f32; NUM_TAGS])> = self.rows.iter().collect();
        keys.sort_unstable_by_key(|&(k, _)| k);
        let mut out = Vec::with_capacity(16 + keys.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in &self.trans {
            for &x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        for (k, w) in keys {
            let mut mask = 0u16;
            let mut q = Vec::new();
            for (y, &x) in w.iter().enumerate() {
                let v = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
                if v != 0 {
                    mask |= 1 << y;
                    q.push(v);
                }
            }
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
            for v in q {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]. Empty input gives an
    /// empty model.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut m = Model::default();
        if b.is_empty() {
            return Ok(m);
        }
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err(ModelError::Magic);
        }
        let mut pos = 8;
        let take = |pos: &mut usize, n: usize| -> Result<&[u8], ModelError> {
            let s = b.get(*pos..*pos + n).ok_or(ModelError::Truncated(*pos))?;
            *pos += n;
            Ok(s)
        };
        let n = u32::from_le_bytes(take(&mut pos, 4)?.try_into().unwrap_or([0; 4])) as usize;
        let scale = f32::from_le_bytes(take(&mut pos, 4)?.try_into().unwrap_or([0; 4]));
        for row in m.trans.iter_mut() {
            for x in row.iter_mut() {
                *x = f32::from_le_bytes(take(&mut pos, 4)?.try_into().unwrap_or([0; 4]));
            }
        }
        m.rows = Rows::with_capacity(n);
        m.scale = Some(scale);
        for _ in 0..n {
            let k = u64::from_le_bytes(take(&mut pos, 8)?.try_into().unwrap_or([0; 8]));
            let mask = u16::from_le_bytes(take(&mut pos, 2)?.try_into().unwrap_or([0; 2]));
            let mut w = [0f32; NUM_TAGS];
            for (y, x) in w.iter_mut().enumerate() {
                if mask & (1 << y) != 0 {
                    let v = i16::from_le_bytes(take(&mut pos, 2)?.try_into().unwrap_or([0; 2]));
                    *x = v as f32 * scale;
                }
            }
            *m.rows.entry(k) = w;
        }
        Ok(m)
    }
}

fn viterbi(em: &[[f32; NUM_TAGS]], trans: &[[f32; NUM_TAGS]; NUM_TAGS + 1]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    // transitions with the forbidden ones at -inf: a path through them (or
    // from an unreachable label) never beats the best, as if skipped
    let mut tm = [[NEG; NUM_TAGS]; NUM_TAGS + 1];
    for (p, row) in tm.iter_mut().enumerate() {
        for (y, x) in row.iter_mut().enumerate() {
            if allowed(p, y) {
                *x = trans[p][y];
            }
        }
    }
    let mut score = vec![[NEG; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for y in 0..NUM_TAGS {
        if allowed(START, y) {
            score[0][y] = trans[START][y] + em[0][y];
        }
    }
    for t in 1..n {
        // for every label at once, predecessors in ascending order (the
        // first best wins, as in a per-label scan): the label loop vectorises
        let prev = score[t - 1];
        let mut best = [NEG; NUM_TAGS];
        let mut arg = [0u8; NUM_TAGS];
        for p in 0..NUM_TAGS {
            for y in 0..NUM_TAGS {
                let s = prev[p] + tm[p][y];
                if s > best[y] {
                    best[y] = s;
                    arg[y] = p as u8;
                }
            }
        }
        for y in 0..NUM_TAGS {
            if best[y] > NEG {
                score[t][y] = best[y] + em[t][y];
                back[t][y] = arg[y];
            }
        }
    }
    let mut y = (0..NUM_TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for t in (0..n).rev() {
        out[t] = y;
        y = back[t][y] as usize;
    }
    out
}

/// A small deterministic PRNG (xorshift64*) for shuffling.
fn shuffle<T>(v: &mut [T], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

fn next_unit(state: &mut u64) -> f32 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 40) as f32 / (1u64 << 24) as f32
}

/// Trains an averaged perceptron.
pub fn train(data: &[Example], cfg: TrainConfig) -> Model {
    let mut index: IdMap<u32> = IdMap::default();
    let mut w: Vec<[f32; NUM_TAGS]> = Vec::new();
    let mut u: Vec<[f32; NUM_TAGS]> = Vec::new();
    let mut tw = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
    let mut tu = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = cfg.seed | 1;
    let mut drop_rng = cfg.seed.rotate_left(17) | 1;
    let mut c = 1f32;
    for _ in 0..cfg.epochs {
        shuffle(&mut order, &mut rng);
        for &si in &order {
            let ex0 = &data[si];
            if ex0.feats.is_empty() {
                continue;
            }
            let dropped;
            let ex = if cfg.dropout > 0.0 && cfg.identity > 0 {
                let mut e = ex0.clone();
                for fs in &mut e.feats {
                    if fs.len() > cfg.identity && next_unit(&mut drop_rng) < cfg.dropout {
                        fs.drain(1..=cfg.identity);
                    }
                }
                dropped = e;
                &dropped
            } else {
                ex0
            };
            // emissions with current weights
            let em: Vec<[f32; NUM_TAGS]> = ex
                .feats
                .iter()
                .map(|fs| {
                    let mut s = [0f32; NUM_TAGS];
                    for f in fs {
                        if let Some(&i) = index.get(f) {
                            for y in 0..NUM_TAGS {
                                s[y] += w[i as usize][y];
                            }
                        }
                    }
                    s
                })
                .collect();
            let pred = viterbi(&em, &tw);
            if pred != ex.gold {
                for t in 0..pred.len() {
                    let (g, p) = (ex.gold[t], pred[t]);
                    let (gp, pp) = if t == 0 {
                        (START, START)
                    } else {
                        (ex.gold[t - 1], pred[t - 1])
                    };
                    if g != p {
                        for f in &ex.feats[t] {
                            let i = *index.entry(*f).or_insert_with(|| {
                                w.push([0.0; NUM_TAGS]);
                                u.push([0.0; NUM_TAGS]);
                                (w.len() - 1) as u32
                            }) as usize;
                            w[i][g] += 1.0;
                            u[i][g] += c;
                            w[i][p] -= 1.0;
                            u[i][p] -= c;
                        }
                    }
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= c;
                    }
                }
            }
            c += 1.0;
        }
    }
    // average and prune
    let mut m = Model::default();
    for (a, row) in m.trans.iter_mut().enumerate() {
        for (b, x) in row.iter_mut().enumerate() {
            *x = tw[a][b] - tu[a][b] / c;
        }
    }
    let mut keys: Vec<(u64, u32)> = index.into_iter().collect();
    keys.sort_unstable();
    for (k, i) in keys {
        let mut avg = [0f32; NUM_TAGS];
        let mut keep = false;
        for y in 0..NUM_TAGS {
            let v = w[i as usize][y] - u[i as usize][y] / c;
            if v.abs() >= cfg.prune {
                avg[y] = v;
                keep = true;
            }
        }
        if keep {
            *m.rows.entry(k) = avg;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(words: &[(u64, usize)]) -> Example {
        Example {
            feats: words.iter().map(|&(f, _)| vec![f, 999]).collect(),
            gold: words.iter().map(|&(_, g)| g).collect(),
        }
    }

    #[test]
    fn learns_a_toy_language_and_round_trips() {
        // feature 1 = person-first-name, 2 = surname, 3 = other
        let data = vec![
            ex(&[(3, 0), (1, 1), (2, 2), (3, 0)]),
            ex(&[(1, 1), (2, 2)]),
            ex(&[(3, 0), (3, 0), (1, 1)]),
        ];
        let m = train(&data, TrainConfig::default());
        for e in &data {
            assert_eq!(m.decode(&e.feats), e.gold);
        }
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        for e in &data {
            assert_eq!(back.decode(&e.feats), e.gold);
        }
        assert!(Model::from_bytes(b"nonsense-bytes-here").is_err());
        assert!(Model::from_bytes(&m.to_bytes()[..20]).is_err());
        assert!(Model::from_bytes(b"").unwrap().is_empty());
    }

    #[test]
    fn pair_scores_equal_each_model() {
        let mut a = Model::default();
        let mut b = Model::default();
        // EMPTY is a possible key too; 40 keys force the tables to grow
        for k in (0..40u64).chain([EMPTY]) {
            a.shift(
                k.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                (k % 9) as usize,
                0.1 + k as f32,
            );
            if k % 3 != 0 {
                b.shift(
                    k.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                    (k % 5) as usize,
                    -0.7 * k as f32,
                );
            }
        }
        b.shift(12345, 3, 2.5);
        assert_eq!(a.num_features(), 41);
        let fs: Vec<u64> = (0..45u64)
            .map(|k| k.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .chain([EMPTY, 12345, 7])
            .collect();
        let feats = vec![fs.clone()];
        let back = Model::from_bytes(&a.to_bytes()).unwrap();
        assert_eq!(back.num_features(), 41);
        assert_eq!(back.to_bytes(), a.to_bytes());
        // models read from bytes keep their 16-bit weights, with equal scores
        let (qa, qb) = (back, Model::from_bytes(&b.to_bytes()).unwrap());
        let qp = Pair::new(&qa, &qb);
        // models trained in memory score as their file forms
        let pair = Pair::new(&a, &b);
        let mut acc = Acc::default();
        pair.add(&fs, &mut acc);
        assert_eq!(pair.scores(&acc, 0), qa.emissions(&feats)[0]);
        assert_eq!(pair.scores(&acc, 1), qb.emissions(&feats)[0]);
        let mut e2 = Acc::default();
        pair.add_second(&fs, &mut e2);
        assert_eq!(pair.scores(&e2, 1), pair.scores(&acc, 1));
        let mut acc = Acc::default();
        qp.add(&fs, &mut acc);
        assert_eq!(qp.scores(&acc, 0), qa.emissions(&feats)[0]);
        assert_eq!(qp.scores(&acc, 1), qb.emissions(&feats)[0]);
        let mut e2 = Acc::default();
        qp.add_second(&fs, &mut e2);
        assert_eq!(qp.scores(&e2, 1), qp.scores(&acc, 1));
        // sums over parts of the features, in any order, are the same
        let (head, tail) = fs.split_at(fs.len() / 2);
        let (mut x, mut y) = (Acc::default(), Acc::default());
        qp.add(tail, &mut x);
        qp.add(head, &mut y);
        x.add(&y);
        assert_eq!(qp.scores(&x, 0), qp.scores(&acc, 0));
        assert_eq!(qp.scores(&x, 1), qp.scores(&acc, 1));
    }

    #[test]
    fn bundled_model_pairs_in_16_bits() {
        let m = crate::ner::Stacked::from_bytes(crate::ner::MODEL_BYTES).unwrap();
        let second = m.second.as_ref().expect("two passes");
        // every 16-bit weight of the file, and no other, is in the table
        let p = Pair::new(&m.first, second);
        let exact = |m: &Model, which: usize| {
            m.rows.iter().all(|(k, w)| {
                let q = p.q.get(k).expect("key")[which];
                (0..NUM_TAGS).all(|y| (q[y] as f32 * p.scale[which]).to_bits() == w[y].to_bits())
            })
        };
        assert!(exact(&m.first, 0) && exact(second, 1));
    }

    #[test]
    fn viterbi_respects_bio_and_ties() {
        let em = vec![[0.0; NUM_TAGS]; 3];
        assert_eq!(
            viterbi(&em, &[[0.0; NUM_TAGS]; NUM_TAGS + 1]),
            viterbi_reference(&em, &[[0.0; NUM_TAGS]; NUM_TAGS + 1])
        );
    }

    /// The per-label scan [`viterbi`] must agree with.
    fn viterbi_reference(
        em: &[[f32; NUM_TAGS]],
        trans: &[[f32; NUM_TAGS]; NUM_TAGS + 1],
    ) -> Vec<usize> {
        let n = em.len();
        if n == 0 {
            return Vec::new();
        }
        const NEG: f32 = f32::NEG_INFINITY;
        let mut tm = [[NEG; NUM_TAGS]; NUM_TAGS + 1];
        for (p, row) in tm.iter_mut().enumerate() {
            for (y, x) in row.iter_mut().enumerate() {
                if allowed(p, y) {
                    *x = trans[p][y];
                }
            }
        }
        let mut score = vec![[NEG; NUM_TAGS]; n];
        let mut back = vec![[0u8; NUM_TAGS]; n];
        for y in 0..NUM_TAGS {
            if allowed(START, y) {
                score[0][y] = trans[START][y] + em[0][y];
            }
        }
        for t in 1..n {
            for y in 0..NUM_TAGS {
                let mut best = NEG;
                let mut arg = 0u8;
                for p in 0..NUM_TAGS {
                    let s = score[t - 1][p] + tm[p][y];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                if best > NEG {
                    score[t][y] = best + em[t][y];
                    back[t][y] = arg;
                }
            }
        }
        let mut y = (0..NUM_TAGS)
            .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let mut out = vec![0; n];
        for t in (0..n).rev() {
            out[t] = y;
            y = back[t][y] as usize;
        }
        out
    }

    proptest::proptest! {
        /// Small integer scores make many ties: the first best must win alike.
        #[test]
        fn viterbi_equals_the_per_label_scan(
            em in proptest::collection::vec(proptest::array::uniform9(-3i8..3), 0..12),
            tr in proptest::collection::vec(proptest::array::uniform9(-3i8..3), NUM_TAGS + 1),
        ) {
            let em: Vec<[f32; NUM_TAGS]> = em.iter().map(|r| r.map(f32::from)).collect();
            let mut trans = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
            for (row, r) in trans.iter_mut().zip(&tr) {
                *row = r.map(f32::from);
            }
            proptest::prop_assert_eq!(viterbi(&em, &trans), viterbi_reference(&em, &trans));
        }
    }

    #[test]
    fn viterbi_respects_bio() {
        // emissions prefer I-PERS (2) everywhere, but it cannot start a sentence
        let em = vec![[0.0, 0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]; 2];
        let path = viterbi(&em, &[[0.0; NUM_TAGS]; NUM_TAGS + 1]);
        assert_ne!(path[0], 2);
    }
}
