//! The timeline's key: one small swatch per bar style and delay cause,
//! drawn with the same items as the chart so the key cannot disagree with it.

use super::{TimelineStyle, baseline_bar, delay_pattern, forecast_bar, previous_finish_marker};
use crate::model::DelayCause;
use crate::render::palette;
use crate::render::scene::{Item, Point, Rect, Scene, Stroke};

/// One entry of the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyEntry {
    /// The thin grey baseline bar.
    Baseline,
    /// An actual/forecast bar, half done.
    Forecast,
    /// A late task's bar.
    Late,
    /// A task not started: an outline.
    NotStarted,
    /// A milestone's diamond.
    Milestone,
    /// A delay band in its cause's colour and hatching.
    Delay(DelayCause),
    /// A task's finish at the earlier board it is compared with.
    PreviousFinish,
}

impl KeyEntry {
    /// What the key says beside the swatch.
    pub fn label(self) -> String {
        match self {
            KeyEntry::Baseline => "Baseline".into(),
            KeyEntry::Forecast => "Actual / forecast (filled to % complete)".into(),
            KeyEntry::Late => "Late (▲ days)".into(),
            KeyEntry::NotStarted => "Not started".into(),
            KeyEntry::Milestone => "Milestone".into(),
            KeyEntry::Delay(cause) => format!("Delay: {}", cause.label()),
            KeyEntry::PreviousFinish => "Finish at the last board".into(),
        }
    }
}

/// The swatch for `entry`, `w` × `h`.
pub fn key_swatch(entry: KeyEntry, w: f32, h: f32, style: TimelineStyle) -> Scene {
    let mut scene = Scene::new(w, h);
    let whole = Rect::new(0.0, 0.0, w, h);
    match entry {
        KeyEntry::Baseline => scene.push(baseline_bar(
            Rect::new(0.0, h / 2.0 - h * 0.2, w, h * 0.4),
            style,
        )),
        KeyEntry::Forecast => scene
            .items
            .extend(forecast_bar(whole, palette::BLUE, 0.5, style)),
        KeyEntry::Late => scene
            .items
            .extend(forecast_bar(whole, palette::RED, 1.0, style)),
        KeyEntry::NotStarted => scene
            .items
            .extend(forecast_bar(whole, palette::BLUE, 0.0, style)),
        KeyEntry::Milestone => scene.push(Item::diamond(
            Point::new(w / 2.0, h / 2.0),
            h,
            Some(palette::DARK_BLUE),
            Some(Stroke::solid(1.0, palette::DARK_BLUE)),
        )),
        KeyEntry::Delay(cause) => scene.items.extend(delay_pattern(whole, cause, style)),
        KeyEntry::PreviousFinish => scene.push(previous_finish_marker(
            Point::new(w / 2.0, h / 2.0),
            h,
            style,
        )),
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delay_swatch_is_the_chart_band_in_small() {
        let s = key_swatch(
            KeyEntry::Delay(DelayCause::Covid19),
            28.0,
            16.0,
            TimelineStyle::SCREEN,
        );
        let band = Rect::new(0.0, 0.0, 28.0, 16.0);
        assert_eq!(
            s.items,
            delay_pattern(band, DelayCause::Covid19, TimelineStyle::SCREEN).to_vec()
        );
        assert!(matches!(
            s.items[1],
            Item::Hatch { colour, .. } if colour.with_alpha(255) == palette::cause_colour(DelayCause::Covid19)
        ));
        assert_eq!(
            KeyEntry::Delay(DelayCause::Covid19).label(),
            "Delay: COVID-19"
        );
    }
}
