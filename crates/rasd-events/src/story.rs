//! The country a story is set in, and the codes it completes.
//!
//! An actor named only by its sector ("الشرطة"، "السلطات"، "وزير الداخلية"
//! with no country in the text) belongs, unless said otherwise, to the
//! country the article is about. Event coders of news follow this
//! convention (ICEWS writes such actors "Police (Nigeria)"); the GSR and
//! rasd's own gold code them so ("السلطات" in a report from Riyadh is
//! `SAUGOV`). The story's country is derived from the document's entities:
//! the country of most of their mentions, when it holds a clear majority.

use rasd_doc::{Doc, EntityType, Event, Span};

/// Sectors of a state's own society, which take the story's country.
/// International and non-state armed actors (`IGO`, `NGO`, `REB`, `UAF`)
/// do not: an unnamed gunman or rebel group in a story about a country is
/// as often foreign to it.
const DOMESTIC_SECTORS: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "CVL", "BUS", "MED", "EDU", "HLH", "POL", "PTY", "OPP",
    "LAB", "REL", "CRM", "SPY",
];

/// The smallest share of country-bearing entity mentions the leading
/// country must hold.
const MIN_SHARE: f32 = 0.5;

/// The fewest mentions of the leading country: one place named once is
/// too little to set a story.
const MIN_MENTIONS: usize = 2;

/// The country (ISO alpha-3) most of the document's entity mentions belong
/// to, when it holds at least half of them; `None` when no entity has a
/// country or the lead is not clear.
pub fn story_country(doc: &Doc) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in &doc.entities {
        let Some(c) = e.country.as_deref() else {
            continue;
        };
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += e.mentions.len(),
            None => counts.push((c, e.mentions.len())),
        }
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    // (ties go to the country mentioned first: entities are in order of
    // first mention)
    let (best, n) = counts
        .iter()
        .fold(None::<(&str, usize)>, |acc, &(c, n)| match acc {
            Some((_, m)) if m >= n => acc,
            _ => Some((c, n)),
        })?;
    (n >= MIN_MENTIONS && n as f32 >= MIN_SHARE * total as f32).then_some(best)
}

/// The country of the entity of sector `sector` mentioned nearest to
/// `at` within the sentence `sentence`: a senator in a sentence about the
/// American Congress is American ("شن السيناتور بوب كوركر … بالكونغرس
/// الأمريكي"), whatever country the story is about.
/// Only an organisation counts (a person of that sector is as often the
/// other party: "استقبل الملك سلمان … آشتون كارتر"), and none of the
/// event's own participants `own`. Governments are left to the story: the
/// government named beside an official is mostly the one he deals with
/// ("سيزور الجبير موسكو … مع الرئيس الروسي … في الكرملين").
fn sentence_country<'d>(
    doc: &'d Doc,
    sector: &str,
    at: Span,
    sentence: Span,
    own: &[String],
) -> Option<&'d str> {
    if sector == "GOV" {
        return None;
    }
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityType::Org && e.sector.as_deref() == Some(sector))
        .filter(|e| !own.contains(&e.id))
        .filter_map(|e| Some((e.country.as_deref()?, &e.mentions)))
        .flat_map(|(c, ms)| {
            ms.iter()
                .filter(|m| sentence.start <= m.start && m.end <= sentence.end)
                .map(move |m| (m.start.abs_diff(at.start), c))
        })
        .min()
        .map(|(_, c)| c)
}

/// Sectors that act at home: the country where their event takes place
/// is theirs ("الشرطة" in Istanbul is Turkish). Governments and armed
/// forces act abroad too (air strikes, visits), so they are left to the
/// story.
const AT_HOME: &[&str] = &[
    "COP", "JUD", "LEG", "CVL", "BUS", "MED", "EDU", "HLH", "POL", "PTY", "OPP", "LAB", "REL",
];

/// Events that mostly happen where their actors live: protests, arrests,
/// sentences, violence.
const DOMESTIC_KINDS: &[&str] = &["PROTEST", "COERCE", "SANCTION", "ASSAULT", "MOBILIZE"];

/// Prefixes a country to every sector-only actor and recipient code of a
/// domestic sector (`GOV` → `SAUGOV`): the country of an organisation of
/// the same sector in the trigger's sentence, else, for an unnamed actor of
/// a sector acting at home in an event of a domestic kind, the country of
/// the event's place, else the story's.
pub fn complete_codes(doc: &Doc, events: &mut [Event]) {
    let story = story_country(doc);
    for e in events {
        let k = doc.sentences.partition_point(|s| s.end <= e.trigger.start);
        let sentence = doc.sentences.get(k).copied().unwrap_or(e.evidence);
        let own: Vec<String> = e.actor.iter().chain(&e.recipient).cloned().collect();
        let place = e
            .location
            .as_ref()
            .and_then(|l| doc.entities.iter().find(|x| &x.id == l))
            .and_then(|x| x.country.as_deref());
        // (a named organisation or person of no known country keeps to the
        // story: the PKK does not become Syrian by acting in Syria)
        let named = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter_map(|id| doc.entities.iter().find(|x| &x.id == id))
                .filter(|x| x.country.is_none())
                .filter_map(|x| x.sector.clone())
                .collect()
        };
        let (named_actor, named_recipient) = (named(&e.actor), named(&e.recipient));
        // (relations — visits, talks, agreements — happen abroad as well)
        let domestic_kind = DOMESTIC_KINDS.contains(&e.kind.as_str());
        let codes = e
            .actor_codes
            .iter_mut()
            .map(|c| (c, &named_actor))
            .chain(e.recipient_codes.iter_mut().map(|c| (c, &named_recipient)));
        for (code, named) in codes {
            if !DOMESTIC_SECTORS.contains(&code.as_str()) {
                continue;
            }
            let unnamed = !named.contains(code);
            let home =
                place.filter(|_| unnamed && domestic_kind && AT_HOME.contains(&code.as_str()));
            let local = sentence_country(doc, code, e.trigger, sentence, &own).or(home);
            if let Some(c) = local.or(story) {
                *code = format!("{c}{code}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::Entity;

    fn entity(country: Option<&str>, mentions: usize) -> Entity {
        Entity {
            id: String::new(),
            kind: EntityType::Loc,
            name: String::new(),
            name_en: None,
            country: country.map(str::to_string),
            sector: None,
            roles: Vec::new(),
            mentions: vec![Span::new(0, 1); mentions],
        }
    }

    #[test]
    fn the_leading_country_needs_half_of_the_mentions() {
        let mut doc = Doc::new("d", "x");
        doc.entities = vec![
            entity(Some("SAU"), 2),
            entity(Some("YEM"), 1),
            entity(None, 5),
        ];
        assert_eq!(story_country(&doc), Some("SAU"));
        doc.entities.push(entity(Some("IRN"), 2));
        assert_eq!(story_country(&doc), None);
        doc.entities = vec![entity(Some("SAU"), 1)];
        assert_eq!(story_country(&doc), None);
    }

    fn event(actor_codes: &[&str], trigger: Span) -> Event {
        Event {
            id: "V1".into(),
            kind: "COERCE".into(),
            mode: None,
            aux: None,
            actor: Vec::new(),
            recipient: Vec::new(),
            actor_codes: actor_codes.iter().map(|c| c.to_string()).collect(),
            recipient_codes: Vec::new(),
            time: None,
            location: None,
            quote: None,
            trigger,
            evidence: trigger,
            confidence: 1.0,
        }
    }

    #[test]
    fn an_organisation_of_the_sector_in_the_sentence_gives_the_country() {
        let mut doc = Doc::new("d", "0123456789 0123456789");
        doc.sentences = vec![Span::new(0, 10), Span::new(11, 21)];
        let mut congress = entity(Some("USA"), 0);
        congress.id = "E2".into();
        congress.kind = EntityType::Org;
        congress.sector = Some("LEG".into());
        congress.mentions = vec![Span::new(5, 8)];
        doc.entities = vec![entity(Some("IRN"), 3), congress];
        let mut evs = vec![
            event(&["LEG", "GOV"], Span::new(1, 3)),
            event(&["LEG"], Span::new(12, 14)),
        ];
        complete_codes(&doc, &mut evs);
        // the senator beside the American Congress; a government and the
        // next sentence take the story's country
        assert_eq!(evs[0].actor_codes, ["USALEG", "IRNGOV"]);
        assert_eq!(evs[1].actor_codes, ["IRNLEG"]);
        // the event's own participant does not give its country
        let mut ev = event(&["LEG"], Span::new(1, 3));
        ev.actor = vec!["E2".into()];
        complete_codes(&doc, std::slice::from_mut(&mut ev));
        assert_eq!(ev.actor_codes, ["IRNLEG"]);
    }

    #[test]
    fn unnamed_people_at_home_take_the_country_of_the_place() {
        let mut doc = Doc::new("d", "0123456789");
        doc.sentences = vec![Span::new(0, 10)];
        let mut brussels = entity(Some("BEL"), 1);
        brussels.id = "E2".into();
        doc.entities = vec![entity(Some("TUR"), 3), brussels];
        // protesters in Brussels in a story about Turkey
        let mut protest = event(&["CVL"], Span::new(1, 3));
        protest.kind = "PROTEST".into();
        protest.location = Some("E2".into());
        // a visit to Brussels stays with the story
        let mut visit = protest.clone();
        visit.kind = "CONSULT".into();
        let mut evs = vec![protest, visit];
        complete_codes(&doc, &mut evs);
        assert_eq!(evs[0].actor_codes, ["BELCVL"]);
        assert_eq!(evs[1].actor_codes, ["TURCVL"]);
    }

    #[test]
    fn only_domestic_sector_codes_are_completed() {
        let mut doc = Doc::new("d", "x");
        doc.entities = vec![entity(Some("EGY"), 2)];
        let mut ev = event(&["COP", "UAF", "USAGOV"], Span::new(0, 1));
        ev.recipient_codes = vec!["CVL".into(), "IGO".into()];
        complete_codes(&doc, std::slice::from_mut(&mut ev));
        assert_eq!(ev.actor_codes, ["EGYCOP", "UAF", "USAGOV"]);
        assert_eq!(ev.recipient_codes, ["EGYCVL", "IGO"]);
    }
}
