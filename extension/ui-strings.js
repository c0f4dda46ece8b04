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
    method: 'Recommended method',
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
    urlUserinfo:
      'An address with a login or password before the host (user:password@) is not used: a secret does not belong in an address. Enter the address alone; the login and secret go in the token test.',
    tabUnreadable: 'This tab cannot be read (a browser page, or the extension has no access to it).',
    // The wizard beside the page: the Jira it keeps while another tab is shown.
    confirming: 'Confirming with the server…',
    testConfirming: 'Confirming this Jira with its server first…',
    workingOn: 'Working on {jira} — this tab is {host}.',
    workingOnHidden: 'Working on {jira} — this tab is a site the wizard has no access to.',
    detectHere: 'Detect this tab',
    detectHereHint:
      'The wizard may not read this tab yet: type its address below (you will be asked to allow it), or click the wizard’s toolbar button while on it.',
    failed: 'Detection failed: {message}',
    hdCoreFailed: 'The wizard could not load its core: {message}',
    // The steps (wizard/views/steps.js).
    stepsLabel: 'Steps',
    stepDetect: 'What this Jira is',
    stepToken: 'Get the token',
    stepTest: 'Test it',
    stepConnect: 'Connect the integration',
    stepNextTest: 'I have the token — test it',
    stepOf: 'Step {n} of {total}: ',
    stepDone: 'Done',
    stepNow: 'Now',
    // One-click personal access token.
    patTitle: 'Create a token for me',
    patIntro:
      'Creates a personal access token for the account logged in to Jira in this browser, shows it once and tests it. The wizard never stores it.',
    patName: 'Token name',
    patDays: 'Expires after (days, 1–{days})',
    patStart: 'Create token…',
    patNameInvalid: 'Enter a name of 1 to {max} characters.',
    patDaysInvalid: 'Enter a whole number of days from 1 to {days}.',
    patConfirm:
      'Create the personal access token “{name}”, valid for {days} days, for {who} at {base}? Jira shows it only once.',
    patWhoLoggedIn: 'the account logged in to Jira',
    patYes: 'Yes, create it',
    patCreating: 'Creating…',
    patNo: 'Cancel',
    patFailed: 'The token could not be created',
    patOpenPage: 'Open my tokens page',
    patAgain: 'Try again',
    patTokenLabel: 'Your new token — shown only now',
    patCopy: 'Copy',
    patCopied: 'Token copied. Paste it into the integration now.',
    patCopiedCleared:
      'Token copied. Paste it into the integration now: in {seconds} s the clipboard is cleared if it still holds the token.',
    patCopiedNotCleared:
      'Token copied. Paste it into the integration now. The clipboard is not cleared by itself (clipboard access was not allowed): copy something else once it is pasted.',
    clipboardWhy:
      'The first copy of a secret asks your browser to let the wizard use the clipboard, only to empty it {seconds} s later if it still holds that secret. Say no and the copy still works; the clipboard is just not cleared.',
    // Diagnostic report (popup) and the helpdesk page.
    reportCopy: 'Copy report',
    reportDownload: 'Download report',
    reportHint: 'For your helpdesk. It holds no token or password.',
    reportCopied: 'Report copied: paste it into your support request.',
    reportCopyFailed: 'Could not copy the report ({message}). Use “Download report”.',
    reportDownloaded: 'Report saved as {file}.',
    reportFailed: 'The report could not be made: {message}',
    openHelpdesk: 'Helpdesk: read a report',
    hdTitle: 'Jira Token Wizard — helpdesk',
    hdPasteLabel: 'Paste the customer’s report (its JSON, or the whole Markdown report)',
    hdPasteHint: 'A report holds no token or password. It stays on this page: nothing is sent or stored.',
    hdShow: 'Show report',
    hdClear: 'Clear',
    hdPairTitle: "The browser's report beside the server's",
    hdPairBrowser: 'Browser (extension)',
    hdPairServer: "Integration's server (CLI)",
    hdPairSame: "Both got the same verdict: the difference is not the server's network.",
    testTitle: 'Test a token',
    loginEmail: 'E-mail',
    loginUsername: 'Username',
    loginOptional: '{label} (optional for a personal access token)',
    secretLabel: 'Token or password',
    secretLabelPat: 'Personal access token',
    secretLabelApiToken: 'API token',
    secretLabelPassword: 'Password',
    reveal: 'Show',
    hide: 'Hide',
    revealLabel: 'Show the secret',
    authLabel: 'Method',
    authAuto: 'Automatic (as recommended)',
    authApiToken: 'API token (Cloud)',
    authPat: 'Personal access token',
    authBasic: 'Username + password',
    // A service account's OAuth 2.0 client credentials (wizard/service-account.js).
    authClientCredentials: 'Service account (OAuth 2.0 client credentials)',
    loginClientId: 'Client ID',
    secretLabelClientSecret: 'Client secret',
    clientCredentialsUnsupported:
      'Service account client credentials: not supported by this integration ({target}) — its form has no client ID and secret.',
    sendsToServiceAccount:
      'The client ID and secret go only to {auth}; the access token it issues only to {gateway}, and is never shown or kept.',
    projectLabel: 'Project key (optional)',
    testRun: 'Test',
    testRunning: 'Testing…',
    sendsTo: 'The login and secret go only to {origin}.',
    sendsInsecure:
      '{origin} is plain http://: the login and secret would cross the network unencrypted, readable by anyone on the way. Ask the Jira administrator for its https:// address.',
    sendsNowhere: 'Nothing will be sent: this site never answered as Jira.',
    hostNotAllowed: 'The extension has no access to {origin}, so nothing was sent there.',
    secretMissing: 'Enter the token or password first.',
    testFailed: 'The test failed: {message}',
    solveCaptcha: 'Open the login page to solve the CAPTCHA',
    gatewayNote:
      'A token with scopes works only through Atlassian’s gateway. Testing there sends the same e-mail and token to api.atlassian.com; your browser asks you to allow access to it first.',
    gatewayTry: 'Test through api.atlassian.com',
    gatewayDenied: 'Access to api.atlassian.com was not granted, so the token was not sent there.',
    targetLabel: 'Integration',
    authSetByTarget: '{target} decides the method: {method}',
    projectPickLabel: 'Check the permissions in',
    projectAny: 'any project',
    snippetHint: 'Ready to paste into the connection form:',
    snippetReveal: 'Show secret',
    snippetHide: 'Hide secret',
    snippetRevealLabel: 'Show the secret in the connection block and copy it with the block',
    copy: 'Copy',
    copyField: 'Copy {label}',
    copyAll: 'Copy all',
    copyJson: 'Copy JSON',
    copied: 'Copied.',
    serverCheckTitle: 'Test from the integration’s server',
    serverCheckIntro:
      'This browser cannot see the server’s network (allowlist, proxy, company CA). Run the same test there, with the secret in the JIRA_TOKEN environment variable:',
    serverCheckCli: 'With the wizard’s command-line tool:',
    serverCheckCurl: 'Or with curl:',
    copiedSecret: 'Copied, with the secret.',
    copiedSecretCleared: 'Copied, with the secret. In {seconds} s the clipboard is cleared if it still holds it.',
    copyFailed: 'Could not copy: {message}',
    copiedFieldCleared: '{label} copied — cleared in {seconds} s',
    copiedField: '{label} copied',
    copiedFieldNotCleared: '{label} copied — not cleared by itself (clipboard access not allowed)',
    copiedSecretNotCleared:
      'Copied, with the secret. The clipboard is not cleared by itself (clipboard access was not allowed): copy something else once it is pasted.',
    keysCopiedNotCleared:
      'Copied, with the secret. The clipboard will not be cleared by itself: clipboard access is not allowed (a Copy button asks for it). Copy something else once it is pasted.',
    integrationQuestion: 'What are you connecting to this Jira?',
    planUnsupported: 'Not for this Jira',
    more: 'More: test from the server, report',
    testCancel: 'Cancel',
    testCancelled: 'Test cancelled: nothing more is waited for. Press Test to try again.',
    // Remembered connections and reminders (wizard/views/remember.js).
    expiryAsk: 'Which expiry will you pick? (optional)',
    expiryAskHint:
      'The test then says when the token expires, and after a test that works the wizard can remember that date — never the token — and remind you before it.',
    rememberTitle: 'Remember this connection’s expiry',
    rememberDate: 'Token expires on',
    rememberDateRead: 'Token expires on (as Jira lists it)',
    rememberLabel: 'Name of the integration (optional)',
    rememberSave: 'Remember this connection’s expiry — no secret is kept',
    rememberSaved: 'Remembered: the Jira address, login, integration, name and expiry date. No secret is kept.',
    rememberedTitle: 'Remembered connections',
    rememberedNoDate: 'No expiry date',
    rememberedTest: 'Test again',
    rememberedForget: 'Forget',
    remindersOn: 'Remind me by a notification before a token expires',
    remindersDays: 'Days before expiry',
    remindersOff: 'Notifications are off: this list still shows the days left.',
    notificationsDenied: 'Notifications were not allowed: reminders stay off, and this list still shows the days left.',
    reminderDaysInvalid: 'Enter whole numbers of days, such as 14, 3.',
  },
  ru: {
    appName: 'Мастер токенов Jira',
    language: 'Язык',
    detecting: 'Смотрю, что открыто во вкладке…',
    details: 'Подробности',
    method: 'Рекомендуемый способ',
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
    urlUserinfo:
      'Адрес с логином или паролем перед хостом (user:пароль@) не используется: секрету не место в адресе. Введите только адрес; логин и секрет вводятся при проверке токена.',
    tabUnreadable: 'Эту вкладку нельзя прочитать (страница браузера или у расширения нет к ней доступа).',
    confirming: 'Сверяюсь с сервером…',
    testConfirming: 'Сначала сверяюсь с сервером этой Jira…',
    workingOn: 'Работаю с {jira} — в этой вкладке {host}.',
    workingOnHidden: 'Работаю с {jira} — к сайту в этой вкладке у мастера нет доступа.',
    detectHere: 'Определить эту вкладку',
    detectHereHint:
      'Мастер пока не может прочитать эту вкладку: введите её адрес ниже (браузер спросит разрешение) или нажмите кнопку мастера на панели инструментов, находясь на ней.',
    failed: 'Не удалось определить: {message}',
    // The steps (wizard/views/steps.js).
    stepsLabel: 'Шаги',
    stepDetect: 'Что это за Jira',
    stepToken: 'Получить токен',
    stepTest: 'Проверить',
    stepConnect: 'Подключить интеграцию',
    stepNextTest: 'Токен получен — проверить',
    stepOf: 'Шаг {n} из {total}: ',
    stepDone: 'Готово',
    stepNow: 'Сейчас',
    hdCoreFailed: 'Мастеру не удалось загрузить ядро: {message}',
    // Персональный токен одним нажатием.
    patTitle: 'Создать токен за меня',
    patIntro:
      'Создаёт персональный токен доступа для учётной записи, под которой вы вошли в Jira в этом браузере, показывает его один раз и проверяет. Мастер его не сохраняет.',
    patName: 'Имя токена',
    patDays: 'Срок действия (дней, 1–{days})',
    patStart: 'Создать токен…',
    patNameInvalid: 'Введите имя длиной от 1 до {max} символов.',
    patDaysInvalid: 'Введите целое число дней от 1 до {days}.',
    patConfirm:
      'Создать персональный токен «{name}» сроком на {days} дн. для {who} на {base}? Jira покажет его только один раз.',
    patWhoLoggedIn: 'учётной записи, под которой вы вошли в Jira',
    patYes: 'Да, создать',
    patCreating: 'Создаю…',
    patNo: 'Отмена',
    patFailed: 'Не удалось создать токен',
    patOpenPage: 'Открыть мою страницу токенов',
    patAgain: 'Попробовать снова',
    patTokenLabel: 'Ваш новый токен — показан только сейчас',
    patCopy: 'Копировать',
    patCopied: 'Токен скопирован. Вставьте его в интеграцию сейчас.',
    patCopiedCleared:
      'Токен скопирован. Вставьте его в интеграцию сейчас: через {seconds} с буфер обмена будет очищен, если токен ещё в нём.',
    patCopiedNotCleared:
      'Токен скопирован. Вставьте его в интеграцию сейчас. Буфер обмена не очистится сам (доступ к нему не разрешён): скопируйте что-нибудь другое, когда вставите токен.',
    clipboardWhy:
      'При первом копировании секрета браузер спросит, можно ли мастеру пользоваться буфером обмена — только чтобы через {seconds} с очистить его, если секрет ещё там. Откажете — копирование всё равно сработает, просто буфер не очистится.',
    // Диагностический отчёт (popup) и страница техподдержки.
    reportCopy: 'Копировать отчёт',
    reportDownload: 'Скачать отчёт',
    reportHint: 'Для вашей техподдержки. Токенов и паролей в нём нет.',
    reportCopied: 'Отчёт скопирован: вставьте его в обращение в поддержку.',
    reportCopyFailed: 'Не удалось скопировать отчёт ({message}). Воспользуйтесь кнопкой «Скачать отчёт».',
    reportDownloaded: 'Отчёт сохранён как {file}.',
    reportFailed: 'Не удалось составить отчёт: {message}',
    openHelpdesk: 'Техподдержка: прочитать отчёт',
    hdTitle: 'Мастер токенов Jira — техподдержка',
    hdPasteLabel: 'Вставьте отчёт клиента (его JSON или весь отчёт в Markdown)',
    hdPasteHint:
      'В отчёте нет токенов и паролей. Он остаётся на этой странице: ничего не отправляется и не сохраняется.',
    hdShow: 'Показать отчёт',
    hdClear: 'Очистить',
    hdPairTitle: 'Отчёт браузера рядом с отчётом сервера',
    hdPairBrowser: 'Браузер (расширение)',
    hdPairServer: 'Сервер интеграции (CLI)',
    hdPairSame: 'Вердикты совпадают: дело не в сети сервера.',
    testTitle: 'Проверить токен',
    loginEmail: 'E-mail',
    loginUsername: 'Имя пользователя',
    loginOptional: '{label} (для персонального токена необязательно)',
    secretLabel: 'Токен или пароль',
    secretLabelPat: 'Персональный токен доступа',
    secretLabelApiToken: 'API-токен',
    secretLabelPassword: 'Пароль',
    reveal: 'Показать',
    hide: 'Скрыть',
    revealLabel: 'Показать секрет',
    authLabel: 'Способ',
    authAuto: 'Автоматически (как рекомендовано)',
    authApiToken: 'API-токен (Cloud)',
    authPat: 'Персональный токен доступа',
    authBasic: 'Логин + пароль',
    authClientCredentials: 'Сервисная учётная запись (OAuth 2.0 client credentials)',
    loginClientId: 'Client ID (идентификатор клиента)',
    secretLabelClientSecret: 'Client secret (секрет клиента)',
    clientCredentialsUnsupported:
      'Client credentials сервисной учётной записи: не поддерживается этой интеграцией ({target}) — в её форме нет полей client ID и secret.',
    sendsToServiceAccount:
      'Client ID и secret отправляются только на {auth}; выданный им токен доступа — только на {gateway}, он нигде не показывается и не хранится.',
    projectLabel: 'Ключ проекта (необязательно)',
    testRun: 'Проверить',
    testRunning: 'Проверяю…',
    sendsTo: 'Логин и секрет отправляются только на {origin}.',
    sendsInsecure:
      '{origin} — обычный http://: логин и секрет пойдут по сети без шифрования, их сможет прочитать любой по пути. Попросите у администратора Jira адрес https://.',
    sendsNowhere: 'Ничего не будет отправлено: этот сайт ни разу не ответил как Jira.',
    hostNotAllowed: 'У расширения нет доступа к {origin}, поэтому туда ничего не отправлено.',
    secretMissing: 'Сначала введите токен или пароль.',
    testFailed: 'Проверка не удалась: {message}',
    solveCaptcha: 'Открыть страницу входа, чтобы пройти CAPTCHA',
    gatewayNote:
      'Токен с областями (scopes) работает только через шлюз Atlassian. Проверка там отправит тот же e-mail и токен на api.atlassian.com; сначала браузер попросит разрешить доступ к нему.',
    gatewayTry: 'Проверить через api.atlassian.com',
    gatewayDenied: 'Доступ к api.atlassian.com не предоставлен, поэтому токен туда не отправлялся.',
    targetLabel: 'Интеграция',
    authSetByTarget: 'Способ задаёт {target}: {method}',
    projectPickLabel: 'Проверить права в',
    projectAny: 'любом проекте',
    snippetHint: 'Готово для вставки в форму подключения:',
    snippetReveal: 'Показать секрет',
    snippetHide: 'Скрыть секрет',
    snippetRevealLabel: 'Показать секрет в блоке подключения и копировать его вместе с блоком',
    copy: 'Копировать',
    copyField: 'Копировать: {label}',
    copyAll: 'Копировать всё',
    copyJson: 'Копировать JSON',
    copied: 'Скопировано.',
    serverCheckTitle: 'Проверка с сервера интеграции',
    serverCheckIntro:
      'Браузер не видит сеть сервера (список разрешённых IP, прокси, корпоративный CA). Выполните ту же проверку там, положив секрет в переменную окружения JIRA_TOKEN:',
    serverCheckCli: 'Утилитой командной строки мастера:',
    serverCheckCurl: 'Или через curl:',
    copiedSecret: 'Скопировано вместе с секретом.',
    copiedSecretCleared:
      'Скопировано вместе с секретом. Через {seconds} с буфер обмена будет очищен, если секрет ещё в нём.',
    copyFailed: 'Не удалось скопировать: {message}',
    copiedFieldCleared: '{label}: скопировано — очистится через {seconds} с',
    copiedField: '{label}: скопировано',
    copiedFieldNotCleared: '{label}: скопировано — само не очистится (доступ к буферу обмена не разрешён)',
    copiedSecretNotCleared:
      'Скопировано вместе с секретом. Буфер обмена не очистится сам (доступ к нему не разрешён): скопируйте что-нибудь другое, когда вставите.',
    keysCopiedNotCleared:
      'Скопировано вместе с секретом. Буфер обмена не очистится сам: доступ к нему не разрешён (его запрашивает кнопка «Копировать»). Скопируйте что-нибудь другое, когда вставите.',
    integrationQuestion: 'Что вы подключаете к этой Jira?',
    planUnsupported: 'Не для этой Jira',
    more: 'Ещё: проверка с сервера, отчёт',
    testCancel: 'Отмена',
    testCancelled: 'Проверка отменена: ответа больше не ждём. Нажмите «Проверить», чтобы повторить.',
    expiryAsk: 'Какой срок действия вы выберете? (необязательно)',
    expiryAskHint:
      'Тогда проверка скажет, когда токен истекает, а после успешной проверки мастер может запомнить эту дату — но не токен — и напомнить о ней заранее.',
    rememberTitle: 'Запомнить срок действия этого подключения',
    rememberDate: 'Токен истекает',
    rememberDateRead: 'Токен истекает (по списку Jira)',
    rememberLabel: 'Название интеграции (необязательно)',
    rememberSave: 'Запомнить срок действия — секрет не сохраняется',
    rememberSaved: 'Запомнено: адрес Jira, логин, интеграция, название и дата истечения. Секрет не сохранён.',
    rememberedTitle: 'Запомненные подключения',
    rememberedNoDate: 'Срок не указан',
    rememberedTest: 'Проверить снова',
    rememberedForget: 'Забыть',
    remindersOn: 'Напоминать уведомлением до истечения токена',
    remindersDays: 'За сколько дней',
    remindersOff: 'Уведомления выключены: список всё равно показывает, сколько дней осталось.',
    notificationsDenied:
      'Уведомления не разрешены: напоминания выключены, а список всё равно показывает оставшиеся дни.',
    reminderDaysInvalid: 'Введите целые числа дней, например 14, 3.',
  },
};

/** @typedef {{key: string, vars?: Record<string, string>}} UiMessage  A UI-strings key and its `{name}` values. */

/** @type {Record<string, Record<string, string>>} UI by language, by key. */
const TEXTS = UI;

/**
 * The UI text `key` in `lang` with `{name}` placeholders filled from `vars`.
 * @param {string} lang
 * @param {string} key
 * @param {Record<string, string>} [vars]
 */
export function t(lang, key, vars = {}) {
  const text = TEXTS[lang]?.[key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, /** @type {string} */ name) => (name in vars ? String(vars[name]) : m));
}

/**
 * A core `{en, ru}` text in `lang`.
 * @param {string} lang
 * @param {{en: string, ru: string} | null | undefined} text
 * @returns {string}
 */
export const pick = (lang, text) =>
  text && typeof text === 'object' ? ((lang === 'ru' ? text.ru : text.en) ?? text.en ?? '') : '';

/**
 * `'ru'` for a Russian browser UI tag (`ru`, `ru-RU`), else `'en'` (as `Lang::from_tag`).
 * @param {unknown} tag
 */
export const langFromTag = (tag) =>
  String(tag ?? '')
    .trim()
    .toLowerCase()
    .startsWith('ru')
    ? 'ru'
    : 'en';
