//! Tokenisation of normalised text into words, numbers and punctuation.
use rasd_doc::{Normalized, Span, Token, TokenKind};

use crate::clitics::{default_analysis, default_analysis_arabic};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Space,
    Punct,
    Symbol,
}

#[inline]
fn class(c: char) -> Class {
    // fast paths: ASCII and the Arabic letter block cover almost all news text
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Digit,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' => Class::Space,
            _ if c.is_ascii_punctuation() => Class::Punct,
            _ => Class::Symbol,
        };
    }
    match c {
        '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => return Class::Letter,
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066D}' | '\u{06D4}' => return Class::Punct,
        _ => {}
    }
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

/// Whether the two bytes at `i` encode a basic Arabic letter (U+0621–U+064A).
#[inline]
fn arabic_letter_at(bytes: &[u8], i: usize) -> bool {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(0xD8), Some(b)) => (0xA1..=0xBF).contains(b),
        (Some(0xD9), Some(b)) => (0x80..=0x8A).contains(b),
        _ => false,
    }
}

/// Tokenises the normalised text `norm.text`; spans map back to the original.
pub fn tokenize(norm: &Normalized) -> Vec<Token> {
    let text = norm.text.as_str();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut tokens = Vec::with_capacity(n / 6);
    let mut i = 0usize;
    while i < n {
        let start = i;
        let c = if bytes[i] < 0x80 {
            bytes[i] as char
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        let mut end = start + c.len_utf8();
        i = end;
        let mut basic_arabic = false;
        let kind = match class(c) {
            Class::Space => continue,
            Class::Punct => TokenKind::Punct,
            Class::Symbol => TokenKind::Symbol,
            Class::Letter => {
                let latin = c.is_ascii_alphabetic();
                basic_arabic = arabic_letter_at(bytes, start);
                while end < n {
                    if arabic_letter_at(bytes, end) {
                        end += 2;
                    } else if bytes[end] < 0x80 {
                        // (a space or punctuation after the word keeps the fast path)
                        let b = bytes[end];
                        if b.is_ascii_alphabetic() || (latin && b.is_ascii_digit()) {
                            basic_arabic = false;
                            end += 1;
                        } else {
                            break;
                        }
                    } else {
                        match text[end..].chars().next() {
                            Some(d) if class(d) == Class::Letter => {
                                basic_arabic = false;
                                end += d.len_utf8();
                            }
                            _ => break,
                        }
                    }
                }
                TokenKind::Word
            }
            Class::Digit => {
                while end < n {
                    let Some(d) = text[end..].chars().next() else {
                        break;
                    };
                    if class(d) == Class::Digit {
                        end += d.len_utf8();
                    } else if matches!(d, '.' | ',' | ':' | '/')
                        && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit())
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            }
        };
        i = end;
        let norm_span = Span::new(start as u32, end as u32);
        let (prefix_len, suffix_len) = if kind == TokenKind::Word {
            let word = &text[start..end];
            let a = if basic_arabic {
                default_analysis_arabic(word)
            } else {
                default_analysis(word)
            };
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

    proptest::proptest! {
        /// Clitic lengths are those of the general analysis of each word's text, whichever
        /// path (all basic Arabic letters, or mixed) the tokenizer took (no character of
        /// this alphabet normalises to several tokens, so none are merged).
        #[test]
        fn clitic_lengths_are_the_default_analysis(
            t in "[\u{0621}-\u{064A} a-z0-9.,:«»\u{0671}\u{064B}\u{06A9}-]{0,40}"
        ) {
            let n = normalize(&t);
            for k in tokenize(&n) {
                let w = &n.text[k.norm.range()];
                let a = crate::clitics::default_analysis(w);
                if k.kind == TokenKind::Word {
                    proptest::prop_assert_eq!(k.prefix_len as usize, a.prefix_len, "{}", w);
                    proptest::prop_assert_eq!(k.suffix_len as usize, a.suffix_len, "{}", w);
                }
            }
        }
    }
}
