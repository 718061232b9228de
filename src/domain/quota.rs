//! How full the browser's storage is, as plain numbers: when to warn, and sizes written the
//! vi-VN way.

use super::format;

/// From this share of the origin's quota on, the officer is told to export and archive old years.
pub const WARN_SHARE: f64 = 0.8;

/// The origin's disk use and quota in bytes, as `navigator.storage.estimate()` reports them.
/// The data lives in IndexedDB, which draws on this quota (usually a share of the free disk).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub usage: f64,
    pub quota: f64,
}

impl Usage {
    /// Used share of the quota, 0.0–1.0; 0.0 when the browser reports no quota.
    pub fn share(self) -> f64 {
        if self.quota > 0.0 {
            self.usage / self.quota
        } else {
            0.0
        }
    }

    /// Over [`WARN_SHARE`]: time to export and archive before saves start failing.
    pub fn nearly_full(self) -> bool {
        self.share() >= WARN_SHARE
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
    fn warns_from_eighty_percent_of_the_quota() {
        let at = |usage| Usage { usage, quota: 1000.0 };
        assert!(!at(799.0).nearly_full());
        assert!(at(800.0).nearly_full());
        assert!(!Usage {
            usage: 5.0,
            quota: 0.0
        }
        .nearly_full());
    }

    #[test]
    fn sizes_use_the_vietnamese_decimal_comma() {
        assert_eq!(human_bytes(850.0), "850 B");
        assert_eq!(human_bytes(12.4 * 1024.0), "12,4 KB");
        assert_eq!(human_bytes(10.0 * 1024.0 * 1024.0), "10 MB");
        assert_eq!(human_bytes(1.5 * 1024.0 * 1024.0 * 1024.0), "1,5 GB");
    }
}
