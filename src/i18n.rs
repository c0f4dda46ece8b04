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

/// Milliseconds as seconds the way the texts write them: `10000` → `"10"`, `2500` → `"2.5"`.
pub fn seconds(ms: u32) -> String {
    format!("{}", f64::from(ms) / 1000.0)
}
