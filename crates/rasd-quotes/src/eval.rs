//! The quote gold standard and its scorer (`rasd eval quotes GOLD_DIR`).
//!
//! A gold directory holds one JSON file per annotated article (format
//! documented in `tests/gold/quotes/README.md`). The articles themselves are
//! not in the repository (SaudiNewsNet is CC BY-NC-SA): each file names its
//! article by a locator into the shared material — a SaudiNewsNet zip and the
//! article's 0-based index in that zip's JSON array, or a seed-format path —
//! plus the SHA-256 of the text, and holds annotations as code-point offsets
//! with a short hash of each span's text, so drift is detected, never
//! silently scored.
//!
//! Scoring: a predicted quote matches a gold quote when their contents
//! overlap with a Dice coefficient `2|g∩p| / (|g|+|p|) ≥ 0.5` over code points
//! (pairs are matched one-to-one, best overlap first). The speaker of a
//! matched pair is right when the predicted speaker entity has a mention
//! overlapping the gold speaker span (for a dropped subject, the gold
//! antecedent mention), or when both are null (anonymous sources). A lenient
//! variant also accepts a predicted `speaker_span` overlapping the gold
//! span, which measures the quote reader independently of the entity layer.
use rasd_doc::score::ratio;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use rasd_doc::{CharIndex, Doc, Quote, QuoteKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Errors of the gold reader.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// A gold file is not valid gold JSON.
    #[error("{path}: malformed gold JSON: {message}")]
    Json {
        /// File.
        path: PathBuf,
        /// What serde_json said.
        message: String,
    },
    /// The referenced article could not be found or read.
    #[error("{path}: {message}")]
    Article {
        /// Zip or text file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Result alias for this module.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A span of the gold: code-point offsets plus the first 8 hex digits of the SHA-256 of its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `sha256(text[start..end])`, first 8 hex digits.
    #[serde(default)]
    pub sha8: Option<String>,
}

/// Where a gold article lives in the shared material.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Locator {
    /// SaudiNewsNet zip file name (in `data/news/saudinewsnet/dataset/`).
    pub zip: Option<String>,
    /// 0-based index of the article in the zip's JSON array.
    pub index: Option<usize>,
    /// The article's URL (for humans; not used to load).
    pub url: Option<String>,
    /// Outlet (`source` field of SaudiNewsNet).
    pub source: Option<String>,
    /// Or: a seed-format file relative to the shared directory.
    pub path: Option<String>,
    /// SHA-256 (hex) of the article body.
    pub sha256: String,
}

/// One gold quote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldQuote {
    /// `G1`, … within the file.
    pub id: String,
    /// The reporting verb or phrase.
    pub cue: GoldSpan,
    /// What was said (without quotation marks and bare complementiser).
    pub content: GoldSpan,
    /// The speaker as written in the clause (name, title phrase or anonymous source).
    pub speaker: Option<GoldSpan>,
    /// For a dropped subject: a mention of the antecedent speaker.
    #[serde(default)]
    pub speaker_ref: Option<GoldSpan>,
    /// The speaker is an unnamed source (مصدر أمني): a correct speaker entity is null.
    #[serde(default)]
    pub anonymous: bool,
    /// `direct`, `indirect` or `mixed`.
    pub kind: QuoteKind,
    /// Id of the gold quote inside whose content this one is reported.
    #[serde(default)]
    pub reported_by: Option<String>,
}

/// One gold file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldDoc {
    /// `rasd-quotes-gold/1`.
    pub format: String,
    /// The article.
    pub doc: Locator,
    /// Free-text remarks of the annotator.
    #[serde(default)]
    pub notes: Option<String>,
    /// The quotes, in text order of their cues.
    pub quotes: Vec<GoldQuote>,
}

/// SHA-256 of `s` in hex.
pub fn sha256_hex(s: &str) -> String {
    let d = Sha256::digest(s.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The shared directory that holds `data/` and `seed/`, searched from the
/// gold directory upwards (`<ancestor>/shared` or `<ancestor>/../shared`).
pub fn find_shared_dir(gold_dir: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(gold_dir).ok()?;
    for a in abs.ancestors() {
        for cand in [a.join("shared"), a.join("../shared")] {
            if cand.join("data").is_dir() || cand.join("seed").is_dir() {
                return Some(cand);
            }
        }
    }
    None
}

/// Loads article `index` (0-based) of a SaudiNewsNet zip as a `Doc`, as `rasd` reads it.
pub fn load_zip_article(zip_path: &Path, index: usize) -> Result<Doc> {
    let err = |m: String| Error::Article {
        path: zip_path.to_path_buf(),
        message: m,
    };
    let file = std::fs::File::open(zip_path).map_err(|e| Error::Io {
        path: zip_path.to_path_buf(),
        source: e,
    })?;
    let mut z = zip::ZipArchive::new(file).map_err(|e| err(e.to_string()))?;
    let mut text = String::new();
    for k in 0..z.len() {
        let mut m = z.by_index(k).map_err(|e| err(e.to_string()))?;
        if m.name().ends_with(".json") {
            m.read_to_string(&mut text)
                .map_err(|e| err(e.to_string()))?;
            break;
        }
    }
    let arr: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
    let v = arr
        .into_iter()
        .nth(index)
        .ok_or_else(|| err(format!("no article at index {index}")))?;
    let rec: rasd_ingest::JsonDoc = serde_json::from_value(v).map_err(|e| err(e.to_string()))?;
    rasd_ingest::doc_from_json(rec, zip_path, index + 1, None).map_err(|e| err(e.to_string()))
}

/// Loads the article a locator names from the shared directory.
pub fn load_article(shared: &Path, loc: &Locator) -> Result<Doc> {
    if let (Some(zip), Some(index)) = (&loc.zip, loc.index) {
        return load_zip_article(
            &shared.join("data/news/saudinewsnet/dataset").join(zip),
            index,
        );
    }
    let rel = loc.path.as_deref().ok_or_else(|| Error::Article {
        path: PathBuf::new(),
        message: "locator has neither zip+index nor path".into(),
    })?;
    let p = shared.join(rel);
    let raw = std::fs::read_to_string(&p).map_err(|e| Error::Io {
        path: p.clone(),
        source: e,
    })?;
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(rasd_ingest::parse_text(&stem, &raw, None))
}

/// Reads every `*.json` gold file of a directory, sorted by name.
pub fn read_gold_dir(dir: &Path) -> Result<Vec<(PathBuf, GoldDoc)>> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let s = std::fs::read_to_string(&p).map_err(|e| Error::Io {
            path: p.clone(),
            source: e,
        })?;
        let g: GoldDoc = serde_json::from_str(&s).map_err(|e| Error::Json {
            path: p.clone(),
            message: e.to_string(),
        })?;
        out.push((p, g));
    }
    Ok(out)
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// Predicted count.
    pub predicted: usize,
    /// Gold count.
    pub gold: usize,
}

impl Prf {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    /// Recall (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        rasd_doc::score::f1(self.precision(), self.recall())
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}  (tp {}, predicted {}, gold {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.predicted,
            self.gold
        )
    }
}

/// The scores of one evaluation run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Documents scored.
    pub docs: usize,
    /// Documents skipped, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Content alone.
    pub content: Prf,
    /// (speaker, content), speaker through the entity layer.
    pub speaker_content: Prf,
    /// (speaker, content), speaker entity or `speaker_span` overlapping the gold speaker.
    pub speaker_span_content: Prf,
    /// Matched pairs with the same kind.
    pub kind_correct: usize,
    /// Matched pairs with the right `reported_by` (both null, or pointing at matched quotes).
    pub nesting_correct: usize,
    /// Per-file details: (file, gold, predicted, content tp, speaker tp).
    pub files: Vec<(String, usize, usize, usize, usize)>,
    /// One line per error (unmatched gold or prediction, wrong speaker), for `--misses`.
    pub misses: Vec<String>,
}

impl Report {
    /// Kind accuracy over matched pairs.
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_correct, self.content.tp)
    }
    /// `reported_by` accuracy over matched pairs.
    pub fn nesting_accuracy(&self) -> f64 {
        ratio(self.nesting_correct, self.content.tp)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (file, why) in &self.skipped {
            writeln!(f, "skipped {file}: {why}")?;
        }
        for (file, g, p, c, s) in &self.files {
            writeln!(
                f,
                "{file}: gold {g} predicted {p} content {c} speaker+content {s}"
            )?;
        }
        writeln!(f, "documents scored: {}", self.docs)?;
        writeln!(f, "content:                 {}", self.content)?;
        writeln!(f, "speaker+content:         {}", self.speaker_content)?;
        writeln!(f, "speaker(span)+content:   {}", self.speaker_span_content)?;
        writeln!(
            f,
            "kind accuracy:           {:.3} ({}/{})",
            self.kind_accuracy(),
            self.kind_correct,
            self.content.tp
        )?;
        write!(
            f,
            "reported_by accuracy:    {:.3} ({}/{})",
            self.nesting_accuracy(),
            self.nesting_correct,
            self.content.tp
        )
    }
}

/// Byte span of a code-point span of `text`, if in bounds.
fn to_bytes(text: &str, g: &GoldSpan) -> Option<(usize, usize)> {
    let mut it = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let a = it.by_ref().nth(g.start)?;
    let b = if g.end == g.start {
        a
    } else {
        it.nth(g.end - g.start - 1)?
    };
    Some((a, b))
}

/// First 8 hex digits of the SHA-256 of a span's text.
pub fn span_sha8(text: &str) -> String {
    sha256_hex(text)[..8].to_string()
}

/// Checks that every span of a gold file is in bounds and has its recorded hash.
pub fn check_spans(text: &str, g: &GoldDoc) -> std::result::Result<(), String> {
    for q in &g.quotes {
        let spans = [
            Some(&q.cue),
            Some(&q.content),
            q.speaker.as_ref(),
            q.speaker_ref.as_ref(),
        ];
        for s in spans.into_iter().flatten() {
            let (a, b) = to_bytes(text, s)
                .ok_or_else(|| format!("{}: span {}..{} out of bounds", q.id, s.start, s.end))?;
            if let Some(h) = &s.sha8 {
                if &span_sha8(&text[a..b]) != h {
                    return Err(format!(
                        "{}: span {}..{} text changed",
                        q.id, s.start, s.end
                    ));
                }
            }
        }
    }
    Ok(())
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn dice(a: (usize, usize), b: (usize, usize)) -> f64 {
    let l = (a.1 - a.0) + (b.1 - b.0);
    if l == 0 {
        0.0
    } else {
        2.0 * overlap(a, b) as f64 / l as f64
    }
}

/// The text of a gold span (empty when out of bounds).
fn cp_text(text: &str, g: &GoldSpan) -> String {
    to_bytes(text, g)
        .map(|(a, b)| text[a..b].to_string())
        .unwrap_or_default()
}

/// The first words of a content, for error listings.
fn head(s: &str) -> String {
    s.split_whitespace().take(8).collect::<Vec<_>>().join(" ")
}

/// Scores the predicted quotes of one annotated document against its gold.
pub fn score_doc(doc: &Doc, gold: &GoldDoc, report: &mut Report, name: &str) {
    let ix = CharIndex::new(&doc.text);
    let cp = |s: rasd_doc::Span| (ix.cp(s.start) as usize, ix.cp(s.end) as usize);
    let g_span = |g: &GoldSpan| (g.start, g.end);
    let pred: &[Quote] = &doc.quotes;
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.quotes.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let d = dice(g_span(&g.content), cp(p.content));
            if d >= 0.5 {
                pairs.push((d, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut g_used = vec![None; gold.quotes.len()];
    let mut p_used = vec![None; pred.len()];
    for (_, gi, pi) in pairs {
        if g_used[gi].is_none() && p_used[pi].is_none() {
            g_used[gi] = Some(pi);
            p_used[pi] = Some(gi);
        }
    }
    let gold_ids: HashMap<&str, usize> = gold
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut ctp = 0;
    let mut stp = 0;
    let mut sstp = 0;
    for (gi, g) in gold.quotes.iter().enumerate() {
        let Some(pi) = g_used[gi] else { continue };
        let p = &pred[pi];
        ctp += 1;
        let target = if g.anonymous {
            None
        } else {
            g.speaker.as_ref().or(g.speaker_ref.as_ref()).map(g_span)
        };
        // the speaker as written, or the named referent it stands for
        let targets: Vec<(usize, usize)> = if g.anonymous {
            vec![]
        } else {
            [g.speaker.as_ref(), g.speaker_ref.as_ref()]
                .into_iter()
                .flatten()
                .map(g_span)
                .collect()
        };
        let entity_ok = match (target, &p.speaker) {
            (None, None) => true,
            (Some(_), Some(id)) => doc.entities.iter().find(|e| &e.id == id).is_some_and(|e| {
                e.mentions
                    .iter()
                    .any(|m| targets.iter().any(|t| overlap(cp(*m), *t) > 0))
            }),
            _ => false,
        };
        // a dropped subject stands for the nearest earlier predicted speaker phrase
        let p_span = p
            .speaker_span
            .or_else(|| pred[..pi].iter().rev().find_map(|q| q.speaker_span));
        let span_ok = entity_ok
            || match (target, p_span) {
                (Some(_), Some(s)) => targets.iter().any(|t| overlap(cp(s), *t) > 0),
                (None, Some(s)) if g.anonymous => g
                    .speaker
                    .as_ref()
                    .is_some_and(|gs| overlap(cp(s), g_span(gs)) > 0),
                _ => false,
            };
        stp += entity_ok as usize;
        sstp += span_ok as usize;
        if !entity_ok {
            let ent = p
                .speaker
                .as_ref()
                .and_then(|id| doc.entities.iter().find(|e| &e.id == id))
                .map(|e| format!("{} {:?}", e.id, e.name));
            report.misses.push(format!(
                "{name}: {} speaker: gold {:?} ref {:?} | predicted {} {:?} span {:?} | content {:?}",
                g.id,
                g.speaker.as_ref().map(|s| cp_text(&doc.text, s)),
                g.speaker_ref.as_ref().map(|s| cp_text(&doc.text, s)),
                p.id,
                ent,
                p.speaker_span.map(|s| doc.slice(s).to_string()),
                head(doc.slice(p.content)),
            ));
        }
        report.kind_correct += (g.kind == p.kind) as usize;
        if g.kind != p.kind {
            report.misses.push(format!(
                "{name}: {} kind: gold {:?} predicted {} {:?} | content {:?}",
                g.id,
                g.kind,
                p.id,
                p.kind,
                head(doc.slice(p.content)),
            ));
        }
        let want = g
            .reported_by
            .as_deref()
            .and_then(|id| gold_ids.get(id))
            .and_then(|&gj| g_used[gj]);
        let got = p
            .reported_by
            .as_deref()
            .and_then(|id| pred.iter().position(|q| q.id == id));
        let nest_ok = match (&g.reported_by, got) {
            (None, None) => true,
            (Some(_), Some(x)) => want == Some(x),
            _ => false,
        };
        report.nesting_correct += nest_ok as usize;
    }
    for (g, _) in gold.quotes.iter().zip(&g_used).filter(|(_, u)| u.is_none()) {
        report.misses.push(format!(
            "{name}: {} missed: cue {:?} speaker {:?} content {:?}",
            g.id,
            cp_text(&doc.text, &g.cue),
            g.speaker.as_ref().map(|s| cp_text(&doc.text, s)),
            head(&cp_text(&doc.text, &g.content)),
        ));
    }
    for (p, _) in pred.iter().zip(&p_used).filter(|(_, u)| u.is_none()) {
        report.misses.push(format!(
            "{name}: {} spurious: cue {:?} speaker {:?} content {:?}",
            p.id,
            doc.slice(p.cue),
            p.speaker_span.map(|s| doc.slice(s).to_string()),
            head(doc.slice(p.content)),
        ));
    }
    report.docs += 1;
    for prf in [
        &mut report.content,
        &mut report.speaker_content,
        &mut report.speaker_span_content,
    ] {
        prf.predicted += pred.len();
        prf.gold += gold.quotes.len();
    }
    report.content.tp += ctp;
    report.speaker_content.tp += stp;
    report.speaker_span_content.tp += sstp;
    report
        .files
        .push((name.to_string(), gold.quotes.len(), pred.len(), ctp, stp));
}

/// Evaluates a gold directory: loads each article from `shared`, runs
/// `annotate` on it (the full pipeline in `rasd eval quotes`) and scores it.
/// Articles that are missing or whose text hash changed are skipped with a reason.
pub fn evaluate(
    gold_dir: &Path,
    shared: Option<&Path>,
    mut annotate: impl FnMut(&mut Doc),
) -> Result<Report> {
    let golds = read_gold_dir(gold_dir)?;
    let mut report = Report::default();
    for (path, gold) in golds {
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(shared) = shared else {
            report
                .skipped
                .push((name, "shared material not found (../shared)".into()));
            continue;
        };
        let mut doc = match load_article(shared, &gold.doc) {
            Ok(d) => d,
            Err(e) => {
                report.skipped.push((name, e.to_string()));
                continue;
            }
        };
        if sha256_hex(&doc.text) != gold.doc.sha256 {
            report
                .skipped
                .push((name, "article text changed (sha256 differs)".into()));
            continue;
        }
        if let Err(e) = check_spans(&doc.text, &gold) {
            report.skipped.push((name, e));
            continue;
        }
        annotate(&mut doc);
        score_doc(&doc, &gold, &mut report, &name);
    }
    Ok(report)
}
