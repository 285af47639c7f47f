//! A [`Scene`] as a PNG image: the SVG from [`to_svg`] read by usvg and drawn
//! by resvg (tiny-skia) on white.
//!
//! The fonts are only the two bundled DejaVu faces, never the system's, so
//! the same scene gives the same pixels on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;
use resvg::usvg::fontdb;

use super::error::RenderError;
use super::scene::Scene;
use super::svg::to_svg;
use super::text::{BOLD, FAMILY, REGULAR};

/// The longest side an exported image may have, in pixels: 8192 × 8192 is
/// 256 MiB of pixels while drawing, and more than any slide or page needs.
pub const MAX_SIDE: u32 = 8192;

/// The scene drawn on white at `pixels_per_point` pixels per point (2 makes
/// a sharp slide image), encoded as PNG. The image is the scene's size times
/// that, rounded up to whole pixels.
pub fn to_png(scene: &Scene, pixels_per_point: f32) -> Result<Vec<u8>, RenderError> {
    draw(scene, pixels_per_point)?
        .encode_png()
        .map_err(|e| RenderError::PngEncode(e.to_string()))
}

/// An image as rows of RGBA pixels, top row first (for the clipboard).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes: red, green, blue, alpha. Drawn on white,
    /// so every pixel is opaque.
    pub rgba: Vec<u8>,
}

/// The same drawing as [`to_png`], as pixels rather than a file.
pub fn to_pixels(scene: &Scene, pixels_per_point: f32) -> Result<Pixels, RenderError> {
    let pixmap = draw(scene, pixels_per_point)?;
    Ok(Pixels {
        width: pixmap.width(),
        height: pixmap.height(),
        // Opaque everywhere (drawn on white), so premultiplied is straight RGBA.
        rgba: pixmap.take(),
    })
}

fn draw(scene: &Scene, pixels_per_point: f32) -> Result<tiny_skia::Pixmap, RenderError> {
    if !(pixels_per_point.is_finite() && pixels_per_point > 0.0) {
        return Err(RenderError::BadResolution(pixels_per_point));
    }
    if !(scene.width.is_finite()
        && scene.height.is_finite()
        && scene.width > 0.0
        && scene.height > 0.0)
    {
        return Err(RenderError::BadSize {
            width: scene.width,
            height: scene.height,
        });
    }
    let (width, height) = pixel_size(scene, pixels_per_point)?;
    let tree = parse_svg(&to_svg(scene))?;
    let too_large = || RenderError::TooLarge {
        width: f64::from(width),
        height: f64::from(height),
        max: MAX_SIDE,
    };
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(too_large)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    // The SVG is sized in points, which usvg turns into CSS pixels (96 to
    // the inch); scale from those to the pixels asked for.
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        pixels_per_point * scene.width / size.width(),
        pixels_per_point * scene.height / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The image size in whole pixels, or why it cannot be made.
fn pixel_size(scene: &Scene, pixels_per_point: f32) -> Result<(u32, u32), RenderError> {
    // Round up, so nothing is cut off, but not for the float error of a
    // scale worked out as pixels ÷ points (800 px must not become 801).
    let whole = |points: f32| (f64::from(points) * f64::from(pixels_per_point) - 1e-3).ceil();
    let (w, h) = (whole(scene.width), whole(scene.height));
    let max = f64::from(MAX_SIDE);
    if w > max || h > max {
        return Err(RenderError::TooLarge {
            width: w,
            height: h,
            max: MAX_SIDE,
        });
    }
    // In 1..=MAX_SIDE now, so the conversions are exact.
    Ok((w.max(1.0) as u32, h.max(1.0) as u32))
}

/// Reads an SVG (from [`to_svg`]) with only the bundled fonts.
pub(super) fn parse_svg(svg: &str) -> Result<usvg::Tree, RenderError> {
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts()?,
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Svg(e.to_string()))
}

/// The font database: DejaVu Sans and DejaVu Sans Bold, loaded once from
/// the bytes compiled in; "sans-serif" means DejaVu Sans too.
fn fonts() -> Result<Arc<fontdb::Database>, RenderError> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    let db = FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for data in [REGULAR, BOLD] {
            // The `'static` bytes are shared, not copied.
            db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
        }
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    });
    // A face that did not parse is simply missing from the database.
    if db.len() == 2 {
        Ok(Arc::clone(db))
    } else {
        Err(RenderError::Font("DejaVu Sans"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::palette;
    use crate::render::svg::tests::sample_scene;

    fn decode(png: &[u8]) -> tiny_skia::Pixmap {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&png[12..16], b"IHDR");
        tiny_skia::Pixmap::decode_png(png).unwrap()
    }

    fn rgb(p: &tiny_skia::Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
        let c = p.pixel(x, y).unwrap().demultiply();
        assert_eq!(c.alpha(), 255, "drawn on white, so opaque");
        (c.red(), c.green(), c.blue())
    }

    /// How many pixels in the area (in points) are not white.
    fn inked(p: &tiny_skia::Pixmap, ppp: u32, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
        let mut n = 0;
        for y in y0 * ppp..y1 * ppp {
            for x in x0 * ppp..x1 * ppp {
                if rgb(p, x, y) != (255, 255, 255) {
                    n += 1;
                }
            }
        }
        n
    }

    #[test]
    fn the_image_has_the_scene_size_times_the_resolution_and_its_colours() {
        let png = to_png(&sample_scene(), 2.0).unwrap();
        let image = decode(&png);
        assert_eq!((image.width(), image.height()), (400, 200));
        // IHDR's width and height, big-endian, as any reader sees them.
        assert_eq!(&png[16..24], &[0, 0, 1, 144, 0, 0, 0, 200]);
        let red = palette::RED;
        assert_eq!(
            rgb(&image, 60, 50),
            (red.r, red.g, red.b),
            "inside the red rectangle"
        );
        assert_eq!(rgb(&image, 4, 4), (255, 255, 255), "the white background");
        // The hatch covers part of its rectangle, not none and not all.
        let hatch = inked(&image, 2, 62, 12, 98, 38);
        let area = 36 * 26 * 4;
        assert!(
            hatch > area / 10 && hatch < area * 9 / 10,
            "{hatch} of {area}"
        );
        // Text was drawn in the bundled font (no system fonts are asked).
        assert!(
            inked(&image, 2, 10, 60, 100, 72) > 200,
            "the start-anchored text"
        );
        assert!(
            inked(&image, 2, 150, 58, 192, 72) > 200,
            "the right-aligned bold text"
        );
        // The clipped group's grey band shows inside the clip, not above it.
        let grey = palette::LIGHT_GREY;
        assert_eq!(rgb(&image, 4, 198), (grey.r, grey.g, grey.b));
        assert_eq!(rgb(&image, 4, 140), (255, 255, 255), "clipped away");
    }

    #[test]
    fn the_same_scene_gives_the_same_bytes_and_sizes_round_up() {
        let s = sample_scene();
        assert_eq!(to_png(&s, 1.0).unwrap(), to_png(&s, 1.0).unwrap());
        // The pixels are the PNG's, unencoded.
        let pixels = to_pixels(&s, 1.0).unwrap();
        let decoded = decode(&to_png(&s, 1.0).unwrap());
        assert_eq!(
            (pixels.width, pixels.height),
            (decoded.width(), decoded.height())
        );
        assert_eq!(pixels.rgba, decoded.data());
        let odd = Scene::new(100.5, 10.0);
        let image = decode(&to_png(&odd, 1.0).unwrap());
        assert_eq!((image.width(), image.height()), (101, 10));
    }

    #[test]
    fn impossible_sizes_and_resolutions_are_errors_that_say_what_to_do() {
        let s = sample_scene();
        for ppp in [0.0, -1.0, f32::NAN, f32::INFINITY] {
            assert!(matches!(
                to_png(&s, ppp),
                Err(RenderError::BadResolution(_))
            ));
        }
        for (w, h) in [(0.0, 10.0), (10.0, f32::NAN), (-5.0, 10.0)] {
            assert!(matches!(
                to_png(&Scene::new(w, h), 1.0),
                Err(RenderError::BadSize { .. })
            ));
        }
        let e = to_png(&s, 100.0).unwrap_err();
        assert!(matches!(e, RenderError::TooLarge { .. }));
        assert!(e.to_string().contains("lower resolution"), "{e}");
    }
}
