// Reading a pasted diagnostic report (src/report/, schema `jira-token-wizard/report@1`) for the
// helpdesk page: the JSON itself, or a whole Markdown report, which ends with its JSON in a
// fenced block. Pure: no DOM, no `chrome.*`, so node tests import it directly. Every error is a
// UI-strings key with its variables, so the page can say what is wrong in EN and RU.

/** The schema this page understands (`report::SCHEMA`). */
export const SCHEMA = 'jira-token-wizard/report@1';
const SCHEMA_PREFIX = 'jira-token-wizard/report@';
/** Largest paste read, in characters (a report is a few KB; a Markdown one maybe 30 KB). */
export const MAX_INPUT_CHARS = 2_000_000;

/** @typedef {{key: string, vars?: Record<string, string>}} ParseError */

/** @returns {{ok: false, error: ParseError}} */
const fail = (key, vars = {}) => ({ ok: false, error: { key, vars } });

/**
 * The JSON in a Markdown report: the last fenced block whose info string is `json` (its fence is
 * longer than any backtick run inside, src/report/markdown.rs). One pass over the lines, so the
 * time is linear in the paste whatever it holds (a regex with a lazy body was quadratic on
 * pastes full of unclosed fences: ≈ 17 s for 320 KB).
 */
export function jsonBlock(text) {
  const blocks = jsonBlocks(text);
  return blocks.length === 0 ? null : blocks[blocks.length - 1];
}

/** Every `json` fenced block of `text`, in order (one pass, as [jsonBlock]). */
export function jsonBlocks(text) {
  const lines = text.split('\n');
  /** @type {string[]} */
  const found = [];
  /** @type {string | null} */
  let fence = null;
  let start = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].replace(/\r$/, '');
    if (fence === null) {
      const open = /^(`{3,})[ \t]*json[ \t]*$/.exec(line);
      if (open) {
        fence = open[1];
        start = i + 1;
      }
    } else if (line.startsWith(fence) && /^[ \t]*$/.test(line.slice(fence.length))) {
      found.push(lines.slice(start, i).join('\n').replace(/\r$/, ''));
      fence = null;
    }
  }
  return found;
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => isObject(v) && typeof v.en === 'string' && typeof v.ru === 'string';
const isNullable = (v, test) => v === null || v === undefined || test(v);

/** The first field of `r` that does not have the shape the view needs, or null. */
function badField(r) {
  if (!['check', 'detection'].includes(r.kind)) return 'kind';
  if (!isObject(r.deployment) || !isText(r.deployment.summary)) return 'deployment';
  if (!isObject(r.versions)) return 'versions';
  if (typeof r.generatedAt !== 'string') return 'generatedAt';
  if (!isNullable(r.environment, (v) => typeof v === 'string')) return 'environment';
  if (!isNullable(r.verdict, (v) => isObject(v) && typeof v.code === 'string'
    && isText(v.title) && isText(v.cause) && isText(v.fix))) return 'verdict';
  if (r.kind === 'check' && !isObject(r.verdict)) return 'verdict';
  if (!isNullable(r.tried, (v) => isObject(v) && typeof v.login === 'string')) return 'tried';
  if (!Array.isArray(r.checklist) || !r.checklist.every((i) => isObject(i) && typeof i.id === 'string'
    && ['ok', 'fail', 'info'].includes(i.state) && isText(i.text))) return 'checklist';
  if (!isNullable(r.steps, (v) => Array.isArray(v) && v.every(isText))) return 'steps';
  if (!Array.isArray(r.warnings) || !r.warnings.every((w) => isObject(w) && typeof w.code === 'string'
    && isText(w.title) && isText(w.cause) && isText(w.fix))) return 'warnings';
  if (!Array.isArray(r.requests) || !r.requests.every((q) => isObject(q) && typeof q.method === 'string'
    && typeof q.path === 'string' && typeof q.origin === 'string' && typeof q.auth === 'string'
    && isNullable(q.status, Number.isInteger) && Number.isFinite(q.ms) && isObject(q.headers)
    && Object.values(q.headers).every((h) => typeof h === 'string'))) return 'requests';
  return null;
}

/**
 * Reads pasted text.
 * @returns {{ok: true, report: Record<string, any>, from: 'json' | 'markdown'} | {ok: false, error: ParseError}}
 */
export function parseReport(input) {
  const text = String(input ?? '').trim();
  if (text === '') return fail('hdErrEmpty');
  if (text.length > MAX_INPUT_CHARS) return fail('hdErrTooBig');
  let source = text;
  /** @type {'json' | 'markdown'} */
  let from = 'json';
  if (!text.startsWith('{')) {
    const block = jsonBlock(text);
    if (block === null) return fail(text.startsWith('#') ? 'hdErrNoBlock' : 'hdErrNotJson', { message: 'expected “{”' });
    source = block;
    from = 'markdown';
  }
  let value;
  try {
    value = JSON.parse(source);
  } catch (err) {
    return fail('hdErrNotJson', { message: String(err?.message ?? err).slice(0, 200) });
  }
  if (!isObject(value) || typeof value.schema !== 'string') return fail('hdErrNotReport');
  if (!value.schema.startsWith(SCHEMA_PREFIX)) return fail('hdErrNotReport');
  if (value.schema !== SCHEMA) return fail('hdErrSchema', { schema: value.schema.slice(0, 80) });
  const field = badField(value);
  if (field) return fail('hdErrField', { field });
  return { ok: true, report: value, from };
}

/** How many reports one paste may hold: one, or a browser's and a server's. */
export const MAX_REPORTS = 2;

/**
 * Where the first JSON document of `text` (which starts with `{`) ends: the index after its
 * closing brace, or -1. One pass, strings and escapes skipped, so it is linear.
 */
export function jsonEnd(text) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Reads a paste holding one report or two (a browser's and the CLI's from the server): two
 * JSON documents one after the other, or two Markdown reports (each ends with its JSON block).
 * Linear in the paste; capped at [MAX_INPUT_CHARS] and [MAX_REPORTS]. Which report is whose is
 * for the core to say (`compare_reports`).
 * @returns {{ok: true, reports: Record<string, any>[], from: 'json' | 'markdown'} | {ok: false, error: ParseError}}
 */
export function parseReports(input) {
  const text = String(input ?? '').trim();
  if (text === '') return fail('hdErrEmpty');
  if (text.length > MAX_INPUT_CHARS) return fail('hdErrTooBig');
  /** @type {string[]} */
  let pieces = [text];
  /** @type {'json' | 'markdown'} */
  let from = 'json';
  if (text.startsWith('{')) {
    pieces = [];
    let rest = text;
    while (rest !== '' && pieces.length <= MAX_REPORTS) {
      const end = rest.startsWith('{') ? jsonEnd(rest) : -1;
      if (end < 0) {
        pieces.push(rest);
        break;
      }
      pieces.push(rest.slice(0, end));
      rest = rest.slice(end).trim();
    }
  } else {
    const blocks = jsonBlocks(text).filter((b) => b.includes(SCHEMA_PREFIX));
    if (blocks.length > 1) {
      pieces = blocks;
      from = 'markdown';
    }
  }
  if (pieces.length > MAX_REPORTS) return fail('hdErrTooMany', { max: String(MAX_REPORTS) });
  const reports = [];
  for (const piece of pieces) {
    const parsed = parseReport(piece);
    if (!parsed.ok) return parsed;
    if (pieces.length === 1) from = parsed.from;
    reports.push(parsed.report);
  }
  return { ok: true, reports, from };
}
