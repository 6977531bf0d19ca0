//! The API's date-time format, `MM/DD/YYYY HH:MM:SS` (BlackBerry statistics).
//!
//! The statistics times come as plain strings with no zone. Parsing them lets the UI
//! show a consistent format and recognise garbage instead of printing it blindly.

use std::fmt;

/// A validated `MM/DD/YYYY HH:MM:SS` value (no time zone is given by the API).
/// Field order makes the derived ordering chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiTimestamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

fn number(part: &str, min_len: usize, max_len: usize) -> Option<u16> {
    if part.len() < min_len || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if leap {
                29
            } else {
                28
            }
        }
    }
}

impl ApiTimestamp {
    /// Parses `12/31/1999 16:00:00` (one- or two-digit fields, four-digit year);
    /// `None` for anything else, including impossible dates such as `02/30/2001`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut halves = s.split_whitespace();
        let (date, time) = (halves.next()?, halves.next()?);
        if halves.next().is_some() {
            return None;
        }
        let d: Vec<&str> = date.split('/').collect();
        let t: Vec<&str> = time.split(':').collect();
        let ([mo, da, ye], [ho, mi, se]) = (d.as_slice(), t.as_slice()) else {
            return None;
        };
        let small = |p: &str| number(p, 1, 2).and_then(|n| u8::try_from(n).ok());
        let ts = ApiTimestamp {
            month: small(mo)?,
            day: small(da)?,
            year: number(ye, 4, 4)?,
            hour: small(ho)?,
            minute: small(mi)?,
            second: small(se)?,
        };
        let valid = (1..=12).contains(&ts.month)
            && ts.day >= 1
            && ts.day <= days_in_month(ts.year, ts.month)
            && ts.hour <= 23
            && ts.minute <= 59
            && ts.second <= 59;
        valid.then_some(ts)
    }

    /// `1999-12-31T16:00:00`, for a `<time datetime>` attribute or sorting as text.
    pub fn to_iso_string(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// The API's own format, zero-padded.
impl fmt::Display for ApiTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
            self.month, self.day, self.year, self.hour, self.minute, self.second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let t = ApiTimestamp::parse("12/31/1999 16:00:00").unwrap();
        assert_eq!((t.year, t.month, t.day, t.hour), (1999, 12, 31, 16));
        assert_eq!(t.to_string(), "12/31/1999 16:00:00");
        assert_eq!(t.to_iso_string(), "1999-12-31T16:00:00");
        assert_eq!(
            ApiTimestamp::parse("1/2/2026 3:04:05").unwrap().to_string(),
            "01/02/2026 03:04:05"
        );
    }

    #[test]
    fn rejects_out_of_range_and_garbage() {
        for bad in [
            "",
            "13/01/2000 00:00:00",
            "00/01/2000 00:00:00",
            "02/30/2001 00:00:00",
            "02/29/1900 00:00:00",
            "01/01/2000 24:00:00",
            "01/01/2000 00:60:00",
            "01/01/2000 00:00:60",
            "01/01/00 00:00:00",
            "01-01-2000 00:00:00",
            "01/01/2000",
            "01/01/2000 00:00:00 extra",
            "+1/01/2000 00:00:00",
            "٣/01/2000 00:00:00",
        ] {
            assert_eq!(ApiTimestamp::parse(bad), None, "{bad:?}");
        }
        assert!(ApiTimestamp::parse("02/29/2000 00:00:00").is_some());
    }
}
