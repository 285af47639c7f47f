//! The views. Each draws from `&Board` (and analysis results) and pushes
//! [`crate::model::Action`]s and [`commands::Command`]s; none changes the
//! board or calls the shell itself.

pub mod about_dialog;
pub mod board_dialog;
pub mod budget;
pub mod chart_dialog;
pub mod command_palette;
pub mod command_scope;
mod command_tooltips;
pub mod commands;
pub mod compare_dialog;
pub mod conflict_dialog;
pub mod contrast;
pub mod delay_dialog;
pub mod delay_list;
pub mod form_dialog;
pub mod import_dialog;
pub mod keyboard_sheet;
pub mod meeting;
pub mod meeting_minutes;
pub mod open_actions;
pub mod pack_dialog;
pub mod path_field;
pub mod plan_dialog;
pub mod plan_export_dialog;
pub mod preferences_dialog;
pub mod programme_dialog;
pub mod programme_filter;
pub mod programme_list;
pub mod raid;
pub mod rating_dialog;
pub mod rebaseline_dialog;
pub mod register_dialog;
pub mod scene_paint;
pub mod schedule;
pub mod shortcut_dispatch;
pub mod theme;
pub mod timeline;
pub mod update_dialog;
pub mod view_ctx;
pub mod widgets;
