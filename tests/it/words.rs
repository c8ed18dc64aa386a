//! The one table of words (`crates/autonomie/src/units/i18n.rs`) and its JavaScript form,
//! `www/words.js`, which is committed: this test fails when the file is out of date;
//! `UPDATE_WORDS=1 cargo test -q words` rewrites it.

use autonomie::units::i18n::words_js;

#[test]
fn www_words_js_is_written_from_the_one_table_of_words() {
    let path = crate::repo_root().join("www/words.js");
    let expected = words_js();
    if std::env::var_os("UPDATE_WORDS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "www/words.js is out of date with crates/autonomie/src/units/i18n.rs: run `UPDATE_WORDS=1 cargo test -q words`"
    );
}

#[test]
fn no_script_of_the_widget_or_the_page_keeps_its_own_dictionary() {
    // The words of the interface come from www/words.js only: no script spells out a
    // French word of the table itself.
    let table = std::fs::read_to_string(crate::repo_root().join("www/words.js")).unwrap();
    let french: Vec<&str> =
        ["Ce graphique ne peut pas", "Télécharger", "Intégrer ce graphique", "Source :", "Répartition"]
            .into_iter()
            .inspect(|word| assert!(table.contains(word), "{word} is in the table"))
            .collect();
    for entry in std::fs::read_dir(crate::repo_root().join("www")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "js") && !path.ends_with("words.js") {
            let text = std::fs::read_to_string(&path).unwrap();
            for word in &french {
                assert!(!text.contains(word), "{} spells out {word:?}: take it from words.js", path.display());
            }
        }
    }
}

#[test]
fn no_module_writes_words_of_its_own() {
    // Every word a reader sees in both languages comes from the table of words
    // (units/i18n.rs; the error messages from error.rs): no other module chooses a text
    // by language. A module's own tests may.
    let mut files = Vec::new();
    for root in ["crates/autonomie/src", "src"] {
        let mut stack = vec![crate::repo_root().join(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
    }
    let mut chosen = Vec::new();
    for path in &files {
        if path.ends_with("i18n.rs") || path.ends_with("error.rs") || path.parent().is_some_and(|p| p.ends_with("i18n"))
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (number, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            if ["Lang::Fr =>", "Lang::En =>", "Lang::Fr) =>", "Lang::En) =>", "== Lang::", "!= Lang::"]
                .iter()
                .any(|p| line.contains(p))
            {
                chosen.push(format!("{}:{}: {}", path.display(), number + 1, line.trim()));
            }
        }
    }
    assert!(files.len() > 30, "{} files", files.len());
    assert!(chosen.is_empty(), "texts chosen by language outside the table of words:\n{}", chosen.join("\n"));
}
