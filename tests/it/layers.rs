//! The core crate's layers depend downward only: `units` ← `data` ← `chart` ← `layout`
//! ← `draw` ← `session` (and `exercise`, which drives everything). `error` is shared
//! by all of them and uses `units` only. Rust cannot forbid an import inside one crate,
//! so this test reads the sources: a path to a higher layer in code (not in a comment)
//! fails it.

use std::path::{Path, PathBuf};

use super::repo_root;

/// The layers, lowest first; a module may name its own layer and those before it.
const LAYERS: [&str; 8] = ["units", "error", "data", "chart", "layout", "draw", "session", "exercise"];

fn rank(name: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| *layer == name)
}

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The layer of a source file: its first directory under `src/`, or its own name.
fn layer_of(src: &Path, file: &Path) -> Option<usize> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    rank(first.trim_end_matches(".rs"))
}

/// Every `crate::<layer>` named in the code of `text` (comments left out), with its line.
fn named_layers(text: &str) -> Vec<(usize, String)> {
    let mut named = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            named.push((number + 1, name));
        }
    }
    named
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let src = repo_root().join("crates/autonomie/src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    let mut checked = 0;
    for file in &files {
        let Some(own) = layer_of(&src, file) else { continue };
        checked += 1;
        for (line, name) in named_layers(&std::fs::read_to_string(file).unwrap()) {
            if rank(&name).is_some_and(|other| other > own) {
                upward.push(format!("{}:{line}: {} uses crate::{name}", file.display(), LAYERS[own]));
            }
        }
    }
    assert!(checked > 20, "only {checked} source files found under {}", src.display());
    assert!(upward.is_empty(), "imports that go up the layers:\n{}", upward.join("\n"));
}

#[test]
fn the_check_sees_an_upward_import() {
    let named = named_layers("use crate::units::date::Date;\nuse crate::draw::render; // crate::session\n");
    let names: Vec<&str> = named.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["units", "draw"]);
    assert!(rank("draw") > rank("chart"));
}
