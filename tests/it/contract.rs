//! The contract between the wasm and the scripts (`crates/autonomie/src/session/contract.rs`)
//! and its written forms, which are committed: `www/contract.js` and the generated part
//! of `package/autonomie-chart.d.ts`. This test fails when either is out of date;
//! `UPDATE_CONTRACT=1 cargo test -q contract` rewrites them.

use autonomie::data::model::Dataset;
use autonomie::session::contract::{contract_d_ts, contract_js, replace_generated};

fn check(path: &str, expected: &str) {
    let path = crate::repo_root().join(path);
    if std::env::var_os("UPDATE_CONTRACT").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is out of date with the contract: run `UPDATE_CONTRACT=1 cargo test -q contract`",
        path.display()
    );
}

#[test]
fn www_contract_js_is_written_from_the_contract() {
    check("www/contract.js", &contract_js(&Dataset::embedded().unwrap()));
}

#[test]
fn the_package_declarations_are_written_from_the_contract() {
    let path = "package/autonomie-chart.d.ts";
    let text = std::fs::read_to_string(crate::repo_root().join(path)).unwrap();
    let generated = contract_d_ts(&Dataset::embedded().unwrap());
    let expected = replace_generated(&text, &generated).expect("the .d.ts has a // <contract> part");
    check(path, &expected);
}

#[test]
fn no_script_writes_a_shared_constant_again() {
    // The widths, the chart list and the vocabularies come from www/contract.js: no
    // script of the widget spells them out.
    for entry in std::fs::read_dir(crate::repo_root().join("www")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".js") || name == "contract.js" || name == "words.js" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for spelled in
            ["[390, 760]", "504", "'models', 'valuations'", "['linear', 'log']", "['EUR', 'USD']", "keep equal"]
        {
            assert!(!text.contains(spelled), "{name} spells out {spelled:?}: take it from contract.js");
        }
    }
}
