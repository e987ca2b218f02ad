use std::path::Path;

use crate::{Error, Result};

/// Decodes bytes as UTF-8 (a leading BOM is dropped).
///
/// Invalid UTF-8 is an error naming the byte offset unless `lossy`; a NUL
/// byte marks binary data and is always an error.
pub fn decode(bytes: Vec<u8>, path: &Path, lossy: bool) -> Result<String> {
    if let Some(i) = memchr_nul(&bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            byte_offset: i,
        });
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(Error::Utf8 {
            path: path.to_path_buf(),
            byte_offset: e.utf8_error().valid_up_to(),
        }),
    }
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_invalid_byte() {
        let e = decode(b"abc\xffdef".to_vec(), Path::new("x.txt"), false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt: invalid UTF-8 at byte 3 (use --lossy to replace invalid bytes)"
        );
        assert_eq!(
            decode(b"ab\xff".to_vec(), Path::new("x"), true).unwrap(),
            "ab\u{FFFD}"
        );
        assert!(matches!(
            decode(b"a\0b".to_vec(), Path::new("x"), true),
            Err(Error::Binary { byte_offset: 1, .. })
        ));
    }
}
