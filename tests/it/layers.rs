//! The core crate's layers depend downward only: `units` ← `data` ← `chart` ← `layout`
//! ← `draw` ← `session` (and `exercise`, which drives everything). `error` is shared
//! by all of them and uses `units` only. And the bindings crate (the wasm library,
//! `src/` at the repository's root) names only the core's façade: the items that
//! `crates/autonomie/src/lib.rs` re-exports, never a module of the core. Rust cannot
//! forbid an import inside one crate, nor a public path to another, so this test reads
//! the sources: a path to a higher layer, or past the façade, in code (not in a comment)
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

/// The names that the core's `lib.rs` re-exports (`pub use …::{A, B};`, `pub use …::C;`).
fn facade(lib: &str) -> Vec<String> {
    let code: String = lib.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut names = Vec::new();
    for statement in code.split(';') {
        let Some(at) = statement.find("pub use ") else { continue };
        let path = &statement[at + "pub use ".len()..];
        let last = match path.rfind('{') {
            Some(open) => &path[open + 1..path.rfind('}').unwrap_or(path.len())],
            None => path.rsplit("::").next().unwrap_or(""),
        };
        for item in last.split(',') {
            let item = item.trim();
            let name = item.rsplit("::").next().unwrap_or(item).trim();
            if !name.is_empty() {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// Every name that `text`'s code reaches through `autonomie::`: the first segment after
/// it, or each name of a `{…}` group, with its line.
fn core_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("autonomie::") {
            if code[..at].ends_with('_') || code[..at].ends_with(|c: char| c.is_ascii_alphanumeric()) {
                continue;
            }
            let rest = &code[at + "autonomie::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = group.split('}').next().unwrap_or("");
                found.extend(
                    group.split(',').map(str::trim).filter(|n| !n.is_empty()).map(|n| (number + 1, n.to_owned())),
                );
            } else {
                let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                found.push((number + 1, name));
            }
        }
    }
    found
}

#[test]
fn the_bindings_crate_names_only_the_core_facade() {
    let facade = facade(&std::fs::read_to_string(repo_root().join("crates/autonomie/src/lib.rs")).unwrap());
    assert!(facade.iter().any(|n| n == "Session") && facade.iter().any(|n| n == "Context2d"), "{facade:?}");
    let src = repo_root().join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut past = Vec::new();
    let mut used = 0;
    for file in &files {
        for (line, name) in core_paths(&std::fs::read_to_string(file).unwrap()) {
            used += 1;
            if !facade.contains(&name) {
                past.push(format!("{}:{line}: autonomie::{name} is not in the core's façade", file.display()));
            }
        }
    }
    assert!(files.len() >= 2 && used > 5, "{} files, {used} paths to the core under {}", files.len(), src.display());
    assert!(past.is_empty(), "the bindings crate goes past the façade:\n{}", past.join("\n"));
}

#[test]
fn the_facade_check_sees_a_module_path() {
    let found =
        core_paths("use autonomie::{Session, Frame};\nlet x = autonomie::layout::plan::plan(); // autonomie::data\n");
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["Session", "Frame", "layout"]);
    let facade = facade("pub mod layout;\npub use session::{Session, Frame};\n/// x\npub use error::Error;\n");
    assert_eq!(facade, ["Session", "Frame", "Error"]);
}
