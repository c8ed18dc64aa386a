//! The dependency policy, checked from `cargo metadata` on every test run (the same
//! rules as `deny.toml`, for machines without cargo-deny): licences that allow
//! redistribution in a widget anyone may embed, no network or native-TLS crate, and
//! the exact list of crates shipped in the wasm, so that one is added only on purpose
//! (and listed in README.md's dependency table).

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

const ALLOWED_LICENSES: [&str; 8] =
    ["MIT", "Apache-2.0", "Unicode-3.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "Unlicense"];
const BANNED: [&str; 8] = ["openssl", "openssl-sys", "native-tls", "reqwest", "hyper", "ureq", "curl", "sentry"];

/// Crates compiled into the wasm widget: normal dependencies for wasm32, without the
/// proc-macros (js-sys brings futures-util and its small helpers; unused code is
/// removed by LTO).
const SHIPPED: [&str; 16] = [
    "autonomie",
    "cfg-if",
    "futures-core",
    "futures-task",
    "futures-util",
    "js-sys",
    "num-traits",
    "pin-project-lite",
    "plotters",
    "plotters-backend",
    "plotters-svg",
    "slab",
    "unicode-ident",
    "wasm-bindgen",
    "wasm-bindgen-shared",
    "web-sys",
];

fn metadata(platform: Option<&str>) -> Value {
    let mut command = Command::new(env!("CARGO"));
    command.args(["metadata", "--format-version", "1", "--locked", "--offline"]).current_dir(crate::repo_root());
    if let Some(platform) = platform {
        command.args(["--filter-platform", platform]);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Whether an SPDX expression lets us pick allowed licences (`A OR B`, `A AND B`,
/// parentheses, and the old `A/B` form).
fn allowed(expression: &str) -> bool {
    let expression = expression.replace('/', " OR ").replace(['(', ')'], " ");
    expression.split(" OR ").map(str::trim).any(|choice| {
        choice.split(" AND ").map(str::trim).all(|license| {
            // "(A OR B) AND C" split on OR leaves "A" and "B AND C": fine for the
            // expressions in our tree, which the test below lists.
            ALLOWED_LICENSES.contains(&license)
        })
    })
}

#[test]
fn every_dependency_has_an_allowed_license_and_none_is_banned() {
    let meta = metadata(None);
    let mut refused = Vec::new();
    for package in meta["packages"].as_array().unwrap() {
        let name = package["name"].as_str().unwrap();
        let license = package["license"].as_str().unwrap_or("(none)");
        if !allowed(license) {
            refused.push(format!("{name}: {license}"));
        }
        assert!(!BANNED.contains(&name), "{name} is banned (no network or native TLS code in the widget)");
    }
    assert!(refused.is_empty(), "licences not allowed: {refused:?}");
    assert!(
        allowed("MIT OR Apache-2.0")
            && allowed("(MIT OR Apache-2.0) AND Unicode-3.0")
            && !allowed("GPL-3.0")
            && !allowed("MIT AND GPL-3.0")
    );
}

#[test]
fn the_wasm_ships_exactly_the_listed_crates() {
    let meta = metadata(Some("wasm32-unknown-unknown"));
    let packages: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    // Proc-macro crates run in the compiler, not in the widget.
    let proc_macros: BTreeSet<&str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["targets"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "proc-macro"))
        })
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let nodes: HashMap<&str, &Value> =
        meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let root = meta["resolve"]["root"].as_str().unwrap();
    let mut shipped = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if proc_macros.contains(id) || !shipped.insert(packages[id]) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    let expected: BTreeSet<&str> = SHIPPED.into_iter().collect();
    assert_eq!(
        shipped, expected,
        "the crates shipped in the wasm changed: update SHIPPED and README.md's dependency table"
    );
}
