use chrono::NaiveDate;
use rasd_doc::Doc;

/// Parses a text document: the seed format's `date YYYY-MM-DD` header (after
/// optional leading whitespace) becomes the dateline and is removed with the
/// whitespace that follows it; without a header the whole text is the body
/// and the dateline is `default_date`.
pub fn parse_text(id: &str, raw: &str, default_date: Option<NaiveDate>) -> Doc {
    let (dateline, body) = match split_header(raw) {
        Some((d, body)) => (Some(d), body),
        None => (default_date, raw),
    };
    let mut doc = Doc::new(id, body);
    doc.dateline = dateline;
    doc
}

fn split_header(raw: &str) -> Option<(NaiveDate, &str)> {
    let s = raw.trim_start();
    let rest = s.strip_prefix("date")?;
    let rest = rest
        .strip_prefix([' ', '\t', ':'])?
        .trim_start_matches([' ', '\t', ':']);
    let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
    let after = &rest[10..];
    if after.starts_with(|c: char| !c.is_whitespace()) {
        return None;
    }
    Some((date, after.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_on_same_or_next_line() {
        let d = parse_text("a", " date 2025-11-26 قال", None);
        assert_eq!(d.text, "قال");
        assert_eq!(d.dateline, NaiveDate::from_ymd_opt(2025, 11, 26));
        let d = parse_text("a", "date 2025-11-26\n\nقال", None);
        assert_eq!(d.text, "قال");
        let d = parse_text("a", "dated 2025-11-26 x", None);
        assert_eq!(d.text, "dated 2025-11-26 x");
        assert_eq!(d.dateline, None);
        let d = parse_text("a", "date 2025-13-40 x", None);
        assert_eq!(d.dateline, None);
    }
}
