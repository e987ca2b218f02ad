use crate::Span;

/// Monotone map from byte offsets of a normalised text to byte offsets of the original.
///
/// For every char boundary `i` of the normalised text, `map[i]` is the
/// original offset of the character that produced normalised byte `i` (bytes
/// inside a character carry no meaning); one extra entry maps the end.
/// Characters dropped by normalisation (diacritics, tatweel) are absorbed by
/// the preceding kept character, so a mapped span always includes a word's
/// trailing marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    map: Vec<u32>,
}

impl OffsetMap {
    /// Builds a map from its entries (one per normalised byte, plus the end).
    pub fn from_vec(map: Vec<u32>) -> OffsetMap {
        OffsetMap { map }
    }

    /// The raw entries.
    pub fn as_slice(&self) -> &[u32] {
        &self.map
    }

    /// Original byte offset of normalised byte offset `pos`.
    pub fn to_original_offset(&self, pos: u32) -> u32 {
        self.map
            .get(pos as usize)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }

    /// The original span of a normalised span. This is the only way back.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.to_original_offset(span.start);
        if span.end == span.start {
            return Span::new(start, start);
        }
        let mut end = self.to_original_offset(span.end);
        if end <= start {
            // The span lies inside the expansion of one original character
            // (a ligature or "…" folded to several chars): widen it to that
            // whole character, the smallest original span containing it.
            let from = (span.end as usize).min(self.map.len());
            end = self.map[from..]
                .iter()
                .copied()
                .find(|&o| o > start)
                .unwrap_or(start);
        }
        Span::new(start, end)
    }

    /// Smallest normalised offset whose original offset is `>= orig`.
    pub fn from_original_offset(&self, orig: u32) -> u32 {
        self.map.partition_point(|&o| o < orig) as u32
    }
}

/// Normalised text with its offset map back to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Map from `text` byte offsets to original byte offsets.
    pub map: OffsetMap,
}

impl Normalized {
    /// Maps a normalised span back to the original text.
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }

    /// The normalised span covering an original span.
    pub fn from_original(&self, span: Span) -> Span {
        Span::new(
            self.map.from_original_offset(span.start),
            self.map.from_original_offset(span.end),
        )
    }
}
