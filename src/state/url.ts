// Links ⇄ ExperimentState. Reading never throws: each field that cannot be read falls back to its
// default with a notice naming it, unknown fields are ignored with a notice, and nothing read is
// ever more than data (the page shows notices as text only).
import { METHODS } from '../core/index.ts';
import { FIELDS } from './schema.ts';
import { STATE_VERSION, type ExperimentState, type ParsedState, type StateNotice, type StateVersion } from './types.ts';
import { keepOlderRelevanceOff, linkVersion } from './versions.ts';

const VERSION_KEY = 'v';
const SHOWN_CHARS = 40; // a notice quotes at most this much of what the link said
const SHOWN_UNKNOWN = 5;

const quote = (text: string): string => JSON.stringify(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);

/** Every row overwrites its part of this skeleton while a link is read. */
function skeleton(v: StateVersion): ExperimentState {
  return {
    v, scene: { kind: 'seed', seed: 0 }, question: { type: 'exist', color: 'red', shape: 'circle' },
    method: '', compare: '', params: Object.fromEntries(METHODS.map((m) => [m.id, {}])),
    principles: { relevance: true, coverage: true, diversity: true }, k: 0, backend: 'auto',
    view: { overlay: 'kept', truth: true, sweep: 'coverage', llm: '' },
  };
}

/** Reads a query string ("?a=1&b=2" or "a=1&b=2"); never throws. */
export function parseState(search: string): ParsedState {
  const query = new URLSearchParams(search);
  const notices: StateNotice[] = [];
  const given = query.get(VERSION_KEY);
  let version = linkVersion(given);
  if (version === null) {
    version = STATE_VERSION;
    notices.push({ field: VERSION_KEY, kind: 'version', message: `This link says format version ${quote(given ?? '')}; this page reads versions 1 to ${STATE_VERSION}, so the link was read as version ${STATE_VERSION}.` });
  }
  const state = skeleton(version);
  for (const field of FIELDS) {
    const given = query.getAll(field.key);
    if (given.length > 1) {
      notices.push({ field: field.key, kind: 'duplicate', message: `"${field.key}" appears ${given.length} times; the first was used.` });
    }
    if (given.length === 0) {
      field.set(state, field.fallback(state));
      continue;
    }
    const read = field.decode(given[0], state);
    if (read.ok) {
      field.set(state, read.value);
    } else {
      const fallback = field.fallback(state);
      field.set(state, fallback);
      notices.push({
        field: field.key, kind: 'invalid',
        message: `"${field.key}" was ${quote(given[0])}: ${read.why}. Using ${quote(field.encode(fallback))} instead.`,
      });
    }
  }
  const older = keepOlderRelevanceOff(state);
  if (older !== null) notices.push(older);
  const known = new Set([VERSION_KEY, ...FIELDS.map((f) => f.key)]);
  const unknown = [...new Set(query.keys())].filter((k) => !known.has(k));
  if (unknown.length > 0) {
    const named = unknown.slice(0, SHOWN_UNKNOWN).map(quote).join(', ');
    const more = unknown.length > SHOWN_UNKNOWN ? ` and ${unknown.length - SHOWN_UNKNOWN} more` : '';
    notices.push({ field: unknown[0], kind: 'unknown', message: `Ignored field${unknown.length > 1 ? 's' : ''} this page does not know: ${named}${more}.` });
  }
  return { state, notices };
}

/** The query string (without "?") that reproduces `state`: every relevant field, plus any changed one. */
export function writeState(state: ExperimentState): string {
  const defaults = skeleton(STATE_VERSION);
  const parts = [`${VERSION_KEY}=${STATE_VERSION}`];
  for (const field of FIELDS) {
    const value = field.encode(field.get(state));
    const fallback = field.encode(field.fallback(defaults));
    field.set(defaults, field.get(state));
    if (field.relevant(state) || value !== fallback) parts.push(`${field.key}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

/** The state a fresh page starts with: the current version's defaults. */
export function defaultState(): ExperimentState {
  return parseState(`${VERSION_KEY}=${STATE_VERSION}`).state;
}

/**
 * The state a page opened at `search` shows. An address without a query is a fresh page, not a
 * link (a query without `v` is a version 1 link), so it starts from the current defaults.
 */
export function readAddress(search: string): ParsedState {
  return search === '' ? { state: defaultState(), notices: [] } : parseState(search);
}
