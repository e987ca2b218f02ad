//! Reading and writing CoNLL-style token/tag files.
//!
//! A file is a sequence of sentences separated by blank lines; each other line
//! holds a token in its first column and, for gold data, the tag in the last
//! column. Lines are split on whitespace (space or tab).
use std::fmt::Write as _;

use crate::tags::Tag;

/// One sentence: tokens and (gold or predicted) tags of the same length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// One tag per token (`O` when the input had none).
    pub tags: Vec<Tag>,
}

/// A parsed CoNLL line sequence that remembers blank-line structure, so the
/// output can reproduce it exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Number of blank lines after each sentence (and `leading` before the first).
    pub gaps: Vec<usize>,
    /// Blank lines before the first sentence.
    pub leading: usize,
}

/// Parses CoNLL text. The first column is the token; when `with_tags`, the
/// last column (if there are at least two) is the tag.
pub fn parse(text: &str, with_tags: bool) -> Document {
    let mut doc = Document::default();
    let mut cur = Sentence::default();
    let mut blanks = 0usize;
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        let Some(tok) = cols.next() else {
            blanks += 1;
            continue;
        };
        if !cur.tokens.is_empty() && blanks > 0 {
            doc.sentences.push(std::mem::take(&mut cur));
            doc.gaps.push(blanks);
        } else if cur.tokens.is_empty() && doc.sentences.is_empty() {
            doc.leading = blanks;
        }
        blanks = 0;
        let tag = if with_tags {
            cols.last().map(Tag::parse).unwrap_or(Tag::O)
        } else {
            Tag::O
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag);
    }
    if !cur.tokens.is_empty() {
        doc.sentences.push(cur);
        doc.gaps.push(blanks);
    } else if doc.sentences.is_empty() {
        doc.leading = blanks;
    }
    doc
}

/// Writes `token TAG` lines, keeping the blank-line structure of `doc`
/// (a sentence always ends with at least one blank line, except the last when
/// the input ended without one).
pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    for _ in 0..doc.leading {
        out.push('\n');
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        for (tok, tag) in s.tokens.iter().zip(&s.tags) {
            let _ = writeln!(out, "{tok} {tag}");
        }
        let gap = doc.gaps.get(i).copied().unwrap_or(1);
        for _ in 0..gap {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_blank_lines() {
        let text = "قال O\nبوتين B-PERS\n\nموسكو B-LOC\n. O\n\n\nx O\n";
        let doc = parse(text, true);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[0].tags[1].to_string(), "B-PERS");
        assert_eq!(write(&doc), text);
    }

    #[test]
    fn tokens_only_input() {
        let doc = parse("\nأ\tX\tY\nب\n", false);
        assert_eq!(doc.leading, 1);
        assert_eq!(doc.sentences[0].tokens, ["أ", "ب"]);
        assert_eq!(write(&doc), "\nأ O\nب O\n");
        assert_eq!(write(&parse("", false)), "");
    }
}
