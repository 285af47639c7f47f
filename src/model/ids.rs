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

    /// `count` fresh ids for records made together (an import of thousands):
    /// one random 122-bit start, counted on, each a version-4 UUID like
    /// [`Id::generate`]'s, without asking the system for randomness per id.
    pub fn generate_series(count: usize) -> impl Iterator<Item = Id> {
        let start = uuid::Uuid::new_v4().as_u128();
        (0..count as u128).map(move |n| {
            let bytes = start.wrapping_add(n << 8).to_be_bytes();
            Id(uuid::Builder::from_random_bytes(bytes)
                .into_uuid()
                .simple()
                .to_string())
        })
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
    #[test]
    fn a_series_of_ids_are_distinct_version_4_uuids() {
        let ids: Vec<Id> = Id::generate_series(5000).collect();
        let distinct: std::collections::HashSet<&Id> = ids.iter().collect();
        assert_eq!(distinct.len(), 5000);
        for id in &ids {
            assert_eq!(Id::new(id.as_str()).as_ref(), Ok(id));
            let u = uuid::Uuid::parse_str(id.as_str()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(u.get_version_num(), 4);
        }
        let other: Vec<Id> = Id::generate_series(3).collect();
        assert!(!ids.contains(&other[0]), "another series starts elsewhere");
    }

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
