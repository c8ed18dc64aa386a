//! serde_json's errors in plain words, in English and in French: the path of the value
//! where reading stopped, what is wrong, and the line and column (in characters) where
//! the wrong value starts.

use serde_path_to_error::Segment;

use crate::error::Problem;

/// What a value should have been, as [`plain`] says it: serde's name of the expected
/// type (a primitive's, or the `expecting` text of the visitors above), and ours in
/// English and in French.
const EXPECTED: [(&str, &str, &str); 11] = [
    ("a string or an object", "a string or an object {en, fr}", "une chaîne ou un objet {en, fr}"),
    ("a string, an object or null", "a string, an object {en, fr} or null", "une chaîne, un objet {en, fr} ou null"),
    ("f64", "a number", "un nombre"),
    ("a sequence", "an array", "un tableau"),
    ("u32", "a whole number from 0 to 4294967295", "un nombre entier de 0 à 4294967295"),
    ("a boolean", "true or false", "true ou false"),
    ("a string", "a string", "une chaîne de caractères"),
    ("an object", "an object", "un objet"),
    ("an object or null", "an object or null", "un objet ou null"),
    ("an array of objects", "an array of objects", "un tableau d’objets"),
    ("an object of sources by key", "an object of sources by key", "un objet des sources par clé"),
];

/// serde_json's phrases for JSON that cannot be read, and ours in English and in French.
const REWORDED: [(&str, &str, &str); 20] = [
    (
        "EOF while parsing a value",
        "the file ends where a value was expected",
        "le fichier s’arrête là où une valeur est attendue",
    ),
    ("EOF while parsing a list", "the file ends inside an array", "le fichier s’arrête au milieu d’un tableau"),
    ("EOF while parsing an object", "the file ends inside an object", "le fichier s’arrête au milieu d’un objet"),
    ("EOF while parsing a string", "the file ends inside a string", "le fichier s’arrête au milieu d’une chaîne"),
    ("expected `:`", "expected `:` after the field name", "il faut `:` après le nom du champ"),
    ("expected ident", NOT_A_VALUE.0, NOT_A_VALUE.1),
    ("expected value", NOT_A_VALUE.0, NOT_A_VALUE.1),
    (
        "invalid escape",
        "invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
        "échappement invalide ; les seuls possibles sont \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
    ),
    ("lone leading surrogate in hex escape", LONE_SURROGATE.0, LONE_SURROGATE.1),
    ("unexpected end of hex escape", LONE_SURROGATE.0, LONE_SURROGATE.1),
    (
        "key must be a string",
        "expected a field name in double quotes",
        "il faut un nom de champ entre guillemets droits",
    ),
    (
        "trailing characters",
        "unexpected text after the end of the JSON document",
        "du texte suit la fin du document JSON",
    ),
    (
        "recursion limit exceeded",
        "arrays and objects nest more than 128 levels deep",
        "tableaux et objets imbriqués sur plus de 128 niveaux",
    ),
    ("trailing comma", "trailing comma", "virgule en trop"),
    ("invalid number", "invalid number", "nombre invalide"),
    ("number out of range", "number out of range", "nombre hors limites"),
    ("expected `,` or `]`", "expected `,` or `]`", "il faut `,` ou `]`"),
    ("expected `,` or `}`", "expected `,` or `}`", "il faut `,` ou `}`"),
    ("expected `\"`", "expected `\"`", "il faut `\"`"),
    ("invalid unicode code point", "invalid unicode code point", "point de code Unicode invalide"),
];

/// What serde_json calls `expected value` or `expected ident`.
const NOT_A_VALUE: (&str, &str) = (
    "expected a JSON value (an object, an array, a string, a number, true, false or null)",
    "il faut une valeur JSON (un objet, un tableau, une chaîne, un nombre, true, false ou null)",
);
/// A `\uD800`-`\uDFFF` escape without its pair.
const LONE_SURROGATE: (&str, &str) = (
    "a lone surrogate (\\uD800 to \\uDFFF without its pair) is not text",
    "un demi-caractère isolé (\\uD800 à \\uDFFF sans sa paire) n’est pas du texte",
);

/// The longest string quoted in a message, in characters.
const LONGEST_QUOTE: usize = 40;

/// serde_json's error as a [`Problem`]: the path of the value where reading stopped,
/// what is wrong in plain words, and `at line L column C`, where the value (or field
/// name, or character) that is wrong starts, the column counted in characters.
pub(super) fn plain(error: &serde_json::Error, path: &serde_path_to_error::Path, text: &str) -> Problem {
    let mut path_text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => path_text.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !path_text.is_empty() {
                    path_text.push('.');
                }
                path_text.push_str(key);
            }
            // A field name that could not be read: the path is the object's.
            Segment::Unknown => {}
        }
    }
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let said = full.strip_suffix(&suffix).unwrap_or(&full);
    let at = place(said, text.as_bytes(), offset(text, error.line(), error.column()));
    let (en, fr) = match said {
        // The character itself, from the text.
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            let code = text.as_bytes().get(at).copied().unwrap_or_default();
            (
                format!("the control character U+{code:04X} must be written as an escape (such as \\n) in a string"),
                format!("le caractère de contrôle U+{code:04X} doit s’écrire échappé (comme \\n) dans une chaîne"),
            )
        }
        _ => reworded(said),
    };
    let (line, column) = position(text, at);
    Problem::new(
        path_text,
        format!("{en} at line {line} column {column}"),
        format!("{fr} à la ligne {line}, colonne {column}"),
    )
}

/// The byte offset of serde_json's line and column: the line's start plus the column,
/// which counts the bytes serde_json had read on that line (or, for an error about the
/// next character, that character too).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        _ => text.match_indices('\n').nth(line - 2).map_or(text.len(), |(at, _)| at + 1),
    };
    (start + column).min(text.len())
}

/// Where the message of `said` points: the byte offset of the wrong value, field name
/// or character, given `offset` (see [`offset`]).
fn place(said: &str, bytes: &[u8], offset: usize) -> usize {
    let last = offset.saturating_sub(1);
    if said.starts_with("EOF while") {
        // Just past the end.
        return offset;
    }
    if said.starts_with("missing field") {
        // The object's closing brace, the last character read.
        return last;
    }
    if said.starts_with("lone") || said.starts_with("unexpected end of hex") || said == "invalid escape" {
        // The backslash of the escape.
        return bytes.get(..offset).and_then(|before| before.iter().rposition(|&b| b == b'\\')).unwrap_or(last);
    }
    if said == "expected ident" {
        // The start of the misspelt word (`tru`, `nul`).
        return last - bytes[..last].iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    }
    if said == "trailing comma" {
        // serde_json stops at the bracket; the comma is before it.
        return bytes.get(..last).and_then(|before| before.iter().rposition(|&b| b == b',')).unwrap_or(last);
    }
    let value_read = ["invalid type: ", "invalid value: ", "unknown field", "duplicate", "number out of range"]
        .iter()
        .any(|start| said.starts_with(start));
    if !value_read {
        // The character serde_json stopped at.
        return last;
    }
    // serde_json has read the value (or field name) up to `offset`, and perhaps white
    // space after a field name; an array or an object starts at `offset`.
    let end = offset - bytes[..offset].iter().rev().take_while(|b| b.is_ascii_whitespace()).count();
    let token = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.');
    match end.checked_sub(1).and_then(|at| bytes.get(at)) {
        Some(b'"') => {
            // Back to the opening quote: the first one not escaped by an odd number of
            // backslashes.
            let mut at = end - 1;
            while at > 0 {
                at -= 1;
                if bytes[at] == b'"' && bytes[..at].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 0 {
                    return at;
                }
            }
            end - 1
        }
        Some(byte) if token(byte) => end - bytes[..end].iter().rev().take_while(|b| token(b)).count(),
        _ => offset,
    }
}

/// The line and column of byte offset `at` of `text`, both counted from 1, the column in
/// characters.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |newline| newline + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // A character starts at every byte that is not a UTF-8 continuation byte.
    let column = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, column)
}

/// serde's and serde_json's phrase `said`, in plain words, in English and in French.
fn reworded(said: &str) -> (String, String) {
    let type_error = said.strip_prefix("invalid type: ").or_else(|| said.strip_prefix("invalid value: "));
    if let Some((found, expected)) = type_error.and_then(|rest| rest.rsplit_once(", expected ")) {
        let (en, fr) = EXPECTED
            .iter()
            .find(|(serde, _, _)| *serde == expected)
            .map_or((expected, expected), |&(_, en, fr)| (en, fr));
        let (found_en, found_fr) = found_value(found);
        return (format!("expected {en}, found {found_en}"), format!("il faut {fr}, pas {found_fr}"));
    }
    if let Some(field) = said.strip_prefix("missing field ") {
        return (
            format!("{said} in the object that ends"),
            format!("champ {field} manquant dans l’objet qui se termine"),
        );
    }
    if let Some(field) = said.strip_prefix("duplicate field ") {
        return (said.to_owned(), format!("champ {field} en double"));
    }
    if let Some(rest) = said.strip_prefix("unknown field ") {
        // "`x`, expected one of `a`, `b`", "`x`, expected `a`" or "`x`, there are no fields".
        let (field, fields) = rest.split_once(", ").unwrap_or((rest, ""));
        let fields = fields.strip_prefix("expected one of ").or_else(|| fields.strip_prefix("expected "));
        let fr = match fields {
            Some(fields) => format!("champ {field} inconnu ; champs possibles : {fields}"),
            None => format!("champ {field} inconnu ; cet objet n’a pas de champ"),
        };
        return (said.to_owned(), fr);
    }
    if let Some(key) = said.strip_prefix("duplicate source key ").and_then(|rest| rest.split_once(';')) {
        return (said.to_owned(), format!("clé de source {} en double ; chaque source a sa propre clé", key.0));
    }
    // Any other phrase (none is known) stays as serde_json says it in English.
    match REWORDED.iter().find(|(serde, _, _)| *serde == said) {
        Some(&(_, en, fr)) => (en.to_owned(), fr.to_owned()),
        None => (said.to_owned(), "ce JSON ne peut pas être lu à cet endroit".to_owned()),
    }
}

/// How a message names the value it found, from serde's words for it, in English and
/// in French.
fn found_value(serde: &str) -> (String, String) {
    if let Some(quoted) = serde.strip_prefix("string ") {
        // serde quotes the string as Rust's `{:?}` does (escapes included).
        let inner = quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"')).unwrap_or(quoted);
        let shown = match inner.char_indices().nth(LONGEST_QUOTE) {
            Some((cut, _)) => format!("{}…", &inner[..cut]),
            None => inner.to_owned(),
        };
        return (format!("the string \"{shown}\""), format!("la chaîne \"{shown}\""));
    }
    let number = serde.strip_prefix("integer `").or_else(|| serde.strip_prefix("floating point `"));
    if let Some(number) = number.and_then(|n| n.strip_suffix('`')) {
        // zmij writes 1e300 as 1e+300.
        let number = number.replace("e+", "e");
        return (format!("the number {number}"), format!("le nombre {number}"));
    }
    let (en, fr) = match serde {
        "sequence" => ("an array", "un tableau"),
        "map" => ("an object", "un objet"),
        "boolean `true`" => ("true", "true"),
        "boolean `false`" => ("false", "false"),
        "null" | "unit" => ("null", "null"),
        other => (other, other),
    };
    (en.to_owned(), fr.to_owned())
}
