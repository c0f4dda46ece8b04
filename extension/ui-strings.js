// Every text the popup itself shows, in English and Russian. Texts about the site (summary,
// steps, notes, warnings) come from the core as `{en, ru}` pairs and are not repeated here.
// `{name}` placeholders are filled by `t()`.

export const LANGS = ['en', 'ru'];

export const UI = {
  en: {
    appName: 'Jira Token Wizard',
    language: 'Language',
    detecting: 'Looking at this tab…',
    details: 'Details',
    hosting: 'Hosting',
    hostingCloud: 'Cloud',
    hostingSelfManaged: 'Server/Data Center',
    edition: 'Edition',
    editionDataCenter: 'Data Center (cluster)',
    editionUnknown: 'Server or Data Center (cannot be told apart)',
    version: 'Version',
    build: 'Build',
    baseUrl: 'Base URL',
    contextPath: 'Context path',
    contextRoot: '(none, site root)',
    cloudId: 'Cloud ID',
    clusterNode: 'Cluster node',
    user: 'Logged in as',
    method: 'Recommended method',
    methodApiToken: 'API token: your e-mail + token (Basic auth)',
    methodPat: 'Personal access token (Bearer)',
    methodBasic: 'Username + password (Basic auth)',
    alsoWorks: 'Also works: {methods}',
    openTokenPage: 'Open the token page',
    steps: 'Steps',
    notes: 'Good to know',
    warnings: 'Check this',
    allowAccess: 'Allow access to {origin}',
    accessDenied: 'Access was not granted. The result is based on the page alone.',
    otherUrl: 'Enter your Jira address:',
    urlLabel: 'Jira address',
    urlPlaceholder: 'https://jira.example.com',
    detect: 'Detect',
    urlInvalid: 'Enter an address that starts with https:// or http://.',
    tabUnreadable: 'This tab cannot be read (a browser page, or the extension has no access to it).',
    failed: 'Detection failed: {message}',
  },
  ru: {
    appName: 'Мастер токенов Jira',
    language: 'Язык',
    detecting: 'Смотрю, что открыто во вкладке…',
    details: 'Подробности',
    hosting: 'Размещение',
    hostingCloud: 'Cloud (облако)',
    hostingSelfManaged: 'Server/Data Center (свой сервер)',
    edition: 'Редакция',
    editionDataCenter: 'Data Center (кластер)',
    editionUnknown: 'Server или Data Center (не различить)',
    version: 'Версия',
    build: 'Сборка',
    baseUrl: 'Базовый URL',
    contextPath: 'Контекстный путь',
    contextRoot: '(нет, корень сайта)',
    cloudId: 'Cloud ID',
    clusterNode: 'Узел кластера',
    user: 'Вы вошли как',
    method: 'Рекомендуемый способ',
    methodApiToken: 'API-токен: ваш e-mail + токен (Basic-аутентификация)',
    methodPat: 'Персональный токен доступа (Bearer)',
    methodBasic: 'Логин + пароль (Basic-аутентификация)',
    alsoWorks: 'Также подходит: {methods}',
    openTokenPage: 'Открыть страницу токенов',
    steps: 'Шаги',
    notes: 'Полезно знать',
    warnings: 'Обратите внимание',
    allowAccess: 'Разрешить доступ к {origin}',
    accessDenied: 'Доступ не предоставлен. Результат основан только на странице.',
    otherUrl: 'Введите адрес вашей Jira:',
    urlLabel: 'Адрес Jira',
    urlPlaceholder: 'https://jira.example.com',
    detect: 'Определить',
    urlInvalid: 'Введите адрес, начинающийся с https:// или http://.',
    tabUnreadable: 'Эту вкладку нельзя прочитать (страница браузера или у расширения нет к ней доступа).',
    failed: 'Не удалось определить: {message}',
  },
};

/** The UI text `key` in `lang` with `{name}` placeholders filled from `vars`. */
export function t(lang, key, vars = {}) {
  const text = UI[lang]?.[key] ?? UI.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A core `{en, ru}` text in `lang`. */
export const pick = (lang, text) => (text && typeof text === 'object' ? text[lang] ?? text.en ?? '' : '');

/** `'ru'` for a Russian browser UI tag (`ru`, `ru-RU`), else `'en'` (as `Lang::from_tag`). */
export const langFromTag = (tag) => (String(tag ?? '').trim().toLowerCase().startsWith('ru') ? 'ru' : 'en');
