//! Property tests of the text layer's invariants on arbitrary input.
use proptest::prelude::*;
use rasd_doc::Doc;

/// Strings biased towards what the text layer sees: Arabic letters, marks,
/// tatweel, digits in three scripts, quotes, brackets, terminators, newlines,
/// presentation forms, format characters — and arbitrary code points.
fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => proptest::char::range('\u{0621}', '\u{064A}'),
        1 => proptest::char::range('\u{064B}', '\u{0670}'),
        1 => proptest::char::range('\u{0660}', '\u{06F9}'),
        1 => proptest::char::range('\u{FB50}', '\u{FEFC}'),
        2 => prop::sample::select(vec![' ', '\n', '.', '!', '?', '؟', '،', '"', '«', '»', '“', '”', '(', ')', '-', 'ـ', '\u{200f}', '\u{feff}', '1', '.']),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..200).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn offset_map_is_monotone_and_on_boundaries(t in text()) {
        let n = rasd_text::normalize(&t);
        let map = n.map.as_slice();
        prop_assert_eq!(map.len(), n.text.len() + 1);
        prop_assert_eq!(*map.last().unwrap() as usize, t.len());
        prop_assert!(map.windows(2).all(|w| w[0] <= w[1]), "map must be monotone");
        for (i, _) in n.text.char_indices() {
            prop_assert!(t.is_char_boundary(map[i] as usize), "char start must map to a char start");
        }
    }

    #[test]
    fn tokens_slice_to_their_surface(t in text()) {
        let mut doc = Doc::new("p", t.clone());
        rasd_text::analyze(&mut doc);
        let mut last_end = 0;
        for tok in &doc.tokens {
            prop_assert!(tok.span.start < tok.span.end, "empty token");
            prop_assert!(tok.span.start >= last_end, "tokens overlap or are unordered");
            last_end = tok.span.end;
            let surface = doc.text.get(tok.span.range());
            prop_assert!(surface.is_some(), "token span off char boundaries");
            prop_assert!(!surface.unwrap().trim().is_empty());
            let stem = doc.norm.text.get(tok.stem_norm().range());
            prop_assert!(stem.is_some_and(|s| !s.is_empty()), "stem must be a non-empty slice");
        }
        let mut last = 0;
        for s in doc.sentences.iter().chain(doc.paragraphs.iter()) {
            prop_assert!(doc.text.get(s.range()).is_some());
            prop_assert!(s.start < s.end);
            let _ = last;
            last = s.end;
        }
        prop_assert!(doc.sentences.windows(2).all(|w| w[0].end <= w[1].start));
        for b in &doc.boilerplate {
            prop_assert!(doc.paragraphs.contains(&b.span));
        }
    }

    #[test]
    fn clitic_candidates_are_substrings(t in "[\u{0621}-\u{064A}]{1,12}") {
        let w = rasd_text::normalize_key(&t);
        prop_assume!(!w.is_empty());
        for a in rasd_text::clitics::candidates(&w) {
            let stem = a.stem(&w);
            prop_assert!(!stem.is_empty());
            prop_assert!(w.contains(stem));
        }
        let d = rasd_text::clitics::default_analysis(&w);
        prop_assert!(!d.stem(&w).is_empty());
    }
}
