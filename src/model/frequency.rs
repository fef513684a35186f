//! Update frequencies and their codes in the catalog standards.

use serde::{Deserialize, Serialize};

/// How often a dataset is updated (`dct:accrualPeriodicity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Continuous,
    Hourly,
    Daily,
    Weekly,
    Biweekly,
    Monthly,
    Bimonthly,
    Quarterly,
    Semiannual,
    Annual,
    Biennial,
    Irregular,
    Never,
}

impl Frequency {
    /// The descriptor value, also the key of its label in the translation files.
    pub fn key(self) -> &'static str {
        self.codes().0
    }

    /// The EU frequency vocabulary code (DCAT-AP).
    pub fn eu_code(self) -> &'static str {
        self.codes().1
    }

    /// The ISO 8601 repeating interval (DCAT-US, Perfil Regional); `None` for `never`.
    pub fn iso8601(self) -> Option<&'static str> {
        Some(self.codes().2).filter(|code| !code.is_empty())
    }

    fn codes(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Frequency::Continuous => ("continuous", "CONT", "R/PT1S"),
            Frequency::Hourly => ("hourly", "HOURLY", "R/PT1H"),
            Frequency::Daily => ("daily", "DAILY", "R/P1D"),
            Frequency::Weekly => ("weekly", "WEEKLY", "R/P1W"),
            Frequency::Biweekly => ("biweekly", "BIWEEKLY", "R/P2W"),
            Frequency::Monthly => ("monthly", "MONTHLY", "R/P1M"),
            Frequency::Bimonthly => ("bimonthly", "BIMONTHLY", "R/P2M"),
            Frequency::Quarterly => ("quarterly", "QUARTERLY", "R/P3M"),
            Frequency::Semiannual => ("semiannual", "ANNUAL_2", "R/P6M"),
            Frequency::Annual => ("annual", "ANNUAL", "R/P1Y"),
            Frequency::Biennial => ("biennial", "BIENNIAL", "R/P2Y"),
            Frequency::Irregular => ("irregular", "IRREG", "irregular"),
            Frequency::Never => ("never", "NEVER", ""),
        }
    }
}
