//! A board's rating scale, chosen as a PMO does: a new board on the
//! three-point scale offers only Green, Amber and Red in the rating dialog;
//! Board settings moves a board to it, says how many ratings already
//! recorded stay off it, and the saved file says so.

mod common;

use boardroom::app::{AppSettings, BoardApp, Tab};
use boardroom::model::{DeliveryConfidence, RatingScale, ratings_off_scale};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::{board_in as board, menu_item as menu};

fn choose_scale(h: &mut Harness<'static, BoardApp>, scale: RatingScale) {
    h.get_by_label("Rating scale:").click();
    h.run();
    h.get_by_label(scale.label()).click();
    h.run();
}

fn offered(h: &Harness<'static, BoardApp>) -> Vec<DeliveryConfidence> {
    DeliveryConfidence::ALL
        .iter()
        .copied()
        .filter(|r| {
            h.query_by_role_and_label(Role::RadioButton, r.label())
                .is_some()
        })
        .collect()
}

#[test]
fn a_new_three_point_board_offers_only_green_amber_and_red() {
    let mut h = common::harness_with(AppSettings::default());
    h.run();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("rag.ron");
    // Ctrl+Shift+N, the scale chosen before anything is typed.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    choose_scale(&mut h, RatingScale::ThreePoint);
    for (field, typed) in [
        ("Title:", "RAG Board".to_string()),
        ("As at:", "31/03/2021".to_string()),
        ("Save as:", path.display().to_string()),
    ] {
        common::type_into(&mut h, field, &typed);
    }
    h.get_by_label("Create").click();
    common::settle_side_files(&mut h);
    common::settle_open(&mut h);
    assert_eq!(board(&h).settings.rating_scale, RatingScale::ThreePoint);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.contains("format_version: 4,"), "{text}");
    assert!(text.contains("rating_scale: ThreePoint"), "{text}");

    h.get_by_label("Add programme…").click();
    h.run();
    common::type_into(&mut h, "Name:", "Data Centre");
    h.get_by_label("Save programme").click();
    h.run();
    menu(&mut h, "Edit", "Rate delivery confidence…");
    assert_eq!(
        offered(&h),
        RatingScale::ThreePoint.ratings(),
        "only the board's scale"
    );
    h.get_by_role_and_label(Role::RadioButton, "Amber").click();
    h.run();
    h.get_by_label("Rate").click();
    h.run();
    let rated = board(&h);
    let ratings: Vec<_> = rated.programmes[0]
        .confidence
        .iter()
        .map(|r| r.rating)
        .collect();
    assert_eq!(ratings, [DeliveryConfidence::Amber]);
}

#[test]
fn board_settings_move_a_board_to_three_points_keeping_its_ratings() {
    let (_dir, path) = common::manchester_copy();
    let mut h = common::app_on(&path, Tab::Timeline);
    // Rate one programme Amber/Green first, so one rating is off the new scale.
    let before = board(&h);
    common::choose_programme(&mut h, &before.programmes[0].name);
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    assert_eq!(offered(&h), DeliveryConfidence::ALL, "five points");
    h.get_by_role_and_label(Role::RadioButton, "Amber/Green")
        .click();
    h.run();
    h.get_by_label("Rate").click();
    h.run();
    let rated = board(&h);
    let off = ratings_off_scale(&rated, RatingScale::ThreePoint);
    assert!(off >= 1);

    menu(&mut h, "File", "Board settings…");
    choose_scale(&mut h, RatingScale::ThreePoint);
    // It says how many ratings stay off the scale.
    common::assert_shows(&h, &format!("{off} rating"));
    h.get_by_label("Save settings").click();
    h.run();
    let after = board(&h);
    assert_eq!(after.settings.rating_scale, RatingScale::ThreePoint);
    assert_eq!(
        after.programmes, rated.programmes,
        "ratings kept as they are"
    );

    common::press_save(&mut h);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.contains("format_version: 4,"), "{text}");
    assert!(text.contains("rating_scale: ThreePoint"), "{text}");
    let saved = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    assert_eq!(saved.settings.rating_scale, RatingScale::ThreePoint);
    assert_eq!(saved.programmes, rated.programmes);

    // The dialog now offers three points only.
    menu(&mut h, "Edit", "Rate delivery confidence…");
    assert_eq!(offered(&h), RatingScale::ThreePoint.ratings());
}
