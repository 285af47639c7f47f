//! The drawing layer: each chart laid out once as a [`scene::Scene`] of
//! renderer-free primitives, from the board and the analysis results, and
//! drawn from that one scene by the screen, SVG, PNG and PDF.
//!
//! Like `model`, `analysis` and `store`, this knows no screen: no egui here.

pub mod palette;
pub mod pdf;
pub mod png;
pub mod scene;
pub mod svg;
pub mod text;

mod error;
pub use error::RenderError;
