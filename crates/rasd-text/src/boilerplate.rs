//! Boilerplate: non-content lines kept in `text` but skipped by extraction.
//!
//! Cues come from `data/lexicons/boilerplate.tsv` (kind, cue, how it
//! matches). Besides the cue lines, a short heading — a line of one to three
//! words without final punctuation, with paragraphs before and after it — is
//! boilerplate of kind `heading`.
use rasd_doc::{Boilerplate, Span};

use crate::normalize::normalize_key;
use crate::sentences::{is_alnum, is_alpha};

const LEXICON: &str = include_str!("../../../data/lexicons/boilerplate.tsv");

struct Cue {
    kind: &'static str,
    cue: String,
    whole_line: bool,
    /// A tag list ("سمات الجوازات وافدون"): the cue, then words with no
    /// sentence punctuation, in the last paragraphs of the document.
    tags: bool,
    /// A contact note ("للتواصل مع الكاتب ارسل رسالة SMS …"): the cue
    /// anywhere in a paragraph (often glued to an e-mail address before it)
    /// followed only by the note's short lines, which are footer too.
    contact: bool,
}

/// How many paragraphs from the end a tag list may stand.
const TAG_LINES_FROM_END: usize = 3;

fn cues() -> &'static [Cue] {
    static CUES: std::sync::OnceLock<Vec<Cue>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let kind = f.next()?;
                let cue = f.next()?;
                let how = f.next()?;
                let kind: &'static str = match kind {
                    "ad" => "ad",
                    "byline" => "byline",
                    "read_more" => "read_more",
                    "footer" => "footer",
                    _ => return None,
                };
                Some(Cue {
                    kind,
                    cue: normalize_key(cue).to_ascii_lowercase(),
                    whole_line: how == "line",
                    tags: how == "tags",
                    contact: how == "contact",
                })
            })
            .collect()
    })
}

/// Whether the paragraphs after a contact cue are the rest of its note: at
/// most [`CONTACT_TAIL_LINES`] short lines without sentence punctuation.
fn contact_tail(text: &str, after: &[Span]) -> bool {
    after.len() <= CONTACT_TAIL_LINES
        && after.iter().all(|p| {
            let line = &text[p.range()];
            line.split_whitespace().count() <= MAX_CUE_LINE_WORDS && !line.contains(SENTENCE_END)
        })
}

/// Punctuation that ends or joins sentences: a contact note has none after
/// its cue (the e-mail address before it may have dots).
const SENTENCE_END: [char; 5] = ['.', '!', '?', '؟', '،'];

/// Lines a contact note may take after its cue line.
const CONTACT_TAIL_LINES: usize = 6;

/// Longest line that can be a `start` cue line (byline, read-more), in words.
const MAX_CUE_LINE_WORDS: usize = 12;

/// Whether a byline cue is followed, within two words, by the separator of
/// a credit line ("تصوير: …", "كتب - …", "ترجمة/ …", "إعداد وترجمة - …"),
/// which tells "تحرير: فلان" from "تحرير تعز" (the liberation of Taiz).
fn has_credit_separator(rest: &str) -> bool {
    rest.split_whitespace()
        .take(3)
        .any(|w| w.starts_with([':', '-', '–', '—', '/', '|']) || w.ends_with([':', '/']))
}

/// Whether a line is a credit/dateline line of the form "name – outlet",
/// "outlet – city" ("عين اليوم – الرياض", "سلوى المدني- عين اليوم"): at most
/// nine words, split by a dash into two sides of one to four words, with no
/// sentence punctuation or quotation marks.
fn is_credit_line(line: &str) -> bool {
    if line.split_whitespace().count() > 9
        || line.starts_with(['-', '–', '—'])
        || line.contains(['.', '!', '?', '؟', '"', '«', '»', '“', '”', '،'])
    {
        return false;
    }
    let Some(at) = line.find(['-', '–', '—', 'ـ']) else {
        return false;
    };
    let (left, right) = (&line[..at], &line[at..]);
    let right = right.trim_start_matches(['-', '–', '—', 'ـ']);
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(is_alpha))
            .count()
    };
    // a tatweel inside a word is not a separator
    let spaced = left.ends_with(char::is_whitespace) || right.starts_with(char::is_whitespace);
    // one separator only, and no clause words: "قال الكرملين -الأربعاء- إن …" is a sentence
    let one_separator = !right.contains(['-', '–', '—']);
    let clause_word = line.split_whitespace().any(|w| {
        let w = crate::normalize_key(w.trim_matches(|c: char| !is_alpha(c)));
        CLAUSE_WORDS.contains(&w.as_str())
    });
    spaced
        && one_separator
        && !clause_word
        && (1..=4).contains(&words(left))
        && (1..=4).contains(&words(right.trim_end_matches(':')))
}

/// Words that make a short dashed line a sentence rather than a credit line
/// (complementisers, prepositions, reporting verbs), in `Match` spelling.
const CLAUSE_WORDS: &[&str] = &[
    "ان", "في", "علي", "الي", "عن", "قال", "قالت", "اكد", "اكدت", "هو", "هي", "لا", "لم", "لن", "قد",
];

/// Longest paragraph (bytes) examined: 12 words of Arabic with diacritics fit easily.
const MAX_LINE_BYTES: usize = 400;

/// Boilerplate spans among `paragraphs` of `text`.
pub fn boilerplate(text: &str, paragraphs: &[Span]) -> Vec<Boilerplate> {
    let mut out = Vec::new();
    for (i, &p) in paragraphs.iter().enumerate() {
        let line = &text[p.range()];
        // cue lines and headings are short; skip content paragraphs cheaply
        if line.len() > MAX_LINE_BYTES {
            continue;
        }
        let mut key = normalize_key(line);
        key.make_ascii_lowercase();
        let bare = key.trim_matches(|c: char| !is_alnum(c));
        let words = bare.split_whitespace().count();
        let near_end = i + TAG_LINES_FROM_END >= paragraphs.len();
        let cue = cues().iter().find(|c| {
            if c.contact {
                key.find(&c.cue)
                    .is_some_and(|at| !key[at..].contains(SENTENCE_END))
                    && contact_tail(text, &paragraphs[i + 1..])
            } else if c.tags {
                near_end
                    && words <= MAX_CUE_LINE_WORDS
                    && bare.starts_with(&c.cue)
                    && bare[c.cue.len()..].starts_with(|ch: char| !ch.is_alphanumeric())
                    && !line.contains(['.', '!', '?', '؟', '،', ':', '"', '«', '»'])
            } else if c.whole_line {
                bare == c.cue
            } else {
                words <= MAX_CUE_LINE_WORDS
                    && bare.starts_with(&c.cue)
                    && bare[c.cue.len()..].starts_with(|ch: char| !is_alnum(ch))
                    && (c.kind == "read_more" || has_credit_separator(&bare[c.cue.len()..]))
            }
        });
        if let Some(c) = cue {
            out.push(Boilerplate {
                span: p,
                kind: c.kind,
            });
            if c.contact {
                // the rest of the note ("تبدأ بالرمز …", "Stc 635031 …")
                out.extend(
                    paragraphs[i + 1..]
                        .iter()
                        .map(|&span| Boilerplate { span, kind: c.kind }),
                );
                break;
            }
            continue;
        }
        if i == 0 && is_credit_line(line) {
            out.push(Boilerplate {
                span: p,
                kind: "byline",
            });
            continue;
        }
        let last = line.chars().last().unwrap_or(' ');
        let heading = (1..=3).contains(&words)
            && i > 0
            && i + 1 < paragraphs.len()
            && !matches!(
                last,
                '.' | '!' | '?' | '؟' | '،' | ':' | '؛' | ',' | '"' | '»' | '”'
            )
            && line.chars().any(is_alpha);
        if heading {
            out.push(Boilerplate {
                span: p,
                kind: "heading",
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::paragraphs;

    #[test]
    fn tag_lists_at_the_end_are_footers() {
        let t = "قال الوزير إن كذا.\n\nوأضاف أن كذا.\n\nسمات الجوازات وافدون وثيقة سفر";
        let b = boilerplate(t, &paragraphs(t));
        let got: Vec<(&str, &str)> = b.iter().map(|b| (&t[b.span.range()], b.kind)).collect();
        assert_eq!(got, [("سمات الجوازات وافدون وثيقة سفر", "footer")]);
        // the word in prose, or far from the end, is content
        let t = "سمات القائد الناجح كثيرة، أولها الصبر.\n\nوقال آخر.\n\nثم قال.\n\nوختم.";
        assert!(boilerplate(t, &paragraphs(t)).is_empty());
    }

    #[test]
    fn contact_notes_at_the_end_are_footers() {
        let t = "قال الكاتب إن كذا.\n\nوأضاف أن كذا.\n\nname@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591 - Stc";
        let b = boilerplate(t, &paragraphs(t));
        let got: Vec<&str> = b.iter().map(|b| b.kind).collect();
        assert_eq!(got, ["footer"]);
        assert!(t[b[0].span.range()].starts_with("name@"));
        // a note over several lines: all of it
        let t = "قال الكاتب إن كذا.\n\nللتواصل مع الكاتب ارسل رسالة SMS\nتبدأ بالرمز (43) ثم مسافة\n88591 - Stc";
        let b = boilerplate(t, &paragraphs(t));
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b.iter().all(|b| b.kind == "footer"));
        // far from the end, the phrase is content
        let t = "للتواصل مع الكاتب طرق كثيرة.\n\nوقال آخر.\n\nثم قال.\n\nوختم.";
        assert!(boilerplate(t, &paragraphs(t)).is_empty());
    }

    #[test]
    fn finds_ads_headings_and_read_more() {
        let t = "قال الكرملين إن كذا.\n\nمخاوف\n\nوأثار ذلك مخاوف.\n\nإعلان\n\nاقرأ أيضا: خبر آخر\n\nوقال آخر.";
        let p = paragraphs(t);
        let b = boilerplate(t, &p);
        let got: Vec<(&str, &str)> = b.iter().map(|b| (&t[b.span.range()], b.kind)).collect();
        assert_eq!(
            got,
            [
                ("مخاوف", "heading"),
                ("إعلان", "ad"),
                ("اقرأ أيضا: خبر آخر", "read_more")
            ]
        );
    }

    #[test]
    fn bylines_need_a_credit_separator() {
        let t = "نص أول.\n(تصوير: علي الشهري)\nكتب - عمر عبدالعزيز:\nتحرير تعز من الميليشيات مستمر\nأعداد كبيرة من الزوار هنا\nنص أخير.";
        let p = paragraphs(t);
        let got: Vec<&str> = boilerplate(t, &p)
            .iter()
            .filter(|b| b.kind == "byline")
            .map(|b| &t[b.span.range()])
            .collect();
        assert_eq!(got, ["(تصوير: علي الشهري)", "كتب - عمر عبدالعزيز:"]);
    }

    #[test]
    fn credit_lines_and_footers() {
        let t =
            "سلوى المدني- عين اليوم\nقالت الوزارة إن كذا.\nرابط الخبر بصحيفة الوئام: عنوان الخبر\n";
        let p = paragraphs(t);
        let got: Vec<(&str, &str)> = boilerplate(t, &p)
            .iter()
            .map(|b| (&t[b.span.range()], b.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("سلوى المدني- عين اليوم", "byline"),
                ("رابط الخبر بصحيفة الوئام: عنوان الخبر", "footer")
            ]
        );
        assert!(!is_credit_line("- الهلال سيكون فريقا مرعبا"));
        assert!(!is_credit_line("قال الوزير - في بيان - إن الأمر انتهى."));
        assert!(is_credit_line("عين اليوم – إسلام آباد"));
        assert!(!is_credit_line("مـوسكو"));
        assert!(!is_credit_line("قال الكرملين -الأربعاء- إن ويتكوف"));
        assert!(!is_credit_line("الرئيس – في الرياض"));
    }

    #[test]
    fn lexicon_is_sorted_and_normalised() {
        let rows: Vec<&str> = LEXICON.lines().filter(|l| !l.starts_with('#')).collect();
        let mut sorted = rows.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            rows, sorted,
            "help: keep data/lexicons/boilerplate.tsv sorted and without duplicates"
        );
        for r in rows {
            let cue = r.split('\t').nth(1).unwrap();
            assert_eq!(
                normalize_key(cue),
                cue,
                "help: cue {cue:?} is not Match-normalised"
            );
        }
    }
}
