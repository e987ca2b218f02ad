//! Trigger detection: clitic-aware lexicon matching on the token layer.
use rasd_doc::{Doc, TokenKind};

use crate::lexed::{StemIndex, TokenTable};
use crate::lexicon::{AgentLexicon, Alts, ContextLexicon, Ctx, Pos, Sense, TriggerLexicon};

/// Prepositions that open a verb's prepositional complement in patterns.
const PREPOSITIONS: &[&str] = &["في", "علي", "الي", "عن", "مع", "من", "ب"];

/// A matched trigger: tokens `start..end` and the lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Lexicon entry id.
    pub entry: u32,
    /// Whether the head carries the future proclitic س (سيزور).
    pub future_prefix: bool,
    /// Whether the head carries the preposition ل (لوقف، للتوصل): purpose.
    pub purpose_prefix: bool,
    /// Number of context words matched (specificity).
    pub specificity: usize,
    /// Whether the head is an imperfect verb form (يهاجم، تتظاهر), not a perfect one.
    pub imperfect: bool,
}

/// Whether a token ends a clause (comma, semicolon, full stop, colon …).
pub fn is_clause_break(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    is_break_word(t.kind, doc.token_norm(t))
}

/// Whether a token of kind `kind` and normalised text `norm` ends a clause.
pub(crate) fn is_break_word(kind: TokenKind, norm: &str) -> bool {
    kind == TokenKind::Punct && matches!(norm, "،" | "," | "؛" | ";" | "." | "!" | "?" | "؟" | ":")
}

/// Whether token `i` or one of its clitic stems matches one of `alts`.
fn word_matches(doc: &Doc, table: &TokenTable<'_>, i: usize, alts: &[(String, bool)]) -> bool {
    // `#` stands for any number ("تدمير 13 آلية")
    if doc.tokens[i].kind == TokenKind::Number {
        return alts.iter().any(|(a, _)| a == "#");
    }
    if doc.tokens[i].kind != TokenKind::Word {
        return false;
    }
    let w = table.norm(i);
    let hit = |s: &str| {
        alts.iter().any(|(a, prefix)| {
            if *prefix {
                s.starts_with(a.as_str())
            } else {
                s == a
            }
        })
    };
    if hit(w) {
        return true;
    }
    table.analyses(i).iter().skip(1).any(|l| hit(l.a.stem(w)))
}

/// Matches context elements from token `i`; returns the end token (exclusive).
fn match_ctx(
    doc: &Doc,
    table: &TokenTable<'_>,
    i: usize,
    ctx: &[Ctx],
    limit: usize,
) -> Option<usize> {
    let Some((first, rest)) = ctx.split_first() else {
        return Some(i);
    };
    match first {
        Ctx::Gap => {
            for skip in 0..=3 {
                let j = i + skip;
                if j > limit {
                    break;
                }
                if skip > 0 && table.is_break(j - 1) {
                    break;
                }
                if let Some(e) = match_ctx(doc, table, j, rest, limit) {
                    return Some(e);
                }
            }
            None
        }
        Ctx::Word(alts) => {
            if i < limit && word_matches(doc, table, i, alts) {
                match_ctx(doc, table, i + 1, rest, limit)
            } else {
                None
            }
        }
    }
}

/// Whether the words around tokens `start..end` select the entry's sense.
/// A verb's complement may follow its subject (VSO: "رفض المتحدث التعليق"),
/// so `next` constraints of verbs look further than the next word.
fn sense_fits(
    doc: &Doc,
    table: &TokenTable<'_>,
    start: usize,
    end: usize,
    sense: &Sense,
    verb: bool,
) -> bool {
    if sense.is_empty() {
        return true;
    }
    // a required complement may follow a long subject ("طالبت المفوضية
    // السامية للأمم المتحدة … بالسيطرة"): ten words; an excluded one is
    // the verb's own object, close by
    // (a parenthesis set off by commas is skipped: "ورحب الوزير، في كلمته،
    // بالحضور")
    let words_after = |reach: usize| -> Vec<usize> {
        let n = doc.tokens.len();
        let mut out = Vec::with_capacity(reach);
        let mut j = end;
        while j < n && out.len() < reach {
            if table.is_break(j) {
                let comma = matches!(table.norm(j), "،" | ",");
                let close = (j + 2..(j + 6).min(n))
                    .find(|&k| table.is_break(k))
                    .filter(|&k| comma && matches!(table.norm(k), "،" | ","));
                match close {
                    Some(k) => j = k + 1,
                    None => break,
                }
                continue;
            }
            out.push(j);
            j += 1;
        }
        out
    };
    let (near, far) = if verb {
        (words_after(3), words_after(10))
    } else {
        (words_after(1), words_after(1))
    };
    let prev: Vec<usize> = start.checked_sub(1).into_iter().collect();
    let hit = |at: &[usize], alts: &Option<Alts>| -> Option<bool> {
        let alts = alts.as_ref()?;
        Some(at.iter().any(|&j| word_matches(doc, table, j, alts)))
    };
    if hit(&near, &sense.not_next) == Some(true)
        || hit(&prev, &sense.not_prev) == Some(true)
        || hit(&[start], &sense.not_word) == Some(true)
    {
        return false;
    }
    match (hit(&far, &sense.next), hit(&prev, &sense.prev)) {
        (None, None) => true,
        (a, b) => a == Some(true) || b == Some(true),
    }
}

/// Finds trigger matches in `doc` (outside boilerplate), overlaps resolved:
/// the most specific (most context words), then longest, then heaviest wins.
pub fn find_triggers(doc: &Doc, lex: &TriggerLexicon) -> Vec<Match> {
    let index = StemIndex::new(
        lex,
        &ContextLexicon::default(),
        &AgentLexicon::default(),
        &[],
    );
    find_triggers_in(doc, lex, &TokenTable::new(doc, &index))
}

/// [`find_triggers`] on a document whose tokens `table` has analysed
/// (with an index that holds `lex`).
pub(crate) fn find_triggers_in(
    doc: &Doc,
    lex: &TriggerLexicon,
    table: &TokenTable<'_>,
) -> Vec<Match> {
    let mut found = Vec::new();
    let n = doc.tokens.len();
    for i in 0..n {
        // a word of two Arabic letters at most is no trigger
        if !table.may_trigger(i) {
            continue;
        }
        let w = table.norm(i);
        let tanween = doc.text[doc.tokens[i].span.range()]
            .chars()
            .any(|c| matches!(c, '\u{064B}' | '\u{064C}' | '\u{064D}'));
        for l in table.analyses(i) {
            let a = l.a;
            let ids = l.info.map_or(&[][..], |x| x.triggers.as_slice());
            if ids.is_empty() {
                continue;
            }
            let stem = a.stem(w);
            let future_prefix = w[..a.prefix_len].ends_with('س');
            let pre = &w[..a.prefix_len];
            let purpose_prefix = matches!(pre, "ل" | "ول" | "فل" | "لل" | "ولل" | "فلل");
            let mut any = false;
            // a bare verbal noun spelt like the verb ("رفض"، "طلب") is read
            // as the verb when the verb's sense excludes the context: "رفض
            // حسن ذكر اسمه" is no refusal either way
            let verb_excluded = |key: &str| {
                ids.iter().any(|&v| {
                    let ve = lex.entry(v);
                    // (only the verb's exclusions count: a required
                    // complement is the verb's, not the noun's)
                    let exclusions = Sense {
                        not_next: ve.sense.not_next.clone(),
                        not_prev: ve.sense.not_prev.clone(),
                        ..Sense::default()
                    };
                    ve.pos == Pos::Verb
                        && ve.key == key
                        && ve.ctx.is_empty()
                        && !exclusions.is_empty()
                        && !sense_fits(doc, table, i, i + 1, &exclusions, true)
                })
            };
            for &id in ids {
                let e = lex.entry(id);
                // verbs take و ف س and the ل of purpose (only before an
                // imperfect: ليدعم, not لدعم), never ب ك or the article, and
                // the object pronoun ني, never the possessive ي (أيدي)
                let imperfect = stem.starts_with(['ي', 'ت', 'ن', 'ا']);
                let suf = &w[w.len() - a.suffix_len..];
                let fits = match e.pos {
                    Pos::Verb => {
                        suf != "ي"
                            && (matches!(pre, "" | "و" | "ف" | "س" | "وس" | "فس")
                                || (matches!(pre, "ل" | "ول" | "فل") && imperfect))
                    }
                    // no future س on nouns; no possessive ي (اجتماعي is
                    // "social", not "my meeting"); no article with a pronoun
                    Pos::Noun => {
                        !pre.ends_with('س')
                            && suf != "ي"
                            && !(a.suffix_len > 0 && (pre.ends_with("ال") || pre.ends_with("لل")))
                    }
                    // an exact form is a verb form or an indefinite noun
                    // ("يدين"، "احتجاجا"): never with the article
                    // ("اليدين" hands, "البحث" research)
                    Pos::Exact => !(pre.ends_with("ال") || pre.ends_with("لل")),
                };
                // a word written with tanween is a noun, never a verb
                // ("ظلما وعدوانًا" is no "وعدوا نا" they promised us)
                if e.pos == Pos::Verb && tanween {
                    continue;
                }
                // a verb + preposition pattern ("حقق في" investigate) is
                // intransitive: an object pronoun means another sense
                // ("حققناه في" what we achieved in)
                let prep_pattern = matches!(e.ctx.first(), Some(Ctx::Word(alts))
                    if alts.iter().any(|(a, _)| PREPOSITIONS.contains(&a.as_str())));
                if !fits || (e.pos == Pos::Verb && prep_pattern && a.suffix_len > 0) {
                    continue;
                }
                if e.pos == Pos::Noun
                    && e.ctx.is_empty()
                    && matches!(pre, "" | "و" | "ف")
                    && a.suffix_len == 0
                    && stem == e.key
                    && verb_excluded(&e.key)
                {
                    continue;
                }
                // context may not run past the sentence's end: bound by 8 tokens
                let limit = (i + 1 + 8).min(n);
                if let Some(end) = match_ctx(doc, table, i + 1, &e.ctx, limit) {
                    // (a circumstantial participle takes its object like a
                    // verb: "مطالبين الوزير بالتدخل")
                    let verbal = e.pos == Pos::Verb || crate::code::is_participle(e);
                    if !sense_fits(doc, table, i, end, &e.sense, verbal) {
                        continue;
                    }
                    any = true;
                    let head = e.key.split(' ').next().unwrap_or_default();
                    let imperfect = e.pos == Pos::Verb
                        && stem != head
                        && !stem.starts_with(head)
                        && stem.starts_with(['ي', 'ت', 'ن']);
                    found.push(Match {
                        imperfect,
                        start: i,
                        end,
                        entry: id,
                        future_prefix,
                        purpose_prefix,
                        specificity: e.ctx.iter().filter(|c| matches!(c, Ctx::Word(_))).count(),
                    });
                }
            }
            if any {
                break;
            }
        }
    }
    if found.is_empty() {
        return found;
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&found[x], &found[y]);
        b.specificity
            .cmp(&a.specificity)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(
                lex.entry(b.entry)
                    .weight
                    .total_cmp(&lex.entry(a.entry).weight),
            )
            .then(a.start.cmp(&b.start))
            .then(a.entry.cmp(&b.entry))
    });
    let mut taken = vec![false; n];
    let mut kept = Vec::new();
    for k in order {
        let m = found[k];
        if taken[m.start..m.end].iter().any(|&x| x) {
            continue;
        }
        let span = rasd_doc::Span::new(
            doc.tokens[m.start].span.start,
            doc.tokens[m.end - 1].span.end,
        );
        if doc.in_boilerplate(span) {
            continue;
        }
        taken[m.start..m.end].iter_mut().for_each(|x| *x = true);
        kept.push(m);
    }
    kept.sort_by_key(|m| (m.start, m.entry));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::Doc;

    fn triggers(text: &str) -> Vec<(String, &'static str)> {
        let lex = TriggerLexicon::bundled();
        let mut doc = Doc::new("t", text);
        rasd_text::analyze(&mut doc);
        find_triggers(&doc, &lex)
            .into_iter()
            .map(|m| {
                let s = doc.tokens[m.start].span.start as usize;
                let e = doc.tokens[m.end - 1].span.end as usize;
                (doc.text[s..e].to_string(), lex.entry(m.entry).category)
            })
            .collect()
    }

    #[test]
    fn finds_inflected_and_cliticised_triggers() {
        let got = triggers("وتظاهر الآلاف، واعتقلت الشرطة العشرات بعد الغارات.");
        assert_eq!(
            got,
            [
                ("وتظاهر".to_string(), "PROTEST"),
                ("واعتقلت".to_string(), "COERCE"),
                ("الغارات".to_string(), "ASSAULT")
            ]
        );
    }

    #[test]
    fn most_specific_pattern_wins() {
        let got = triggers("وإن موسكو وافقت على بعض التنازلات");
        assert_eq!(got, [("وافقت على بعض التنازلات".to_string(), "CONCEDE")]);
        let got = triggers("وافقت الحكومة على الخطة");
        assert_eq!(got[0].1, "AGREE");
    }

    #[test]
    fn multiword_needs_its_context() {
        assert!(triggers("فجر أمس").is_empty());
        assert_eq!(triggers("فجر انتحاري نفسه")[0].1, "ASSAULT");
        assert_eq!(triggers("فجّر نفسه")[0].1, "ASSAULT");
    }

    #[test]
    fn lookalikes_are_not_triggers() {
        for (t, wrong) in [
            ("نشر على موقع التواصل الاجتماعي", "CONSULT"), // social ≠ meeting
            ("الأخذ على أيدي الإرهابيين", "SUPPORT"),       // hands ≠ supported
            ("توقف القطار", "COERCE"),                    // stopped ≠ detained
            ("تحقيق الأهداف", "ACCUSE"),                   // achieving ≠ investigating
            ("وصل طالبي اللجوء", "REQUEST"),              // seekers ≠ demanded
            ("الهجمات التي تضرب العاصمة", "PROTEST"),     // hit ≠ went on strike
            ("قدم الدعم لدعم الفريق", "SUPPORT"),         // purpose ل + noun
        ] {
            let got = triggers(t);
            assert!(
                got.iter().all(|(_, c)| *c != wrong),
                "help: {t:?} gave {got:?}"
            );
        }
        assert_eq!(triggers("ليدعم الحلفاء")[0].1, "SUPPORT");
        assert!(triggers("ما حققناه في هذه الزيارة")
            .iter()
            .all(|(_, c)| *c != "ACCUSE"));
        assert_eq!(triggers("وحققت في الحادث")[0].1, "ACCUSE");
    }

    #[test]
    fn arbitrary_input_does_not_panic() {
        for s in ["", "،،", "ـــ", "a b c", "سس", "\u{200d}", "وافق على …"] {
            triggers(s);
        }
    }
}
