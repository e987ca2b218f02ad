//! `rasd-quotes` — who said what: quotes and attributions with resolved speakers.
//!
//! Owns the `Quotes` layer of a [`rasd_doc::Doc`] ([`QuoteAnnotator`]) and the
//! quote gold format and scorer ([`eval`]). It reads the tokens, sentences
//! and boilerplate of `rasd-text`, the entities of `rasd-entities` and the
//! times of `rasd-time`; it adds nothing else.
//!
//! What it recognises (lexicons in `data/lexicons/quote_*.tsv`):
//! * reporting verbs in every form (قال، قالت، قالوا، يقول، مؤكدا، مشيرا إلى أن،
//!   مضى قائلا …) with a content frame: a complementiser (إن، أن، بأن، إنه …),
//!   a colon, or a quotation mark;
//! * attribution phrases (بحسب، حسبما ذكرت، وفقا لـ، نقلا عن، على لسان);
//! * direct quotes in any quotation-mark style, mixed quotes (indirect with a
//!   quoted fragment of three words or more), nested reporting;
//! * speakers after the verb (role + rank + name resolves to the name, also as
//!   an appositive after a comma or after "role in ORG"), before it, or dropped
//!   ("وقال إن …" takes the subject of the clause's first reporting verb, else
//!   the last speaker), anonymous sources (مصدر، مسؤول، التقرير …: speaker null,
//!   `speaker_span` set), addressees (لـX، لكبير مراسلي … X، في مقابلة مع X),
//!   channels (after في/عبر/على/خلال) and times (a DATE in the cue clause);
//! * nominal speakers the entity layer does not link: a definite org head
//!   (الوزارة → the last ORG named وزارة …), a bare surname (العفيفي), a role-only
//!   phrase (المدرب الروماني → the person last introduced with that role);
//! * agreement: a feminine cue (قالت، مشيرة) with a dropped subject takes an
//!   organisation, a plural cue (قالوا) no single entity.
//!
//! ```
//! use rasd_doc::{Annotator, Doc, QuoteKind};
//! let mut doc = Doc::new("d", "وقال مصدر أمني إن الوضع مستقر.");
//! rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
//! rasd_quotes::QuoteAnnotator.annotate(&mut doc).unwrap();
//! let q = &doc.quotes[0];
//! assert_eq!(doc.slice(q.cue), "وقال");
//! assert_eq!(doc.slice(q.content), "الوضع مستقر");
//! assert_eq!(doc.slice(q.speaker_span.unwrap()), "مصدر أمني");
//! assert_eq!((q.speaker.as_deref(), q.kind), (None, QuoteKind::Indirect));
//! ```
//!
//! Design decisions:
//! * rules over tokens, not a model: there is no Arabic quotation corpus to
//!   train on, and the constructions are few and regular; every word list is
//!   a data file, so coverage grows without code changes;
//! * a verb is a cue only when its content frame is found within reach, which
//!   keeps nouns that share a verb's spelling (ذكر، طالب، كتب) out;
//! * the speaker is resolved through the entity layer (a mention inside the
//!   speaker phrase) and `speaker_span` is kept even when no entity matches,
//!   so the quote is useful before or without entities;
//! * a later verb with a conjunction (وأضاف), an adverbial participle
//!   (مشيرا، معربا) or a linker after a comma (، حيث قال) ends an indirect
//!   content; one without (أن ويتكوف قال …) is nested inside it and gets
//!   `reported_by`;
//! * `direct` needs quotation marks or a colon with verbatim speech; a colon
//!   followed by إن/أن is reported speech (`indirect`, bare complementiser
//!   dropped); a quotation of three words or fewer away from the cue is a name;
//! * non-speech senses are filtered by context, not by dropping verbs: قال الله
//!   (scripture), يدعى X (naming), طالب X بـ + noun (request), أبلغ الشرطة,
//!   تبلغ (amounts to), بيّن only opening a clause.
//! * speed: the lexicons are looked up once per token per document (one FNV
//!   table for cues, two-word cues and attribution openers, behind a bitmap of
//!   the keys' last letters), so the rules read precomputed answers; marks and
//!   mentions are sorted and searched by bisection; only a word that may open a
//!   phrase tries the attribution and channel phrase lists.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

pub mod eval;
mod extract;
mod lexicon;

use rasd_doc::{Annotator, Doc, Layer, Result};

/// Fills `Doc::quotes` (ids `Q1…` in the order of their cues).
pub struct QuoteAnnotator;

impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Boilerplate,
            Layer::Entities,
            Layer::Times,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }
    fn annotate(&self, doc: &mut Doc) -> Result<()> {
        doc.quotes = extract::extract(doc);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::{Entity, EntityType, QuoteKind, Span, Time, TimeType};

    /// Adds an entity with every occurrence of each of `names` as a mention.
    fn entity(doc: &mut Doc, kind: EntityType, names: &[&str]) -> String {
        let id = format!("E{}", doc.entities.len() + 1);
        let mut mentions: Vec<Span> = names
            .iter()
            .flat_map(|n| {
                doc.text
                    .match_indices(n)
                    .map(|(i, m)| Span::new(i as u32, (i + m.len()) as u32))
                    .collect::<Vec<_>>()
            })
            .collect();
        mentions.sort();
        doc.entities.push(Entity {
            id: id.clone(),
            kind,
            name: names[0].into(),
            name_en: None,
            country: None,
            sector: None,
            roles: vec![],
            mentions,
        });
        id
    }

    fn annotate(doc: &mut Doc) {
        rasd_text::TextAnnotator.annotate(doc).unwrap();
        QuoteAnnotator.annotate(doc).unwrap();
    }

    #[test]
    fn seed_quotes_with_hand_built_entities() {
        let Some(p) = rasd_doc::test_support::shared_path("seed/000_3e809c445546f9ff.txt") else {
            return;
        };
        let raw = std::fs::read_to_string(p).unwrap();
        let mut doc = rasd_ingest::parse_text("seed", &raw, None);
        rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
        let kremlin = entity(&mut doc, EntityType::Org, &["الكرملين"]);
        let witkoff = entity(&mut doc, EntityType::Per, &["ويتكوف"]);
        let trump = entity(&mut doc, EntityType::Per, &["ترامب"]);
        let wh = entity(&mut doc, EntityType::Org, &["البيت الأبيض"]);
        let leavitt = entity(&mut doc, EntityType::Per, &["كارولين ليفيت"]);
        let ushakov = entity(&mut doc, EntityType::Per, &["أوشاكوف"]);
        let zarubin = entity(&mut doc, EntityType::Per, &["بافل زاروبين"]);
        let bloomberg = entity(&mut doc, EntityType::Org, &["بلومبيرغ"]);
        entity(&mut doc, EntityType::Per, &["بوتين"]);
        // the holiday of the trip is no time of Trump's words
        let h = doc.text.find("عيد الشكر").unwrap();
        doc.times.push(Time {
            id: "T2".into(),
            span: Span::new(h as u32, (h + "عيد الشكر".len()) as u32),
            kind: TimeType::Date,
            value: Some("2025-11-27".into()),
            granularity: "day".into(),
            anchor: "dateline".into(),
            calendar: "gregorian".into(),
        });
        let t = doc.text.find("14 أكتوبر/تشرين الأول الماضي").unwrap();
        doc.times.push(Time {
            id: "T1".into(),
            span: Span::new(t as u32, (t + "14 أكتوبر/تشرين الأول الماضي".len()) as u32),
            kind: TimeType::Date,
            value: Some("2025-10-14".into()),
            granularity: "day".into(),
            anchor: "dateline".into(),
            calendar: "gregorian".into(),
        });
        QuoteAnnotator.annotate(&mut doc).unwrap();
        use QuoteKind::*;
        let want = [
            (&kremlin, Indirect, "ستيف ويتكوف"),
            (&wh, Mixed, "القضايا"),
            (&leavitt, Direct, "الولايات المتحدة حققت"),
            (&trump, Indirect, "المفاوضين"),
            (&ushakov, Direct, "بالنسبة لويتكوف"),
            (&ushakov, Mixed, "ويتكوف سيرافقه"),
            (&ushakov, Indirect, "تسريب محادثة"),
            (&bloomberg, Indirect, "ويتكوف قال"),
            (&witkoff, Indirect, "إنهما يجب"),
            (&bloomberg, Indirect, "إنها اطلعت"),
            (&ushakov, Direct, "لعرقلة (المحادثات)"),
        ];
        assert_eq!(doc.quotes.len(), want.len(), "help: {:#?}", doc.quotes);
        for (q, (sp, kind, start)) in doc.quotes.iter().zip(want) {
            assert_eq!(q.speaker.as_ref(), Some(sp), "help: {} speaker", q.id);
            assert_eq!(q.kind, kind, "help: {} kind", q.id);
            assert!(
                doc.slice(q.content).starts_with(start),
                "help: {} content",
                q.id
            );
        }
        assert_eq!(doc.quotes[2].channel.as_deref(), Some("منصة إكس"));
        assert_eq!(doc.quotes[4].addressee.as_ref(), Some(&zarubin));
        assert_eq!(doc.quotes[6].speaker_span, None);
        let q9 = &doc.quotes[8];
        assert_eq!(q9.reported_by.as_deref(), Some("Q8"));
        assert_eq!(q9.channel.as_deref(), Some("مكالمة هاتفية"));
        assert_eq!(q9.time.as_deref(), Some("T1"));
        assert_eq!(doc.quotes[3].time, None);
        assert!(doc.slice(doc.quotes[7].content).ends_with("مع ترامب"));
    }

    #[test]
    fn attribution_anonymous_and_participle() {
        let mut doc = Doc::new(
            "d",
            "ارتفعت الأسعار بنسبة 5 في المئة، بحسب وزارة التجارة.\n\nوقال مصدر مطلع لـ«عكاظ» إن القرار نهائي، مشيرا إلى أن التنفيذ يبدأ غدا.",
        );
        rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
        let moc = entity(&mut doc, EntityType::Org, &["وزارة التجارة"]);
        let okaz = entity(&mut doc, EntityType::Org, &["عكاظ"]);
        QuoteAnnotator.annotate(&mut doc).unwrap();
        let q = &doc.quotes;
        assert_eq!(q.len(), 3, "help: {q:#?}");
        assert_eq!(doc.slice(q[0].content), "ارتفعت الأسعار بنسبة 5 في المئة");
        assert_eq!(q[0].speaker.as_ref(), Some(&moc));
        assert_eq!(doc.slice(q[1].speaker_span.unwrap()), "مصدر مطلع");
        assert_eq!(q[1].speaker, None);
        assert_eq!(q[1].addressee.as_ref(), Some(&okaz));
        assert_eq!(doc.slice(q[1].content), "القرار نهائي");
        assert_eq!(doc.slice(q[2].cue), "مشيرا");
        assert_eq!(doc.slice(q[2].content), "التنفيذ يبدأ غدا");
    }

    #[test]
    fn nouns_and_editorial_formulas_are_not_quotes() {
        for t in [
            "يذكر أن المدينة تقع على الساحل.",
            "أكدت الشركة في بيان لها سلامة جميع الوصلات.",
            "زار الطالب المكتبة بعد أن انتهى الدرس.",
        ] {
            let mut doc = Doc::new("d", t);
            annotate(&mut doc);
            assert!(doc.quotes.is_empty(), "help: {t}: {:?}", doc.quotes);
        }
    }

    /// Runs the quote reader on `text` with `ents` (type, names) as the entity layer;
    /// returns (speaker entity name, speaker span, content) per quote.
    fn read(
        text: &str,
        ents: &[(EntityType, &[&str])],
    ) -> Vec<(Option<String>, Option<String>, String)> {
        let mut doc = Doc::new("d", text);
        rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
        for (k, names) in ents {
            entity(&mut doc, *k, names);
        }
        QuoteAnnotator.annotate(&mut doc).unwrap();
        doc.quotes
            .iter()
            .map(|q| {
                let name = q.speaker.as_ref().map(|id| {
                    let e = doc.entities.iter().find(|e| &e.id == id).unwrap();
                    e.name.clone()
                });
                let span = q.speaker_span.map(|s| doc.slice(s).to_string());
                (name, span, doc.slice(q.content).to_string())
            })
            .collect()
    }

    #[test]
    fn definite_org_head_names_the_last_org_with_that_head() {
        let q = read(
            "أعلنت وزارة الصحة تسجيل ثلاث حالات جديدة. وقالت الوزارة إن الحالات مستقرة.",
            &[
                (EntityType::Org, &["وزارة الصحة"]),
                (EntityType::Org, &["هيئة الغذاء"]),
            ],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("وزارة الصحة"));
        assert_eq!(q[0].1.as_deref(), Some("الوزارة"));
    }

    #[test]
    fn appositive_name_after_comma_is_the_speaker() {
        let q = read(
            "وقال قائد شرطة المدينة، العقيد سالم الحربي، إن التحقيق مستمر.",
            &[(EntityType::Per, &["سالم الحربي"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("سالم الحربي"));
        assert_eq!(q[0].2, "التحقيق مستمر");
        let q = read(
            "وبحسب مدير المشروع، المهندس فهد الزهراني، فإن العمل يبدأ غدا.",
            &[(EntityType::Per, &["فهد الزهراني"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("فهد الزهراني"));
        assert_eq!(q[0].2, "العمل يبدأ غدا");
    }

    #[test]
    fn role_then_name_links_the_name() {
        // the person in the role's complement (بوتين) is not the speaker
        let q = read(
            "وقال مستشار الرئيس بوتين يوري أوشاكوف إن اللقاء كان مفيدا.",
            &[
                (EntityType::Per, &["بوتين"]),
                (EntityType::Per, &["يوري أوشاكوف"]),
            ],
        );
        assert_eq!(q[0].0.as_deref(), Some("يوري أوشاكوف"), "help: {q:?}");
        // the name علي is not the preposition على
        let q = read(
            "وقال المتحدث باسم الجبهة علي الأحمد في تصريح إن الهجوم فشل.",
            &[(EntityType::Per, &["علي الأحمد"])],
        );
        assert_eq!(q[0].0.as_deref(), Some("علي الأحمد"), "help: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("المتحدث باسم الجبهة علي الأحمد"));
    }

    #[test]
    fn dropped_subject_agrees_with_the_cue() {
        // feminine cue: the ministry, not the man named after it
        let q = read(
            "أعلنت وزارة الداخلية القبض على مطلوب. والتقى الوزير سالم العلي بالمسؤولين. وقالت إن التحقيق مستمر.",
            &[
                (EntityType::Org, &["وزارة الداخلية"]),
                (EntityType::Per, &["سالم العلي"]),
            ],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("وزارة الداخلية"));
        // plural cue: no single antecedent
        let q = read(
            "وقال المدير خالد سعد إن العمل مستمر. وأكدوا أن الخطة جاهزة.",
            &[(EntityType::Per, &["خالد سعد"])],
        );
        assert_eq!(q.len(), 2, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("خالد سعد"));
        assert_eq!(q[1].0, None);
    }

    #[test]
    fn relative_clause_cues() {
        // the antecedent of an agreeing relative is the speaker
        let q = read("وحاصرته الشرطة التي رجحت أنه من المشردين.", &[]);
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("الشرطة"));
        assert_eq!(q[0].2, "أنه من المشردين");
        // the content ends with the relative clause
        let q = read(
            "وأطلق القاتل، الذي قالت السلطات إنه يدعى جون هاوسر، النار على الحضور.",
            &[(EntityType::Per, &["جون هاوسر"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("السلطات"));
        assert_eq!(q[0].2, "إنه يدعى جون هاوسر");
        // a non-agreeing relative: the subject is not the antecedent
        let q = read(
            "وقال الحوثي إن الهجوم فشل، ودعا إلى الخيارات التي قال إنها ملحة.",
            &[(EntityType::Per, &["الحوثي"])],
        );
        assert_eq!(q.last().unwrap().2, "إنها ملحة", "help: {q:?}");
        assert_eq!(q.last().unwrap().0.as_deref(), Some("الحوثي"));
    }

    #[test]
    fn colon_complementiser_is_indirect() {
        let mut doc = Doc::new("d", "وأضاف المدير: إن المشروع يكتمل العام المقبل.");
        annotate(&mut doc);
        let q = &doc.quotes[0];
        assert_eq!(doc.slice(q.content), "المشروع يكتمل العام المقبل");
        assert_eq!(q.kind, QuoteKind::Indirect);
        let mut doc = Doc::new("d", "وأضاف المدير: نحن نعمل ليلا ونهارا.");
        annotate(&mut doc);
        assert_eq!(doc.quotes[0].kind, QuoteKind::Direct);
    }

    #[test]
    fn short_quoted_names_and_titles_are_not_speech() {
        // لـ"الوطن" is the addressee, not the content
        let mut doc = Doc::new(
            "d",
            "وقالت مصادر مطلعة لـ\"الوطن\"، إن القرار صدر بعد تقرير بعنوان \"شكوك في جودة المياه المعبأة\" نشرته صحيفة محلية.",
        );
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 1, "help: {:?}", doc.quotes);
        let q = &doc.quotes[0];
        assert!(doc.slice(q.content).starts_with("القرار صدر"));
        // the quoted title after بعنوان does not make the quote mixed
        assert_eq!(q.kind, QuoteKind::Indirect);
    }

    #[test]
    fn a_later_verb_owns_the_complementiser() {
        // أكد has a noun object; إن belongs to قالت
        let mut doc = Doc::new(
            "d",
            "أكد المتحدث عدم صحة التغريدات التي انتشرت أمس قالت إن اللجنة ألغت البدلات.",
        );
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 1, "help: {:?}", doc.quotes);
        assert_eq!(doc.slice(doc.quotes[0].cue), "قالت");
    }

    #[test]
    fn source_inside_a_clause_and_names_after_an_org() {
        // بحسب X inside the verb's clause is a source: no quote of its own, speaker dropped
        let q = read(
            "وقال عاصم جهاد المتحدث باسم الوزارة إن الصادرات ارتفعت.\nوأضاف بحسب وكالة الأنباء الألمانية: «كنا نأمل أكثر من ذلك».",
            &[
                (EntityType::Per, &["عاصم جهاد"]),
                (EntityType::Org, &["وكالة الأنباء الألمانية"]),
            ],
        );
        assert_eq!(q.len(), 2, "help: {q:?}");
        assert_eq!(q[1].0.as_deref(), Some("عاصم جهاد"));
        assert_eq!(q[1].2, "كنا نأمل أكثر من ذلك");
        // role in an organisation, then the name right before أن
        let q = read(
            "أكد رئيس لجنة الاحتراف في الاتحاد السعودي عبدالله البرقان أنه تم تسلم الشهادة،حيث قال البرقان إن الملف اكتمل.",
            &[(EntityType::Per, &["عبدالله البرقان"])],
        );
        assert_eq!(q.len(), 2, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("عبدالله البرقان"));
        // ، حيث قال … ends the first content
        assert_eq!(q[0].2, "أنه تم تسلم الشهادة");
    }

    #[test]
    fn short_quotations_away_from_the_cue_are_names() {
        for t in [
            "أعلن المهاجم نايف هزازي عن اختراق حسابه على موقع «تويتر».",
            "وقالت شركة «رويال داتش شل» في تقريرها الفصلي.",
        ] {
            let mut doc = Doc::new("d", t);
            annotate(&mut doc);
            assert!(doc.quotes.is_empty(), "help: {t}: {:?}", doc.quotes);
        }
        let mut doc = Doc::new("d", "وسئل عن العرض فقال: «لا».");
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 1, "help: {:?}", doc.quotes);
        assert_eq!(doc.slice(doc.quotes[0].content), "لا");
    }

    #[test]
    fn non_speech_senses_and_adverbs() {
        for t in [
            "فدخلوا فيمن قال الله فيهم: (إن الله لا يحب المعتدين).",
            "وكان المدرب قد طالب اللاعبين بخلع القمصان بعد أن انتهت المباراة.",
            "فأبلغت الشرطة بأن سيارتها سرقت.",
            "وأوقف مالك صقر يدعى مطر الكواري عند الحدود.",
            "وأخيرا تبلغ قيمة الخصم مئة ريال علما أن العرض محدود.",
            "وأكدت هذه الاختبارات سلامة الشبكة من أي انقطاع علماً بأن الموقع مخدوم بدوائر احتياطية.",
        ] {
            let mut doc = Doc::new("d", t);
            annotate(&mut doc);
            assert!(doc.quotes.is_empty(), "help: {t}: {:?}", doc.quotes);
        }
        // مطالبا بأن is still speech
        let mut doc = Doc::new(
            "d",
            "وقال المدير إن العمل مستمر، مطالبا بأن يكون التنفيذ سريعا.",
        );
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 2, "help: {:?}", doc.quotes);
        // an adverb after the verb is not the speaker; the topic before it is
        let q = read(
            "أما نتنياهو فقد أكد مجددا أن الاتفاق سيئ.",
            &[(EntityType::Per, &["نتنياهو"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("نتنياهو"));
        let q = read(
            "وكشف كارتر أيضا أن القوات جاهزة.",
            &[(EntityType::Per, &["كارتر"])],
        );
        assert_eq!(q[0].1.as_deref(), Some("كارتر"), "help: {q:?}");
    }

    #[test]
    fn attribution_variants() {
        // وفقا لـ + a known head noun, no entity needed
        let q = read("ارتفعت الأسعار بنسبة كبيرة، وفقا لقناة “العربية”.", &[]);
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].2, "ارتفعت الأسعار بنسبة كبيرة");
        // وفقا لما + verb with the object pronoun; the video is an anonymous source
        let q = read("وقد تعرضت فتاتان لمضايقة، وفقا لما أظهره مقطع فيديو.", &[]);
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("مقطع فيديو"));
        assert_eq!(q[0].0, None);
        // بحسب ما جاء في X at the start: the source ends before the clause
        let q = read(
            "وبحسب ما جاء في المقطع كانت الفتاتان تتجولان في المتنزه.",
            &[],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("المقطع"));
        assert_eq!(q[0].2, "كانت الفتاتان تتجولان في المتنزه");
    }

    #[test]
    fn more_constructions() {
        // بيّن opening a clause is a cue; بين "between/among" is not
        let q = read(
            "من جهته، بيّن الدكتور أحمد الشميمري أن الجمعية هي الأولى.\nبين الفرضيات التي تدرس أن يكون الرجل مريضا.",
            &[(EntityType::Per, &["أحمد الشميمري"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("أحمد الشميمري"));
        // نقل X عن Y قوله: Y is the speaker
        let q = read(
            "نقل زعيم يهودي بارز عن الرئيس باراك أوباما قوله إن الاتفاق جيد.",
            &[(EntityType::Per, &["باراك أوباما"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("باراك أوباما"));
        assert_eq!(q[0].2, "الاتفاق جيد");
        // … بالقول: the subject before it speaks
        let q = read(
            "ورد خامنئي بالقول: إن السياسة لن تتغير.",
            &[(EntityType::Per, &["خامنئي"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("خامنئي"));
        assert_eq!(q[0].2, "السياسة لن تتغير");
        // a question answered after a colon; إجابة ends the speaker phrase
        let q = read(
            "وقال المرغلاني إجابة عن سؤال حول صحة الأخبار؟: «الوزارة حريصة على صرف البدلات».",
            &[(EntityType::Per, &["خالد المرغلاني"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].1.as_deref(), Some("المرغلاني"));
        assert_eq!(q[0].2, "الوزارة حريصة على صرف البدلات");
    }

    #[test]
    fn channel_needs_a_preposition_and_time_a_date() {
        let text = "وقال الوزير في بيان يوميا إن العمل مستمر. واللقاء الذي عقد أكد أن الخطة جاهزة.";
        let mut doc = Doc::new("d", text);
        rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
        let t = text.find("يوميا").unwrap();
        doc.times.push(Time {
            id: "T1".into(),
            span: Span::new(t as u32, (t + "يوميا".len()) as u32),
            kind: TimeType::Set,
            value: Some("P1D".into()),
            granularity: "day".into(),
            anchor: "none".into(),
            calendar: "gregorian".into(),
        });
        QuoteAnnotator.annotate(&mut doc).unwrap();
        let q = &doc.quotes;
        assert_eq!(q[0].channel.as_deref(), Some("بيان"), "help: {q:?}");
        assert_eq!(q[0].time, None, "a set is no date");
        assert!(q.iter().skip(1).all(|q| q.channel.is_none()), "help: {q:?}");
    }

    #[test]
    fn circumstantial_participle_ends_the_content() {
        let mut doc = Doc::new(
            "d",
            "وأكد الوزير أن القوات جاهزة، معربا عن قلقه من التصعيد.",
        );
        annotate(&mut doc);
        assert_eq!(doc.slice(doc.quotes[0].content), "القوات جاهزة");
    }

    #[test]
    fn dropped_subject_is_the_main_verbs_subject() {
        // the participle's subject is the spokesman, not the woman in the genitive
        let q = read(
            "أوضح المتحدث الرسمي مبارك العصيمي قيام الوزير بتشكيل لجنة في وفاة المعلمة هند سالم الحويطي، مشيرا إلى أن اللجنة بدأت عملها.",
            &[
                (EntityType::Per, &["مبارك العصيمي"]),
                (EntityType::Per, &["هند سالم الحويطي"]),
            ],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("مبارك العصيمي"));
        // a coordinated verb with a dropped subject: the first verb's subject
        let q = read(
            "ونفى المدرب لويس فان جال رحيل اللاعب توماس مولر عن ناديه، وقال: \"المفاوضات جارية\".",
            &[
                (EntityType::Per, &["لويس فان جال"]),
                (EntityType::Per, &["توماس مولر"]),
            ],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("لويس فان جال"));
    }

    #[test]
    fn a_place_after_a_preposition_is_no_speaker() {
        let q = read(
            "وأوضح المتحدث الإعلامي للدفاع المدني بمنطقة نجران أن الحريق انطفأ.",
            &[(EntityType::Loc, &["نجران"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0, None);
        let q = read(
            "وأوضح المتحدث الإعلامي للدفاع المدني بمنطقة نجران المقدم علي بن عمير أن الحريق انطفأ.",
            &[
                (EntityType::Loc, &["نجران"]),
                (EntityType::Per, &["علي بن عمير"]),
            ],
        );
        assert_eq!(q[0].0.as_deref(), Some("علي بن عمير"), "help: {q:?}");
        // … but the spokesman of a country speaks for it
        let q = read(
            "وقال المتحدث باسم روسيا إن الاجتماع مفيد.",
            &[(EntityType::Loc, &["روسيا"])],
        );
        assert_eq!(q[0].0.as_deref(), Some("روسيا"), "help: {q:?}");
    }

    #[test]
    fn role_only_subjects_and_closing_formulas() {
        let q = read(
            "شدد المدرب الروماني ريجيكامب على أهمية المباراة، وقال ريجيكامب: أتأمل الفوز، وعن مستوى اللاعب قال المدرب الروماني: نيفيز لاعب مهم، واختتم المدرب حديثه بقوله: أنا جاهز للمباراة.",
            &[(EntityType::Per, &["ريجيكامب"])],
        );
        assert_eq!(q.len(), 3, "help: {q:?}");
        for x in &q {
            assert_eq!(x.0.as_deref(), Some("ريجيكامب"), "help: {q:?}");
        }
        // colon speech ends before the next colon quote
        assert_eq!(q[0].2, "أتأمل الفوز");
        assert_eq!(q[2].1.as_deref(), Some("المدرب"));
        assert_eq!(q[2].2, "أنا جاهز للمباراة");
    }

    #[test]
    fn long_role_then_name_then_comma() {
        let q = read(
            "وقال نائب الرئيس التنفيذي والمشرف العام على برامج خدمة المجتمع في البنك محمد الربيعة، إن الجائزة باتت بارزة.",
            &[(EntityType::Per, &["محمد الربيعة"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("محمد الربيعة"));
        assert_eq!(q[0].2, "الجائزة باتت بارزة");
    }

    #[test]
    fn preposed_quotation_and_zada() {
        let q = read(
            "\"نحن نحتفل بالنصر\"، بهذه الكلمات أوجز القائد العسكري في محافظة عدن العميد عبدالله صبيحي أحداث أمس.",
            &[(EntityType::Per, &["عبدالله صبيحي"])],
        );
        assert_eq!(q.len(), 1, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("عبدالله صبيحي"));
        assert_eq!(q[0].2, "نحن نحتفل بالنصر");
        // وزاد: (added) is speech; زاد عدد (increased) is not
        let mut doc = Doc::new(
            "d",
            "وقال المدير إن العمل مستمر. وزاد: «لا بأس من التأجيل». وزاد عدد الزوار أن وصلوا إلى ألف.",
        );
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 2, "help: {:?}", doc.quotes);
        assert_eq!(doc.slice(doc.quotes[1].content), "لا بأس من التأجيل");
    }

    #[test]
    fn first_person_after_the_verb_and_ba_objects() {
        let mut doc = Doc::new(
            "d",
            "وعن المستقبل قال نحن في مرحلة جديدة يجب أن نبني الدولة.",
        );
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 1, "help: {:?}", doc.quotes);
        assert_eq!(
            doc.slice(doc.quotes[0].content),
            "نحن في مرحلة جديدة يجب أن نبني الدولة"
        );
        assert_eq!(doc.quotes[0].kind, QuoteKind::Direct);
        let mut doc = Doc::new(
            "d",
            "وأكدت الوزارة أن المتهمين أقروا في أقوالهم بتورطهم في عمليتين: الأولى في 2013، والثانية في 2014.",
        );
        annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 1, "help: {:?}", doc.quotes);
    }

    #[test]
    fn passive_cue_has_no_speaker() {
        let q = read(
            "وقال الوزير سالم العلي إن العمل مستمر. وأُعلن أن الافتتاح سيكون غدا.",
            &[(EntityType::Per, &["سالم العلي"])],
        );
        assert_eq!(q.len(), 2, "help: {q:?}");
        assert_eq!(q[1].0, None);
        assert_eq!(q[1].1, None);
    }

    #[test]
    fn bare_complementiser_inside_marks_is_dropped() {
        let mut doc = Doc::new("d", "وقال المدير: «إن الشراكة تعزز قدرة الشركتين».");
        annotate(&mut doc);
        assert_eq!(
            doc.slice(doc.quotes[0].content),
            "الشراكة تعزز قدرة الشركتين"
        );
        assert_eq!(doc.quotes[0].kind, QuoteKind::Direct);
        let mut doc = Doc::new("d", "وأضافت: «إن شاء الله نعود قريبا».");
        annotate(&mut doc);
        assert_eq!(doc.slice(doc.quotes[0].content), "إن شاء الله نعود قريبا");
    }

    #[test]
    fn a_speaker_does_not_report_himself() {
        let mut doc = Doc::new(
            "d",
            "وقال الوزير خالد سعد إن اللجنة اجتمعت أمس وإن الوزير خالد سعد قال إن القرار نهائي.",
        );
        rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
        entity(&mut doc, EntityType::Per, &["خالد سعد"]);
        QuoteAnnotator.annotate(&mut doc).unwrap();
        assert_eq!(doc.quotes.len(), 2, "help: {:?}", doc.quotes);
        assert_eq!(doc.quotes[1].reported_by, None);
    }

    #[test]
    fn nested_and_coordinated_dropped_subjects() {
        // a verb nested in a content takes the subject before it in that content
        let q = read(
            "وقال خامنئي في تعليقه: إن الرئيس أوباما ادعى بأنه قادر على الضرب.",
            &[
                (EntityType::Per, &["خامنئي"]),
                (EntityType::Per, &["أوباما"]),
            ],
        );
        assert_eq!(q.len(), 2, "help: {q:?}");
        assert_eq!(q[0].0.as_deref(), Some("خامنئي"));
        assert_eq!(q[1].0.as_deref(), Some("أوباما"));
        // a coordinated cue takes the clause's first name, not the nearest
        let q = read(
            "وفي سياق آخر كرر روحاني مزاعم أنه لولا إيران لسقطت بغداد بيد داعش، وأضاف: إننا سنواصل الدعم.",
            &[(EntityType::Per, &["روحاني"]), (EntityType::Org, &["داعش"])],
        );
        assert_eq!(
            q.last().unwrap().0.as_deref(),
            Some("روحاني"),
            "help: {q:?}"
        );
    }

    #[test]
    fn bad_input_never_panics() {
        for t in [
            "",
            " ",
            "قال",
            "قال إن",
            "\"",
            "«قال»: «",
            "وقال:\n\n\"",
            "بحسب",
            "مشيرا إلى أن",
            // a "via" phrase as the last token (its verb would be past the end)
            "ارتفعت الأسعار حسبما",
        ] {
            let mut doc = Doc::new("d", t);
            annotate(&mut doc);
            for q in &doc.quotes {
                assert!(doc.text.get(q.content.range()).is_some());
            }
        }
    }
}
