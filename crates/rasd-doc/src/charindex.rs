/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// Built once per document when serialising; lookups are a binary search over
/// the offsets of non-ASCII characters.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every multi-byte char start, with the cumulative extra bytes before it.
    wide: Vec<(u32, u32)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut wide = Vec::new();
        let mut extra = 0u32;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8() as u32;
            if n > 1 {
                extra += n - 1;
                wide.push((i as u32, extra));
            }
        }
        CharIndex { wide }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn cp(&self, byte: u32) -> u32 {
        // extra bytes contributed by wide chars that start strictly before `byte`
        let i = self.wide.partition_point(|&(b, _)| b < byte);
        let extra = if i == 0 { 0 } else { self.wide[i - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points() {
        let t = "aقال b";
        let ix = CharIndex::new(t);
        for (cp, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.cp(b as u32), cp as u32);
        }
        assert_eq!(ix.cp(t.len() as u32), t.chars().count() as u32);
    }
}
