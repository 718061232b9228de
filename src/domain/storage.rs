//! How full the browser's storage is, as plain numbers: the limit that matters for this app,
//! when to warn, and sizes written the vi-VN way.

use super::format;

/// localStorage's own limit: about 5 Mi characters per origin, counted in UTF-16 code units
/// (keys and values), the same in Chromium, Firefox and Safari. The whole data model lives
/// there, so this — not the origin's much larger disk quota — is the one that can run out.
pub const LOCAL_STORAGE_LIMIT: usize = 5 * 1024 * 1024;

/// From this share of the limit on, the officer is told to export and archive old years.
pub const WARN_SHARE: f64 = 0.8;

/// What localStorage holds for this origin, in UTF-16 code units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LocalUse {
    /// Keys and values of the app (`thidua:…`).
    pub app: usize,
    /// Everything stored by this origin. In Chromium every `file://` page shares one origin,
    /// so other local pages count against the same limit.
    pub total: usize,
}

impl LocalUse {
    /// Used share of [`LOCAL_STORAGE_LIMIT`], 0.0–1.0 (above 1.0 only if a browser allows more).
    pub fn share(self) -> f64 {
        self.total as f64 / LOCAL_STORAGE_LIMIT as f64
    }

    /// Over [`WARN_SHARE`]: time to export and archive before saves start failing.
    pub fn nearly_full(self) -> bool {
        self.share() >= WARN_SHARE
    }

    /// Characters used by other data of the same origin.
    pub fn others(self) -> usize {
        self.total.saturating_sub(self.app)
    }
}

/// A byte count for people: "850 B", "12,4 KB", "3,2 MB", "1,5 GB" (1 KB = 1024 B).
pub fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024.0 {
        return format!("{} B", format::decimal(bytes, 0));
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{} {}", format::decimal(value, 1), UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_from_eighty_percent_of_the_local_storage_limit() {
        let at = |total| LocalUse { app: 0, total };
        assert!(!at(LOCAL_STORAGE_LIMIT * 79 / 100).nearly_full());
        assert!(at(LOCAL_STORAGE_LIMIT * 80 / 100).nearly_full());
        assert!(at(LOCAL_STORAGE_LIMIT).nearly_full());
    }

    #[test]
    fn other_pages_of_the_origin_count_against_the_same_limit() {
        let usage = LocalUse {
            app: 1000,
            total: 4_500_000,
        };
        assert_eq!(usage.others(), 4_499_000);
        assert!(usage.nearly_full());
    }

    #[test]
    fn sizes_use_the_vietnamese_decimal_comma() {
        assert_eq!(human_bytes(850.0), "850 B");
        assert_eq!(human_bytes(12.4 * 1024.0), "12,4 KB");
        assert_eq!(human_bytes(10.0 * 1024.0 * 1024.0), "10 MB");
        assert_eq!(human_bytes(1.5 * 1024.0 * 1024.0 * 1024.0), "1,5 GB");
    }
}
