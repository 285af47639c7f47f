//! The bundled typeface and how wide text set in it is, so layouts can fit,
//! elide and wrap text the same way for every backend.
//!
//! Widths come from the fonts' own advance widths (no kerning), which is what
//! a layout needs to leave room; the backends set the text themselves.

use std::sync::OnceLock;

use super::scene::Weight;

/// DejaVu Sans, bundled: the same file the screen uses, embedded in every PDF.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, bundled.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name the SVG asks for, which PNG rendering finds in the bundled fonts.
pub const FAMILY: &str = "DejaVu Sans";

/// Advance widths in em for the characters a board mostly uses (ASCII and
/// Latin-1), and the face for the rest.
struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    latin: [f32; 256],
}

impl Metrics {
    fn load(data: &'static [u8]) -> Option<Metrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        let mut latin = [0.0; 256];
        for (i, w) in latin.iter_mut().enumerate() {
            let c = char::from(u8::try_from(i).unwrap_or(b' '));
            *w = advance(&face, c).map_or(0.6, |a| a / units_per_em);
        }
        Some(Metrics {
            face,
            units_per_em,
            latin,
        })
    }

    fn em(&self, c: char) -> f32 {
        match u8::try_from(u32::from(c)) {
            Ok(i) => self.latin[usize::from(i)],
            // A character the font lacks is drawn as a box about 0.6 em wide.
            Err(_) => advance(&self.face, c).map_or(0.6, |a| a / self.units_per_em),
        }
    }
}

fn advance(face: &ttf_parser::Face<'_>, c: char) -> Option<f32> {
    let glyph = face.glyph_index(c)?;
    face.glyph_hor_advance(glyph).map(f32::from)
}

fn metrics(weight: Weight) -> Option<&'static Metrics> {
    static REGULAR_METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    static BOLD_METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR_METRICS.get_or_init(|| Metrics::load(REGULAR)),
        Weight::Bold => BOLD_METRICS.get_or_init(|| Metrics::load(BOLD)),
    }
    .as_ref()
}

/// How wide `text` is at `size` points.
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    match metrics(weight) {
        Some(m) => text.chars().map(|c| m.em(c)).sum::<f32>() * size,
        // The fonts are compiled in, so this is only a guard: an average width.
        None => text.chars().count() as f32 * 0.6 * size,
    }
}

/// `text`, shortened with "…" to fit `max_width` (whole, if it fits). One
/// pass that stops where the text stops fitting, so a name of a hundred
/// thousand characters costs what a line of it costs.
pub fn elide(text: &str, size: f32, weight: Weight, max_width: f32) -> String {
    let room = max_width - width("…", size, weight);
    let mut used = 0.0;
    let mut cut: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let w = width(c.encode_utf8(&mut [0; 4]), size, weight);
        if cut.is_none() && used + w > room {
            cut = Some(i);
        }
        used += w;
        if used > max_width {
            let mut out = text[..cut.unwrap_or(i)].trim_end().to_string();
            out.push('…');
            return out;
        }
    }
    text.to_string()
}

/// `text` broken into lines no wider than `max_width`, at spaces where it can
/// be; a word longer than a line is broken where it must. At most
/// `max_lines` lines: the last is elided if the text goes on.
pub fn wrap(
    text: &str,
    size: f32,
    weight: Weight,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let keep = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    let space = width(" ", size, weight);
    // Once there are more lines than are kept, the rest is elided: stop
    // there, so a very long text costs what the kept lines cost.
    'words: for word in text.split_whitespace() {
        let word_width = width(word, size, weight);
        let with_space = if line.is_empty() { 0.0 } else { space };
        if used + with_space + word_width <= max_width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            used += with_space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
            if lines.len() > keep {
                break 'words;
            }
        }
        if word_width <= max_width {
            line.push_str(word);
            used = word_width;
            continue;
        }
        // A word wider than the line: break it by characters, in one pass.
        for c in word.chars() {
            let w = width(c.encode_utf8(&mut [0; 4]), size, weight);
            if used + w > max_width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                if lines.len() > keep {
                    break 'words;
                }
            }
            line.push(c);
            used += w;
        }
    }
    if !line.is_empty() && lines.len() <= keep {
        lines.push(line);
    }
    if lines.len() > keep {
        let tail = lines[keep - 1..].join(" ");
        lines.truncate(keep - 1);
        lines.push(elide(&format!("{tail} …"), size, weight, max_width));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_word_or_text_gives_the_lines_kept_each_fitting() {
        // A pasted blob with no spaces, as a board file can hold: it used to
        // be broken line by line to the end, which took minutes.
        let blob: String = "م".repeat(200_000);
        let lines = wrap(&blob, 14.0, Weight::Regular, 132.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for l in &lines {
            assert!(
                width(l, 14.0, Weight::Regular) <= 132.0 + 0.01,
                "{}",
                l.len()
            );
        }
        let words = "word ".repeat(100_000);
        let lines = wrap(&words, 9.0, Weight::Regular, 110.0, 3);
        assert_eq!(lines.len(), 3);
        let e = elide(&blob, 14.0, Weight::Bold, 200.0);
        assert!(e.ends_with('…') && width(&e, 14.0, Weight::Bold) <= 200.0);
        assert_eq!(elide("short", 14.0, Weight::Regular, 200.0), "short");
    }

    #[test]
    fn widths_grow_with_text_and_size_and_bold_is_wider() {
        let w = width("Data Centre", 10.0, Weight::Regular);
        assert!(w > 40.0 && w < 80.0, "{w}");
        assert!((width("Data Centre", 20.0, Weight::Regular) - 2.0 * w).abs() < 0.01);
        assert!(width("Data Centre", 10.0, Weight::Bold) > w);
        assert_eq!(width("", 10.0, Weight::Regular), 0.0);
        assert!(width("£–—…⚠", 10.0, Weight::Regular) > 0.0);
    }

    #[test]
    fn elided_text_fits_and_ends_with_an_ellipsis() {
        let long = "Social care system replacement programme (Liquidlogic)";
        let short = elide(long, 10.0, Weight::Regular, 120.0);
        assert!(short.ends_with('…'), "{short}");
        assert!(width(&short, 10.0, Weight::Regular) <= 120.0);
        assert_eq!(elide("Short", 10.0, Weight::Regular, 120.0), "Short");
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word_when_there_is_room() {
        let text = "Supplier capacity to deliver the data centre migration before the lease ends";
        let lines = wrap(text, 9.0, Weight::Regular, 110.0, 10);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| width(l, 9.0, Weight::Regular) <= 110.0)
        );
        assert_eq!(lines.join(" "), text);
        let two = wrap(text, 9.0, Weight::Regular, 110.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'));
        let word = wrap(
            "Antidisestablishmentarianism",
            9.0,
            Weight::Regular,
            40.0,
            10,
        );
        assert!(word.len() > 1 && word.iter().all(|l| width(l, 9.0, Weight::Regular) <= 40.0));
    }
}
