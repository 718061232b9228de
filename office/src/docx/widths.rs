//! Column widths of a body table that fit A4 portrait inside the margins, from the measured
//! width of what each column holds (see [`super::measure`]):
//! - nothing unbreakable is broken: a number or a date is one piece ("91,4", "12/05/2024"), a
//!   word is one piece, a title of one or two words is one piece ("Tự chấm") and a longer
//!   title takes at most two lines;
//! - the column that names each row (the first text column: a unit, a status, a topic) keeps
//!   each name on one line when its longest takes at most a third of the table;
//! - from there, the room left goes where it saves the most lines: a little at a time, to the
//!   column whose widening makes the table shortest (then the one that saves the most lines
//!   in all), so a unit's name comes onto one line and long texts (an explanation, the
//!   content of a proposal) share what is left;
//! - when even the unbreakable pieces do not fit, the table's font gets smaller (12, 11, then
//!   10 pt) before anything would break.

use super::measure::{twips, Weight};
use thidua::domain::reports::{Cell, Table};

/// One side's cell margin, in twips (0,14 cm).
pub const CELL_MARGIN: usize = 80;
/// Left plus right cell margin, and a little slack for rounding and for a renderer whose font
/// is a hair wider.
pub const CELL_PADDING: usize = 2 * CELL_MARGIN + 40;

/// The font sizes a table may take, in half points, largest first.
pub const TABLE_SIZES: [usize; 3] = [24, 22, 20];

/// A title of at most this many words is not broken.
const SHORT_TITLE_WORDS: usize = 2;

/// How much width is handed out at a time, in twips (about a millimetre), and the larger
/// steps looked at when a millimetre alone saves no line.
const STEP: usize = 57;
const LOOK_AHEAD: [usize; 6] = [1, 2, 4, 8, 16, 32];

/// A table's layout: each column's width in twips and the font size (half points).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    pub widths: Vec<usize>,
    pub size: usize,
}

/// A cell's text as pieces that cannot break (words, or a whole number), with their widths.
#[derive(Clone, Debug, Default)]
struct Pieces {
    widths: Vec<usize>,
    space: usize,
}

impl Pieces {
    fn of(text: &str, weight: Weight, size: usize, whole: bool) -> Pieces {
        let text = text.trim();
        let widths = if text.is_empty() {
            Vec::new()
        } else if whole {
            vec![twips(text, weight, size)]
        } else {
            // A no-break space joins its words into one piece, as the renderer will.
            text.split(|c: char| c.is_whitespace() && c != '\u{a0}')
                .filter(|w| !w.is_empty())
                .map(|w| twips(w, weight, size))
                .collect()
        };
        Pieces {
            widths,
            space: twips(" ", weight, size),
        }
    }

    /// The whole text on one line.
    fn line(&self) -> usize {
        self.widths.iter().sum::<usize>() + self.space * self.widths.len().saturating_sub(1)
    }

    fn widest(&self) -> usize {
        self.widths.iter().copied().max().unwrap_or(0)
    }

    /// Lines the text takes in `room` twips, wrapped between pieces as a word processor does.
    fn lines(&self, room: usize) -> usize {
        let mut lines = 0;
        let mut used = 0;
        for &w in &self.widths {
            if lines == 0 || used + self.space + w > room {
                lines += 1;
                used = w;
            } else {
                used += self.space + w;
            }
        }
        lines.max(1)
    }

    /// The narrowest room that keeps the text within two lines.
    fn two_lines(&self) -> usize {
        let total = self.line();
        (self.widest()..=total.max(self.widest()))
            .step_by(20)
            .find(|&room| self.lines(room) <= 2)
            .unwrap_or(total)
    }
}

/// A column at one font size: its title and cells as pieces, and its least width.
struct Column {
    /// The title first, then a cell per row.
    cells: Vec<Pieces>,
    least: usize,
    /// Numbers or dates only: spare room goes to the text columns, not here.
    fixed: bool,
}

fn column(table: &Table, c: usize, size: usize) -> Column {
    let col = &table.columns[c];
    let short_title = col.title.split_whitespace().count() <= SHORT_TITLE_WORDS;
    let title = Pieces::of(&col.title, Weight::Bold, size, short_title);
    let mut least = title.two_lines();
    let mut cells = vec![title];
    let mut fixed = true;
    for row in &table.rows {
        let cell = row.get(c).unwrap_or(&Cell::Empty);
        let whole = col.numeric || matches!(cell, Cell::Number { .. } | Cell::Date { .. });
        fixed &= whole || matches!(cell, Cell::Empty);
        let pieces = Pieces::of(cell.shown(), Weight::Regular, size, whole);
        least = least.max(pieces.widest());
        cells.push(pieces);
    }
    Column {
        cells,
        least: least + CELL_PADDING,
        fixed,
    }
}

/// Widths for `table` across `width` twips, at the largest of [`TABLE_SIZES`] at which no
/// unbreakable piece breaks.
pub fn fit(table: &Table, width: usize) -> Fit {
    for &size in &TABLE_SIZES {
        let columns: Vec<Column> = (0..table.columns.len()).map(|c| column(table, c, size)).collect();
        if columns.iter().map(|c| c.least).sum::<usize>() <= width {
            return Fit {
                widths: share(&columns, width),
                size,
            };
        }
    }
    // Nothing fits: the smallest size, widths in proportion to the pieces (some will break).
    let size = TABLE_SIZES[TABLE_SIZES.len() - 1];
    let least: Vec<usize> = (0..table.columns.len())
        .map(|c| column(table, c, size).least)
        .collect();
    let total = least.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = least.iter().map(|l| width * l / total).collect();
    if let Some(last) = widths.last_mut() {
        *last += width - least.iter().map(|l| width * l / total).sum::<usize>();
    }
    Fit { widths, size }
}

/// The table's height in lines (each row as tall as its tallest cell) and the lines of all
/// its cells, at `widths`.
fn height(columns: &[Column], widths: &[usize]) -> (usize, usize) {
    let rows = columns.first().map_or(0, |c| c.cells.len());
    let mut tall = 0;
    let mut all = 0;
    for r in 0..rows {
        let lines = columns
            .iter()
            .zip(widths)
            .map(|(c, w)| c.cells[r].lines(w.saturating_sub(CELL_PADDING)));
        let (most, sum) = lines.fold((0, 0), |(m, s), l| (m.max(l), s + l));
        tall += most;
        all += sum;
    }
    (tall, all)
}

/// (height, lines) saved per step; the column; how many twips; the (height, lines) after.
type Widening = ((usize, usize), usize, usize, (usize, usize));

/// Shares `width` out once every column has its least: room goes, a step at a time, where it
/// saves the most height (then the most lines) per twip; what saves nothing widens the text
/// columns in proportion.
fn share(columns: &[Column], width: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = columns.iter().map(|c| c.least).collect();
    let mut left = width.saturating_sub(widths.iter().sum());
    // The names of the rows on one line, when short enough.
    if let Some(names) = columns.iter().position(|c| !c.fixed) {
        let line = columns[names].cells.iter().map(Pieces::line).max().unwrap_or(0) + CELL_PADDING;
        let want = line.saturating_sub(widths[names]);
        if line <= width / 3 && want <= left {
            widths[names] += want;
            left -= want;
        }
    }
    let mut now = height(columns, &widths);
    loop {
        // The best (height saved, lines saved) per step, and what it takes.
        let mut best: Option<Widening> = None;
        for c in 0..columns.len() {
            for steps in LOOK_AHEAD {
                let more = steps * STEP;
                if more > left {
                    break;
                }
                widths[c] += more;
                let then = height(columns, &widths);
                widths[c] -= more;
                let saved = (now.0 - then.0, now.1 - then.1);
                if saved == (0, 0) {
                    continue;
                }
                // Compare savings per step, as fractions saved × 1000 / steps.
                let rate = (saved.0 * 1000 / steps, saved.1 * 1000 / steps);
                if best.is_none_or(|(r, ..)| rate > r) {
                    best = Some((rate, c, more, then));
                }
                break;
            }
        }
        let Some((_, c, more, then)) = best else { break };
        widths[c] += more;
        left -= more;
        now = then;
    }
    // Room to spare: the text columns (or all, when there are none) widen in proportion.
    let growing: Vec<usize> = match (0..columns.len())
        .filter(|&i| !columns[i].fixed)
        .collect::<Vec<_>>()
    {
        text if text.is_empty() => (0..columns.len()).collect(),
        text => text,
    };
    let base: usize = growing.iter().map(|&i| widths[i]).sum::<usize>().max(1);
    let spare = left;
    for &i in &growing {
        let give = spare * widths[i] / base;
        widths[i] += give;
        left -= give;
    }
    if let Some(&last) = growing.last() {
        widths[last] += left;
    }
    widths
}
