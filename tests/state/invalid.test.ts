import { describe, expect, test } from 'vitest';
import { FIELDS, STATE_VERSION, defaultState, parseState, writeState, type Control } from '../../src/state/index.ts';

/** Links as this version writes them (a link without `v` is read as version 1, see versions.test.ts). */
const current = `v=${STATE_VERSION}&`;

/** Values no row of this kind accepts. */
function invalidValues(control: Control): string[] {
  switch (control.kind) {
    case 'number': return ['', 'abc', 'NaN', 'Infinity', '1e999', String(control.min - 1), String(control.max + 1), '0x1', ...(control.integer ? ['1.5'] : [])];
    case 'choice': return ['', 'nope', `${control.options[0].value} `, control.options[0].value.toUpperCase() + '!'];
    case 'toggle': return ['', 'yes', 'true', '1', 'ON'];
    case 'scene': return ['', 'preset.nope', 'preset.', 'seed.-1', 'seed.4294967296', 'seed.1.5', 'edit', 'edit.z-000000', 'edit.f-00000g', 'edit.f-000000.xcisp-1-1', 'edit.f-000000.rcisp-400-1', 'other.1', 'file.', 'file.a b', 'file.a/b', `file.${'x'.repeat(81)}`];
    case 'question': return ['', 'color', 'color.red', 'shape.circle', 'count.big', 'exist.red', 'position.red.circle.x', 'why.red.circle'];
  }
}

describe('each invalid field falls back to its default with a notice naming it', () => {
  for (const field of FIELDS) {
    test(field.key, () => {
      const fallback = field.get(defaultState());
      for (const bad of invalidValues(field.control)) {
        const { state, notices } = parseState(`${current}${field.key}=${encodeURIComponent(bad)}`);
        expect(notices, `${field.key}=${bad}`).toHaveLength(1);
        expect(notices[0]).toMatchObject({ field: field.key, kind: 'invalid' });
        expect(notices[0].message).toContain(`"${field.key}"`);
        expect(field.get(state)).toEqual(fallback);
        expect(state).toEqual(defaultState());
      }
    });
  }
});

describe('other link problems', () => {
  test('unknown fields are ignored with one notice naming them', () => {
    const { state, notices } = parseState('zoom=3&theme=dark&k=20');
    expect(state.k).toBe(20);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'unknown', field: 'zoom' });
    expect(notices[0].message).toContain('"zoom"');
    expect(notices[0].message).toContain('"theme"');
  });

  test('a repeated field uses its first value and says so', () => {
    const { state, notices } = parseState('k=12&k=30');
    expect(state.k).toBe(12);
    expect(notices).toEqual([expect.objectContaining({ field: 'k', kind: 'duplicate' })]);
  });

  test('a version this page does not know is read as the current version, with a notice', () => {
    const { state, notices } = parseState('v=9&k=12');
    expect(state.k).toBe(12);
    expect(notices).toEqual([expect.objectContaining({ field: 'v', kind: 'version' })]);
  });

  test('notices quote at most 40 characters of what the link said', () => {
    const { notices } = parseState(`method=${'x'.repeat(5000)}`);
    expect(notices[0].message.length).toBeLessThan(200);
  });

  test('script in a link stays inert data: it reaches no value of the state', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const keys = FIELDS.map((f) => `${f.key}=${encodeURIComponent(payload)}`).join('&');
    const { state, notices } = parseState(`${current}${keys}&${encodeURIComponent(payload)}=1`);
    expect(state).toEqual(defaultState());
    expect(notices).toHaveLength(FIELDS.length + 1);
    expect(writeState(state)).not.toMatch(/[<>"']/);
  });
});
