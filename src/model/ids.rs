//! Stable record ids.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A record's stable id, unique within the board file.
///
/// Ids are made offline without coordination: a new record gets a random
/// UUID (v4, 32 hex digits), so two laptops adding entries on the same day never
/// collide. Hand-written boards may use readable ids such as `data-centre`.
/// An id is 1–64 characters of ASCII letters, digits, `-` and `_`, and never
/// changes once made: links between records use it, and merges match records by it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

/// Why a text is not a valid [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The id is empty.
    #[error("an id cannot be empty")]
    Empty,
    /// The id is longer than 64 characters.
    #[error("id `{0}` is longer than 64 characters")]
    TooLong(String),
    /// The id has a character other than ASCII letters, digits, `-` or `_`.
    #[error("id `{0}` may only use letters, digits, `-` and `_`")]
    BadCharacter(String),
}

impl Id {
    /// Makes a new random id (UUID v4 without dashes).
    pub fn generate() -> Self {
        Id(uuid::Uuid::new_v4().simple().to_string())
    }

    /// Checks and wraps a text as an id.
    pub fn new(text: impl Into<String>) -> Result<Self, IdError> {
        let text = text.into();
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if text.len() > 64 {
            return Err(IdError::TooLong(text));
        }
        if !text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(IdError::BadCharacter(text));
        }
        Ok(Id(text))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Id::new(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_distinct() {
        let a = Id::generate();
        let b = Id::generate();
        assert_ne!(a, b);
        assert_eq!(Id::new(a.as_str()), Ok(a.clone()));
        assert_eq!(a.as_str().len(), 32);
    }

    #[test]
    fn bad_ids_are_refused() {
        assert_eq!(Id::new(""), Err(IdError::Empty));
        assert!(matches!(Id::new("a b"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::new("x".repeat(65)), Err(IdError::TooLong(_))));
        assert!(Id::new("data-centre_2").is_ok());
    }
}
