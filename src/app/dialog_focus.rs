//! The keyboard focus as dialogs open and close (WCAG 2.4.3): a dialog,
//! however it was opened (a key, the command palette, a menu), takes the
//! focus on the frame it first shows, on its first field (or its first
//! button when it has none); when the last dialog closes the focus goes
//! back to where it was before the first one opened, if that is still on
//! the screen. Done once here, around `modal_ui`, so no dialog has to.

use std::collections::HashMap;
use std::mem::Discriminant;

use egui::accesskit::Role;
use egui::{Id, LayerId};

use super::modal::Modal;

/// What is remembered between frames.
#[derive(Default)]
pub(super) struct DialogFocus {
    /// The kind of dialog shown at the end of the last frame, if any.
    shown: Option<Discriminant<Modal>>,
    /// Where the focus was before the first of a run of dialogs opened.
    restore: Option<Id>,
    /// Frames left to find the shown dialog's first stop: an area's first
    /// frame only measures it, its widgets taking no focus until the next.
    pending: u8,
    /// Where the focus goes back to on the next frame: on the frame a
    /// dialog closes the window behind it still refuses the focus (egui
    /// keeps a modal's layer on top until a frame has passed without it).
    returning: Option<Id>,
}

/// How many frames a new dialog is given to draw a widget that takes focus.
const TRIES: u8 = 4;

/// How many widgets each layer had before the dialogs drew, on a frame a
/// dialog opens: what is added after is the dialog's.
pub(super) struct Before(HashMap<LayerId, usize>);

impl DialogFocus {
    /// Before the dialogs draw: on the frame a dialog first shows, notes
    /// where the focus is (if no dialog was open) and what is drawn so far.
    pub(super) fn before(&mut self, ctx: &egui::Context, modal: &Modal) -> Option<Before> {
        if !modal.is_open() {
            // Unless something on the screen has taken the focus meanwhile.
            let drawn = |id: Id| ctx.viewport(|v| v.this_pass.widgets.contains(id));
            let held = ctx.memory(egui::Memory::focused).is_some_and(drawn);
            if let Some(id) = self.returning.take()
                && !held
                && drawn(id)
            {
                ctx.memory_mut(|m| m.request_focus(id));
            }
            return None;
        }
        if self.shown != Some(std::mem::discriminant(modal)) {
            if self.shown.is_none() {
                // Straight from one dialog to another (the palette's
                // command): the focus has not gone back yet.
                self.restore = self
                    .returning
                    .take()
                    .or_else(|| ctx.memory(egui::Memory::focused));
            }
            self.pending = TRIES;
        }
        if self.pending == 0 {
            return None;
        }
        Some(Before(ctx.viewport(|v| {
            v.this_pass
                .widgets
                .layers()
                .map(|(layer, widgets)| (*layer, widgets.len()))
                .collect()
        })))
    }

    /// After the dialogs drew: focuses the first stop of a dialog that has
    /// just shown, or gives the focus back when the last one has closed.
    pub(super) fn after(&mut self, ctx: &egui::Context, modal: &Modal, before: Option<Before>) {
        let now = modal.is_open().then(|| std::mem::discriminant(modal));
        if let Some(before) = before
            && modal.is_open()
        {
            self.pending = self.pending.saturating_sub(1);
            if let Some(first) = first_stop(ctx, &before) {
                ctx.memory_mut(|m| m.request_focus(first));
                self.pending = 0;
            } else if self.pending > 0 {
                ctx.request_repaint();
            }
        }
        if now.is_none() && self.shown.is_some() {
            self.pending = 0;
            self.returning = self.restore.take();
            ctx.request_repaint();
        }
        self.shown = now;
    }
}

/// The dialog's first field, or its first button when it has no field: of
/// the widgets drawn since `before` that take the focus, on the topmost
/// layer they were drawn on. A widget's role is known only while the
/// accessibility tree is built (a screen reader, or the tests); without it
/// the first stop is taken, which in every dialog is its first field.
fn first_stop(ctx: &egui::Context, before: &Before) -> Option<Id> {
    let drawn: Vec<(LayerId, Vec<Id>)> = ctx.viewport(|v| {
        v.this_pass
            .widgets
            .layers()
            .filter_map(|(layer, widgets)| {
                let from = before.0.get(layer).copied().unwrap_or(0);
                let stops: Vec<Id> = widgets
                    .iter()
                    .skip(from)
                    .filter(|w| w.enabled && w.sense.is_focusable() && w.sense.interactive())
                    .map(|w| w.id)
                    .collect();
                (!stops.is_empty()).then_some((*layer, stops))
            })
            .collect()
    });
    // Topmost: by the layer's order, then its place among its order's
    // layers (back to front); a layer new this frame has none yet.
    let back_to_front: Vec<LayerId> = ctx.memory(|m| m.layer_ids().collect());
    let (_, stops) = drawn
        .into_iter()
        .max_by_key(|(layer, _)| (layer.order, back_to_front.iter().position(|l| l == layer)))?;
    let is_button = |id: &Id| {
        if !ctx.has_accesskit_node(*id) {
            return None;
        }
        ctx.accesskit_node_builder(*id, |node| {
            matches!(node.role(), Role::Button | Role::DefaultButton | Role::Link)
        })
    };
    stops
        .iter()
        .find(|id| is_button(id) == Some(false))
        .or_else(|| stops.first())
        .copied()
}
