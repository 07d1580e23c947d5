//! Word lists compiled in from `assets/lexicon/`, each with its public source named in its header.
