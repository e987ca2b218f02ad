//! Document genre — news, opinion, sports, culture, economy, technology —
//! from the words of the whole article: a multinomial naive Bayes over
//! clitic-free word stems ([`GenreModel`]), trained by `rasd train genre` on
//! the SaudiNewsNet articles whose URL names their newspaper section
//! (`data/lexicons/genre_sections.tsv`).
//!
//! The event coder uses it as the document-level counterpart of the
//! sentence-level `leisure` context words: in a match report, a film review
//! or a phone review, "طالب"، "دعم"، "اتفاق" and "زار" are seldom relations
//! between political actors.
//!
//! Design: the words of one article are far from independent, so the
//! summed log-likelihood is rescaled to [`EFFECTIVE_WORDS`] words before
//! the posterior is taken; the posterior then says how sure the model is
//! instead of being 0 or 1 for every article of more than a few lines.

use rustc_hash::FxHashMap;

use rasd_doc::{Doc, TokenKind};

use crate::lexicon::{data_lines, line_error};
use crate::{Error, Result};

/// The bundled model (`rasd train genre` rebuilds it).
pub const GENRE_TSV: &str = include_str!("../../../data/models/genre.tsv");

/// URL patterns of newspaper sections and the genre each stands for.
pub const SECTIONS_TSV: &str = include_str!("../../../data/lexicons/genre_sections.tsv");

/// Articles with fewer vocabulary words than this keep the prior (no genre).
pub const MIN_KNOWN_WORDS: usize = 40;

/// How many independent words an article's summed log-likelihood counts as.
pub const EFFECTIVE_WORDS: f64 = 25.0;

/// Genres whose articles hold no political relations worth coding as
/// such (sport, arts and entertainment, consumer technology).
pub const LEISURE_GENRES: &[&str] = &["sports", "culture", "tech"];

/// The posterior at and above which an article counts as of a leisure genre.
pub const LEISURE_MIN_POSTERIOR: f64 = 0.9;

/// A genre and the model's posterior for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Genre<'m> {
    /// The genre's name (a class of the model).
    pub name: &'m str,
    /// Posterior probability.
    pub p: f64,
}

/// A multinomial naive Bayes genre classifier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GenreModel {
    /// Class names.
    pub classes: Vec<String>,
    /// Log prior of each class.
    pub prior: Vec<f64>,
    /// Vocabulary word → its row in `logp`.
    index: FxHashMap<Box<str>, u32>,
    /// Log P(word | class), one row of `classes.len()` values per word.
    logp: Vec<f64>,
}

/// The words of `doc` the model reads: the normalised clitic-free stems of
/// its word tokens outside boilerplate lines.
pub fn doc_words(doc: &Doc) -> impl Iterator<Item = &str> {
    // boilerplate spans are few and sorted: walk them along the tokens
    let mut bp = doc.boilerplate.iter().map(|b| b.span).peekable();
    doc.tokens
        .iter()
        .filter(move |t| {
            while bp.peek().is_some_and(|b| b.end <= t.span.start) {
                bp.next();
            }
            t.kind == TokenKind::Word && !bp.peek().is_some_and(|b| b.overlaps(t.span))
        })
        .map(|t| doc.token_stem(t))
        .filter(|w| w.chars().nth(1).is_some())
}

impl GenreModel {
    /// The bundled model.
    pub fn bundled() -> GenreModel {
        GenreModel::parse(GENRE_TSV).expect("the bundled genre model parses")
    }

    /// Parses the TSV written by [`GenreModel::to_tsv`].
    pub fn parse(tsv: &str) -> Result<GenreModel> {
        let mut m = GenreModel::default();
        for (n, line) in data_lines(tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            let nums = |f: &[&str]| -> Result<Vec<f64>> {
                f.iter()
                    .map(|x| {
                        x.parse::<f64>()
                            .map_err(|_| line_error("genre", n, format!("bad number {x:?}")))
                    })
                    .collect()
            };
            match f[0] {
                "__classes__" => m.classes = f[1..].iter().map(|s| s.to_string()).collect(),
                "__prior__" => m.prior = nums(&f[1..])?,
                w => {
                    let v = nums(&f[1..])?;
                    if v.len() != m.classes.len() {
                        return Err(line_error("genre", n, "one number per class expected"));
                    }
                    m.insert(w, &v);
                }
            }
        }
        if m.classes.is_empty() || m.prior.len() != m.classes.len() {
            return Err(Error::Lexicon {
                name: "genre".into(),
                line: 0,
                message: "missing __classes__ or __prior__ line".into(),
            });
        }
        Ok(m)
    }

    /// The model as TSV (header lines first; words sorted).
    pub fn to_tsv(&self, header: &[&str]) -> String {
        let mut out: String = header.iter().map(|h| format!("# {h}\n")).collect();
        out.push_str("# word\tlog P(word | class) per class\n");
        out.push_str(&format!("__classes__\t{}\n", self.classes.join("\t")));
        let num = |v: &[f64]| {
            v.iter()
                .map(|x| format!("{x:.3}"))
                .collect::<Vec<_>>()
                .join("\t")
        };
        out.push_str(&format!("__prior__\t{}\n", num(&self.prior)));
        let mut words: Vec<(&str, u32)> = self.index.iter().map(|(w, &r)| (&**w, r)).collect();
        words.sort();
        for (w, r) in words {
            out.push_str(&format!("{w}\t{}\n", num(self.row(r))));
        }
        out
    }

    /// Adds (or replaces) a vocabulary word's log-probabilities.
    fn insert(&mut self, w: &str, logp: &[f64]) {
        let row = match self.index.get(w) {
            Some(&r) => r,
            None => {
                let r = (self.logp.len() / self.classes.len().max(1)) as u32;
                self.index.insert(w.into(), r);
                self.logp
                    .extend(std::iter::repeat_n(0.0, self.classes.len()));
                r
            }
        };
        let k = self.classes.len();
        for (slot, &x) in self.logp[row as usize * k..][..k].iter_mut().zip(logp) {
            *slot = x;
        }
    }

    fn row(&self, r: u32) -> &[f64] {
        let k = self.classes.len();
        &self.logp[r as usize * k..][..k]
    }

    /// Number of vocabulary words.
    pub fn vocabulary(&self) -> usize {
        self.index.len()
    }

    /// Log P(word | class) per class, for a vocabulary word.
    pub fn word_logp(&self, w: &str) -> Option<&[f64]> {
        self.index.get(w).map(|&r| self.row(r))
    }

    /// The posterior of every class for an article made of `words`; `None`
    /// when fewer than [`MIN_KNOWN_WORDS`] of them are in the vocabulary (a
    /// sentence or a brief says too little about its article).
    pub fn posterior<'w>(&self, words: impl Iterator<Item = &'w str>) -> Option<Vec<f64>> {
        let mut ll = vec![0.0f64; self.classes.len()];
        let mut n = 0usize;
        for w in words {
            if let Some(v) = self.word_logp(w) {
                n += 1;
                ll.iter_mut().zip(v).for_each(|(a, &b)| *a += b);
            }
        }
        if n < MIN_KNOWN_WORDS {
            return None;
        }
        let scale = EFFECTIVE_WORDS / (n as f64).max(EFFECTIVE_WORDS);
        let z: Vec<f64> = self
            .prior
            .iter()
            .zip(&ll)
            .map(|(p, l)| p + scale * l)
            .collect();
        let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let e: Vec<f64> = z.iter().map(|x| (x - max).exp()).collect();
        let sum: f64 = e.iter().sum();
        Some(e.into_iter().map(|x| x / sum).collect())
    }

    /// The most probable genre of `doc` (`None` for too short a text).
    pub fn classify(&self, doc: &Doc) -> Option<Genre<'_>> {
        Some(self.best(&self.posterior(doc_words(doc))?))
    }

    /// The class with the highest posterior (the first on ties).
    pub fn best(&self, posterior: &[f64]) -> Genre<'_> {
        let (i, p) = posterior
            .iter()
            .enumerate()
            .fold(
                (0, f64::NEG_INFINITY),
                |b, (i, &p)| if p > b.1 { (i, p) } else { b },
            );
        Genre {
            name: &self.classes[i],
            p,
        }
    }
}

/// Training settings of [`train`].
#[derive(Debug, Clone, Copy)]
pub struct GenreTrainOptions {
    /// Words must occur in at least this many training articles.
    pub min_docs: usize,
    /// Vocabulary size: the words whose document frequency differs most
    /// between the classes.
    pub vocabulary: usize,
    /// Additive smoothing of the word counts.
    pub alpha: f64,
}

impl Default for GenreTrainOptions {
    fn default() -> Self {
        GenreTrainOptions {
            min_docs: 5,
            vocabulary: 6000,
            alpha: 1.0,
        }
    }
}

/// Trains a model on `(genre, words)` articles; classes in sorted order.
/// Priors are uniform: the sections the labels come from over-represent
/// sport and under-represent news, so the training mix says nothing about
/// the mix a user's corpus has.
pub fn train(articles: &[(String, Vec<String>)], opts: &GenreTrainOptions) -> GenreModel {
    let mut classes: Vec<String> = articles.iter().map(|(g, _)| g.clone()).collect();
    classes.sort();
    classes.dedup();
    let k = classes.len();
    let class_of = |g: &str| classes.iter().position(|c| c == g).unwrap_or(0);
    let mut docs_in = vec![0usize; k];
    // word -> (documents per class, occurrences per class)
    let mut stats: FxHashMap<&str, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for (g, words) in articles {
        let c = class_of(g);
        docs_in[c] += 1;
        let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
        for w in words {
            let s = stats
                .entry(w.as_str())
                .or_insert_with(|| (vec![0; k], vec![0; k]));
            s.1[c] += 1;
            if seen.insert(w.as_str()) {
                s.0[c] += 1;
            }
        }
    }
    // chi-square-like spread of the per-class document rates
    let mut scored: Vec<(f64, &str)> = stats
        .iter()
        .filter(|(_, (d, _))| d.iter().sum::<usize>() >= opts.min_docs)
        .map(|(w, (d, _))| {
            let rates: Vec<f64> = d
                .iter()
                .zip(&docs_in)
                .map(|(&a, &n)| a as f64 / n.max(1) as f64)
                .collect();
            let mean = rates.iter().sum::<f64>() / k as f64;
            let spread = rates.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / mean.max(1e-9);
            (spread, *w)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.truncate(opts.vocabulary);
    let totals: Vec<f64> = (0..k)
        .map(|c| scored.iter().map(|(_, w)| stats[w].1[c] as f64).sum())
        .collect();
    let v = scored.len() as f64;
    let mut model = GenreModel {
        prior: vec![(1.0 / k as f64).ln(); k],
        classes,
        ..GenreModel::default()
    };
    for (_, w) in &scored {
        let counts = &stats[w].1;
        let lp: Vec<f64> = (0..k)
            .map(|c| ((counts[c] as f64 + opts.alpha) / (totals[c] + opts.alpha * v)).ln())
            .collect();
        model.insert(w, &lp);
    }
    model
}

/// URL section patterns: which articles' URLs name their genre.
#[derive(Debug)]
pub struct Sections {
    patterns: Vec<(regex::Regex, String)>,
}

impl Sections {
    /// The bundled patterns.
    pub fn bundled() -> Sections {
        Sections::parse(SECTIONS_TSV).expect("the bundled section patterns parse")
    }

    /// Parses `pattern<TAB>genre` lines (patterns are regular expressions
    /// matched against the whole URL).
    pub fn parse(tsv: &str) -> Result<Sections> {
        let mut patterns = Vec::new();
        for (n, line) in data_lines(tsv) {
            let Some((p, g)) = line.split_once('\t') else {
                return Err(line_error("genre_sections", n, "expected 2 fields"));
            };
            let re = regex::Regex::new(p)
                .map_err(|e| line_error("genre_sections", n, format!("bad pattern: {e}")))?;
            patterns.push((re, g.to_string()));
        }
        Ok(Sections { patterns })
    }

    /// The genre the URL's section names, if a pattern matches it.
    pub fn genre_of(&self, url: &str) -> Option<&str> {
        self.patterns
            .iter()
            .find(|(re, _)| re.is_match(url))
            .map(|(_, g)| g.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn trains_and_classifies_toy_articles() {
        let arts = vec![
            (
                "sports".to_string(),
                words("مباراة الفريق هدف المدرب الملعب"),
            ),
            ("sports".to_string(), words("الفريق هدف مباراة الدوري")),
            ("news".to_string(), words("الوزير الحكومة البرلمان قرار")),
            ("news".to_string(), words("الحكومة الوزير اجتماع قرار")),
        ];
        let opts = GenreTrainOptions {
            min_docs: 1,
            vocabulary: 100,
            alpha: 1.0,
        };
        let m = train(&arts, &opts);
        assert_eq!(m.classes, ["news", "sports"]);
        let long = |w: &[&'static str]| w.repeat(MIN_KNOWN_WORDS);
        let p = m.posterior(long(&["الفريق", "هدف", "مباراة"]).into_iter());
        assert_eq!(m.best(&p.unwrap()).name, "sports");
        let p = m.posterior(long(&["الوزير", "الحكومة"]).into_iter());
        assert_eq!(m.best(&p.unwrap()).name, "news");
        // too few known words: no genre
        assert!(m.posterior(["غير", "الفريق"].into_iter()).is_none());
        // the TSV round-trips (to its 3 decimals)
        let back = GenreModel::parse(&m.to_tsv(&["version: 1"])).unwrap();
        assert_eq!(back.classes, m.classes);
        assert_eq!(back.vocabulary(), m.vocabulary());
        assert!(GenreModel::parse("# x\n").is_err());
    }

    #[test]
    fn bundled_model_and_sections_load() {
        let m = GenreModel::bundled();
        assert!(LEISURE_GENRES
            .iter()
            .all(|g| m.classes.iter().any(|c| c == g)));
        let s = Sections::bundled();
        assert_eq!(
            s.genre_of("http://www.3alyoum.com/sports/a/x/"),
            Some("sports")
        );
        assert_eq!(
            s.genre_of("http://www.al-jazirah.com/2015/20150721/sp1.htm"),
            Some("sports")
        );
        assert_eq!(s.genre_of("http://www.alriyadh.com/1066713"), None);
    }
}
