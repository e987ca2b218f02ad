//! `rasd-ingest` — document readers.
//!
//! Turns files, directories, archives and stdin into [`rasd_doc::Doc`]s,
//! one per input document, in a deterministic order, without stopping at bad
//! input: every problem is an [`Error`] naming the file and position, yielded
//! in place of the document it spoiled, and the rest of the batch goes on.
//!
//! Formats ([`Format`]):
//! * **text** — the seed format (optional leading whitespace, `date
//!   YYYY-MM-DD`, then the body on the same or the next line; the header
//!   becomes `dateline`) or plain text without a header;
//! * **jsonl** — one object a line with `id`, `date`, `title`, `text` (also
//!   `content`, `body`, `date_extracted`, `url`);
//! * **json** — an array of such objects (the SaudiNewsNet layout);
//! * **zip** — archives of `.json`, `.jsonl` and `.txt` members.
//!
//! ```
//! let doc = rasd_ingest::parse_text("seed", " date 2025-11-26 قال الكرملين", None);
//! assert_eq!(doc.dateline.unwrap().to_string(), "2025-11-26");
//! assert_eq!(doc.text, "قال الكرملين");
//! ```
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod decode;
mod json;
mod read;
mod text;

pub use decode::decode;
pub use json::{doc_from_json, JsonDoc};
pub use read::{expand_inputs, read_bytes, read_input, Input};
pub use text::parse_text;

use std::path::PathBuf;

use chrono::NaiveDate;

/// Errors of the readers; each names the file and, where it applies, the position.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// Invalid UTF-8 (use `--lossy` to replace it).
    #[error("{path}: invalid UTF-8 at byte {byte_offset} (use --lossy to replace invalid bytes)")]
    Utf8 {
        /// File (or `archive!member`).
        path: PathBuf,
        /// Offset of the first invalid byte.
        byte_offset: usize,
    },
    /// A NUL byte: the file is binary, not text.
    #[error("{path}: binary data (NUL byte at byte {byte_offset}), not a text document")]
    Binary {
        /// File.
        path: PathBuf,
        /// Offset of the NUL byte.
        byte_offset: usize,
    },
    /// Malformed JSON.
    #[error("{path}:{line}: malformed JSON: {message}")]
    Json {
        /// File.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What serde_json said.
        message: String,
    },
    /// A JSON record without any text field.
    #[error("{path}:{line}: record has no text (expected one of text, content, body)")]
    NoText {
        /// File.
        path: PathBuf,
        /// 1-based line (JSONL) or 1-based record index (JSON array).
        line: usize,
    },
    /// The document body is empty.
    #[error("{path}: empty document")]
    Empty {
        /// File (or `file:line`).
        path: PathBuf,
    },
    /// The document is larger than the limit.
    #[error("{path}: document of {bytes} bytes exceeds the limit of {limit} bytes (raise it with --max-doc-bytes)")]
    TooLarge {
        /// File (or `file:line`).
        path: PathBuf,
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A broken archive.
    #[error("{path}: broken zip archive: {message}")]
    Zip {
        /// File.
        path: PathBuf,
        /// What the zip reader said.
        message: String,
    },
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Seed format or plain text.
    Text,
    /// JSON Lines.
    Jsonl,
    /// A JSON array of records.
    Json,
    /// A zip archive of any of the above.
    Zip,
}

impl Format {
    /// The format implied by a file name's extension (text by default).
    pub fn from_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl" | "ndjson") => Format::Jsonl,
            Some("json") => Format::Json,
            Some("zip") => Format::Zip,
            _ => Format::Text,
        }
    }
}

/// Options shared by all readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force a format instead of guessing from the extension.
    pub format: Option<Format>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Dateline for documents that carry none.
    pub default_date: Option<NaiveDate>,
    /// Largest accepted document, in bytes.
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            lossy: false,
            default_date: None,
            max_doc_bytes: 16 << 20,
        }
    }
}

/// The contract's fallback id: the first 16 hex digits of the SHA-256 of the text.
pub fn content_id(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(text.as_bytes());
    h.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Documents of the zips, JSON and text files under `dir` (sorted, recursive)
/// until their bodies reach `max_bytes` — for benchmarks and corpus checks.
/// Unreadable inputs are skipped; an absent `dir` gives an empty list.
pub fn corpus_sample(dir: &std::path::Path, max_bytes: usize) -> Vec<rasd_doc::Doc> {
    let mut docs = Vec::new();
    let mut total = 0usize;
    let opts = ReadOptions::default();
    for input in expand_inputs(&[dir.to_path_buf()]).into_iter().flatten() {
        for doc in read_input(&input, &opts).flatten() {
            total += doc.text.len();
            docs.push(doc);
            if total >= max_bytes {
                return docs;
            }
        }
    }
    docs
}

/// The non-empty article bodies of [`corpus_sample`] — what throughput
/// benchmarks annotate.
pub fn corpus_texts(dir: &std::path::Path, max_bytes: usize) -> Vec<String> {
    corpus_sample(dir, max_bytes)
        .into_iter()
        .map(|d| d.text)
        .filter(|t| !t.trim().is_empty())
        .collect()
}
