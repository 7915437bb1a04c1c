import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FIELDS, STATE_VERSION, parseState, writeState } from '../../src/state/index.ts';
import { experimentState } from './arbitraries.ts';

const keys = fc.constantFrom('v', ...FIELDS.map((f) => f.key));
/** Characters links are made of, plus ones that break naive parsers. */
const linkChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789.-_=&%+?#<>"\'/\\ \u0000\u00e9\ud83d\ude00'.split(''));
const noise = fc.string({ unit: linkChar, maxLength: 60 });

/** A link that a person, a chat app or an attacker could have mangled. */
const mangledLink = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.tuple(keys, noise), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.tuple(experimentState, fc.nat(), noise).map(([state, at, junk]) => {
    const link = writeState(state);
    const cut = at % (link.length + 1);
    return link.slice(0, cut) + junk + link.slice(cut);
  }),
);

test('1000 mangled links never throw and always give a state that writes and reads back cleanly', () => {
  fc.assert(fc.property(mangledLink, (link) => {
    const { state } = parseState(link);
    const again = parseState(writeState(state));
    expect(again.notices).toEqual([]);
    // Written links are always the current version, with the same meaning as what was read.
    expect(again.state.v).toBe(STATE_VERSION);
    expect({ ...again.state, v: state.v }).toEqual(state);
  }), { numRuns: 1000 });
}, 60_000); // 1000 runs: a generous bound so a loaded machine does not fail it

