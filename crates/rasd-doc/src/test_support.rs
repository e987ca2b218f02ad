//! Helpers for tests (feature `test-support`).
use std::path::PathBuf;

use crate::{Doc, Span};

/// Path of `rel` inside the shared material (`$RASD_SHARED`, else `../shared`
/// beside the workspace). `None` — with a printed reason — when absent, so
/// tests that need it can skip.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("RASD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let p = base.join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: shared data {} not found (set RASD_SHARED)",
            p.display()
        );
        None
    }
}

/// Asserts that `span` slices `doc.text` to `want`.
#[track_caller]
pub fn assert_span(doc: &Doc, span: Span, want: &str) {
    let got = doc.text.get(span.range());
    assert_eq!(
        got,
        Some(want),
        "help: span {span:?} of doc {} does not slice to {want:?}",
        doc.id
    );
}
