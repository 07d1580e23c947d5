//! Direct quotations and their speakers.

use super::text::Document;
use crate::model::{Actor, Quote};

/// Finds the quotations of a document, in text order.
pub fn extract(_doc: &Document, _actors: &[Actor]) -> Vec<Quote> {
    Vec::new()
}
