//! The terminal reader. (Filled in by the reader issue.)
