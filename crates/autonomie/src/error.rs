//! The one error type of the crate.

use std::fmt;

/// A problem at one place of the dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the JSON document: `charts[1].views[0].series[2].points[0].value`.
    pub path: String,
    /// What is wrong and what is expected.
    pub message: String,
}

/// Paths longer than this many characters are shortened in messages.
const LONGEST_PATH_SHOWN: usize = 100;

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let length = self.path.chars().count();
        if length == 0 {
            write!(f, "{}", self.message)
        } else if length > LONGEST_PATH_SHOWN {
            // Such as 128 nested arrays: the start and the end of the path say where.
            let start: String = self.path.chars().take(60).collect();
            let end: String = self.path.chars().skip(length - 30).collect();
            write!(f, "{start}…{end}: {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Everything that can go wrong between a dataset file and pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file is not JSON, or a field has the wrong JSON type, or an unknown,
    /// repeated or missing field (read by [`crate::spec::DatasetSpec::read`]).
    Syntax(Problem),
    /// The JSON is well formed but breaks the rules of the format; every problem found.
    Invalid(Vec<Problem>),
    /// An option given by the page or an embed (chart, view, scale, currency, language,
    /// series) that does not exist.
    UnknownOption {
        /// Which option.
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
    /// The drawing backend failed.
    Draw(String),
}

/// How many problems the message of [`Error::Invalid`] lists; the rest are counted.
pub const MAX_PROBLEMS_SHOWN: usize = 50;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax(problem) => write!(f, "the dataset is not valid JSON for this format: {problem}"),
            Error::Invalid(problems) => {
                let count = problems.len();
                write!(f, "the dataset has {count} problem{}:", if count == 1 { "" } else { "s" })?;
                for problem in problems.iter().take(MAX_PROBLEMS_SHOWN) {
                    write!(f, "\n- {problem}")?;
                }
                if count > MAX_PROBLEMS_SHOWN {
                    write!(f, "\n- … and {} more", count - MAX_PROBLEMS_SHOWN)?;
                }
                Ok(())
            }
            Error::UnknownOption { option, value, expected } => {
                write!(f, "unknown {option} \"{value}\"; expected one of: {}", expected.join(", "))
            }
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the dataset is larger than {} MB ({bytes} bytes; the limit is {limit} bytes), so it was not read",
                limit / (1024 * 1024)
            ),
            Error::Draw(message) => write!(f, "drawing failed: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>> for Error {
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        Error::Draw(error.to_string())
    }
}
