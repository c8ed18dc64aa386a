//! Any bytes as a dataset, then any reader actions: parse, validate, toggle, lay out,
//! hit-test, describe, export and draw to SVG. Errors are fine; a panic, an abort, a
//! hang or a leak is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = autonomie::exercise::run_bytes(data);
});
