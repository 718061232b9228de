//! Column widths of a body table that fit A4 portrait inside the margins, from the measured
//! width of what each column holds (see [`super::measure`]):
//! - nothing unbreakable is broken: a number or a date is one piece ("91,4", "12/05/2024"), a
//!   word is one piece, and a short column title ("Tự chấm", two words at most) is one piece;
//! - columns whose text fits on one line get that line (a unit's name, a tier);
//! - long texts (an explanation, the content of a proposal) share what is left, the widest
//!   wanting the most;
//! - when even the unbreakable pieces do not fit, the table's font gets smaller (12, 11, then
//!   10 pt) before anything would break.

use super::measure::{twips, Weight};
use thidua::domain::reports::{Cell, Table};

/// Left plus right cell margin, in twips (each side 0,14 cm), and a little slack for rounding
/// and for a renderer whose font is a hair wider.
pub const CELL_PADDING: usize = 2 * CELL_MARGIN + 40;
pub const CELL_MARGIN: usize = 80;

/// The font sizes a table may take, in half points, largest first.
pub const TABLE_SIZES: [usize; 3] = [24, 22, 20];

/// A title of at most this many words is kept on one line.
const SHORT_TITLE_WORDS: usize = 2;

/// A table's layout: each column's width in twips and the font size (half points).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    pub widths: Vec<usize>,
    pub size: usize,
}

/// What one column needs at a font size: its widest unbreakable piece, and its widest line
/// when nothing wraps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Need {
    least: usize,
    line: usize,
    /// A column of numbers or dates: its least is its line.
    fixed: bool,
}

fn need(table: &Table, column: usize, size: usize) -> Need {
    let Some(col) = table.columns.get(column) else {
        return Need { least: CELL_PADDING, line: CELL_PADDING, fixed: true };
    };
    let words = |text: &str, weight| {
        text.split_whitespace()
            .map(|w| twips(w, weight, size))
            .max()
            .unwrap_or(0)
    };
    let title_line = twips(col.title.trim(), Weight::Bold, size);
    let mut least = if col.title.split_whitespace().count() <= SHORT_TITLE_WORDS {
        title_line
    } else {
        words(&col.title, Weight::Bold)
    };
    let mut line = title_line;
    let mut all_whole = true;
    for cell in table.rows.iter().filter_map(|r| r.get(column)) {
        let text = cell.shown().trim();
        let whole = twips(text, Weight::Regular, size);
        let piece = match cell {
            Cell::Number { .. } | Cell::Date { .. } => whole,
            Cell::Text(_) if col.numeric => whole,
            Cell::Text(_) => {
                all_whole = false;
                words(text, Weight::Regular)
            }
            Cell::Empty => 0,
        };
        least = least.max(piece);
        line = line.max(whole);
    }
    let fixed = col.numeric || all_whole;
    Need {
        least: least + CELL_PADDING,
        // A column of numbers is as wide as its widest number (or short title); a longer
        // title wraps between its words rather than widen the column.
        line: if fixed { least } else { line } + CELL_PADDING,
        fixed,
    }
}

/// Widths for `table` across `width` twips, at the largest of [`TABLE_SIZES`] at which no
/// unbreakable piece breaks.
pub fn fit(table: &Table, width: usize) -> Fit {
    let columns = table.columns.len();
    for &size in &TABLE_SIZES {
        let needs: Vec<Need> = (0..columns).map(|c| need(table, c, size)).collect();
        if needs.iter().map(|n| n.least).sum::<usize>() <= width {
            return Fit { widths: share(&needs, width), size };
        }
    }
    // Nothing fits: the smallest size, widths in proportion to the pieces (some will break).
    let size = TABLE_SIZES[TABLE_SIZES.len() - 1];
    let needs: Vec<usize> = (0..columns).map(|c| need(table, c, size).least).collect();
    let total = needs.iter().sum::<usize>().max(1);
    Fit { widths: needs.iter().map(|n| width * n / total).collect(), size }
}

/// Shares `width` out when every column's least fits: each gets its least, then the columns
/// that wrap get more towards their whole line, the shortest satisfied first (water-filling),
/// so a name that can stay on one line does, and the longest texts share the rest.
fn share(needs: &[Need], width: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = needs
        .iter()
        .map(|n| n.least)
        .collect();
    let mut left = width.saturating_sub(widths.iter().sum());
    // Wanting columns, by what they still want, smallest first.
    let mut wanting: Vec<usize> = (0..needs.len())
        .filter(|&i| !needs[i].fixed && needs[i].line > widths[i])
        .collect();
    wanting.sort_by_key(|&i| needs[i].line - widths[i]);
    let mut remaining = wanting.len();
    for &i in &wanting {
        let share = left / remaining;
        let give = (needs[i].line - widths[i]).min(share);
        widths[i] += give;
        left -= give;
        remaining -= 1;
    }
    // Room to spare: the text columns (or all, when there are none) widen in proportion.
    if left > 0 {
        let growing: Vec<usize> = {
            let text: Vec<usize> = (0..needs.len()).filter(|&i| !needs[i].fixed).collect();
            if text.is_empty() {
                (0..needs.len()).collect()
            } else {
                text
            }
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
    }
    widths
}
