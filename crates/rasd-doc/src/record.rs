//! The JSON Lines record of the output contract, version 1.
//!
//! One [`Record`] per input document. Offsets are Unicode code points into
//! `text`, half-open, so Python's `text[start:end]` returns the span. Field
//! order here is the order on the wire; extra fields may be added, none may be
//! renamed or dropped.
use serde::{Deserialize, Serialize};

use crate::{CharIndex, Doc, EntityType, QuoteKind, Span, TimeType};

/// Contract schema version.
pub const SCHEMA_VERSION: &str = "1";

/// A code-point span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpSpan {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

/// A code-point span with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpText {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The original text of the span.
    pub text: String,
}

/// A boilerplate span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoilerplateRec {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `ad`, `heading`, `byline`, `read_more`.
    pub kind: String,
}

/// One document of the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Schema version, `"1"`.
    pub rasd: String,
    /// Document id.
    pub id: String,
    /// Path or URL.
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    pub dateline: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// The body, verbatim.
    pub text: String,
    /// Sentence spans.
    pub sentences: Vec<CpSpan>,
    /// Non-content spans.
    pub boilerplate: Vec<BoilerplateRec>,
    /// Entities.
    pub entities: Vec<EntityRec>,
    /// Temporal expressions.
    pub times: Vec<TimeRec>,
    /// Quotes.
    pub quotes: Vec<QuoteRec>,
    /// Events.
    pub events: Vec<EventRec>,
    /// Tokens with their clitic-free stems — an extra field, present only
    /// when asked for (`rasd analyze --tokens`, [`Record::with_tokens`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRec>>,
}

/// A token (extra field, not part of contract version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRec {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `word`, `number`, `punct`, `symbol`.
    pub kind: crate::TokenKind,
    /// The stem without clitics, when the token has any: `{start, end}` of
    /// "ويتكوف" inside "لويتكوف".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stem: Option<CpSpan>,
}

/// An entity of the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRec {
    /// `E1`, …
    pub id: String,
    /// `PER`, `ORG`, `LOC`, `MISC`.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical Arabic name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// ISO alpha-3.
    pub country: Option<String>,
    /// Sector code.
    pub sector: Option<String>,
    /// Roles as written.
    pub roles: Vec<String>,
    /// Mentions.
    pub mentions: Vec<CpText>,
}

/// A temporal expression of the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRec {
    /// `T1`, …
    pub id: String,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// As written.
    pub text: String,
    /// TimeML type.
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TimeML value.
    pub value: Option<String>,
    /// Granularity.
    pub granularity: String,
    /// Anchor.
    pub anchor: String,
    /// Calendar.
    pub calendar: String,
}

/// A quote of the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRec {
    /// `Q1`, …
    pub id: String,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// Speaker as written.
    pub speaker_span: Option<CpText>,
    /// Reporting verb or phrase.
    pub cue: CpText,
    /// What was said.
    pub content: CpText,
    /// `direct`, `indirect`, `mixed`.
    pub kind: QuoteKind,
    /// Addressee entity id.
    pub addressee: Option<String>,
    /// Channel as written.
    pub channel: Option<String>,
    /// Reporting quote id.
    pub reported_by: Option<String>,
    /// Time id.
    pub time: Option<String>,
}

/// An event of the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRec {
    /// `V1`, …
    pub id: String,
    /// PLOVER category.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Auxiliary mode.
    pub aux: Option<String>,
    /// Actor entity ids.
    pub actor: Vec<String>,
    /// Recipient entity ids.
    pub recipient: Vec<String>,
    /// Actor codes.
    pub actor_codes: Vec<String>,
    /// Recipient codes.
    pub recipient_codes: Vec<String>,
    /// Time id.
    pub time: Option<String>,
    /// Place entity id.
    pub location: Option<String>,
    /// Quote id.
    pub quote: Option<String>,
    /// Trigger.
    pub trigger: CpText,
    /// Sentence.
    pub evidence: CpSpan,
    /// 0–1.
    pub confidence: f32,
}

impl Record {
    /// Adds the `tokens` extra field (code points, with stems).
    pub fn with_tokens(mut self, doc: &Doc) -> Record {
        let ix = CharIndex::new(&doc.text);
        self.tokens = Some(
            doc.tokens
                .iter()
                .map(|t| {
                    let stem = (t.prefix_len > 0 || t.suffix_len > 0).then(|| {
                        let s = doc.norm.to_original(t.stem_norm());
                        CpSpan {
                            start: ix.cp(s.start),
                            end: ix.cp(s.end),
                        }
                    });
                    TokenRec {
                        start: ix.cp(t.span.start),
                        end: ix.cp(t.span.end),
                        kind: t.kind,
                        stem,
                    }
                })
                .collect(),
        );
        self
    }

    /// Converts a document to its contract record (byte offsets → code points).
    pub fn from_doc(doc: &Doc) -> Record {
        let ix = CharIndex::new(&doc.text);
        let cp = |s: Span| CpSpan {
            start: ix.cp(s.start),
            end: ix.cp(s.end),
        };
        let cpt = |s: Span| CpText {
            start: ix.cp(s.start),
            end: ix.cp(s.end),
            text: doc.slice(s).to_string(),
        };
        Record {
            rasd: SCHEMA_VERSION.to_string(),
            id: doc.id.clone(),
            source: doc.source.clone(),
            dateline: doc.dateline.map(|d| d.format("%Y-%m-%d").to_string()),
            title: doc.title.clone(),
            text: doc.text.clone(),
            sentences: doc.sentences.iter().map(|&s| cp(s)).collect(),
            boilerplate: doc
                .boilerplate
                .iter()
                .map(|b| {
                    let s = cp(b.span);
                    BoilerplateRec {
                        start: s.start,
                        end: s.end,
                        kind: b.kind.to_string(),
                    }
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| EntityRec {
                    id: e.id.clone(),
                    kind: e.kind,
                    name: e.name.clone(),
                    name_en: e.name_en.clone(),
                    country: e.country.clone(),
                    sector: e.sector.clone(),
                    roles: e.roles.clone(),
                    mentions: e.mentions.iter().map(|&m| cpt(m)).collect(),
                })
                .collect(),
            times: doc
                .times
                .iter()
                .map(|t| {
                    let s = cpt(t.span);
                    TimeRec {
                        id: t.id.clone(),
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        kind: t.kind,
                        value: t.value.clone(),
                        granularity: t.granularity.clone(),
                        anchor: t.anchor.clone(),
                        calendar: t.calendar.clone(),
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| QuoteRec {
                    id: q.id.clone(),
                    speaker: q.speaker.clone(),
                    speaker_span: q.speaker_span.map(cpt),
                    cue: cpt(q.cue),
                    content: cpt(q.content),
                    kind: q.kind,
                    addressee: q.addressee.clone(),
                    channel: q.channel.clone(),
                    reported_by: q.reported_by.clone(),
                    time: q.time.clone(),
                })
                .collect(),
            events: doc
                .events
                .iter()
                .map(|v| EventRec {
                    id: v.id.clone(),
                    kind: v.kind.clone(),
                    mode: v.mode.clone(),
                    aux: v.aux.clone(),
                    actor: v.actor.clone(),
                    recipient: v.recipient.clone(),
                    actor_codes: v.actor_codes.clone(),
                    recipient_codes: v.recipient_codes.clone(),
                    time: v.time.clone(),
                    location: v.location.clone(),
                    quote: v.quote.clone(),
                    trigger: cpt(v.trigger),
                    evidence: cp(v.evidence),
                    confidence: v.confidence,
                })
                .collect(),
            tokens: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_code_points() {
        let mut doc = Doc::new("x", "قال إن");
        doc.sentences.push(Span::new(0, doc.text.len() as u32));
        let rec = Record::from_doc(&doc);
        assert_eq!(rec.sentences[0], CpSpan { start: 0, end: 6 });
        let json = serde_json::to_string(&rec).unwrap();
        assert!(json.starts_with(r#"{"rasd":"1","id":"x""#), "{json}");
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back, rec);
    }
}
