//! Điểm: points kept exactly as whole tenths, so that totals never drift the way floats do.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign};

/// Points in tenths: `Points(875)` is 87,5 points. Negative points cannot be written down;
/// penalties are positive numbers that the computation subtracts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Points(pub u32);

impl Points {
    pub const ZERO: Points = Points(0);

    /// Whole points: `Points::whole(15)` is 15 points.
    pub const fn whole(n: u32) -> Self {
        Points(n * 10)
    }

    /// Whole points and tenths: `Points::new(87, 5)` is 87,5 points.
    pub const fn new(whole: u32, tenths: u32) -> Self {
        Points(whole * 10 + tenths)
    }

    pub const fn tenths(self) -> u32 {
        self.0
    }

    /// For display only (`format::decimal(p.as_f64(), 1)` gives "87,5").
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    pub fn saturating_sub(self, other: Points) -> Points {
        Points(self.0.saturating_sub(other.0))
    }

    /// `self × num / den`, rounded half up to the nearest tenth; zero when `den` is zero.
    pub fn scaled(self, num: u128, den: u128) -> Points {
        if den == 0 {
            return Points::ZERO;
        }
        let value = (u128::from(self.0) * num * 2 + den) / (den * 2);
        Points(u32::try_from(value).unwrap_or(u32::MAX))
    }
}

/// Why typed points were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointsError {
    /// Not a number of points ("mười", "8,5,1").
    NotANumber,
    /// Below zero: penalties are typed as positive numbers.
    Negative,
    /// More than one decimal: points are kept in tenths.
    TooPrecise,
}

impl Points {
    /// Parses points as typed: "8", "8,5" (vi-VN) or "8.5". Blank is `None` (not scored).
    pub fn parse(text: &str) -> Result<Option<Points>, PointsError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if text.starts_with(['-', '−']) {
            return Err(PointsError::Negative);
        }
        let (whole, frac) = match text.split_once([',', '.']) {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || whole.len() > 6 {
            return Err(PointsError::NotANumber);
        }
        if frac.len() > 1 {
            return Err(PointsError::TooPrecise);
        }
        let whole: u32 = whole.parse().map_err(|_| PointsError::NotANumber)?;
        let tenths: u32 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| PointsError::NotANumber)?
        };
        Ok(Some(Points::new(whole, tenths)))
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, rhs: Points) -> Points {
        Points(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, rhs: Points) {
        *self = *self + rhs;
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

/// vi-VN: "87,5", "100".
impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::domain::format::decimal(self.as_f64(), 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_add_up_without_drift() {
        let total: Points = (0..10).map(|_| Points(1)).sum();
        assert_eq!(total, Points::whole(1));
        assert_eq!(Points::new(87, 5).to_string(), "87,5");
    }

    #[test]
    fn parses_typed_points_with_either_decimal_mark() {
        assert_eq!(Points::parse("8,5"), Ok(Some(Points(85))));
        assert_eq!(Points::parse(" 8.5 "), Ok(Some(Points(85))));
        assert_eq!(Points::parse("15"), Ok(Some(Points::whole(15))));
        assert_eq!(Points::parse(""), Ok(None));
        assert_eq!(Points::parse("-2"), Err(PointsError::Negative));
        assert_eq!(Points::parse("8,25"), Err(PointsError::TooPrecise));
        assert_eq!(Points::parse("tám"), Err(PointsError::NotANumber));
        assert_eq!(Points::parse(",5"), Err(PointsError::NotANumber));
    }

    #[test]
    fn scaling_rounds_half_up_to_tenths() {
        // 15 points × 2/3 = 10 exactly; 10 points × 1/3 = 3,33… → 3,3; × 1/6 = 1,66… → 1,7
        assert_eq!(Points::whole(15).scaled(2, 3), Points::whole(10));
        assert_eq!(Points::whole(10).scaled(1, 3), Points(33));
        assert_eq!(Points::whole(10).scaled(1, 6), Points(17));
        assert_eq!(Points(1).scaled(1, 2), Points(1));
        assert_eq!(Points::whole(10).scaled(1, 0), Points::ZERO);
    }
}
