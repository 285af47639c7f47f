//! Boardroom: local-first board packs for public-sector programme boards.
//!
//! Layers, with data flowing one way:
//! - [`model`]: the board file's types and the one place edits are applied;
//! - [`store`]: reading, validating and safely writing board files;
//! - [`analysis`]: pure figures over a board (slip, waterfall, reconciliation, summary);
//! - [`app`] and [`ui`]: the eframe shell and its views, which draw from the model
//!   and emit [`model::Action`]s.
//!
//! `model`, `store` and `analysis` never use egui, eframe or rfd.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod generate;
pub mod model;
pub mod render;
pub mod sample;
pub mod store;
pub mod ui;
pub mod user;
