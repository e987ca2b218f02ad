//! Fast string-keyed maps: `rustc-hash`'s FxHash is much cheaper than SipHash
//! on short keys and deterministic; the keys are not attacker-chosen in a way
//! that matters for an offline tool.
pub(crate) use rustc_hash::{FxHashMap, FxHashSet};
