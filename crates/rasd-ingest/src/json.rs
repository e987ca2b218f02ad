use std::path::Path;

use chrono::NaiveDate;
use rasd_doc::Doc;
use serde::Deserialize;
use serde_json::Value;

use crate::{content_id, Error, Result};

/// A JSON record as accepted by the readers (unknown fields are ignored).
#[derive(Debug, Deserialize, Default)]
pub struct JsonDoc {
    /// Document id (string or number).
    pub id: Option<Value>,
    /// `YYYY-MM-DD…`.
    pub date: Option<String>,
    /// SaudiNewsNet's date field.
    pub date_extracted: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Body.
    pub text: Option<String>,
    /// Body (SaudiNewsNet).
    pub content: Option<String>,
    /// Body.
    pub body: Option<String>,
    /// URL.
    pub url: Option<String>,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// Builds a document from a JSON record; `origin` names it in errors
/// (`file`), `line` is its 1-based line or index.
pub fn doc_from_json(
    rec: JsonDoc,
    origin: &Path,
    line: usize,
    default_date: Option<NaiveDate>,
) -> Result<Doc> {
    let text = rec
        .text
        .or(rec.content)
        .or(rec.body)
        .ok_or_else(|| Error::NoText {
            path: origin.to_path_buf(),
            line,
        })?;
    let id = match rec.id {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => content_id(&text),
    };
    let mut doc = Doc::new(id, text);
    doc.dateline = rec
        .date
        .as_deref()
        .or(rec.date_extracted.as_deref())
        .and_then(parse_date)
        .or(default_date);
    doc.title = rec.title.filter(|t| !t.trim().is_empty());
    doc.source = Some(
        rec.url
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("{}:{line}", origin.display())),
    );
    Ok(doc)
}

/// Parses one JSON value into a record.
pub(crate) fn record(value: Value, origin: &Path, line: usize) -> Result<JsonDoc> {
    serde_json::from_value(value).map_err(|e| Error::Json {
        path: origin.to_path_buf(),
        line,
        message: e.to_string(),
    })
}
