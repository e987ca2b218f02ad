//! The country a story is set in, and the codes it completes.
//!
//! An actor named only by its sector ("الشرطة"، "السلطات"، "وزير الداخلية"
//! with no country in the text) belongs, unless said otherwise, to the
//! country the article is about. Event coders of news follow this
//! convention (ICEWS writes such actors "Police (Nigeria)"); the GSR and
//! rasd's own gold code them so ("السلطات" in a report from Riyadh is
//! `SAUGOV`). The story's country is derived from the document's entities:
//! the country of most of their mentions, when it holds a clear majority.

use rasd_doc::{Doc, Event};

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

/// Prefixes the story's country to every sector-only actor and recipient
/// code of a domestic sector (`GOV` → `SAUGOV`).
pub fn complete_codes(doc: &Doc, events: &mut [Event]) {
    let Some(country) = story_country(doc) else {
        return;
    };
    for e in events {
        for code in e.actor_codes.iter_mut().chain(e.recipient_codes.iter_mut()) {
            if DOMESTIC_SECTORS.contains(&code.as_str()) {
                *code = format!("{country}{code}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::{Entity, EntityType, Span};

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

    #[test]
    fn only_domestic_sector_codes_are_completed() {
        let mut doc = Doc::new("d", "x");
        doc.entities = vec![entity(Some("EGY"), 2)];
        let mut ev = Event {
            id: "V1".into(),
            kind: "COERCE".into(),
            mode: None,
            aux: None,
            actor: Vec::new(),
            recipient: Vec::new(),
            actor_codes: vec!["COP".into(), "UAF".into(), "USAGOV".into()],
            recipient_codes: vec!["CVL".into(), "IGO".into()],
            time: None,
            location: None,
            quote: None,
            trigger: Span::new(0, 1),
            evidence: Span::new(0, 1),
            confidence: 1.0,
        };
        complete_codes(&doc, std::slice::from_mut(&mut ev));
        assert_eq!(ev.actor_codes, ["EGYCOP", "UAF", "USAGOV"]);
        assert_eq!(ev.recipient_codes, ["EGYCVL", "IGO"]);
    }
}
