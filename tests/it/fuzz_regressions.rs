//! Replays, on the stable toolchain, every input the fuzzer (`make fuzz`) ever found
//! a problem with (`fuzz/regressions/`), and its seeds: none may panic.

use std::fs;

use autonomie::exercise;

#[test]
fn fuzz_findings_and_seeds_neither_panic_nor_hang() {
    let root = crate::repo_root();
    let mut replayed = 0;
    for dir in ["fuzz/regressions", "examples/data", "data"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() || path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let bytes = fs::read(&path).unwrap();
            // Either outcome is fine; returning is the point.
            let _outcome = exercise::run_bytes(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed >= 2, "the seeds are there ({replayed} files)");
    // The real dataset with every action byte after it draws every time.
    let mut input = autonomie::data::model::EMBEDDED_JSON.as_bytes().to_vec();
    input.push(0);
    input.extend(0..=255u8);
    assert!(exercise::run_bytes(&input).unwrap() > 3 * 64);
}
