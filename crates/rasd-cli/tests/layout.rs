//! The crate graph follows the data flow: core crates never reach the CLI
//! (nor, later, the store, server or Python crates).
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn dependencies_point_one_way() {
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(crate::util::root())
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in meta["packages"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap().to_string();
        let ds = p["dependencies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["kind"].is_null())
            .map(|d| d["name"].as_str().unwrap().to_string())
            .filter(|d| d.starts_with("rasd-"))
            .collect();
        deps.insert(name, ds);
    }
    let core = [
        "rasd-doc",
        "rasd-text",
        "rasd-ingest",
        "rasd-entities",
        "rasd-time",
        "rasd-quotes",
        "rasd-events",
        "rasd-extract",
    ];
    let upper = ["rasd-store", "rasd-server", "rasd-py", "rasd-cli"];
    for c in core {
        for d in deps.get(c).into_iter().flatten() {
            assert!(
                !upper.contains(&d.as_str()),
                "help: {c} must not depend on {d}"
            );
        }
    }
    assert!(
        deps["rasd-doc"].is_empty(),
        "rasd-doc depends on no other rasd crate"
    );
    for c in ["rasd-text", "rasd-ingest"] {
        assert!(
            !deps[c].iter().any(|d| core[3..].contains(&d.as_str())),
            "help: {c} must not depend on extraction crates"
        );
    }
}
