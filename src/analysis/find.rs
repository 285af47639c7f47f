//! Finding programmes by what a user types: every word must appear in the
//! programme's name or its SRO, in any case ("rail transport" finds "Rail Upgrade
//! 9" when its SRO is at the Department for Transport).

use crate::model::Programme;

/// Whether `p` matches `query` (an empty query matches every programme).
pub fn programme_matches(p: &Programme, query: &str) -> bool {
    let haystack = format!("{} {}", p.name, p.sro).to_lowercase();
    query
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn programme(name: &str, sro: &str) -> Programme {
        let mut p = Programme::new(Id::generate(), name);
        p.sro = sro.into();
        p
    }

    #[test]
    fn every_word_must_appear_in_the_name_or_the_sro_in_any_case() {
        let p = programme("Rail Upgrade 9", "SRO, Department for Transport");
        assert!(programme_matches(&p, ""));
        assert!(programme_matches(&p, "rail"));
        assert!(programme_matches(&p, "RAIL transport"));
        assert!(!programme_matches(&p, "rail defence"));
        assert!(!programme_matches(&p, "hospital"));
    }
}
