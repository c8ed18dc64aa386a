//! The exact list of crates compiled into the wasm widget, so that one is added only on
//! purpose (and listed in README.md's dependency table): each costs download size for
//! every reader. Licences and banned crates are checked by cargo-deny (`deny.toml`, run
//! by scripts/test.sh).
//!
//! The list comes from `cargo tree` for the web crate on wasm32, which needs only the
//! crates of that target (`cargo metadata` needs every crate of the lock file, even those
//! of targets never built here, such as `r-efi` for UEFI, and so fails offline on a fresh
//! machine). Without `--offline`, cargo downloads the wasm32 crates if the wasm build has
//! not done so yet.

use std::collections::BTreeSet;
use std::process::Command;

/// Crates compiled into the wasm widget: normal dependencies of `autonomie-web` for
/// wasm32, without the proc-macros, which run in the compiler (js-sys brings
/// futures-util and its small helpers, unused code removed by LTO; serde_json brings
/// itoa, memchr and zmij, its number writers and search).
const SHIPPED: [&str; 24] = [
    "autonomie",
    "autonomie-web",
    "cfg-if",
    "futures-core",
    "futures-task",
    "futures-util",
    "itoa",
    "js-sys",
    "memchr",
    "num-traits",
    "pin-project-lite",
    "plotters",
    "plotters-backend",
    "plotters-svg",
    "serde",
    "serde_core",
    "serde_json",
    "serde_path_to_error",
    "slab",
    "unicode-ident",
    "wasm-bindgen",
    "wasm-bindgen-shared",
    "web-sys",
    "zmij",
];

/// The names of the crates `cargo tree` prints for the web crate on wasm32.
fn shipped_crates() -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--locked",
            "--package",
            "autonomie-web",
            "--target",
            "wasm32-unknown-unknown",
            "--edges",
            "normal,no-proc-macro",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(crate::repo_root())
        .output()
        .unwrap();
    assert!(output.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    // Lines look like `plotters v0.3.7`, `autonomie v0.2.0 (/path)` or `js-sys v0.3.107 (*)`.
    text.lines().filter_map(|line| line.split_whitespace().next()).map(str::to_owned).collect()
}

#[test]
fn the_wasm_ships_exactly_the_listed_crates() {
    let shipped = shipped_crates();
    assert!(shipped.contains("wasm-bindgen") && shipped.contains("plotters"), "cargo tree listed {shipped:?}");
    assert!(!shipped.contains("wasm-bindgen-macro"), "proc-macros run in the compiler and are not listed");
    let expected: BTreeSet<String> = SHIPPED.iter().map(|name| (*name).to_owned()).collect();
    assert_eq!(
        shipped, expected,
        "the crates shipped in the wasm changed: update SHIPPED and README.md's dependency table"
    );
}
