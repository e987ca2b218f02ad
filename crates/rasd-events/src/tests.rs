//! Annotator tests on documents with hand-built entity, time and quote layers.
use rasd_doc::{Annotator, Doc, Entity, EntityType, Quote, QuoteKind, Span, Time, TimeType};

use crate::EventAnnotator;

/// Byte span of the `n`-th occurrence (0-based) of `needle`.
fn find(doc: &Doc, needle: &str, n: usize) -> Span {
    let (s, _) = doc
        .text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("help: {needle:?} #{n} not in text"));
    Span::new(s as u32, (s + needle.len()) as u32)
}

fn entity(
    doc: &Doc,
    id: &str,
    kind: EntityType,
    name: &str,
    cs: (&str, Option<&str>),
    mentions: &[(&str, usize)],
) -> Entity {
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        name_en: None,
        country: (!cs.0.is_empty()).then(|| cs.0.into()),
        sector: cs.1.map(str::to_string),
        roles: vec![],
        mentions: mentions.iter().map(|(m, n)| find(doc, m, *n)).collect(),
    }
}

/// Quote Q1 of entity E1, named `speaker`, cued by the first "وقال" and
/// saying `content`.
fn quote_by_e1(doc: &Doc, speaker: &str, content: &str, kind: QuoteKind) -> Quote {
    Quote {
        id: "Q1".into(),
        speaker: Some("E1".into()),
        speaker_span: Some(find(doc, speaker, 0)),
        cue: find(doc, "وقال", 0),
        content: find(doc, content, 0),
        kind,
        addressee: None,
        channel: None,
        reported_by: None,
        time: None,
    }
}

/// Every candidate event (publication threshold off) with the rules'
/// confidences (no report classifier): the tests look at candidates, their
/// aux modes and confidences.
fn annotate(doc: &mut Doc) {
    EventAnnotator::standard()
        .with_min_confidence(0.0)
        .without_report_model()
        .annotate(doc)
        .unwrap();
}

#[test]
fn publication_threshold_drops_low_confidence_candidates_and_renumbers() {
    let text = "وأكد البيت الأبيض أن القضايا العالقة في المباحثات ستتطلب المزيد من المفاوضات. وقال روحاني إن إيران سترد على أي هجوم.";
    let mut all = Doc::new("t", text);
    rasd_text::analyze(&mut all);
    let mut published = all.clone();
    annotate(&mut all);
    EventAnnotator::standard().annotate(&mut published).unwrap();
    let kept: Vec<&str> = all
        .events
        .iter()
        .filter(|e| e.confidence >= crate::DEFAULT_MIN_CONFIDENCE)
        .map(|e| e.kind.as_str())
        .collect();
    assert!(
        kept.len() < all.events.len(),
        "help: the seed-like doc has low-confidence candidates"
    );
    assert_eq!(
        published
            .events
            .iter()
            .map(|e| e.kind.as_str())
            .collect::<Vec<_>>(),
        kept
    );
    for (i, e) in published.events.iter().enumerate() {
        assert_eq!(e.id, format!("V{}", i + 1));
    }
}

fn seed_like() -> Doc {
    let text = "قال الكرملين إن ستيف ويتكوف مبعوث الرئيس الأميركي دونالد ترامب سيزور موسكو الأسبوع المقبل.\n\n\
وقال ترامب إن المفاوضين الأميركيين يحرزون تقدما في المناقشات مع روسيا وأوكرانيا، وإن موسكو وافقت على بعض التنازلات.\n\n\
وذكرت وكالة بلومبيرغ أن ويتكوف قال في مكالمة هاتفية مع أوشاكوف في 14 أكتوبر الماضي إنهما يجب أن يعملا معا.";
    let mut doc = Doc::new("seedlike", text);
    doc.dateline = chrono::NaiveDate::from_ymd_opt(2025, 11, 26);
    rasd_text::analyze(&mut doc);
    doc.entities = vec![
        entity(
            &doc,
            "E1",
            EntityType::Org,
            "الكرملين",
            ("RUS", Some("GOV")),
            &[("الكرملين", 0)],
        ),
        entity(
            &doc,
            "E2",
            EntityType::Per,
            "ستيف ويتكوف",
            ("USA", Some("GOV")),
            &[("ستيف ويتكوف", 0), ("ويتكوف", 1)],
        ),
        entity(
            &doc,
            "E3",
            EntityType::Per,
            "دونالد ترامب",
            ("USA", Some("GOV")),
            &[("دونالد ترامب", 0), ("ترامب", 1)],
        ),
        entity(
            &doc,
            "E4",
            EntityType::Loc,
            "موسكو",
            ("RUS", None),
            &[("موسكو", 0), ("موسكو", 1)],
        ),
        entity(
            &doc,
            "E5",
            EntityType::Loc,
            "روسيا",
            ("RUS", None),
            &[("روسيا", 0)],
        ),
        entity(
            &doc,
            "E6",
            EntityType::Loc,
            "أوكرانيا",
            ("UKR", None),
            &[("أوكرانيا", 0)],
        ),
        entity(
            &doc,
            "E7",
            EntityType::Org,
            "بلومبيرغ",
            ("USA", Some("MED")),
            &[("بلومبيرغ", 0)],
        ),
        entity(
            &doc,
            "E8",
            EntityType::Per,
            "أوشاكوف",
            ("RUS", Some("GOV")),
            &[("أوشاكوف", 0)],
        ),
    ];
    doc.entities.iter_mut().for_each(|e| e.mentions.sort());
    doc.times = vec![
        Time {
            id: "T1".into(),
            span: find(&doc, "الأسبوع المقبل", 0),
            kind: TimeType::Date,
            value: Some("2025-W49".into()),
            granularity: "week".into(),
            anchor: "dateline".into(),
            calendar: "gregorian".into(),
        },
        Time {
            id: "T2".into(),
            span: find(&doc, "14 أكتوبر الماضي", 0),
            kind: TimeType::Date,
            value: Some("2025-10-14".into()),
            granularity: "day".into(),
            anchor: "dateline".into(),
            calendar: "gregorian".into(),
        },
    ];
    let quote = |id: &str, speaker: &str, cue: Span, content: Span| Quote {
        id: id.into(),
        speaker: Some(speaker.into()),
        speaker_span: None,
        cue,
        content,
        kind: QuoteKind::Indirect,
        addressee: None,
        channel: None,
        reported_by: None,
        time: None,
    };
    let c1 = find(&doc, "ستيف ويتكوف", 0).cover(find(&doc, "الأسبوع المقبل", 0));
    let c4 = find(&doc, "المفاوضين", 0).cover(find(&doc, "التنازلات", 0));
    let c8 = find(&doc, "ويتكوف قال", 0).cover(find(&doc, "معا", 0));
    doc.quotes = vec![
        quote("Q1", "E1", find(&doc, "قال", 0), c1),
        quote("Q2", "E3", find(&doc, "وقال", 0), c4),
        quote("Q3", "E7", find(&doc, "وذكرت", 0), c8),
    ];
    doc
}

#[test]
fn seed_like_events() {
    let mut doc = seed_like();
    annotate(&mut doc);
    let show: Vec<String> = doc
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?} {:?} {:?}",
                e.kind,
                doc.slice(e.trigger),
                e.actor,
                e.recipient,
                e.actor_codes
            )
        })
        .collect();
    let by = |t: &str| {
        doc.events
            .iter()
            .find(|e| doc.slice(e.trigger).contains(t))
            .unwrap_or_else(|| panic!("help: no event on {t:?}; got {show:#?}"))
    };
    // 1. a future visit is AGREE; the visitor acts, the host receives
    let v = by("سيزور");
    assert_eq!(v.kind, "AGREE", "{show:#?}");
    assert_eq!(v.actor, ["E2"]);
    assert_eq!(v.recipient, ["E4"]);
    assert_eq!(v.recipient_codes, ["RUSGOV"]);
    assert_eq!(v.time.as_deref(), Some("T1"));
    assert_eq!(v.quote.as_deref(), Some("Q1"));
    // 2. talks of the US negotiators with Russia and Ukraine
    let c = by("المناقشات");
    assert_eq!(c.kind, "CONSULT");
    assert_eq!(c.actor_codes, ["USAGOV"]);
    assert_eq!(c.recipient, ["E5", "E6"]);
    assert_eq!(c.quote.as_deref(), Some("Q2"));
    // 3. Moscow's concessions
    let k = by("وافقت");
    assert_eq!(k.kind, "CONCEDE");
    assert_eq!(doc.slice(k.trigger), "وافقت على بعض التنازلات");
    assert_eq!(k.actor, ["E4"]);
    assert_eq!(k.actor_codes, ["RUSGOV"]);
    // 5. a bilateral phone call: both are actors
    let p = by("مكالمة");
    assert_eq!(
        (p.kind.as_str(), p.mode.as_deref()),
        ("CONSULT", Some("phone"))
    );
    assert_eq!(p.actor, ["E2", "E8"]);
    assert!(p.recipient.is_empty());
    assert_eq!(p.time.as_deref(), Some("T2"));
    assert_eq!(p.quote.as_deref(), Some("Q3"));
    assert_eq!(p.aux, None);
    // ids in order
    for (i, e) in doc.events.iter().enumerate() {
        assert_eq!(e.id, format!("V{}", i + 1));
    }
}

#[test]
fn verbal_act_in_quote_has_the_speaker_as_actor() {
    let text = "وقال أوشاكوف إن التسريب يمثل محاولة لعرقلة المباحثات.";
    let mut doc = Doc::new("q", text);
    rasd_text::analyze(&mut doc);
    doc.entities = vec![entity(
        &doc,
        "E1",
        EntityType::Per,
        "أوشاكوف",
        ("RUS", Some("GOV")),
        &[("أوشاكوف", 0)],
    )];
    doc.quotes = vec![quote_by_e1(
        &doc,
        "أوشاكوف",
        "التسريب يمثل محاولة لعرقلة المباحثات",
        QuoteKind::Indirect,
    )];
    annotate(&mut doc);
    assert_eq!(
        doc.events.len(),
        1,
        "the talks are the accusation's object, not an event"
    );
    let e = &doc.events[0];
    assert_eq!(e.kind, "ACCUSE");
    assert_eq!(e.actor, ["E1"]);
    assert_eq!(e.actor_codes, ["RUSGOV"]);
    assert_eq!(e.quote.as_deref(), Some("Q1"));
}

/// `field` of every candidate event of a one-sentence document.
fn each_event<T>(t: &str, field: impl Fn(&rasd_doc::Event) -> T) -> Vec<T> {
    let mut doc = Doc::new("a", t);
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    doc.events.iter().map(field).collect()
}

#[test]
fn aux_modes() {
    let kinds = |t: &str| each_event(t, |e| (e.kind.clone(), e.aux.clone()));
    assert_eq!(
        kinds("لم تعتقل الشرطة أحدا.")[0].1.as_deref(),
        Some("negation")
    );
    assert_eq!(kinds("ولن يتظاهر الطلاب.")[0].1.as_deref(), Some("negation"));
    assert_eq!(
        kinds("إذا هاجم الجيش المدينة.")[0].1.as_deref(),
        Some("hypothetical")
    );
    assert_eq!(
        kinds("سيتظاهر الطلاب غدا.")[0],
        ("PROTEST".to_string(), Some("future".to_string()))
    );
    assert_eq!(
        kinds("من المقرر أن يزور الوزير الرياض.")[0],
        ("AGREE".to_string(), None)
    );
    assert_eq!(kinds("ستنسحب القوات من المدينة.")[0].0, "CONCEDE");
    assert_eq!(
        kinds("اعتقلت الشرطة ثلاثة.")[0],
        ("COERCE".to_string(), None)
    );
}

#[test]
fn nominal_actors_and_vso() {
    let mut doc = Doc::new(
        "n",
        "قصفت الطائرات الإسرائيلية مواقع في غزة. وتظاهر المتظاهرون أمام البرلمان.",
    );
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    assert_eq!(doc.events[0].kind, "ASSAULT");
    assert_eq!(doc.events[0].actor_codes, ["ISRMIL"]);
    assert_eq!(doc.events[1].kind, "PROTEST");
    assert_eq!(doc.events[1].actor_codes, ["CVL"]);
}

#[test]
fn host_is_recipient_and_places_are_locations() {
    let text = "استقبل الملك سلمان في الرياض الرئيس الفرنسي ماكرون.";
    let mut doc = Doc::new("h", text);
    rasd_text::analyze(&mut doc);
    doc.entities = vec![
        entity(
            &doc,
            "E1",
            EntityType::Per,
            "سلمان",
            ("SAU", Some("GOV")),
            &[("سلمان", 0)],
        ),
        entity(
            &doc,
            "E2",
            EntityType::Loc,
            "الرياض",
            ("SAU", None),
            &[("الرياض", 0)],
        ),
        entity(
            &doc,
            "E3",
            EntityType::Per,
            "ماكرون",
            ("FRA", Some("GOV")),
            &[("ماكرون", 0)],
        ),
    ];
    annotate(&mut doc);
    let e = &doc.events[0];
    assert_eq!(
        (e.kind.as_str(), e.mode.as_deref()),
        ("CONSULT", Some("visit"))
    );
    assert_eq!(e.actor, ["E3"]);
    assert_eq!(e.recipient, ["E1"]);
    assert_eq!(e.location.as_deref(), Some("E2"));
}

#[test]
fn bad_input_never_panics() {
    for t in [
        "",
        " ",
        "قال",
        "\u{0640}\u{0640}",
        "إعلان",
        "هجوم",
        "a,b;c",
        "وافق على …",
        "،",
    ] {
        let mut doc = Doc::new("x", t);
        rasd_text::analyze(&mut doc);
        annotate(&mut doc);
        let mut doc = Doc::new("y", t);
        annotate(&mut doc); // no text layer at all
        assert!(doc.events.is_empty());
    }
}

#[test]
fn seed_file_when_present() {
    let Some(p) = rasd_doc::test_support::shared_path("seed/000_3e809c445546f9ff.txt") else {
        return;
    };
    let raw = std::fs::read_to_string(p).unwrap();
    let mut doc = rasd_ingest::parse_text("seed", &raw, None);
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let kinds: Vec<&str> = doc.events.iter().map(|e| e.kind.as_str()).collect();
    for k in ["AGREE", "CONSULT", "CONCEDE", "ACCUSE"] {
        assert!(kinds.contains(&k), "help: {k} missing from {kinds:?}");
    }
    // the five events of expected.md, by category, mode and trigger
    let got: Vec<(&str, Option<&str>, &str)> = doc
        .events
        .iter()
        .map(|e| (e.kind.as_str(), e.mode.as_deref(), doc.slice(e.trigger)))
        .collect();
    for (k, mode, trig) in [
        ("AGREE", None, "سيزور"),
        ("CONSULT", None, "المناقشات"),
        ("CONCEDE", None, "وافقت على بعض التنازلات"),
        ("ACCUSE", Some("allege"), "محاولة لعرقلة"),
        ("CONSULT", Some("phone"), "مكالمة هاتفية"),
    ] {
        assert!(
            got.contains(&(k, mode, trig)),
            "help: {k} {trig} missing from {got:?}"
        );
    }
    // boilerplate "إعلان" and the heading are never triggers
    for e in &doc.events {
        assert!(!doc.in_boilerplate(e.trigger));
        rasd_doc::test_support::assert_span(&doc, e.trigger, doc.slice(e.trigger));
    }
}

#[test]
fn pronoun_complementiser_takes_the_reporter_as_subject() {
    let mut doc = Doc::new(
        "p",
        "أفادت الشرطة التايلاندية أنها ألقت القبض على خمسة أشخاص.",
    );
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let e = &doc.events[0];
    assert_eq!(
        (e.kind.as_str(), e.mode.as_deref()),
        ("COERCE", Some("arrest"))
    );
    assert_eq!(e.actor_codes, ["THACOP"]);
}

#[test]
fn nominal_recipients_get_codes() {
    let mut doc = Doc::new("r", "هاجم مسلحون دورية للشرطة العراقية.");
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let e = &doc.events[0];
    assert_eq!(e.kind, "ASSAULT");
    assert_eq!(e.actor_codes, ["UAF"]);
    assert_eq!(e.recipient_codes, ["IRQCOP"]);
}

/// `t` analysed and annotated (no entity layer: nominal actors only).
fn annotated(t: &str) -> Doc {
    let mut doc = Doc::new("a", t);
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    doc
}

/// (category, aux, reported = confidence ≥ the detection threshold, trigger) of each event.
fn coded(t: &str) -> Vec<(String, Option<String>, bool, String)> {
    let mut doc = Doc::new("c", t);
    doc.dateline = chrono::NaiveDate::from_ymd_opt(2015, 8, 2);
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    doc.events
        .iter()
        .map(|e| {
            (
                e.kind.clone(),
                e.aux.clone(),
                e.confidence >= crate::eval::DETECTION_THRESHOLD,
                doc.slice(e.trigger).to_string(),
            )
        })
        .collect()
}

/// How many events of kind `kind` `t` reports (see [`coded`]).
fn reported_count(t: &str, kind: &str) -> usize {
    coded(t)
        .into_iter()
        .filter(|(k, _, reported, _)| k == kind && *reported)
        .count()
}

fn reported(t: &str, kind: &str) -> bool {
    coded(t).iter().any(|(k, _, r, _)| k == kind && *r)
}

/// Asserts that no sentence of `cases` reports its event kind (documents
/// dated as in [`coded`]).
fn assert_none_reported(cases: &[(&str, &str)]) {
    for &(t, kind) in cases {
        assert!(!reported(t, kind), "help: {t:?} gave {:?}", coded(t));
    }
}

/// A hand-made entity for [`annotated_with`]: kind, name, (country, sector).
type Given<'a> = (EntityType, &'a str, (&'a str, Option<&'a str>));

/// `t` analysed with the entities `ents` (ids E1… in order, each mentioned
/// where its name first stands) and then annotated.
fn annotated_with(t: &str, ents: &[Given<'_>]) -> Doc {
    let mut doc = Doc::new("w", t);
    rasd_text::analyze(&mut doc);
    doc.entities = ents
        .iter()
        .enumerate()
        .map(|(k, &(kind, name, cs))| {
            entity(&doc, &format!("E{}", k + 1), kind, name, cs, &[(name, 0)])
        })
        .collect();
    annotate(&mut doc);
    doc
}

/// The first ASSAULT of `t` (annotated without entities).
fn first_assault(t: &str) -> rasd_doc::Event {
    first_of(t, "ASSAULT")
}

/// The first event of kind `kind` in `t` (annotated without entities).
fn first_of(t: &str, kind: &str) -> rasd_doc::Event {
    event_in(&annotated(t), kind).clone()
}

/// The first event of kind `kind` of `doc`; panics, listing the events,
/// when there is none.
fn event_in<'d>(doc: &'d Doc, kind: &str) -> &'d rasd_doc::Event {
    let ev = doc.events.iter().find(|e| e.kind == kind);
    ev.unwrap_or_else(|| panic!("help: no {kind} in {:?}: {:?}", doc.text, doc.events))
}

#[test]
fn sides_named_with_bayna_are_the_actors_of_a_reciprocal_event() {
    let ev = first_of("بدأت أمس محادثات بين الحكومة والمعارضة.", "CONSULT");
    assert_eq!(ev.actor_codes, ["GOV", "OPP"], "{ev:?}");
    assert!(ev.recipient_codes.is_empty(), "{ev:?}");
    // past a place, a time and the comma before بين
    let ev = first_of(
        "وجرت محادثات في الدوحة أمس، بين الحكومة والمتمردين.",
        "CONSULT",
    );
    assert_eq!(ev.actor_codes, ["GOV", "REB"], "{ev:?}");
    // a mediation is between its sides: they are its recipients
    let ev = first_of("وعرض الوزير وساطة بين الحكومة والمعارضة.", "CONSULT");
    assert_eq!(ev.recipient_codes, ["GOV", "OPP"], "{ev:?}");
    // no sides named ("بين البلدين"), or a topic's own بين
    for t in [
        "وبحث الجانبان تعزيز التعاون بين البلدين.",
        "وجرت محادثات بشأن الاتفاق بين الحكومة والمعارضة.",
    ] {
        let doc = annotated(t);
        for ev in doc.events.iter().filter(|e| e.kind != "AGREE") {
            assert!(!ev.actor_codes.contains(&"OPP".to_string()), "{t}: {ev:?}");
        }
    }
}

#[test]
fn a_subject_set_off_by_a_comma_is_the_actor_of_the_noun_after_it() {
    let text = "بعث الملك سلمان بن عبدالعزيز، برقية تهنئة للرئيس. \
                وقالت الوزارة، الاجتماع مهم.";
    let doc = annotated_with(
        text,
        &[
            (EntityType::Per, "سلمان بن عبدالعزيز", ("SAU", Some("GOV"))),
            (EntityType::Org, "الوزارة", ("SAU", Some("GOV"))),
        ],
    );
    let of = |kind: &str| doc.events.iter().find(|e| e.kind == kind).cloned();
    let support = of("SUPPORT").expect("the congratulation");
    assert_eq!(support.actor, ["E1"], "{support:?}");
    // "قال" takes no event noun as its object: the meeting is not the ministry's
    if let Some(meeting) = of("CONSULT") {
        assert!(meeting.actor.is_empty(), "{meeting:?}");
    }
}

#[test]
fn a_demonstrative_points_back_to_an_event_told_before() {
    let conf = |t: &str, kind: &str| first_of(t, kind).confidence;
    let told = conf(
        "وأكد الوزير أن هذه المحادثات بين الحكومة والمعارضة مثمرة.",
        "CONSULT",
    );
    let new = conf(
        "وأكد الوزير أن المحادثات بين الحكومة والمعارضة مثمرة.",
        "CONSULT",
    );
    assert!(told + 0.25 < new, "{told} {new}");
    // after the noun it is the object's ("بمصادرة هذه المواد"), and "هذا
    // اتفاق" is a predicate
    let own = conf("وقامت البلدية بمصادرة هذه المواد الفاسدة.", "COERCE");
    let plain = conf("وقامت البلدية بمصادرة المواد الفاسدة.", "COERCE");
    assert!((own - plain).abs() < 0.01, "{own} {plain}");
}

#[test]
fn a_long_title_leads_to_the_subject_after_the_verb() {
    let text = "التقى مدير عام الشؤون الصحية بمنطقة الجوف حسين الراوي أمس وفدا من الوزارة.";
    let doc = annotated_with(
        text,
        &[
            (EntityType::Loc, "الجوف", ("SAU", None)),
            (EntityType::Per, "حسين الراوي", ("SAU", Some("HLH"))),
        ],
    );
    let ev = event_in(&doc, "CONSULT");
    assert_eq!(ev.actor, ["E2"], "{ev:?}");
    assert!(!ev.recipient.contains(&"E1".to_string()), "{ev:?}");
}

#[test]
fn a_title_in_the_genitive_leads_to_the_named_person() {
    let text = "وجاء الإعلان في ختام زيارة الرئيس أوباما إلى القاهرة.";
    let doc = annotated_with(
        text,
        &[
            (EntityType::Per, "أوباما", ("USA", Some("GOV"))),
            (EntityType::Loc, "القاهرة", ("EGY", None)),
        ],
    );
    let ev = event_in(&doc, "CONSULT");
    assert_eq!(ev.actor, ["E1"], "{ev:?}");
    assert_eq!(ev.recipient, ["E2"], "{ev:?}");
    // a person no lexicon codes keeps the title's code
    let text = "وطالب الوزير بالإفراج عن الجاسوس الإسرائيلي جوناثان بولارد.";
    let doc = annotated_with(text, &[(EntityType::Per, "جوناثان بولارد", ("", None))]);
    let ev = event_in(&doc, "RETREAT");
    assert_eq!(ev.recipient, ["E1"], "{ev:?}");
    assert_eq!(ev.recipient_codes, ["ISRSPY"], "{ev:?}");
    // the visitor is the visit's genitive, not the clause's subject
    let ev = first_of(
        "وأكد المبعوث الحرص على إتمام زيارة الرئيس الصيني إلى مصر.",
        "CONSULT",
    );
    assert_eq!(ev.actor_codes, ["CHNGOV"], "{ev:?}");
    // a title after a preposition is no genitive
    let text = "وبعث الوزير برقية تهنئة للرئيس أوباما.";
    let doc = annotated_with(text, &[(EntityType::Per, "أوباما", ("USA", Some("GOV")))]);
    let ev = event_in(&doc, "SUPPORT");
    assert!(!ev.actor.contains(&"E1".to_string()), "{ev:?}");
}

#[test]
fn a_patient_after_lam_makes_the_genitive_the_agent() {
    // "اعتقال الشرطة للمتظاهرين": the police arrest, the protesters are arrested
    let ev = first_of("وأدانت المنظمة اعتقال الشرطة للمتظاهرين.", "COERCE");
    assert_eq!(ev.actor_codes, ["COP"], "{ev:?}");
    assert_eq!(ev.recipient_codes, ["CVL"], "{ev:?}");
    // without لـ the genitive is the patient
    let ev = first_of("وأدانت المنظمة اعتقال المتظاهرين.", "COERCE");
    assert_eq!(ev.recipient_codes, ["CVL"], "{ev:?}");
}

#[test]
fn an_unknown_definite_subject_leaves_the_actor_after_it_the_object() {
    // "البيان" is the subject (no actor the lexicons know), "الحكومة" the addressee
    let ev = first_of("ودعا البيان الحكومة إلى الحوار.", "REQUEST");
    assert!(ev.actor_codes.is_empty(), "{ev:?}");
    assert_eq!(ev.recipient_codes, ["GOV"], "{ev:?}");
    // a known actor stays the subject
    let ev = first_of("ودعا الرئيس الشرطة إلى التحرك.", "REQUEST");
    assert_eq!(ev.actor_codes, ["GOV"], "{ev:?}");
}

#[test]
fn coordinated_verbs_share_the_dropped_subject() {
    let text = "أغلقت البلدية الجديدة 250 محلا، وضبطت وأتلفت 600 كيلوغرام من الأغذية.";
    let doc = annotated_with(
        text,
        &[(EntityType::Org, "البلدية الجديدة", ("SAU", Some("GOV")))],
    );
    let ev = event_in(&doc, "COERCE");
    assert_eq!(ev.actor, ["E1"], "{ev:?}");
}

#[test]
fn the_statement_stands_for_its_issuer() {
    let text =
        "وقالت الوزارة في بيان إن المملكة ترفض التدخل. ودعا البيان المجتمع الدولي إلى التحرك.";
    let mut doc = Doc::new("s", text);
    rasd_text::analyze(&mut doc);
    let ministry = entity(
        &doc,
        "E1",
        EntityType::Org,
        "الوزارة",
        ("SAU", Some("GOV")),
        &[("الوزارة", 0)],
    );
    doc.entities = vec![ministry];
    let mut q = quote_by_e1(&doc, "الوزارة", "المملكة ترفض التدخل", QuoteKind::Indirect);
    q.cue = find(&doc, "وقالت", 0);
    q.channel = Some("بيان".into());
    doc.quotes = vec![q];
    annotate(&mut doc);
    let ev = event_in(&doc, "REQUEST");
    assert_eq!(ev.actor, ["E1"], "{ev:?}");
    assert_eq!(ev.recipient_codes, ["IGO"], "{ev:?}");
}

#[test]
fn counted_subjects_and_definite_objects() {
    // the noun after a count is the subject, the authorities the addressee
    let ev = first_of(
        "طالب عدد من أهالي القرية الجهات المختصة بإعادة توسعة الطريق.",
        "REQUEST",
    );
    assert_eq!(ev.actor_codes, ["CVL"], "{ev:?}");
    assert_eq!(ev.recipient_codes, ["GOV"], "{ev:?}");
    // a definite head takes no definite genitive: "الشرطة" is the object
    let ev = first_of("ودعا الوزير الشرطة إلى التحرك.", "REQUEST");
    assert_eq!(ev.actor_codes, ["GOV"], "{ev:?}");
    assert_eq!(ev.recipient_codes, ["COP"], "{ev:?}");
    // while a nisba after it is its adjective
    let ev = first_of("ودعا الوزير السعودي الشرطة إلى التحرك.", "REQUEST");
    assert_eq!(ev.actor_codes, ["SAUGOV"], "{ev:?}");
    assert_eq!(ev.recipient_codes, ["COP"], "{ev:?}");
}

#[test]
fn armed_forces_after_a_bombardment_noun_are_its_agent() {
    // "قصف الطيران": the air force bombs; "قصف المدنيين": civilians are bombed
    let ev = first_assault("وأدى قصف الطيران الحربي إلى مقتل خمسة مدنيين.");
    assert!(ev.actor_codes.iter().any(|c| c.ends_with("MIL")), "{ev:?}");
    assert!(
        !ev.recipient_codes.iter().any(|c| c.ends_with("MIL")),
        "{ev:?}"
    );
    let ev = first_assault("شن سلاح الجو التركي الجمعة أولى غاراته على مواقع التنظيم.");
    assert!(ev.actor_codes.iter().any(|c| c.ends_with("MIL")), "{ev:?}");
    // the noun's relative verb names who performed it, not the reporter
    let ev = first_assault("أعلنت الشرطة مقتل خمسة مدنيين في غارات شنتها الطائرات الحربية.");
    assert_eq!(ev.actor_codes, ["MIL"], "{ev:?}");
}

#[test]
fn a_parenthesis_set_off_by_commas_does_not_hide_the_complement() {
    assert!(reported(
        "وطالبت الوزارة، في بيان، بالإفراج عن المعتقلين.",
        "REQUEST"
    ));
    assert_none_reported(&[("ورحب الوزير، في كلمته، بالحضور.", "SUPPORT")]);
}

#[test]
fn names_with_allah_are_no_prayer() {
    assert!(reported("ودعا حزب الله أنصاره إلى التظاهر.", "REQUEST"));
}

#[test]
fn sense_constraints_keep_homographs_out() {
    // non-event senses: formula, career, drone, declining to comment, resort to, search for, aim at
    assert_none_reported(&[
        ("وقال خادم الحرمين أيده الله إن البلاد بخير.", "SUPPORT"),
        // an application, an administration's procedure
        ("وطلبت الموظفة الإجازة من مديرها.", "REQUEST"),
        ("ويمكن للمستفيدين السداد ضمن إجراءات طلب الخدمة.", "REQUEST"),
        // a prayer, a name (Abu Talib)
        (
            "ودعت القيادة الله سبحانه وتعالى أن يتقبلهم مع الشهداء.",
            "REQUEST",
        ),
        (
            "استهدف التفجير مسجد الإمام علي بن أبي طالب ببلدة القديح.",
            "REQUEST",
        ),
        (
            "قال رسول الله صلى الله عليه وسلم إن الدين المعاملة.",
            "COOPERATE",
        ),
        ("وتحدث اللاعب عن مسيرته وعن مسيرة النادي الطويلة.", "PROTEST"),
        // considering (عدّ with shadda, or with no complement), aggression
        ("وعدّ الوزير القرار خطوة مهمة.", "AGREE"),
        ("واستنكرت المنظمة التصريحات وعدتها مغذية للطائفية.", "AGREE"),
        ("وهي فئة ظالمة قتلت الناس ظلما وعدوانا.", "AGREE"),
        // the Prophet's deed told after the verb (a hadith)
        ("فقد حث النبي صلى الله عليه وسلم على قتالهم.", "REQUEST"),
        // owing and professing ("ندين بالفضل"، "يدين بالإسلام")
        ("ولا بد أن نقول إننا ندين بالفضل لهذه الشرائح.", "ACCUSE"),
        ("وكان يدين بالإسلام منذ صغره.", "ACCUSE"),
        // feigning, a trade fair, keeping order
        ("وتظاهر المتهم بأنه مريض أمام المحكمة.", "PROTEST"),
        ("وافتتح المحافظ تظاهرة اقتصادية كبرى في المدينة.", "PROTEST"),
        ("وأكد المدير أهمية ضبط سلوك الطلاب في المدارس.", "COERCE"),
        // the ministry's family spelt like و + زار + pronoun
        ("وأعلن الرئيس تعديل وزاري في الحكومة.", "CONSULT"),
        ("وقال الوزير إن وزارته ستعمل على ذلك.", "CONSULT"),
        // an acre (ف + دان), emergencies (not a state of emergency)
        ("وامتد الحريق من 500 فدان إلى 3500 فدان.", "ACCUSE"),
        ("وقال منسق الإغاثة في حالات الطوارئ إن الوضع سيئ.", "COERCE"),
        // bearing responsibility, a district and a comparative (أرحب)
        ("ويعينكم على تحمل هذه المسؤولية.", "ACCUSE"),
        ("ودعا الشركة إلى تحمل المسؤولية تجاه الأمن.", "ACCUSE"),
        ("اجتاحت الميليشيات مديرية \"أرحب\" شمال صنعاء.", "SUPPORT"),
        ("وتتطلع الدولتان إلى آفاق تعاون أرحب.", "SUPPORT"),
        // postponing (أرجأ), not asking (رجا)
        ("وأرجأ القاضي المحاكمة إلى جلسة تعقد اليوم.", "REQUEST"),
        // a pretext (بدعوى أن), not a lawsuit
        ("واعتقلته الشرطة بدعوى أنه يهدد الأمن.", "ACCUSE"),
        ("أسقطت الدفاعات طائرة مسيرة فوق البحر.", "PROTEST"),
        ("ورفض المتحدث التعليق على التقرير.", "REJECT"),
        ("وحذر من اللجوء إلى الخيار العسكري.", "AID"),
        ("يبحث الشاب عن عمل منذ سنوات.", "CONSULT"),
        ("وتستهدف الحملة رفع مستوى الوعي لدى الطلاب.", "ASSAULT"),
        ("نشر الصور على مواقع التواصل الاجتماعي.", "CONSULT"),
        ("وتدعو الله أن يجعلها من مواليد السعادة.", "REQUEST"),
        ("وهذا أمر يدعو للفخر.", "REQUEST"),
        ("بدأ نشاطه عندما كان طالبًا في المرحلة الثانوية.", "REQUEST"),
        (
            "كان أبو عبدالعزيز طالبا ذات زمن في جامعة البترول بالظهران.",
            "REQUEST",
        ),
    ]);
    // the event senses of the same words
    assert!(reported("ورفض الوزير الاقتراح الأميركي أمس.", "REJECT"));
    assert!(reported("وزارت الوزيرة تشاد أمس.", "CONSULT"));
    assert!(reported("وحمله الوزير المسؤولية عن الحادث.", "ACCUSE"));
    assert!(reported("وأقام مواطن دعوى قضائية ضد الشركة أمس.", "ACCUSE"));
    assert!(
        coded("طالبت المفوضية السامية للأمم المتحدة اليونان بالسيطرة على الفوضى.")
            .iter()
            .any(|(k, _, _, _)| k == "REQUEST")
    );
    assert!(coded("طالب الوزير الحكومة بالتحرك.")
        .iter()
        .any(|(k, _, _, _)| k == "REQUEST"));
    assert!(reported(
        "وخرجت مسيرة حاشدة أمس نحو مقر الحكومة.",
        "PROTEST"
    ));
    // (detected; with no entity layer its confidence stays low)
    let c = coded("قررت الحكومة أمس تعليق الرحلات إلى صنعاء.");
    assert!(c.iter().any(|(k, _, _, _)| k == "SANCTION"), "{c:?}");
    let c = coded("قرر في تعليق له على الأحداث أن يصمت.");
    assert!(c.iter().all(|(k, _, _, _)| k != "SANCTION"), "{c:?}");
}

#[test]
fn clause_role_decides_whether_an_event_is_reported() {
    // reported: occurrence predicate or consequences
    assert!(reported(
        "قتل خمسة أشخاص أمس في هجوم بسيارة مفخخة على سوق شعبي.",
        "ASSAULT"
    ));
    assert!(reported(
        "شن مسلحون هجوما على نقطة تفتيش أسفر عن مقتل جنديين.",
        "ASSAULT"
    ));
    // mentioned, not reported: a topic, a question, a generic statement, a non-human agent
    assert_none_reported(&[
        ("ويثير الاتفاق النووي جدلا واسعا في الأوساط السياسية.", "AGREE"),
        ("وكتب كثيرون حول اغتيال الرئيس في الصحف.", "ASSAULT"),
        ("فهل يجوز تبرير الاغتيال السياسي؟", "ASSAULT"),
        ("يهاجم الفيروس الجهاز العصبي للمصاب.", "ASSAULT"),
        (
            "وحذرت الأمم المتحدة من أن السيول الناجمة عن أمطار غزيرة تهدد مزيدا من المناطق.",
            "THREATEN",
        ),
        ("ووجه القاضي إليه تهمة قتل زوجته.", "ASSAULT"),
        ("وتحدث الكاتب طويلا عن قتل المدنيين في الحروب.", "ASSAULT"),
    ]);
}

#[test]
fn report_classifier_keeps_reports_and_drops_mentions() {
    let published = |t: &str, kind: &str| {
        let mut doc = Doc::new("r", t);
        rasd_text::analyze(&mut doc);
        EventAnnotator::standard().annotate(&mut doc).unwrap();
        doc.events.iter().any(|e| e.kind == kind)
    };
    assert!(published(
        "قتل ثلاثة مسلحين في ضربة جوية أمس، وقال الجيش إن القتلى ينتمون إلى خلية.",
        "ASSAULT"
    ));
    assert!(published(
        "وأصيب عشرة أشخاص في انفجار سيارة مفخخة قرب مركز للشرطة أمس.",
        "ASSAULT"
    ));
    // a recalled attempt and a threat are mentions, not reports
    assert!(!published(
        "ولدى سؤاله عن محاولات الاغتيال التي تعرض لها، رد ضاحكا.",
        "ASSAULT"
    ));
    // the rules alone publish what the classifier rescored
    let mut doc = Doc::new("r", "ونفذ مسلحون عدة هجمات في مناسبات مختلفة.");
    rasd_text::analyze(&mut doc);
    let rules = EventAnnotator::standard()
        .without_report_model()
        .events(&doc);
    let model = EventAnnotator::standard().events(&doc);
    assert_eq!(rules.len(), model.len());
    assert_ne!(rules[0].confidence, model[0].confidence);
}

#[test]
fn known_protesters_make_an_elaboration() {
    let conf = |t: &str| -> f32 {
        let mut doc = Doc::new("p", t);
        rasd_text::analyze(&mut doc);
        annotate(&mut doc);
        doc.events[0].confidence
    };
    // "the protesters" refer to a protest reported before
    assert!(
        conf("وبعد الظهر اعتصم المتظاهرون في الساحة.") < conf("وبعد الظهر اعتصم الطلاب في الساحة.")
    );
}

#[test]
fn future_talks_stay_consult_and_agreements_are_agree() {
    let c = coded("سيلتقي الوزير السعودي نظيره الروسي في موسكو الأسبوع المقبل.");
    assert!(
        c.iter()
            .any(|(k, a, _, _)| k == "CONSULT" && a.as_deref() == Some("future")),
        "{c:?}"
    );
    let c = coded("سيزور الرئيس الفرنسي الرياض الأسبوع المقبل.");
    assert_eq!((c[0].0.as_str(), c[0].1.as_deref()), ("AGREE", None));
    let c = coded("ووقعت الحكومتان أمس اتفاقية للتعاون الاقتصادي.");
    assert_eq!(c[0].0, "AGREE", "{c:?}");
    // an intention verb is not an event of its own; it sets the future of what it governs
    let c = coded("تعتزم الحكومة إجراء محادثات مع المعارضة.");
    assert!(c.iter().all(|(k, _, _, _)| k != "AGREE"), "{c:?}");
    assert!(c
        .iter()
        .any(|(k, a, _, _)| k == "CONSULT" && a.as_deref() == Some("future")));
}

#[test]
fn hypothetical_negated_and_purpose_scopes() {
    let aux = |t: &str, kind: &str| -> Option<String> {
        coded(t)
            .into_iter()
            .find(|(k, _, _, _)| k == kind)
            .unwrap_or_else(|| panic!("help: no {kind} in {t:?}"))
            .1
    };
    let hyp = Some("hypothetical".to_string());
    assert_eq!(
        aux("لو شن الجيش هجوما على المدينة لسقط مئات القتلى.", "ASSAULT"),
        hyp
    );
    assert_eq!(aux("وقال إن الجماعة قد تهاجم المدينة.", "ASSAULT"), hyp);
    assert_eq!(aux("وكانت القوات ستهاجم المدينة.", "ASSAULT"), hyp);
    assert_eq!(aux("وقد هاجمت القوات المدينة أمس.", "ASSAULT"), None);
    assert_eq!(
        aux("وتسعى واشنطن إلى دفع الطرفين إلى توقيع اتفاق سلام.", "AGREE"),
        hyp
    );
    assert_eq!(
        aux("وقال إنه لا يوجد اتفاق منفصل مع إيران.", "AGREE").as_deref(),
        Some("negation")
    );
    // لـ after a noun is its complement, not a purpose
    assert_eq!(
        aux(
            "وكانت الرياض المحطة الأولى لزيارة الوزير إلى المنطقة.",
            "CONSULT"
        ),
        None
    );
    assert_eq!(aux("وتوجه الوفد إلى جنيف لإجراء محادثات.", "CONSULT"), hyp);
}

#[test]
fn time_comes_from_a_date_in_the_clause() {
    let mut doc = Doc::new("t", "اجتمع الوزيران في زيارة تستغرق ثلاثة أيام.");
    rasd_text::analyze(&mut doc);
    doc.times = vec![Time {
        id: "T1".into(),
        span: find(&doc, "ثلاثة أيام", 0),
        kind: TimeType::Duration,
        value: Some("P3D".into()),
        granularity: "day".into(),
        anchor: "absolute".into(),
        calendar: "gregorian".into(),
    }];
    annotate(&mut doc);
    assert!(
        doc.events.iter().all(|e| e.time.is_none()),
        "{:?}",
        doc.events
    );
}

#[test]
fn apposition_destination_and_shared_subject() {
    // a title in apposition to a name: the named person acts
    let mut doc = Doc::new("a", "ودعا الرئيس الإيراني حسن روحاني إلى الحوار.");
    rasd_text::analyze(&mut doc);
    doc.entities = vec![entity(
        &doc,
        "E1",
        EntityType::Per,
        "حسن روحاني",
        ("IRN", Some("GOV")),
        &[("حسن روحاني", 0)],
    )];
    annotate(&mut doc);
    assert_eq!(doc.events[0].actor, ["E1"], "{:?}", doc.events);
    assert!(doc.events[0].recipient.is_empty());

    // the place after a visit noun is its destination
    let mut doc = Doc::new("v", "وقام ظريف أمس بزيارة العراق.");
    rasd_text::analyze(&mut doc);
    doc.entities = vec![
        entity(
            &doc,
            "E1",
            EntityType::Per,
            "ظريف",
            ("IRN", Some("GOV")),
            &[("ظريف", 0)],
        ),
        entity(
            &doc,
            "E2",
            EntityType::Loc,
            "العراق",
            ("IRQ", None),
            &[("العراق", 0)],
        ),
    ];
    annotate(&mut doc);
    let e = &doc.events[0];
    assert_eq!(
        (e.actor.as_slice(), e.recipient.as_slice()),
        (&["E1".to_string()][..], &["E2".to_string()][..]),
        "{e:?}"
    );

    // a coordinated verb without a subject shares the previous verb's
    let c = {
        let mut doc = Doc::new("c", "اقتحم مسلحون منزل الوزير في بغداد وخطفوا ابنه.");
        rasd_text::analyze(&mut doc);
        annotate(&mut doc);
        doc.events
    };
    let abduct = c
        .iter()
        .find(|e| e.mode.as_deref() == Some("abduct"))
        .unwrap();
    assert_eq!(abduct.actor_codes, ["UAF"]);
}

#[test]
fn scripture_citations_are_not_events() {
    for t in [
        "وقال تعالى: ومن يقتل مؤمنا متعمدا فجزاؤه جهنم.",
        "وفي الآية ﴿ ومن يقتل مؤمنا متعمدا ﴾ وعيد شديد.",
        "وقال النبي صلى الله عليه وسلم: لا تقتلوا امرأة.",
    ] {
        assert!(coded(t).is_empty(), "help: {t:?} gave {:?}", coded(t));
    }
    assert!(!coded("ومن يقتل مؤمنا متعمدا يعاقب.").is_empty());
    // a formula of blessing does not open a citation
    assert!(!coded("سيزور الوزير بمشيئة الله تعالى القاهرة غدا.").is_empty());
}

/// The ASSAULT events of `text` with the recipient codes, after `entities`.
fn assault_recipients(text: &str, places: &[(&str, &str)]) -> Vec<Vec<String>> {
    let mut doc = Doc::new("a", text);
    rasd_text::analyze(&mut doc);
    doc.entities = places
        .iter()
        .enumerate()
        .map(|(i, (name, country))| {
            entity(
                &doc,
                &format!("E{}", i + 1),
                EntityType::Loc,
                name,
                (country, None),
                &[(name, 0)],
            )
        })
        .collect();
    annotate(&mut doc);
    doc.events
        .iter()
        .filter(|e| e.kind == "ASSAULT")
        .map(|e| e.recipient_codes.clone())
        .collect()
}

#[test]
fn counted_victims_are_the_recipients() {
    // a number, a number word or a partitive between trigger and victims
    for t in [
        "وأعلنت الشرطة مقتل سبعة مدنيين في الانفجار.",
        "وأعلنت الشرطة مقتل 7 مدنيين في الانفجار.",
        "وأعلنت الشرطة مقتل أربعة من المدنيين في الانفجار.",
        "وقتل المسلحون عشرات المدنيين في القرية.",
    ] {
        let r = assault_recipients(t, &[]);
        assert!(r.iter().any(|c| c == &["CVL"]), "help: {t:?} gave {r:?}");
    }
}

#[test]
fn an_attack_on_a_place_targets_its_country() {
    let r = assault_recipients(
        "وانفجرت سيارة مفخخة في بعقوبة أمس ما أسفر عن أضرار كبيرة.",
        &[("بعقوبة", "IRQ")],
    );
    assert_eq!(r, [["IRQ"]]);
    // a named or nominal victim stays the recipient (civilians killed in
    // Baqubah are Iraqi civilians)
    let r = assault_recipients(
        "وأعلنت الشرطة مقتل سبعة مدنيين في بعقوبة.",
        &[("بعقوبة", "IRQ")],
    );
    assert!(r.iter().all(|c| c == &["IRQCVL"]), "{r:?}");
}

#[test]
fn quantity_lexicon_is_sorted_unique_and_normalised() {
    let words: Vec<&str> = include_str!("../../../data/lexicons/event_quantity.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(words.windows(2).all(|w| w[0] < w[1]), "help: sort the file");
    for w in words {
        assert_eq!(rasd_text::normalize_key(w), w);
    }
}

#[test]
fn peoples_and_subjects_inside_the_trigger_are_actors() {
    let actors = |t: &str| -> Vec<Vec<String>> {
        let mut doc = Doc::new("p", t);
        rasd_text::analyze(&mut doc);
        annotate(&mut doc);
        doc.events
            .iter()
            .filter(|e| e.kind == "PROTEST")
            .map(|e| e.actor_codes.clone())
            .collect()
    };
    // a plural nationality after a count or a verb is a people
    assert_eq!(
        actors("تظاهر آلاف الإسرائيليين مساء أمس في تل أبيب.")[0],
        ["ISR"]
    );
    // the subject of a multiword trigger ("خرج متظاهرون")
    assert_eq!(
        actors("وخرج متظاهرون من المساجد ينددون بالقرار.")[0],
        ["CVL"]
    );
}

#[test]
fn passive_victims_and_adjectives_are_not_actors() {
    let roles = |t: &str| -> Vec<(Vec<String>, Vec<String>)> {
        let mut doc = Doc::new("v", t);
        rasd_text::analyze(&mut doc);
        annotate(&mut doc);
        doc.events
            .iter()
            .filter(|e| e.kind == "ASSAULT")
            .map(|e| (e.actor_codes.clone(), e.recipient_codes.clone()))
            .collect()
    };
    // unvocalised قتل with unnamed people after it: they were killed
    let r = roles("قتل سبعة أشخاص أمس في انفجار عبوة ناسفة.");
    assert!(
        r.iter().any(|(a, p)| a.is_empty() && p == &["CVL"]),
        "{r:?}"
    );
    // "هجوم انتحاري": the nisba is the noun's adjective, not its patient
    let r = roles("وأسفر هجوم انتحاري أمس عن مقتل جنديين.");
    assert!(r.iter().all(|(_, p)| p != &["UAF"]), "{r:?}");
}

#[test]
fn idioms_and_festivals_are_no_protests() {
    for t in [
        "وتشارك فرق عدة ضمن تظاهرة المسرح العربي في المهرجان.",
        "وقد صدم هذا الأمر الحكومة التي اعتصمت بالصمت.",
        "ودعا إلى ملاقاة المعارضة لقطع الطريق على الفتنة.",
    ] {
        assert!(
            coded(t).iter().all(|(k, _, _, _)| k != "PROTEST"),
            "help: {t:?} gave {:?}",
            coded(t)
        );
    }
    // the protest senses stay
    assert!(coded("واعتصم العمال أمام مقر الشركة أمس.")
        .iter()
        .any(|(k, _, _, _)| k == "PROTEST"));
}

#[test]
fn agreeing_adjectives_lead_to_the_nationality() {
    let mut doc = Doc::new("a", "قصفت طائرات حربية تركية مواقع للمسلحين أمس.");
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let e = event_in(&doc, "ASSAULT");
    assert_eq!(e.actor_codes, ["TURMIL"]);
    // a noun that does not agree starts the next noun phrase
    let mut doc = Doc::new("b", "هاجم مسلحون دورية للشرطة العراقية.");
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    assert_eq!(doc.events[0].actor_codes, ["UAF"]);
}

/// The ASSAULT candidates of `text`: (trigger, mode).
fn assaults(text: &str) -> Vec<(String, Option<String>)> {
    let mut doc = Doc::new("t", text);
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    doc.events
        .iter()
        .filter(|e| e.kind == "ASSAULT")
        .map(|e| (doc.slice(e.trigger).to_string(), e.mode.clone()))
        .collect()
}

#[test]
fn a_killing_reported_with_its_attack_is_the_attack() {
    // the killing, then the attack after في (adjacent or not)
    assert_eq!(
        assaults("قتل 28 مدنيا في قصف جوي لطائرات النظام على محافظة حلب اليوم."),
        [("قصف جوي".to_string(), Some("aerial".to_string()))]
    );
    // a killing, a wounding by bullets and the attack: one event, which
    // takes the instrument's mode
    let v = assaults("قتل شرطي وأصيب آخر بالرصاص اليوم في هجوم نفذه ملثمون في المدينة.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0], ("هجوم".to_string(), Some("firearms".to_string())));
    // the attack, then its result
    let v = assaults("وقع هجوم على مسجد في المدينة أسفر عن مقتل أربعة أشخاص.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "هجوم");
}

#[test]
fn a_noun_of_means_after_the_attack_gives_its_mode() {
    // "استهدافهما بغارات": the targeting, by air strikes
    let v = assaults("وتهدم جسران في المحافظة جراء استهدافهما بغارات من طائرات حربية.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0], ("استهدافهما".to_string(), Some("aerial".to_string())));
    // the verbal noun of استهدف is an attack, in its sense only
    let v = assaults("وقال المرصد إن الفصائل استأنفت أمس استهداف مناطق في الفوعة.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(assaults("وتهدف الحملة إلى استهداف الشباب في المدارس.").is_empty());
}

#[test]
fn destroying_property_is_an_attack_and_yields_to_the_means() {
    // destruction of military or civil property, counted or named
    let v = assaults("وتمكنت القوات من تدمير 16 آلية لميليشيات الحوثي.");
    assert_eq!(v, [("تدمير".to_string(), Some("destroy".to_string()))]);
    let v = assaults("وأقدمت قوات الأمن على هدم مسجد السنة في المدينة.");
    assert_eq!(v, [("هدم".to_string(), Some("destroy".to_string()))]);
    // no destruction of abstractions, no natural disaster
    assert!(assaults("ويريدون تدمير الاقتصاد الوطني.").is_empty());
    assert!(assaults("ودمر الزلزال 24 منزلا في القرية.").is_empty());
    // the strike that destroyed: one event, the strike's mode
    let v = assaults("وفي منطقة صرواح دمرت غارة جوية عربة عسكرية محملة بالأسلحة.");
    assert_eq!(v, [("غارة".to_string(), Some("aerial".to_string()))]);
    // killed by bullets: the bullets name the means
    let v = assaults("وقالت المصادر إن ستة مسلحين قتلوا برصاص الشرطة.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1.as_deref(), Some("firearms"), "{v:?}");
}

#[test]
fn taking_territory_is_a_seizure_and_holding_it_is_not() {
    let seized = |t: &str| reported_count(t, "COERCE");
    assert_eq!(seized("وسيطرت قوات المقاومة على مديرية دار سعد."), 1);
    // the place seized anchors the noun
    let text = "وتمكنت المقاومة الشعبية من السيطرة على مدينة جعار.";
    let doc = annotated_with(text, &[(EntityType::Loc, "جعار", ("YEM", None))]);
    let ev = event_in(&doc, "COERCE");
    assert_eq!(ev.location.as_deref(), Some("E1"), "{ev:?}");
    assert!(ev.confidence >= crate::eval::DETECTION_THRESHOLD, "{ev:?}");
    // a fire, a match, a state of control, control lost
    assert_eq!(seized("وسيطرت فرق الدفاع المدني على حريق في مبنى."), 0);
    assert_eq!(seized("وسيطر النصر على المباراة."), 0);
    assert_eq!(
        seized("وخطفوا الفنانين أثناء سيطرتهم على العاصمة صنعاء."),
        0
    );
    assert_eq!(seized("وفقد الحوثيون السيطرة على المدينة."), 0);
}

#[test]
fn stopping_people_is_an_arrest_and_stopping_work_is_not() {
    let arrests = |t: &str| reported_count(t, "COERCE");
    assert_eq!(arrests("وأوقفت الشرطة ثلاثة أشخاص في المدينة."), 1);
    assert_eq!(
        arrests("وأوقفت دورية من مخابرات الجيش المواطن فرحات علي."),
        1
    );
    assert_eq!(arrests("وأوقفت السلطات العمل بالقرار."), 0);
    // unvocalised and passive: the people counted after it were arrested
    let ev = first_of(
        "وقال الوزير: حاليا أوقف 590 شخصا مرتبطين بالتنظيم.",
        "COERCE",
    );
    assert!(ev.actor_codes.is_empty(), "{ev:?}");
    assert_eq!(ev.recipient_codes, ["CVL"], "{ev:?}");
    assert_eq!(
        arrests("واستأنف المطار حركة الطيران بعد توقف دام أربعة أشهر."),
        0
    );
}

#[test]
fn a_court_ruling_a_sentence_is_a_conviction() {
    assert!(reported(
        "وقضت محكمة جنايات القاهرة أمس بإعدام 11 متهما.",
        "SANCTION"
    ));
    assert!(reported("وقضت المحكمة بسجن المتهم خمس سنوات.", "SANCTION"));
    assert_none_reported(&[
        ("وقضى المتهم خمس سنوات في السجن قبل الإفراج عنه.", "SANCTION"),
        ("وتقضي المادة بسجن المخالف سنة.", "SANCTION"),
    ]);
}

#[test]
fn praising_participles_are_support() {
    assert!(reported(
        "وأكد الوزير ذلك، مشيدا بجهود المملكة في دعم اليمن.",
        "SUPPORT"
    ));
    assert!(reported(
        "ودعا الوزير إلى الاستثمار، مثمنا الدور الخليجي في دعم الأردن.",
        "SUPPORT"
    ));
    // praise of an idea, a greeting
    assert_none_reported(&[
        (
            "وتحدث الوكيل مع الأيتام مشيدا بفكرة تشييد الدور الاجتماعية.",
            "SUPPORT",
        ),
        ("وقال المدير: مرحبا بكم في الرياض.", "SUPPORT"),
    ]);
}

#[test]
fn a_killing_coordinated_with_its_attack_is_the_attack() {
    // the same agent's attack and killing in one clause: one event
    let v = assaults("فجر انتحاري حزامه الناسف في مسجد في المدينة وقتل 26 من المصلين.");
    assert_eq!(v.len(), 1, "{v:?}");
    // a killing after a clause break stays its own event
    let v =
        assaults("قصفت طائرات حربية مواقع للمسلحين في الشمال، وقتل مسلحون ثلاثة جنود في الجنوب.");
    assert_eq!(v.len(), 2, "{v:?}");
}

#[test]
fn sport_and_entertainment_are_no_political_relations() {
    // a coach's request, a club's refusal, a singer's promise, a player's meeting
    assert_none_reported(&[
        (
            "وطالب المدرب اللاعبين بضرورة بذل أقصى الجهد قبل المباراة.",
            "REQUEST",
        ),
        ("ورفض النادي النرويجي الاستغناء عن اللاعب.", "REJECT"),
        (
            "وأطلق الفنان أغنية جديدة بعد أن وعد جمهوره بتصويرها.",
            "AGREE",
        ),
        ("واجتمع رئيس النادي باللاعبين قبل المغادرة.", "CONSULT"),
    ]);
    // the same words among political actors
    assert!(reported(
        "وطالب الوزير الحكومة بضرورة بذل أقصى الجهد.",
        "REQUEST"
    ));
    assert!(reported("ورفض الوزير الاقتراح الأميركي أمس.", "REJECT"));
    // violence stays an event wherever it happens
    assert!(reported(
        "قتل ثلاثة أشخاص في انفجار سيارة مفخخة قرب الملعب أمس.",
        "ASSAULT"
    ));
}

#[test]
fn relations_in_a_sports_article_are_no_political_relations() {
    // the last sentence has no sport word of its own; the article does
    let sport = "فاز الهلال على النصر بهدفين دون رد في المباراة التي جمعت الفريقين على ملعب الملك فهد في ديربي الدوري السعودي، وسجل المهاجم الهدف الأول في الشوط الأول من ركلة جزاء، وأضاف زميله الهدف الثاني في الشوط الثاني، وأشاد المدرب بأداء اللاعبين والجماهير التي ملأت المدرجات. ";
    let last = "وطالب رئيس الاتحاد بتأجيل الموعد إلى الأسبوع المقبل.";
    assert!(!reported(&format!("{sport}{last}"), "REQUEST"));
    // the same sentence in a political article
    let politics = "عقد مجلس الوزراء جلسته الأسبوعية برئاسة رئيس الحكومة وناقش مشروع الموازنة العامة للدولة وقرارات الحكومة بشأن الإصلاحات الاقتصادية والسياسية، كما بحث الوزراء الأوضاع الأمنية في البلاد والعلاقات مع الدول المجاورة. ";
    assert!(reported(&format!("{politics}{last}"), "REQUEST"));
}

#[test]
fn a_business_article_needs_a_political_party_for_a_relation() {
    let business = "ارتفع مؤشر سوق الأسهم السعودية في ختام تعاملات الأسبوع بدعم من أسهم المصارف والبتروكيماويات، وبلغت قيمة التداولات نحو ستة مليارات ريال، فيما سجلت أسعار النفط ارتفاعا طفيفا في الأسواق العالمية، وتوقع المحللون أن تواصل الأسهم صعودها مع إعلان نتائج الشركات الفصلية وأرباحها. ";
    // a company's agreement with a bank
    let business = format!("{business}{business}");
    let t = format!("{business}ووقعت الشركة اتفاقية مع البنك الأهلي لتمويل المشروع.");
    assert!(!reported(&t, "AGREE"), "{:?}", coded(&t));
    // a ministry's agreement is still a relation
    let t = format!("{business}ووقعت وزارة المالية اتفاقية مع البنك الأهلي لتمويل المشروع.");
    assert!(reported(&t, "AGREE"), "{:?}", coded(&t));
}

#[test]
fn a_nationality_adjective_names_the_country_that_acts() {
    let codes = |t: &str| each_event(t, |e| (e.kind.clone(), e.actor_codes.clone()));
    // (an air strike's: the country's armed forces)
    let v = codes("وقعت غارة أميركية على حاجز للجيش أمس.");
    assert!(
        v.contains(&("ASSAULT".into(), vec!["USAMIL".into()])),
        "{v:?}"
    );
    // after another adjective, and over an unnamed subject further away
    let v = codes("سقط ضحايا مدنيون جراء الغارات الجوية التركية على القرية.");
    assert!(
        v.contains(&("ASSAULT".into(), vec!["TURMIL".into()])),
        "{v:?}"
    );
    // another attack: the country alone
    let v = codes("وقع هجوم إسرائيلي على القرية أمس.");
    assert!(v.contains(&("ASSAULT".into(), vec!["ISR".into()])), "{v:?}");
    // a title's region gives the country of an unnamed actor: "أمير منطقة
    // نجران" (a Saudi place) is SAUGOV, and the place is no recipient
    let mut doc = Doc::new("t", "ونوه أمير منطقة نجران بجهود رجال الأمن.");
    rasd_text::analyze(&mut doc);
    let najran = find(&doc, "نجران", 0);
    doc.entities = vec![Entity {
        id: "E1".into(),
        kind: EntityType::Loc,
        name: "نجران".into(),
        name_en: None,
        country: Some("SAU".into()),
        sector: None,
        roles: vec![],
        mentions: vec![najran],
    }];
    annotate(&mut doc);
    let e = event_in(&doc, "SUPPORT");
    assert_eq!(e.actor_codes, ["SAUGOV"], "{e:?}");
    assert!(e.recipient.is_empty(), "{e:?}");
    // a place after a definite head is its object, not its country
    let v = codes("واتهم الوزير إسرائيل بارتكاب جرائم حرب.");
    assert!(v.contains(&("ACCUSE".into(), vec!["GOV".into()])), "{v:?}");
    // the charge right after the verb: the passive, the subject is accused
    let recipients =
        |t: &str| each_event(t, |e| (e.actor_codes.clone(), e.recipient_codes.clone()));
    let v = recipients("وأن غالبية الأطفال المعتقلين يتهمون بإلقاء الحجارة.");
    assert_eq!(v, [(vec![], vec!["CVL".to_string()])], "{v:?}");
    // an armed attack: gunmen act, the policemen killed are the recipients
    let mut doc = Doc::new("t", "قتل شرطي في هجوم مسلح على سيارة للشرطة.");
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let e = event_in(&doc, "ASSAULT");
    assert_eq!(e.actor_codes, ["UAF"], "{e:?}");
    assert!(!e.recipient_codes.contains(&"UAF".to_string()), "{e:?}");
    // a people's noun is the victim, not the actor
    let v = codes("وأسفر الهجوم عن مقتل عراقيين في المدينة.");
    assert!(
        !v.iter().any(|(_, a)| a == &vec!["IRQ".to_string()]),
        "{v:?}"
    );
}

#[test]
fn a_relation_verb_with_no_party_is_generic() {
    // no actor, no recipient: an impersonal or generic act
    assert_none_reported(&[
        (
            "وتأجيل الاختبارات ليس في صالحهم، بل يهدد مستقبلهم.",
            "THREATEN",
        ),
        ("ومن الظلم أن نتهم الشباب على الدوام.", "ACCUSE"),
        (
            "وتسهم في تطوير النشاط الاقتصادي ودعم نسب التوطين.",
            "SUPPORT",
        ),
    ]);
    // the same verbs with a party
    assert!(reported(
        "وهدد الرئيس الأميركي إيران بعقوبات جديدة.",
        "THREATEN"
    ));
    assert!(reported(
        "واتهمت وزارة الخارجية الروسية واشنطن بالتدخل.",
        "ACCUSE"
    ));
}

#[test]
fn a_participle_takes_its_object_before_its_complement() {
    // "مطالبين الوزير بالتدخل": the بـ complement after the addressee
    assert!(reported(
        "وقال الأهالي إن المشروع لم ينفذ، مطالبين الوزير بالتدخل العاجل.",
        "REQUEST"
    ));
    // نوه بـ (praised) is SUPPORT; نوه إلى (pointed out) is not
    assert!(reported(
        "ونوه وزير الداخلية بجهود رجال الأمن في حماية الحجاج.",
        "SUPPORT"
    ));
    assert!(!reported(
        "ونوه وزير الداخلية إلى أن الخطة تبدأ غدا.",
        "SUPPORT"
    ));
}

#[test]
fn a_bare_verbal_noun_follows_the_verbs_sense() {
    // "رفض" with a subject between it and "ذكر اسمه": declining to be named
    assert_none_reported(&[
        ("كما رفض حسن ذكر اسمه خوفا من الملاحقة.", "REJECT"),
        ("ورفض مسؤول التعليق على التقرير.", "REJECT"),
    ]);
}

#[test]
fn nouns_spelt_like_verb_forms_are_no_triggers() {
    // "اليدين" hands (not يدين condemns), "البحث العلمي" research (not talks),
    // "ظلماً وعدواناً" aggression (not وعدوا+نا they promised us)
    assert_none_reported(&[
        ("وأصيب عامل بحروق في اليدين والصدر.", "ACCUSE"),
        ("وأكد أهمية البحث العلمي في الجامعات.", "CONSULT"),
        ("قتلوا الأبرياء ظلماً وعدواناً.", "AGREE"),
    ]);
    // the verb forms themselves
    assert!(reported("وعدوا الوزير بإصلاح الطريق.", "AGREE"));
    assert!(reported("يدين الوزير الهجوم على السفارة.", "ACCUSE"));
}

#[test]
fn considering_demand_and_accordance_are_no_promise_request_or_agreement() {
    assert_none_reported(&[
        ("وعد ذلك عدوانا إرهابيا على الوطن.", "AGREE"),
        ("وارتفع الطلب على النفط الخام في آسيا.", "REQUEST"),
        ("وتعمل الشركة بما يتفق مع الأنظمة المرعية.", "AGREE"),
        ("وتنتظر الشركة موافقة الوزارة على المشروع.", "AGREE"),
    ]);
    assert!(reported("ووعد الرئيس بإجراء انتخابات مبكرة.", "AGREE"));
}

#[test]
fn visiting_a_hospital_or_a_project_is_no_diplomatic_visit() {
    assert_none_reported(&[
        (
            "وزار محافظ المدينة بالنيابة مستشفى الملك سعود للاطمئنان على المرضى.",
            "CONSULT",
        ),
        ("وقام وكيل الإمارة بزيارة مفاجئة للمشروع أمس.", "CONSULT"),
    ]);
    assert!(reported("وزار وزير الخارجية الروسي الرياض أمس.", "CONSULT"));
    // a private person's visit is no diplomatic one
    let t = "وزارت امرأة سوريا قبل عام.";
    assert!(!reported(t, "CONSULT"), "{:?}", coded(t));
}

#[test]
fn trials_doubts_and_instruments() {
    // a trial is an accusation; "بموجب اتفاق" names an instrument, not an agreement
    let t = "وسيحاكم الرئيس السابق أمام محكمة خاصة أنشأها الاتحاد بموجب اتفاق مع السنغال.";
    assert!(reported(t, "ACCUSE"), "{:?}", coded(t));
    assert!(!reported(t, "AGREE"), "{:?}", coded(t));
    let t = "وشكك السيناتور في نوايا إيران حول الاتفاق النووي.";
    assert!(reported(t, "ACCUSE"), "{:?}", coded(t));
}

#[test]
fn a_call_to_applicants_is_a_notice() {
    let t = "ودعت الجامعة المقبولين إلى مراجعة عمادة القبول يوم الأحد.";
    assert!(!reported(t, "REQUEST"), "{:?}", coded(t));
    // past a long subject
    let t = "دعت إدارة التعليم بمحافظة المخواة جميع المرشحين للوظائف إلى مراجعة الإدارة.";
    assert!(!reported(t, "REQUEST"), "{:?}", coded(t));
    assert!(reported(
        "ودعت الحكومة المجتمع الدولي إلى التدخل.",
        "REQUEST"
    ));
}

#[test]
fn a_courts_conviction_is_a_sanction() {
    let c = coded("وأدانت المحكمة المتهم بالمشاركة في القتال وقضت بسجنه عشر سنوات.");
    assert!(c.iter().any(|(k, _, _, _)| k == "SANCTION"), "{c:?}");
    assert!(c.iter().all(|(k, _, _, _)| k != "ACCUSE"), "{c:?}");
    // a condemnation stays one
    assert!(reported(
        "وأدان الوزير الهجوم الإرهابي على المسجد.",
        "ACCUSE"
    ));
}

#[test]
fn a_place_named_like_a_verb_is_no_trigger() {
    // تشاد Chad / تُشاد is praised; وعدن and Aden / وعدن they promised
    let text = "ووصل الوزير إلى تشاد أمس. وتشهد تعز وعدن مواجهات عنيفة.";
    let mut doc = Doc::new("p", text);
    rasd_text::analyze(&mut doc);
    let places = [
        entity(
            &doc,
            "E1",
            EntityType::Loc,
            "تشاد",
            ("TCD", None),
            &[("تشاد", 0)],
        ),
        entity(
            &doc,
            "E2",
            EntityType::Loc,
            "عدن",
            ("YEM", None),
            &[("عدن", 0)],
        ),
    ];
    doc.entities = places.to_vec();
    annotate(&mut doc);
    let kinds: Vec<&str> = doc
        .events
        .iter()
        .filter(|e| e.confidence >= crate::DEFAULT_MIN_CONFIDENCE)
        .map(|e| e.kind.as_str())
        .collect();
    assert!(
        !kinds.contains(&"SUPPORT") && !kinds.contains(&"AGREE"),
        "{kinds:?}"
    );
}

#[test]
fn a_killing_without_a_link_to_an_attack_stays_an_event() {
    // the security forces' killing and an older attack are two events
    let v = assaults("قالت الوزارة إن قوات الأمن قتلت اليوم مسلحا بعد هجوم على سياح الشهر الماضي.");
    let triggers: Vec<&str> = v.iter().map(|(t, _)| t.as_str()).collect();
    assert!(triggers.contains(&"قتلت"), "{v:?}");
}

#[test]
fn a_definite_protest_noun_is_a_protest_known_already() {
    let reported = |t: &str| {
        coded(t)
            .iter()
            .any(|(k, aux, pass, _)| k == "PROTEST" && aux.is_none() && *pass)
    };
    // what the protest did, who led it: no new protest
    assert!(!reported(
        "وقاد المظاهرة أمس الأمين العام للحزب وعدد من قياداته."
    ));
    assert!(!reported(
        "وأكد مدير الشرطة أن المظاهرات جرت بحرية تامة في المدينة."
    ));
    // a possessed protest noun is definite; a relational adjective names a kind
    assert!(!reported("وقال المتحدث إن تظاهراتنا كانت سلمية دائما."));
    assert!(!reported(
        "ووضع المحلل الخطوة في سياق احتجاجي موجه إلى الحكومة."
    ));
    // protesters nobody names are civilians
    let mut doc = Doc::new("c", "تظاهر الآلاف أمس أمام البرلمان احتجاجا على الغلاء.");
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let p = event_in(&doc, "PROTEST");
    assert_eq!(p.actor_codes, ["CVL"]);
    // after قام the verbal noun with بـ is the predicate: its article is grammatical
    assert!(reported(
        "وقام عشرات العمال بالاعتصام أمام مقر الشركة للمطالبة برواتبهم."
    ));
    // an indefinite protest noun or a protest verb reports one
    assert!(reported("ونظم طلاب الجامعة مظاهرة أمس أمام مقر الوزارة."));
    assert!(reported("تظاهر آلاف الطلاب أمس أمام البرلمان."));
}

#[test]
fn generic_past_and_official_protests_are_no_current_protests() {
    // "any demonstration" is no demonstration; decades ago is historical
    let c = coded("وقال إن هناك شروطا لإقامة أية مظاهرة في العاصمة.");
    assert!(
        c.iter()
            .all(|(k, aux, pass, _)| k != "PROTEST" || aux.is_some() || !pass),
        "{c:?}"
    );
    let c = coded("وقبل عامين سارت مظاهرات في المدينة بسبب الرسوم.");
    assert!(
        c.iter()
            .any(|(k, aux, _, _)| k == "PROTEST" && aux.as_deref() == Some("historical")),
        "{c:?}"
    );
    // a government's official protest is an accusation, not a demonstration
    let c = coded("احتجت مصر رسميا أمس لدى إيران على سماح السلطات بالتجمع.");
    assert!(
        c.iter()
            .any(|(k, _, _, t)| k == "ACCUSE" && t.starts_with("احتجت")),
        "{c:?}"
    );
    assert!(
        c.iter()
            .all(|(k, _, _, t)| !(k == "PROTEST" && t.starts_with("احتجت"))),
        "{c:?}"
    );
}

#[test]
fn protesters_gathering_pelting_or_forming_a_chain_protest() {
    for (t, mode) in [
        ("وتجمع نحو 500 متظاهر أمس في محيط المحكمة العليا.", "demo"),
        (
            "ورشق مئات المتظاهرين قوات الأمن بالحجارة في وسط المدينة.",
            "riot",
        ),
        ("وشكل مئات المحتجين سلسلة بشرية حول المطار أمس.", "demo"),
    ] {
        let mut doc = Doc::new("p", t);
        rasd_text::analyze(&mut doc);
        annotate(&mut doc);
        assert!(
            doc.events.iter().any(|e| e.kind == "PROTEST"
                && e.mode.as_deref() == Some(mode)
                && e.confidence >= crate::DEFAULT_MIN_CONFIDENCE),
            "{t}: {:?}",
            doc.events
        );
    }
}

#[test]
fn a_multiword_protest_trigger_holds_its_subject() {
    let mut doc = Doc::new(
        "t",
        "ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة في وسط المدينة.",
    );
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let p = event_in(&doc, "PROTEST");
    assert_eq!(
        (&p.actor_codes[..], &p.recipient_codes[..]),
        (&["CVL".to_string()][..], &["COP".to_string()][..]),
        "{p:?}"
    );
}

#[test]
fn a_protest_is_against_its_target() {
    let mut doc = Doc::new(
        "t",
        "وخرج آلاف المتظاهرين إلى الشوارع أمس احتجاجا على قرار الحكومة رفع الأسعار.",
    );
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let p = event_in(&doc, "PROTEST");
    assert_eq!(p.recipient_codes, ["GOV"], "{p:?}");
    let mut doc = Doc::new("t", "وتظاهر مئات الطلاب في العاصمة وهتفوا ضد الحكومة.");
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let p = event_in(&doc, "PROTEST");
    assert_eq!(p.recipient_codes, ["GOV"], "{p:?}");
}

#[test]
fn the_organiser_of_a_protest_is_its_actor() {
    let mut doc = Doc::new(
        "t",
        "وفرقت الشرطة مستخدمة الغاز المسيل للدموع مظاهرة نظمها حزب البعث في العاصمة.",
    );
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    let p = event_in(&doc, "PROTEST");
    assert!(!p.actor_codes.iter().any(|c| c.ends_with("COP")), "{p:?}");
    assert!(!p.actor_codes.is_empty() || !p.actor.is_empty(), "{p:?}");
}

#[test]
fn sorties_are_air_attacks() {
    let v = assaults("ونفذت طائرات سلاح الجو طلعات هجومية على عدة محاور في المدينة.");
    assert!(
        v.iter()
            .any(|(t, m)| t.starts_with("طلعات") && m.as_deref() == Some("aerial")),
        "{v:?}"
    );
}

/// One candidate: category, trigger text, confidence, actor and recipient codes.
type Candidate = (String, String, f32, Vec<String>, Vec<String>);

/// The candidates of `text` (rules only).
fn candidates(text: &str) -> Vec<Candidate> {
    let mut doc = Doc::new("t", text);
    rasd_text::analyze(&mut doc);
    annotate(&mut doc);
    doc.events
        .iter()
        .map(|e| {
            (
                e.kind.clone(),
                doc.slice(e.trigger).to_string(),
                e.confidence,
                e.actor_codes.clone(),
                e.recipient_codes.clone(),
            )
        })
        .collect()
}

/// Whether `v` holds an event of `kind` reported (confidence ≥ 0.5).
fn any_reported(v: &[Candidate], kind: &str) -> bool {
    v.iter().any(|(k, _, c, _, _)| k == kind && *c >= 0.5)
}

#[test]
fn a_light_verb_states_the_event_of_its_noun() {
    // perfect passive, expression, renewal: the noun is the predicate
    assert_reported("COERCE", &["وأضاف أنه تم القبض على ثلاثة أشخاص."]);
    assert_reported(
        "ACCUSE",
        &["وأعرب مجلس الوزراء عن استنكاره للحادث الإجرامي."],
    );
    assert_reported("SUPPORT", &["وأبدى الوزير ترحيبه بالمبادرة."]);
    // a hoped-for agreement (imperfect passive after أن) and an
    // inspector's visit (passive, nobody named) are no reports
    assert_no_report("AGREE", &["وأعرب عن أمله في أن يتم التوصل إلى اتفاق."]);
    assert_no_report(
        "CONSULT",
        &[
            "وفي اليوم التالي تمت زيارة ثلاثين مريضة من قسم الباطنية.",
            // "وجرى خلال اللقاء بحث …": جرى governs بحث, not the meeting
            "وجرى خلال اللقاء استعراض العلاقات الثنائية.",
        ],
    );
}

#[test]
fn a_circumstantial_participle_is_done_by_the_main_subject() {
    let v = candidates("وأدان الوزير الهجوم، داعيا الحكومة العراقية إلى التحقيق.");
    let r = v.iter().find(|e| e.0 == "REQUEST" && e.1 == "داعيا");
    let r = r.unwrap_or_else(|| panic!("{v:?}"));
    assert!(r.2 >= 0.5, "{r:?}");
    assert_eq!(r.3, ["GOV"], "{r:?}");
    assert_eq!(r.4, ["IRQGOV"], "{r:?}");
    // a prayer, and a call on nobody in particular, are no requests
    assert_no_report(
        "REQUEST",
        &[
            "وتجمع المواطنون داعين الله أن يحفظ البلاد.",
            "وأشار إلى زيادة الودائع، داعيا إلى أهمية الاستفادة منها.",
        ],
    );
}

#[test]
fn a_multiword_verb_trigger_may_hold_its_subject() {
    let v = candidates("وأطلقت السلطات سراح خمسة معتقلين.");
    let r = v
        .iter()
        .find(|e| e.0 == "RETREAT")
        .unwrap_or_else(|| panic!("{v:?}"));
    assert!(r.1.starts_with("وأطلقت") && r.1.ends_with("سراح"), "{r:?}");
    assert!(r.2 >= 0.5, "{r:?}");
    assert_reported("COERCE", &["وألقت الشرطة القبض على ثلاثة مشتبه بهم."]);
}

/// Asserts that no sentence of `sentences` reports an event of `kind`.
fn assert_no_report(kind: &str, sentences: &[&str]) {
    for s in sentences {
        let v = candidates(s);
        assert!(!any_reported(&v, kind), "{s} {v:?}");
    }
}

/// Asserts that every sentence of `sentences` reports an event of `kind`.
fn assert_reported(kind: &str, sentences: &[&str]) {
    for s in sentences {
        let v = candidates(s);
        assert!(any_reported(&v, kind), "{s} {v:?}");
    }
}

/// Asserts that every sentence of `sentences` has a candidate of `kind`.
fn assert_candidate(kind: &str, sentences: &[&str]) {
    for s in sentences {
        let v = candidates(s);
        assert!(v.iter().any(|e| e.0 == kind), "{s} {v:?}");
    }
}

#[test]
fn the_bare_present_of_agreeing_is_no_agreement() {
    // an opinion or a correspondence, not an agreement
    assert_no_report(
        "AGREE",
        &[
            "ويتفق أستاذ علم الاجتماع مع هذا الرأي.",
            "وهذا لا يتعارض بل يتفق مع معايير العمل.",
            "والذكرى توافق العاشر من أكتوبر.",
            "ونتفق جميعا على أن الإرهاب لا دين له.",
        ],
    );
    // the perfect, the negated past and the future report agreements
    assert_candidate(
        "AGREE",
        &[
            "واتفق الجانبان على استئناف المفاوضات.",
            "واتفقت الدولتان على تبادل السفراء.",
            "ووافقت الحكومة على الخطة أمس.",
            "ولم يوافق البرلمان على الاتفاق.",
            "وسيوافق البرلمان على الاتفاق الأسبوع المقبل.",
        ],
    );
}

#[test]
fn unvocalised_rhl_is_a_journey_or_a_death_unless_people_are_deported() {
    // رحلة (a journey), رحل (departed, died): no deportation
    assert_no_report(
        "COERCE",
        &[
            "وقال إن رحلته إلى الحج استغرقت أسبوعين.",
            "رحل الشاعر عن عالمنا أمس بعد مرض.",
            "وأكملت الطائرة رحلتها وهبطت في باريس.",
        ],
    );
    assert_reported(
        "COERCE",
        &["ورحلت السلطات التركية مئات المهاجرين غير الشرعيين."],
    );
}

#[test]
fn searching_and_asking_not_to_be_named_are_no_events() {
    assert_no_report("CONSULT", &["والدفاع المدني ما زال يبحث عن جثتها."]);
    assert_no_report(
        "REQUEST",
        &["وقال مسؤول عسكري طلب عدم الكشف عن هويته إن الهجوم فشل."],
    );
}

#[test]
fn renouncing_a_value_is_no_rejection() {
    // نبذ (renouncing violence, hatred, division) states a value, not the
    // rejection of a proposal
    assert_no_report(
        "REJECT",
        &["وأكد الأزهر أن الشريعة تنبذ أشكال العنف والإرهاب كافة."],
    );
}

#[test]
fn the_verbal_noun_of_support_after_a_preposition_is_no_event() {
    // "في ظل دعم", "على دعمه", "مواصلة دعم": a policy or a courtesy, not
    // a statement of support
    assert_no_report(
        "SUPPORT",
        &[
            "وشكر الحضور أمير المنطقة على دعمه للأعمال التطوعية.",
            "وأكد على مواصلة دعم هذا المنتدى.",
        ],
    );
    assert_candidate("SUPPORT", &["ودعم الرئيس الأمريكي المبادرة الفرنسية أمس."]);
}

/// Entities (name, kind, country, sector) of `doc`, each mentioned wherever
/// its name occurs, with ids E1, E2, … in the order given.
fn entities_named(doc: &Doc, ents: &[(&str, EntityType, &str, Option<&str>)]) -> Vec<Entity> {
    ents.iter()
        .enumerate()
        .map(|(i, &(name, kind, c, s))| {
            let n = doc.text.matches(name).count();
            let mentions: Vec<(&str, usize)> = (0..n).map(|k| (name, k)).collect();
            entity(doc, &format!("E{}", i + 1), kind, name, (c, s), &mentions)
        })
        .collect()
}

/// The actor codes of the candidate event triggered by `trigger`, with the
/// entities of [`entities_named`].
fn actor_codes_of(
    text: &str,
    ents: &[(&str, EntityType, &str, Option<&str>)],
    trigger: &str,
) -> Vec<String> {
    let mut doc = Doc::new("d", text);
    rasd_text::analyze(&mut doc);
    doc.entities = entities_named(&doc, ents);
    annotate(&mut doc);
    let e = doc
        .events
        .iter()
        .find(|e| doc.slice(e.trigger) == trigger)
        .unwrap_or_else(|| panic!("help: no event at {trigger:?} in {:?}", doc.events));
    e.actor_codes.clone()
}

#[test]
fn a_dropped_subject_is_the_subject_before() {
    use EntityType::{Org, Per};
    // a coordinated clause: the subject of its sentence
    let blatter = [("بلاتر", Per, "CHE", None)];
    let t = "وقدم بلاتر استقالته من رئاسة الاتحاد، ودعا إلى جمعية عمومية غير عادية.";
    assert_eq!(actor_codes_of(t, &blatter, "ودعا"), ["CHE"]);
    // a sentence opening with its verb: the subject of the sentence before
    let who = [("منظمة الصحة العالمية", Org, "", Some("IGO"))];
    let t = "أكدت منظمة الصحة العالمية أن الحاجة ملحة لمكافحة المرض. وطالبت في بيان لها الدول بتعزيز إجراءاتها.";
    assert_eq!(actor_codes_of(t, &who, "وطالبت"), ["IGO"]);
    // a definite noun after the verb may be its own subject; a feminine
    // verb takes no man; a plural verb no single antecedent
    let minister = [("خالد", Per, "SAU", Some("GOV"))];
    for (t, trigger) in [
        (
            "وقال الوزير خالد إن الاجتماع ناجح. ودعا البيان إلى الحوار.",
            "ودعا",
        ),
        ("وقال الوزير خالد إن الاجتماع ناجح. ودعت إلى الحوار.", "ودعت"),
        (
            "وقال الوزير خالد إن الاجتماع ناجح. ودعوا إلى الحوار.",
            "ودعوا",
        ),
    ] {
        assert!(actor_codes_of(t, &minister, trigger).is_empty(), "{t}");
    }
    let t = "وقال الوزير خالد إن الاجتماع ناجح. ودعا إلى الحوار.";
    assert_eq!(actor_codes_of(t, &minister, "ودعا"), ["SAUGOV"]);
}

#[test]
fn a_first_person_verb_in_a_quote_is_the_speakers_act() {
    let text = "وقال خامنئي: إننا لا نتفاوض مع الولايات المتحدة.";
    let mut doc = Doc::new("q", text);
    rasd_text::analyze(&mut doc);
    doc.entities = entities_named(
        &doc,
        &[
            ("خامنئي", EntityType::Per, "IRN", Some("GOV")),
            ("الولايات المتحدة", EntityType::Loc, "USA", None),
        ],
    );
    doc.quotes = vec![quote_by_e1(
        &doc,
        "خامنئي",
        "إننا لا نتفاوض مع الولايات المتحدة",
        QuoteKind::Direct,
    )];
    annotate(&mut doc);
    let e = event_in(&doc, "CONSULT");
    assert!(e.actor.contains(&"E1".to_string()), "{e:?}");
    assert_eq!(e.aux.as_deref(), Some("negation"));
}

#[test]
fn a_relative_clause_verb_has_the_antecedent_as_subject() {
    use EntityType::{Loc, Org, Per};
    let ents = [
        ("فابيوس", Per, "FRA", Some("GOV")),
        ("إيران", Loc, "IRN", None),
        ("تنظيم داعش", Org, "", Some("REB")),
        ("سالوبيك", Per, "HRV", None),
    ];
    // the visitor, not the country visited
    let t = "لا يبدو أن الوزير فابيوس الذي زار إيران أمس متفائل.";
    assert_eq!(actor_codes_of(t, &ents, "زار"), ["FRAGOV"]);
    // an organisation after the verb is its own subject
    let t = "ناشد والد الرهينة سالوبيك الذي هدد تنظيم داعش بإعدامه محتجزيه.";
    assert_eq!(actor_codes_of(t, &ents, "هدد"), ["REB"]);
    // the pronoun attached to the verb stands for the antecedent as object
    let t = "وطالب والده بالإفراج عن سالوبيك الذي اعتقلته في الشهر الماضي.";
    assert!(actor_codes_of(t, &ents, "اعتقلته").is_empty());
}

#[test]
fn honorifics_lead_from_a_title_to_the_name() {
    let ents = [("محمد بن نايف", EntityType::Per, "SAU", Some("GOV"))];
    let t = "كما بعث نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف برقية تهنئة للرئيس.";
    assert_eq!(actor_codes_of(t, &ents, "تهنئة"), ["SAUGOV"]);
}

#[test]
fn describing_as_a_crime_or_terror_is_an_accusation() {
    assert_reported(
        "ACCUSE",
        &[
            "ووصف نتنياهو الهجوم بأنه عمل إرهابي.",
            "ووصف الوزير الهجوم بالجبان.",
            "واعتبرت الحركة اقتحام المسجد عدوانا.",
        ],
    );
    // praise, an unprecedented wedding, and a generic "is considered"
    assert_no_report(
        "ACCUSE",
        &[
            "ووصف المدرب أداء الفريق بأنه رائع.",
            "فاجأ زوجان الجميع بزواج وصف بغير المسبوق.",
            "الحياد في هذه الحالة يعتبر جريمة.",
        ],
    );
}

#[test]
fn court_sentences_are_convictions() {
    assert_reported(
        "SANCTION",
        &[
            "أصدرت محكمة ليبية اليوم حكما غيابيا بإعدام سيف الإسلام.",
            "وحكمت المحكمة أمس بالسجن على ثلاثة متهمين.",
        ],
    );
}

#[test]
fn halting_the_fighting_is_a_ceasefire_and_demanding_it_an_aim() {
    assert_reported(
        "RETREAT",
        &[
            "وأوقفت القوات العراقية عمليات القصف الجوي جزئيا.",
            "والتزمت قوات التحالف بوقف الأعمال العسكرية طوال فترة الهدنة.",
        ],
    );
    // a demand to halt the shelling is the demand's aim, not a ceasefire
    let t = "وطالب مجلس المحافظة الحكومة بوقف القصف على المدينة.";
    let c = coded(t);
    assert!(c.iter().any(|(k, _, _, _)| k == "RETREAT"), "{c:?}");
    assert!(
        c.iter()
            .filter(|(k, _, _, _)| k == "RETREAT")
            .all(|(_, aux, _, _)| aux.as_deref() == Some("hypothetical")),
        "help: {t:?} gave {c:?}"
    );
}

#[test]
fn a_meeting_with_ones_own_staff_is_internal() {
    assert_no_report(
        "CONSULT",
        &[
            "عقد وزير الثقافة والإعلام في مكتبه بجدة اجتماعاً مع وكلاء الوزارة ومديري الإدارات.",
            "كما قام بزيارة المركز الصحي والتقى العاملين بالمركز.",
        ],
    );
    assert_reported(
        "CONSULT",
        &["عقد وزير الخارجية اجتماعاً مع نظيره الفرنسي في باريس."],
    );
    // greeting orphans on a feast day is a courtesy
    assert_no_report(
        "SUPPORT",
        &["وقام المدير بتهنئة النزلاء من المسنين والأيتام بعيد الفطر المبارك."],
    );
    assert_reported(
        "SUPPORT",
        &["وأشاد الرئيس بجهود المملكة في دعم الشعب اليمني."],
    );
}

#[test]
fn the_caller_is_the_actor_of_a_call_received() {
    use EntityType::Per;
    let ents = [
        ("سلمان بن عبدالعزيز", Per, "SAU", Some("GOV")),
        ("عبدالفتاح السيسي", Per, "EGY", Some("GOV")),
    ];
    let t = "تلقى الملك سلمان بن عبدالعزيز اتصالاً هاتفياً امس من الرئيس المصري عبدالفتاح السيسي.";
    assert_eq!(actor_codes_of(t, &ents, "اتصالاً هاتفياً"), ["EGYGOV"]);
    // the caller after a time phrase set off by a comma, and after an honorific
    let t =
        "تلقى الملك سلمان بن عبدالعزيز اتصالاً هاتفياً امس، من فخامة الرئيس المصري عبدالفتاح السيسي.";
    assert_eq!(actor_codes_of(t, &ents, "اتصالاً هاتفياً"), ["EGYGOV"]);
    // the receiver set off by a comma
    let t = "تلقى الملك سلمان بن عبدالعزيز، اتصالاً هاتفياً امس من الرئيس المصري عبدالفتاح السيسي.";
    assert_eq!(actor_codes_of(t, &ents, "اتصالاً هاتفياً"), ["EGYGOV"]);
    // a call made: its maker stays the actor
    let t = "أجرى الملك سلمان بن عبدالعزيز اتصالاً هاتفياً امس بالرئيس المصري عبدالفتاح السيسي.";
    assert!(actor_codes_of(t, &ents, "اتصالاً هاتفياً").contains(&"SAUGOV".to_string()));
}

#[test]
fn a_blessing_formula_at_the_very_start_does_not_panic() {
    // the hadith check looks three words back from "وسلم"
    for t in [
        "حث وسلم",
        "عليه وسلم حث",
        "حث عليه وسلم",
        "صلى عليه وسلم حث النبي",
    ] {
        let _ = each_event(t, |e| e.kind.clone());
    }
}
