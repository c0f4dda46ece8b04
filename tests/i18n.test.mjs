// Every text exists in English and Russian. Fails when a key or a text exists in one language
// only — in the extension's own words (extension/ui-strings.js), in the manifest's strings
// (extension/_locales/{en,ru}/messages.json) and in the Rust core's bilingual constants
// (`l("English", "Русский")` in src/: the catalogue, auth plans, reports, the CLI). Also: every
// key the pages and scripts use is defined, placeholders match, and a Russian text is Russian.
// (The Rust catalogue's own test checks each code's texts at run time: src/catalogue/mod.rs.)
// Run: `node --test tests/i18n.test.mjs`.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LANGS, UI } from '../extension/ui-strings.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXT = join(ROOT, 'extension');
const read = (p) => readFileSync(p, 'utf8');

const CYRILLIC = /[А-Яа-яЁё]/;
/** Two lowercase English words: a sentence, not a name like "ELMA365" or "Cloud ID". */
const ENGLISH_SENTENCE = /\b[a-z]{3,}\b[^.]*\b[a-z]{3,}\b/;
/** `{name}` placeholders, sorted and unique. A Russian `{name_ru}` fills the same slot as the
 *  English `{name}` with a Russian value (src/probe: per-language variables). */
const placeholders = (s) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/_ru$/, '')))].sort();

/**
 * Problems with one text pair: one side empty, different placeholders, or an English sentence
 * where the Russian should be (Latin-only Russian is fine for names: "ELMA365", "URL Jira").
 */
function pairProblems(what, en, ru) {
  const out = [];
  if (en === '' && ru === '') return out; // a deliberately empty text, filled in later
  if (typeof en !== 'string' || en.trim() === '') out.push(`${what}: English is missing or empty`);
  if (typeof ru !== 'string' || ru.trim() === '') out.push(`${what}: Russian is missing or empty`);
  if (out.length) return out;
  if (placeholders(en).join() !== placeholders(ru).join()) {
    out.push(`${what}: placeholders differ: en {${placeholders(en)}} / ru {${placeholders(ru)}}`);
  }
  const stripped = ru.replace(/\{\w+\}/g, '');
  if (!CYRILLIC.test(stripped) && ENGLISH_SENTENCE.test(stripped.replace(/https?:\/\/\S+/g, ''))) {
    out.push(`${what}: the Russian text is not in Russian: ${JSON.stringify(ru)}`);
  }
  return out;
}

function files(dir, ext, skip = []) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (skip.includes(name)) continue;
    if (statSync(p).isDirectory()) out.push(...files(p, ext, skip));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

test('ui-strings.js: both languages have exactly the same keys, all translated', () => {
  assert.deepEqual(LANGS, ['en', 'ru']);
  const en = Object.keys(UI.en);
  const ru = Object.keys(UI.ru);
  assert.deepEqual(en.filter((k) => !ru.includes(k)), [], 'keys only in English');
  assert.deepEqual(ru.filter((k) => !en.includes(k)), [], 'keys only in Russian');
  const problems = en.flatMap((k) => pairProblems(`UI.${k}`, UI.en[k], UI.ru[k]));
  assert.deepEqual(problems, []);
});

test('every key the pages and scripts use is in ui-strings.js', () => {
  const used = new Map();
  const note = (key, where) => used.set(key, [...(used.get(key) ?? []), where]);
  for (const file of files(EXT, '.html')) {
    for (const m of read(file).matchAll(/data-i18n(?:-placeholder|-aria-label)?="([^"]+)"/g)) note(m[1], relative(ROOT, file));
  }
  for (const file of files(EXT, '.js', ['pkg'])) {
    const src = read(file);
    // t(lang, 'key' …), t(state.lang, "key" …)
    for (const m of src.matchAll(/\bt\(\s*[\w.]+\s*,\s*['"]([A-Za-z0-9_]+)['"]/g)) note(m[1], relative(ROOT, file));
    // Keys kept in tables: `{ 'api-token': 'methodApiToken', … }`, `fail('hdErrEmpty')`.
    for (const m of src.matchAll(/(?:_KEYS\s*=\s*\{[^}]*\}|\bfail\(\s*'[A-Za-z0-9_]+')/g)) {
      for (const k of m[0].matchAll(/:\s*'([A-Za-z0-9_]+)'|fail\(\s*'([A-Za-z0-9_]+)'/g)) note(k[1] ?? k[2], relative(ROOT, file));
    }
  }
  assert.ok(used.size > 50, `found only ${used.size} keys: is the scan broken?`);
  const missing = [...used].filter(([k]) => !(k in UI.en) || !(k in UI.ru)).map(([k, where]) => `${k} (${[...new Set(where)].join(', ')})`);
  assert.deepEqual(missing, [], 'used but not defined in both languages');
});

test('_locales: en and ru define the same messages, and every __MSG_…__ of the manifest', () => {
  const locales = readdirSync(join(EXT, '_locales')).sort();
  assert.deepEqual(locales, ['en', 'ru']);
  const messages = Object.fromEntries(locales.map((l) => [l, JSON.parse(read(join(EXT, '_locales', l, 'messages.json')))]));
  const en = Object.keys(messages.en).sort();
  const ru = Object.keys(messages.ru).sort();
  assert.deepEqual(en.filter((k) => !ru.includes(k)), [], 'messages only in English');
  assert.deepEqual(ru.filter((k) => !en.includes(k)), [], 'messages only in Russian');
  const problems = en.flatMap((k) => pairProblems(`_locales ${k}`, messages.en[k]?.message, messages.ru[k]?.message));
  assert.deepEqual(problems, []);
  for (const k of en) {
    assert.ok(/^[A-Za-z0-9_@]+$/.test(k), `message name ${k}`);
    assert.equal(typeof messages.en[k].description, 'string', `${k} has a description for translators`);
  }
  const manifest = read(join(ROOT, 'manifest.json'));
  assert.equal(JSON.parse(manifest).default_locale, 'en');
  const referenced = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
  assert.ok(referenced.length >= 3);
  for (const k of referenced) {
    assert.ok(k in messages.en && k in messages.ru, `manifest uses __MSG_${k}__, missing in a locale`);
  }
  // Chrome's store limits (name 75, short name 12 via action title is 45? description 132).
  for (const l of locales) {
    assert.ok(messages[l].extName.message.length <= 75, `${l} extName too long`);
    assert.ok(messages[l].extDescription.message.length <= 132, `${l} extDescription over Chrome's 132 characters`);
  }
});

/** Rust string literal: "…" with escapes. */
const RUST_STR = String.raw`"((?:[^"\\]|\\[\s\S])*)"`;
/** `l("English", "Русский")` and `Text::new("English", "Русский")`: the core's bilingual texts. */
const RUST_PAIR = new RegExp(String.raw`\b(?:l|Text::new)\(\s*${RUST_STR}\s*,\s*${RUST_STR}\s*,?\s*\)`, 'g');
const unescape = (s) => s.replace(/\\\r?\n\s*/g, '').replace(/\\(["\\'])/g, '$1').replace(/\\n/g, '\n');

test('Rust core: every bilingual text l("…", "…") has both languages', () => {
  let pairs = 0;
  const problems = [];
  for (const file of files(join(ROOT, 'src'), '.rs')) {
    const src = read(file);
    for (const m of src.matchAll(RUST_PAIR)) {
      pairs += 1;
      const line = src.slice(0, m.index).split('\n').length;
      problems.push(...pairProblems(`${relative(ROOT, file)}:${line}`, unescape(m[1]), unescape(m[2])));
    }
  }
  assert.ok(pairs > 150, `found only ${pairs} pairs: is the scan broken?`);
  assert.deepEqual(problems, []);
});
