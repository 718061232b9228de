//! Whether a number's text is too large for any field (1e400), decided on its digits. The
//! standard library's float parser would answer too, but brings a 20 KB table of powers of five
//! into the wasm for this one question on an error path.

/// The smallest magnitude that reads as infinity, 2^1024 − 2^970: halfway between `f64::MAX`
/// and 2^1024, where the tie rounds to the even side, 2^1024. Its 309 digits, so its value is
/// 0.DIGITS × 10^309.
const INFINITY_FROM: &str = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
const INFINITY_PLACES: i64 = 309;

/// Whether the number's exact value rounds to infinity as an f64, for texts of digits, point,
/// sign and exponent (the only ones asked): a sign, digits with at most one point (at least one
/// digit), then optionally `e`/`E`, a sign and at least one digit. The same answer as
/// `number.parse::<f64>().is_ok_and(f64::is_infinite)`, except for numbers of tens of thousands
/// of digits, where std stops counting the exponent and this still reads the exact value.
pub fn reads_as_infinity(number: &str) -> bool {
    let unsigned = number.strip_prefix(['+', '-']).unwrap_or(number);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits_only(whole) || !digits_only(fraction) {
        return false;
    }
    let exponent = match exponent {
        None => 0,
        Some(text) => {
            let magnitude = text.strip_prefix(['+', '-']).unwrap_or(text);
            if magnitude.is_empty() || !digits_only(magnitude) {
                return false;
            }
            // Capped far beyond any float's range, so that adding the point's place cannot overflow.
            let value = magnitude
                .bytes()
                .fold(0_i64, |v, b| (v * 10 + i64::from(b - b'0')).min(1 << 40));
            if text.starts_with('-') {
                -value
            } else {
                value
            }
        }
    };
    // The value is 0.SIGNIFICANT × 10^places, SIGNIFICANT from the first digit that is not 0.
    let all = [whole, fraction].concat();
    let Some(first) = all.bytes().position(|b| b != b'0') else {
        return false;
    };
    let significant = all[first..].trim_end_matches('0');
    let places = whole.len() as i64 - first as i64 + exponent;
    match places.cmp(&INFINITY_PLACES) {
        std::cmp::Ordering::Equal => significant >= INFINITY_FROM,
        beyond => beyond.is_gt(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn as_std(number: &str) -> bool {
        number.parse::<f64>().is_ok_and(f64::is_infinite)
    }

    #[test]
    fn the_threshold_is_two_to_the_1024_minus_two_to_the_970() {
        assert_eq!(INFINITY_FROM.len() as i64, INFINITY_PLACES);
        let exactly = format!("0.{INFINITY_FROM}e309");
        assert!(reads_as_infinity(&exactly) && as_std(&exactly));
        let just_under = format!("{}e1", &INFINITY_FROM[..308]);
        assert!(!reads_as_infinity(&just_under) && !as_std(&just_under));
    }

    #[test]
    fn as_std_on_chosen_texts() {
        let near = &INFINITY_FROM[..40];
        for text in [
            "1e400",
            "-1e400",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.797693134862315808e308",
            "1.7976931348623159e308",
            "0.0001e312",
            "000.0179769313486231581e310",
            "1e99999999999999999999999",
            "0e99999",
            "1e-99999999999999999",
            "",
            ".",
            "+",
            "-",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1e5e5",
            ".5e309",
            "5.e308",
            "+-1",
            "1-e5",
            "--1e400",
            "1E+400",
            &format!("{near}e269"),
            &format!("{near}0000e269"),
            &format!("0.{near}e309"),
            &format!("{}0e-1", "9".repeat(400)),
        ] {
            assert_eq!(reads_as_infinity(text), as_std(text), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn as_std_on_any_number_like_text(text in "[+-]?[0-9]{0,4}[.]?[0-9]{0,4}([eE][+-]?[0-9]{0,4})?") {
            prop_assert_eq!(reads_as_infinity(&text), as_std(&text), "{:?}", text);
        }

        #[test]
        fn as_std_near_the_threshold(
            cut in 1..60_usize,
            last in 0..10_u8,
            shift in -3..3_i64,
            zeros in 0..3_usize,
        ) {
            let digits = format!("{}{last}{}", &INFINITY_FROM[..cut], "0".repeat(zeros));
            let text = format!("{}.{}e{}", &digits[..1], &digits[1..], 308 + shift);
            prop_assert_eq!(reads_as_infinity(&text), as_std(&text), "{:?}", text);
        }
    }
}
