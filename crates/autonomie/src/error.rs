//! The one error type of the crate, and its messages in both languages.
//!
//! Every message a reader can see exists in English and in French: a [`Problem`]
//! carries both, written where the problem is found, and [`Error::describe`] gives the
//! whole message in a [`Lang`]. `Display` is the English one (logs, tests). JSON paths,
//! line and column numbers and the dataset's own strings are the same in both.

use std::fmt;

use crate::units::i18n::{Lang, Text};

/// A problem at one place of the dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the JSON document: `charts[1].views[0].series[2].points[0].value`.
    pub path: String,
    /// What is wrong and what is expected, in both languages.
    pub message: Text,
}

/// Paths longer than this many characters are shortened in messages.
const LONGEST_PATH_SHOWN: usize = 100;

impl Problem {
    /// A problem at `path`, said in English and in French.
    pub fn new(path: impl Into<String>, en: impl Into<String>, fr: impl Into<String>) -> Problem {
        Problem { path: path.into(), message: Text { en: en.into(), fr: fr.into() } }
    }

    /// The path and the message in `lang`: `path: message` (`path : message` in French).
    pub fn describe(&self, lang: Lang) -> String {
        let message = self.message.get(lang);
        let colon = match lang {
            Lang::En => ":",
            Lang::Fr => " :",
        };
        let length = self.path.chars().count();
        if length == 0 {
            message.to_owned()
        } else if length > LONGEST_PATH_SHOWN {
            // Such as 128 nested arrays: the start and the end of the path say where.
            let start: String = self.path.chars().take(60).collect();
            let end: String = self.path.chars().skip(length - 30).collect();
            format!("{start}…{end}{colon} {message}")
        } else {
            format!("{}{colon} {message}", self.path)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Everything that can go wrong between a dataset file and pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file is not JSON, or a field has the wrong JSON type, or an unknown,
    /// repeated or missing field (read by [`crate::data::spec::DatasetSpec::read`]).
    Syntax(Problem),
    /// The JSON is well formed but breaks the rules of the format; every problem found.
    Invalid(Vec<Problem>),
    /// An option given by the page or an embed (chart, view, scale, currency, language,
    /// series, theme) that does not exist.
    UnknownOption {
        /// Which option, in English: `chart`, `view`, `scale`, `currency`, `language`,
        /// `series` or `theme`.
        option: &'static str,
        /// The value given.
        value: String,
        /// The accepted values.
        expected: Vec<String>,
    },
    /// The dataset file is larger than the limit; it was not read.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The largest size accepted, in bytes.
        limit: usize,
    },
    /// The drawing backend failed, with the backend's own words.
    Draw(String),
    /// The browser refused a call on the canvas (an extension or a page script may block
    /// it), with the failure's own words.
    Refused(String),
    /// The browser gives no 2D context for a canvas.
    NoContext,
}

/// How many problems the message of [`Error::Invalid`] lists; the rest are counted.
pub const MAX_PROBLEMS_SHOWN: usize = 50;

impl Error {
    /// The whole message in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Error::Syntax(problem) => {
                let problem = problem.describe(lang);
                if fr {
                    format!("le fichier de données n’est pas un JSON valide pour ce format : {problem}")
                } else {
                    format!("the dataset is not valid JSON for this format: {problem}")
                }
            }
            Error::Invalid(problems) => {
                let count = problems.len();
                let mut text = match (fr, count) {
                    (true, 1) => "le fichier de données a 1 problème :".to_owned(),
                    (true, _) => format!("le fichier de données a {count} problèmes :"),
                    (false, 1) => "the dataset has 1 problem:".to_owned(),
                    (false, _) => format!("the dataset has {count} problems:"),
                };
                for problem in problems.iter().take(MAX_PROBLEMS_SHOWN) {
                    text.push_str("\n- ");
                    text.push_str(&problem.describe(lang));
                }
                if count > MAX_PROBLEMS_SHOWN {
                    let more = count - MAX_PROBLEMS_SHOWN;
                    text.push_str(&if fr {
                        format!("\n- … et {more} autres")
                    } else {
                        format!("\n- … and {more} more")
                    });
                }
                text
            }
            Error::UnknownOption { option, value, expected } => {
                if fr {
                    format!(
                        "{} inconnu{} « {value} » ; valeurs possibles : {}",
                        option_fr(option),
                        if option_feminine(option) { "e" } else { "" },
                        expected.join(", ")
                    )
                } else {
                    format!("unknown {option} \"{value}\"; expected one of: {}", expected.join(", "))
                }
            }
            Error::TooLarge { bytes, limit } => {
                let megabytes = limit / (1024 * 1024);
                if fr {
                    format!(
                        "le fichier de données dépasse {megabytes} Mo ({bytes} octets ; la limite est de {limit} octets) : il n’a pas été lu"
                    )
                } else {
                    format!(
                        "the dataset is larger than {megabytes} MB ({bytes} bytes; the limit is {limit} bytes), so it was not read"
                    )
                }
            }
            Error::Draw(message) => {
                if fr {
                    format!("le dessin a échoué : {message}")
                } else {
                    format!("drawing failed: {message}")
                }
            }
            Error::Refused(message) => {
                if fr {
                    format!("le navigateur a refusé de dessiner sur le canvas (une extension du navigateur ou un script de la page peut le bloquer) : le dessin a échoué : {message}")
                } else {
                    format!("the browser refused to draw on the canvas (a browser extension or a script of the page may block it): drawing failed: {message}")
                }
            }
            Error::NoContext => {
                if fr {
                    "ce navigateur ne donne pas de contexte 2D de canvas".to_owned()
                } else {
                    "this browser gives no 2D canvas context".to_owned()
                }
            }
        }
    }

    /// The whole message in the language of code `lang` (`fr` or `en`): the page's
    /// language when a chart has none yet; the default language when absent, English when
    /// the code itself is unknown (the reader's language is then unknown too).
    pub fn describe_in(&self, lang: Option<&str>) -> String {
        self.describe(match lang {
            None => Lang::default(),
            Some(code) => Lang::parse(code).unwrap_or(Lang::En),
        })
    }
}

/// The French name of an option of [`Error::UnknownOption`].
fn option_fr(option: &str) -> &str {
    match option {
        "chart" => "graphique",
        "view" => "vue",
        "scale" => "échelle",
        "currency" => "devise",
        "language" => "langue",
        "theme" => "thème",
        "series" => "série",
        other => other,
    }
}

/// Whether the French name of `option` is feminine (`vue inconnue`).
fn option_feminine(option: &str) -> bool {
    matches!(option, "view" | "scale" | "currency" | "language" | "series")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for Error {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>> for Error {
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        Error::Draw(error.to_string())
    }
}
