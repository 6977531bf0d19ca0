//! Which of the shipped languages a panel speaks: the configuration's `locale`, else
//! the account's `language`, else `en_US`.

use crate::config::locale_tag;

/// A language the panel ships texts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    EnUs,
    DeDe,
    Ar,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::EnUs, Locale::DeDe, Locale::Ar];

    /// BCP 47, for `lang` and the browser's `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::DeDe => "de-DE",
            Locale::Ar => "ar",
        }
    }

    /// The API's spelling (`en_US`), as hosts write it in the configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::EnUs => "en_US",
            Locale::DeDe => "de_DE",
            Locale::Ar => "ar",
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The shipped locale of `raw`'s language, whatever its region (`de_AT` → `de_DE`,
    /// `ar_EG` → `ar`); `None` when `raw` is malformed or its language is not shipped.
    pub fn parse(raw: &str) -> Option<Locale> {
        let tag = locale_tag(raw)?;
        let language = tag.split('-').next()?;
        match language {
            "en" => Some(Locale::EnUs),
            "de" => Some(Locale::DeDe),
            "ar" => Some(Locale::Ar),
            _ => None,
        }
    }

    /// The chain: the configuration's `locale`, else the account's `language`, else
    /// `en_US`. The first value given (a blank one counts as not given) decides: an
    /// unknown or malformed one means `en_US`, never an error.
    pub fn resolve(configured: Option<&str>, account: Option<&str>) -> Locale {
        [configured, account]
            .into_iter()
            .flatten()
            .find(|raw| !raw.trim().is_empty())
            .and_then(Locale::parse)
            .unwrap_or(Locale::EnUs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configured_locale_comes_first() {
        assert_eq!(Locale::resolve(Some("de_DE"), Some("en_US")), Locale::DeDe);
        assert_eq!(Locale::resolve(Some("en_US"), Some("de_DE")), Locale::EnUs);
        assert_eq!(Locale::resolve(Some("ar"), None), Locale::Ar);
    }

    #[test]
    fn then_the_account_language_then_english() {
        assert_eq!(Locale::resolve(None, Some("de_DE")), Locale::DeDe);
        assert_eq!(Locale::resolve(Some(""), Some("de_DE")), Locale::DeDe);
        assert_eq!(Locale::resolve(Some("  "), Some("ar")), Locale::Ar);
        assert_eq!(Locale::resolve(None, None), Locale::EnUs);
        assert_eq!(Locale::resolve(None, Some("")), Locale::EnUs);
    }

    #[test]
    fn a_region_falls_back_to_the_shipped_locale_of_its_language() {
        assert_eq!(Locale::resolve(Some("de_AT"), None), Locale::DeDe);
        assert_eq!(Locale::resolve(Some("de-CH"), None), Locale::DeDe);
        assert_eq!(Locale::resolve(Some("DE"), None), Locale::DeDe);
        assert_eq!(Locale::resolve(Some("ar_EG"), None), Locale::Ar);
        assert_eq!(Locale::resolve(Some("ar-Arab-SA"), None), Locale::Ar);
        assert_eq!(Locale::resolve(Some("en_GB"), Some("de_DE")), Locale::EnUs);
    }

    #[test]
    fn unknown_or_malformed_means_english_without_error() {
        for raw in [
            "xx",
            "fr_FR",
            "123",
            "en--US",
            "<script>",
            "d",
            "de_DE_x_y",
            "ar\u{0}",
        ] {
            assert_eq!(Locale::resolve(Some(raw), None), Locale::EnUs, "{raw:?}");
            // A value that is given but unusable decides: no fall-through to the account.
            assert_eq!(
                Locale::resolve(Some(raw), Some("de_DE")),
                Locale::EnUs,
                "{raw:?}"
            );
        }
        assert_eq!(Locale::resolve(None, Some("xx")), Locale::EnUs);
        assert_eq!(Locale::resolve(Some(""), None), Locale::EnUs);
    }

    #[test]
    fn tags_and_direction() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.as_str()), Some(l));
            assert_eq!(Locale::parse(l.tag()), Some(l));
        }
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::DeDe.dir(), "ltr");
    }
}
