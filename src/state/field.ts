// One row of the state schema: a URL key, how to read and write it, its default, and what the
// control for it may offer. The schema (schema.ts) is a list of these; parsing, writing and the
// controls all read the same rows.
import { accept, reject, type Decoded } from './decoded.ts';
import type { ExperimentState } from './types.ts';

export type Control =
  | { kind: 'number'; min: number; max: number; step: number; integer: boolean }
  | { kind: 'choice'; options: readonly ChoiceOption[] }
  | { kind: 'toggle' }
  | { kind: 'scene' }
  | { kind: 'question' };

export interface ChoiceOption { value: string; label: string }

export interface Field<T> {
  /** The URL key. */
  key: string;
  label: string;
  /** A line the control shows beside it, when the label alone does not say what the value does. */
  help?: string;
  control: Control;
  /** `s` holds every earlier row's value, so a default may depend on them (the question on the scene). */
  decode(raw: string, s: ExperimentState): Decoded<T>;
  encode(value: T): string;
  fallback(s: ExperimentState): T;
  get(s: ExperimentState): T;
  set(s: ExperimentState, value: T): void;
  /** Whether the value matters for what the page shows; irrelevant rows are written only when changed. */
  relevant(s: ExperimentState): boolean;
}

type Lens<T> = Pick<Field<T>, 'key' | 'label' | 'get' | 'set'> & Partial<Pick<Field<T>, 'relevant' | 'help'>>;
const always = (): boolean => true;

/** A number in [min, max] (an integer when asked); any value in range, not only on the step grid. */
export function numberField(
  lens: Lens<number>, range: { min: number; max: number; step: number; integer?: boolean }, fallback: number,
): Field<number> {
  const integer = range.integer ?? false;
  const what = `${integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}`;
  return {
    relevant: always, ...lens,
    control: { kind: 'number', min: range.min, max: range.max, step: range.step, integer },
    decode: (raw) => {
      // `+ 0` turns "-0" into 0: a link must read back as the value it writes ("0").
      const v = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw) ? Number(raw) + 0 : NaN;
      return Number.isFinite(v) && v >= range.min && v <= range.max && (!integer || Number.isInteger(v)) ? accept(v) : reject(`expected ${what}`);
    },
    encode: (v) => String(v),
    fallback: () => fallback,
  };
}

/** One of a fixed list of strings. */
export function choiceField<T extends string>(lens: Lens<T>, options: readonly ChoiceOption[], fallback: T): Field<T> {
  return {
    relevant: always, ...lens,
    control: { kind: 'choice', options },
    decode: (raw) => (options.some((o) => o.value === raw) ? accept(raw as T) : reject(`expected one of ${options.map((o) => o.value).join(', ')}`)),
    encode: (v) => v,
    fallback: () => fallback,
  };
}

/** on | off. */
export function toggleField(lens: Lens<boolean>, fallback: boolean): Field<boolean> {
  return {
    relevant: always, ...lens,
    control: { kind: 'toggle' },
    decode: (raw) => (raw === 'on' ? accept(true) : raw === 'off' ? accept(false) : reject('expected on or off')),
    encode: (v) => (v ? 'on' : 'off'),
    fallback: () => fallback,
  };
}
