//! Languages and bilingual text. Every user-facing string the core produces is a [`Text`]
//! holding English and Russian, so the UI can switch language without asking the core again.

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// Picks a language from a BCP 47 tag such as `ru-RU`; anything not Russian is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub ru: String,
}

impl Text {
    pub fn new(en: impl Into<String>, ru: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            ru: ru.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

/// A static text in both languages: `l("Version", "Версия")`. For catalogues and constants.
pub const fn l(en: &'static str, ru: &'static str) -> L10n {
    L10n { en, ru }
}

/// A static text in both languages, for catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct L10n {
    pub en: &'static str,
    pub ru: &'static str,
}

impl L10n {
    /// Fills `{name}` placeholders in both languages.
    pub fn fill(&self, vars: &[(&str, &str)]) -> Text {
        let mut en = self.en.to_string();
        let mut ru = self.ru.to_string();
        for (name, value) in vars {
            let pat = format!("{{{name}}}");
            en = en.replace(&pat, value);
            ru = ru.replace(&pat, value);
        }
        Text { en, ru }
    }

    pub fn text(&self) -> Text {
        Text::new(self.en, self.ru)
    }
}

/// Milliseconds as seconds the way the texts write them: `10000` → `"10"`, `2500` → `"2.5"`,
/// `50` → `"0.05"` (what `f64` display would give, without the float printer in the wasm).
pub fn seconds(ms: u32) -> String {
    let (whole, frac) = (ms / 1000, ms % 1000);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:03}");
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn seconds_are_written_like_f64_display() {
        for ms in [
            0,
            1,
            10,
            50,
            999,
            1000,
            1001,
            1500,
            2500,
            10_000,
            12_345,
            90_000,
            u32::MAX,
        ] {
            assert_eq!(
                super::seconds(ms),
                format!("{}", f64::from(ms) / 1000.0),
                "{ms}"
            );
        }
    }
}
