//! The fold steps. Each is a unit struct whose doc lists exactly what it maps.
use super::{CharFold, Fold};
use unicode_normalization::UnicodeNormalization;

/// NFKC of Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) and
/// small/compatibility forms (U+FE10–U+FE6F): `ﻻ` → `لا`, `ﺑ` → `ب`.
pub struct PresentationForms;
impl CharFold for PresentationForms {
    fn name(&self) -> &'static str {
        "PresentationForms"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE10}'..='\u{FE6F}' | '\u{FE70}'..='\u{FEFC}')
    }
    fn fold(&self, c: char) -> Fold {
        // Multi-char expansions (ligatures) are leaked once each into a
        // static table, so `Fold::Str` stays `&'static` without a leak per use.
        static LIGATURES: std::sync::OnceLock<std::collections::HashMap<char, &'static str>> =
            std::sync::OnceLock::new();
        let s: String = std::iter::once(c).nfkc().collect();
        if s.contains(char::is_whitespace) {
            // whole phrases in one code point (ﷺ, ﷻ) stay one symbol
            return Fold::Keep;
        }
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (None, _) => Fold::Drop,
            (Some(d), None) => Fold::Char(d),
            _ => {
                let table = LIGATURES.get_or_init(|| {
                    ('\u{FB50}'..='\u{FEFC}')
                        .filter_map(|c| {
                            let s: String = std::iter::once(c).nfkc().collect();
                            (s.chars().count() > 1 && !s.contains(char::is_whitespace))
                                .then(|| (c, &*Box::leak(s.into_boxed_str())))
                        })
                        .collect()
                });
                table.get(&c).map_or(Fold::Keep, |s| Fold::Str(s))
            }
        }
    }
}

/// Drops invisible format characters: ZWNJ, ZWJ, LRM, RLM, ALM (U+061C),
/// bidi embeddings and isolates (U+202A–U+202E, U+2066–U+2069), soft hyphen,
/// BOM/ZWNBSP (U+FEFF) and ZWSP (U+200B).
pub struct DropFormatChars;
impl CharFold for DropFormatChars {
    fn name(&self) -> &'static str {
        "DropFormatChars"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    }
    fn fold(&self, _: char) -> Fold {
        Fold::Drop
    }
}

/// Drops Arabic combining marks: harakat, tanwin, shadda, sukun and the
/// extended marks (U+064B–U+065F), superscript alef (U+0670), Quranic
/// annotation signs (U+0610–U+061A, U+06D6–U+06DC, U+06DF–U+06E8, U+06EA–U+06ED).
pub struct DropMarks;
impl CharFold for DropMarks {
    fn name(&self) -> &'static str {
        "DropMarks"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
    }
    fn fold(&self, _: char) -> Fold {
        Fold::Drop
    }
}

/// Drops tatweel/kashida (U+0640).
pub struct DropTatweel;
impl CharFold for DropTatweel {
    fn name(&self) -> &'static str {
        "DropTatweel"
    }
    fn should_apply(&self, c: char) -> bool {
        c == '\u{0640}'
    }
    fn fold(&self, _: char) -> Fold {
        Fold::Drop
    }
}

/// Alef forms to bare alef: أ إ آ ٱ (U+0623, U+0625, U+0622, U+0671) and
/// U+0672, U+0673, U+0675 → ا.
pub struct FoldAlef;
impl CharFold for FoldAlef {
    fn name(&self) -> &'static str {
        "FoldAlef"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(
            c,
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}'..='\u{0673}' | '\u{0675}'
        )
    }
    fn fold(&self, _: char) -> Fold {
        Fold::Char('ا')
    }
}

/// Alef maqsura ى (U+0649) → ي.
pub struct FoldYeh;
impl CharFold for FoldYeh {
    fn name(&self) -> &'static str {
        "FoldYeh"
    }
    fn should_apply(&self, c: char) -> bool {
        c == '\u{0649}'
    }
    fn fold(&self, _: char) -> Fold {
        Fold::Char('ي')
    }
}

/// Persian/Urdu letter shapes of Arabic letters: ک (U+06A9) → ك,
/// ی ې (U+06CC, U+06D0) → ي, ھ ە ۀ ۂ (U+06BE, U+06D5, U+06C0, U+06C2) → ه,
/// ۃ (U+06C3) → ة. Distinct letters (پ چ ژ گ) are kept.
pub struct FoldPersian;
impl CharFold for FoldPersian {
    fn name(&self) -> &'static str {
        "FoldPersian"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(
            c,
            '\u{06A9}'
                | '\u{06CC}'
                | '\u{06D0}'
                | '\u{06BE}'
                | '\u{06D5}'
                | '\u{06C0}'
                | '\u{06C2}'
                | '\u{06C3}'
        )
    }
    fn fold(&self, c: char) -> Fold {
        Fold::Char(match c {
            '\u{06A9}' => 'ك',
            '\u{06CC}' | '\u{06D0}' => 'ي',
            '\u{06C3}' => 'ة',
            _ => 'ه',
        })
    }
}

/// Arabic-Indic (U+0660–U+0669) and Eastern Arabic-Indic (U+06F0–U+06F9)
/// digits → ASCII; Arabic decimal separator ٫ → `.`, thousands separator ٬ → `,`.
pub struct AsciiDigits;
impl CharFold for AsciiDigits {
    fn name(&self) -> &'static str {
        "AsciiDigits"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(c, '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}')
    }
    fn fold(&self, c: char) -> Fold {
        let u = c as u32;
        Fold::Char(match c {
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            '\u{066A}' => '%',
            '\u{0660}'..='\u{0669}' => char::from_u32(u - 0x0660 + 0x30).unwrap_or(c),
            _ => char::from_u32(u - 0x06F0 + 0x30).unwrap_or(c),
        })
    }
}

/// Opt-in: teh marbuta ة (U+0629) → ه.
pub struct FoldTehMarbuta;
impl CharFold for FoldTehMarbuta {
    fn name(&self) -> &'static str {
        "FoldTehMarbuta"
    }
    fn should_apply(&self, c: char) -> bool {
        c == '\u{0629}'
    }
    fn fold(&self, _: char) -> Fold {
        Fold::Char('ه')
    }
}

/// Opt-in: hamza seats ؤ → و, ئ → ي (a step of its own so order never matters).
pub struct FoldHamzaSeats;
impl CharFold for FoldHamzaSeats {
    fn name(&self) -> &'static str {
        "FoldHamzaSeats"
    }
    fn should_apply(&self, c: char) -> bool {
        matches!(c, '\u{0624}' | '\u{0626}')
    }
    fn fold(&self, c: char) -> Fold {
        Fold::Char(if c == '\u{0624}' { 'و' } else { 'ي' })
    }
}

/// Opt-in: ASCII upper-case letters → lower case.
pub struct LowercaseLatin;
impl CharFold for LowercaseLatin {
    fn name(&self) -> &'static str {
        "LowercaseLatin"
    }
    fn should_apply(&self, c: char) -> bool {
        c.is_ascii_uppercase()
    }
    fn fold(&self, c: char) -> Fold {
        Fold::Char(c.to_ascii_lowercase())
    }
}
