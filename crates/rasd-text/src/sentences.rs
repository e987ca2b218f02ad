//! Paragraphs and sentences.
//!
//! A paragraph is a non-blank line (news bodies put one paragraph per line,
//! often with blank lines between). Sentences end at `.` `!` `?` `؟` and at
//! paragraph ends — not at the Arabic comma, not inside quotation marks or
//! parentheses, not inside numbers (`3.5`), not after one-letter
//! abbreviations (`د.`), not at an ellipsis. A terminator just before a
//! closing quotation mark ends the sentence after the mark. When a paragraph's
//! quotes or parentheses do not balance, it is split again ignoring them, so a
//! stray quotation mark cannot swallow a paragraph.
use rasd_doc::Span;

/// Paragraph spans of `text`: each non-blank line, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if let Some(s) = trimmed(text, start, end) {
            out.push(s);
        }
        start = end;
    }
    out
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new((start + lead) as u32, (start + lead + t.len()) as u32))
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟')
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '«' | '(' | '[' | '‹')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '»' | ')' | ']' | '›')
}

/// Sentence spans of `text`, paragraph by paragraph.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for &p in paragraphs {
        if !split_paragraph(text, p, true, &mut out) {
            split_paragraph(text, p, false, &mut out);
        }
    }
    out
}

/// Splits one paragraph; returns false (adding nothing) when `track` is set
/// and the quotes/parentheses do not balance.
///
/// Only the punctuation of the paragraph is collected and visited; the
/// characters around a mark are decoded on demand, so the cost is one scan.
fn split_paragraph(text: &str, p: Span, track: bool, out: &mut Vec<Span>) -> bool {
    let para = &text[p.range()];
    let base = p.start as usize;
    let marks = marks(para);
    let prev_char = |i: usize| para[..i].chars().next_back();
    let next_char = |i: usize, c: char| para[i + c.len_utf8()..].chars().next();
    let mut found = Vec::new();
    let mut depth = 0i32;
    let mut straight_open = false;
    let mut start = 0usize;
    let mut k = 0;
    while k < marks.len() {
        let (i, c) = marks[k];
        if track && (is_open(c) || is_close(c) || c == '"') {
            let opening = is_open(c) || (c == '"' && !straight_open);
            if c == '"' {
                straight_open = !straight_open;
            }
            if opening {
                depth += 1;
            } else {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
                // `."` at the end of a quoted sentence ends the outer sentence too
                if depth == 0
                    && prev_char(i).is_some_and(is_terminator)
                    && next_char(i, c).is_none_or(char::is_whitespace)
                {
                    let end = i + c.len_utf8();
                    found.push((start, end));
                    start = end;
                }
            }
            k += 1;
            continue;
        }
        if !is_terminator(c) || (track && depth > 0) {
            k += 1;
            continue;
        }
        // a run of adjacent terminators ("?!", "...")
        let mut j = k;
        let mut run_end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        while j + 1 < marks.len() && marks[j + 1].0 == run_end && is_terminator(marks[j + 1].1) {
            j += 1;
            run_end += marks[j].1.len_utf8();
            dots += usize::from(marks[j].1 == '.');
        }
        let after = para[run_end..].chars().next();
        let in_number = c == '.' && prev_char(i).is_some_and(is_num) && after.is_some_and(is_num);
        let abbrev = c == '.' && j == k && is_abbreviation(&para[..i]);
        let boundary = after.is_none_or(|d| d.is_whitespace() || is_close(d) || d == '"');
        k = j + 1;
        if dots >= 2 || in_number || abbrev || !boundary {
            continue;
        }
        // absorb closing marks that belong to this sentence
        let mut end = run_end;
        while k < marks.len() && marks[k].0 == end && is_close(marks[k].1) && (depth > 0 || !track)
        {
            end += marks[k].1.len_utf8();
            k += 1;
        }
        found.push((start, end));
        start = end;
    }
    if track && (depth != 0 || straight_open) {
        return false;
    }
    found.push((start, para.len()));
    for (a, b) in found {
        if let Some(s) = trimmed(text, base + a, base + b) {
            out.push(s);
        }
    }
    true
}

/// Positions of the terminators, quotation marks and brackets of `para`,
/// found by a byte scan: only lead bytes that can start one are decoded.
fn marks(para: &str) -> Vec<(usize, char)> {
    /// Bytes that can belong to a mark: the ASCII marks, the lead bytes of
    /// « » (C2) and “ ” ‹ › (E2), and the last byte of ؟ (D8 9F).
    const HIT: [bool; 256] = {
        let mut t = [false; 256];
        let ascii = b".!?\"()[]";
        let mut k = 0;
        while k < ascii.len() {
            t[ascii[k] as usize] = true;
            k += 1;
        }
        t[0xC2] = true;
        t[0xE2] = true;
        t[0x9F] = true;
        t
    };
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if !HIT[b as usize] {
            continue;
        }
        let at = if b == 0x9F {
            if i == 0 || bytes[i - 1] != 0xD8 {
                continue;
            }
            i - 1
        } else {
            i
        };
        if let Some(c) = para.get(at..).and_then(|r| r.chars().next()) {
            if is_terminator(c) || is_open(c) || is_close(c) || c == '"' {
                out.push((at, c));
            }
        }
    }
    out
}

/// `char::is_alphabetic`, with ASCII and the Arabic letters (U+0620–U+064A, all
/// alphabetic) answered before the Unicode table, whose search is slow for Arabic.
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        ('\u{0620}'..='\u{064A}').contains(&c) || c.is_alphabetic()
    }
}

/// `char::is_numeric`, with ASCII and the Arabic letters (none numeric) answered first.
pub(crate) fn is_num(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !('\u{0620}'..='\u{064A}').contains(&c) && c.is_numeric()
    }
}

/// `char::is_alphanumeric` by [`is_alpha`] and [`is_num`].
pub(crate) fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_num(c)
}

/// Whether the text before a period ends in a one-letter word (`د.`, `م.`, `U.`).
fn is_abbreviation(before: &str) -> bool {
    let mut it = before.chars().rev();
    match (it.next(), it.next()) {
        (Some(a), None) => is_alpha(a),
        (Some(a), Some(b)) => is_alpha(a) && !is_alpha(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_char_classes_agree_with_std() {
        let ranges = [
            '\0'..='\u{07FF}',
            '\u{2000}'..='\u{206F}',
            '\u{FB50}'..='\u{FEFF}',
        ];
        for c in ranges.into_iter().flatten() {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "help: {c:?}");
            assert_eq!(is_num(c), c.is_numeric(), "help: {c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "help: {c:?}");
        }
    }

    fn split(t: &str) -> Vec<&str> {
        let p = paragraphs(t);
        sentences(t, &p)
            .into_iter()
            .map(|s| &t[s.range()])
            .collect()
    }

    #[test]
    fn splits_at_terminators_and_paragraphs() {
        assert_eq!(
            split("قال كذا. وأضاف ذلك؟ نعم!\n\nمخاوف\n"),
            ["قال كذا.", "وأضاف ذلك؟", "نعم!", "مخاوف"]
        );
    }

    #[test]
    fn keeps_quotes_numbers_and_abbreviations() {
        assert_eq!(
            split("قال \"هذا. وذاك\" ثم مضى."),
            ["قال \"هذا. وذاك\" ثم مضى."]
        );
        assert_eq!(
            split("بلغ 3.5 مليون، وقال د. أحمد ذلك."),
            ["بلغ 3.5 مليون، وقال د. أحمد ذلك."]
        );
        assert_eq!(split("قال (أي هذا. ذاك) ثم."), ["قال (أي هذا. ذاك) ثم."]);
        assert_eq!(split("انتظر... ثم ذهب."), ["انتظر... ثم ذهب."]);
        assert_eq!(
            split("قال «انتهى الأمر.» ثم ذهب."),
            ["قال «انتهى الأمر.»", "ثم ذهب."]
        );
    }

    #[test]
    fn stray_quote_does_not_swallow_paragraph() {
        assert_eq!(split("قال \"هذا. ثم ذهب."), ["قال \"هذا.", "ثم ذهب."]);
    }
}
