//! The views. Each draws from `&Board` (and analysis results) and pushes
//! [`crate::model::Action`]s; none changes the board itself.

pub mod budget;
pub mod conflict_dialog;
pub mod programme_list;
pub mod raid_form;
pub mod raid_table;
pub mod theme;
pub mod timeline;
pub mod widgets;
