//! What article-cleaner's tests, benchmarks, fuzz targets and dev tools
//! share, with no dependency on the crate itself: synthetic pages of any
//! size ([`synthetic`]), an independent check that HTML output is safe to
//! insert into a page ([`safety`]), and the evaluation's metric
//! ([`score`]).

pub mod safety;
pub mod score;
pub mod synthetic;
