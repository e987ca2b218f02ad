//! Tokenisation of normalised text into words, numbers and punctuation.
use rasd_doc::{Normalized, Span, Token, TokenKind};

use crate::clitics::default_analysis;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Space,
    Punct,
    Symbol,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if c.is_ascii_digit() || c.is_numeric() {
        Class::Digit
    } else if c.is_alphabetic()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
    {
        Class::Letter
    } else if is_punct(c) {
        Class::Punct
    } else {
        Class::Symbol
    }
}

/// Whether `c` is punctuation (ASCII, Arabic and general punctuation, quotes, dashes).
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '،' | '؛' | '؟' | '٭' | '۔' | '«' | '»' | '‹' | '›' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}' | '\u{3002}')
}

/// Tokenises the normalised text `norm.text`; spans map back to the original.
pub fn tokenize(norm: &Normalized) -> Vec<Token> {
    let text = norm.text.as_str();
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        let cls = class(c);
        let mut end = start + c.len_utf8();
        let kind = match cls {
            Class::Space => continue,
            Class::Punct => TokenKind::Punct,
            Class::Symbol => TokenKind::Symbol,
            Class::Letter => {
                let latin = c.is_ascii_alphabetic();
                while let Some(&(i, d)) = it.peek() {
                    let k = class(d);
                    if k == Class::Letter || (latin && d.is_ascii_alphanumeric()) {
                        end = i + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            }
            Class::Digit => {
                while let Some(&(i, d)) = it.peek() {
                    if class(d) == Class::Digit {
                        end = i + d.len_utf8();
                        it.next();
                    } else if matches!(d, '.' | ',' | ':' | '/')
                        && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())
                    {
                        it.next();
                        end = i + 1;
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            }
        };
        let norm_span = Span::new(start as u32, end as u32);
        let (prefix_len, suffix_len) = if kind == TokenKind::Word {
            let a = default_analysis(&text[start..end]);
            (a.prefix_len as u16, a.suffix_len as u16)
        } else {
            (0, 0)
        };
        let span = norm.to_original(norm_span);
        if let Some(prev) = tokens
            .last_mut()
            .filter(|p: &&mut Token| span.start < p.span.end)
        {
            // several normalised tokens from one original character ("…" → "...",
            // a ligature): one token, so original spans never overlap
            prev.span.end = prev.span.end.max(span.end);
            prev.norm.end = norm_span.end;
            prev.prefix_len = 0;
            prev.suffix_len = 0;
            continue;
        }
        tokens.push(Token {
            span,
            norm: norm_span,
            kind,
            prefix_len,
            suffix_len,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn tokens_slice_to_surface() {
        let t = "قالَ الكرملين -الأربعاء- إن 3.5 مليون، و\"بلومبيرغ\" G20!";
        let n = normalize(t);
        let toks = tokenize(&n);
        let surf: Vec<&str> = toks.iter().map(|k| &t[k.span.range()]).collect();
        assert_eq!(
            surf,
            [
                "قالَ",
                "الكرملين",
                "-",
                "الأربعاء",
                "-",
                "إن",
                "3.5",
                "مليون",
                "،",
                "و",
                "\"",
                "بلومبيرغ",
                "\"",
                "G20",
                "!"
            ]
        );
        assert_eq!(toks[6].kind, TokenKind::Number);
    }
}
