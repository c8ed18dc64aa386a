//! Embeds the dataset without its indentation: `data/autonomie.json` is written for
//! people, with two spaces of indentation and a line per field; the copy compiled into
//! the widget keeps every character of its strings and numbers, and drops only the
//! whitespace between tokens (about a third of the file, 1 KB of the gzipped wasm).

use std::path::Path;

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/autonomie.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = match std::fs::read_to_string(&source) {
        Ok(text) => text,
        Err(error) => panic!("cannot read {}: {error}", source.display()),
    };
    let mut compact = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            compact.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            compact.push(c);
        }
    }
    let Some(out) = std::env::var_os("OUT_DIR") else { panic!("OUT_DIR is not set") };
    let target = Path::new(&out).join("autonomie.json");
    if let Err(error) = std::fs::write(&target, compact) {
        panic!("cannot write {}: {error}", target.display());
    }
}
