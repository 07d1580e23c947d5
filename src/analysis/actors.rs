//! People, organisations, countries, groups and places: names, kinds, roles, aliases, mentions,
//! salience. (Filled in by the actors issue.)

use super::text::Document;
use crate::model::Actor;

/// Finds the actors of a document, most salient first.
pub fn extract(_doc: &Document) -> Vec<Actor> {
    Vec::new()
}
