//! The acceptance seed: entities with types, countries, roles and mentions.
use rasd_doc::{Annotator, Doc, Entity, EntityType};
use rasd_entities::EntityAnnotator;

fn seed() -> Option<Doc> {
    let p = rasd_doc::test_support::shared_path("seed/000_3e809c445546f9ff.txt")?;
    let raw = std::fs::read_to_string(p).ok()?;
    let mut doc = rasd_ingest::parse_text("seed", &raw, None);
    rasd_text::analyze(&mut doc);
    EntityAnnotator::standard().annotate(&mut doc).unwrap();
    Some(doc)
}

fn find<'a>(doc: &'a Doc, name: &str) -> &'a Entity {
    doc.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("help: no entity named {name}; got {:?}", names(doc)))
}

fn names(doc: &Doc) -> Vec<&str> {
    doc.entities.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn seed_entities_match_expected() {
    let Some(doc) = seed() else { return };
    for e in &doc.entities {
        let ms: Vec<&str> = e.mentions.iter().map(|m| doc.slice(*m)).collect();
        println!(
            "{} {:?} {} {:?} {:?} {:?} {:?} {:?}",
            e.id, e.kind, e.name, e.name_en, e.country, e.sector, e.roles, ms
        );
    }
    use EntityType::*;
    type Want<'a> = (&'a str, EntityType, Option<&'a str>, Option<&'a str>, usize);
    let want: &[Want] = &[
        ("الكرملين", Org, Some("RUS"), Some("GOV"), 3),
        ("ستيف ويتكوف", Per, Some("USA"), Some("GOV"), 4),
        ("دونالد ترامب", Per, Some("USA"), Some("GOV"), 4),
        ("موسكو", Loc, Some("RUS"), None, 4),
        ("أوكرانيا", Loc, Some("UKR"), None, 7),
        ("البيت الأبيض", Org, Some("USA"), Some("GOV"), 2),
        ("كارولين ليفيت", Per, Some("USA"), Some("GOV"), 1),
        ("إكس", Org, None, None, 1),
        ("الولايات المتحدة", Loc, Some("USA"), None, 3),
        ("روسيا", Loc, Some("RUS"), None, 2),
        ("فلوريدا", Loc, Some("USA"), None, 1),
        ("واشنطن", Loc, Some("USA"), None, 1),
        ("يوري أوشاكوف", Per, Some("RUS"), Some("GOV"), 4),
        ("فلاديمير بوتين", Per, Some("RUS"), Some("GOV"), 2),
        ("بافل زاروبين", Per, Some("RUS"), Some("MED"), 1),
        ("التلفزيون الرسمي الروسي", Org, Some("RUS"), Some("MED"), 1),
        ("بلومبيرغ", Org, None, Some("MED"), 2),
    ];
    for &(name, kind, country, sector, n) in want {
        let e = find(&doc, name);
        assert_eq!(e.kind, kind, "{name}");
        if country.is_some() {
            assert_eq!(e.country.as_deref(), country, "{name}");
        }
        if sector.is_some() {
            assert_eq!(e.sector.as_deref(), sector, "{name}");
        }
        assert_eq!(e.mentions.len(), n, "help: mentions of {name}");
    }
    // spans exclude clitics: لويتكوف, وأوكرانيا, وروسيا
    let texts = |n: &str| -> Vec<&str> {
        find(&doc, n)
            .mentions
            .iter()
            .map(|m| doc.slice(*m))
            .collect()
    };
    assert!(texts("ستيف ويتكوف")[1..].iter().all(|t| *t == "ويتكوف"));
    assert!(texts("أوكرانيا").iter().all(|t| *t == "أوكرانيا"));
    assert!(texts("روسيا").iter().all(|t| *t == "روسيا"));
    let role = |n: &str, r: &str| {
        assert!(
            find(&doc, n).roles.iter().any(|x| x == r),
            "help: role {r} of {n}: {:?}",
            find(&doc, n).roles
        )
    };
    role("ستيف ويتكوف", "مبعوث الرئيس الأميركي دونالد ترامب");
    role("دونالد ترامب", "الرئيس الأميركي");
    role("كارولين ليفيت", "الناطقة باسم البيت الأبيض");
    role("فلاديمير بوتين", "الرئيس الروسي");
    role(
        "بافل زاروبين",
        "كبير مراسلي الكرملين في التلفزيون الرسمي الروسي",
    );
    assert!(find(&doc, "يوري أوشاكوف").roles[0].starts_with("مساعد الرئيس الروسي"));
    // the adjective الأوكرانية is not a mention; ids follow first mention
    assert!(!doc
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .any(|m| doc.slice(*m) == "الأوكرانية"));
    for (i, e) in doc.entities.iter().enumerate() {
        assert_eq!(e.id, format!("E{}", i + 1));
        if i > 0 {
            assert!(doc.entities[i - 1].mentions[0].start < e.mentions[0].start);
        }
    }
}
