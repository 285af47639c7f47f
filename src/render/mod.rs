//! The drawing layer: each chart laid out once as a [`scene::Scene`] of
//! renderer-free primitives, from the board and the analysis results, and
//! drawn from that one scene by the screen, SVG, PNG and PDF.
//!
//! Like `model`, `analysis` and `store`, this knows no screen: no egui here.

pub mod alt_text;
pub mod export;
pub(crate) mod heading;
pub mod headline;
pub mod heat_map;
pub mod pack;
pub mod palette;
pub mod pdf;
pub mod png;
pub mod register;
pub mod scene;
pub mod slides;
pub mod structure;
pub mod svg;
pub mod table;
pub mod text;
pub mod timeline;
pub mod waterfall;

mod error;
pub use error::RenderError;
