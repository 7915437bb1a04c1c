/** A value read from a link, or why it could not be read (for the reader's notice). */
export type Decoded<T> = { ok: true; value: T } | { ok: false; why: string };

export const accept = <T>(value: T): Decoded<T> => ({ ok: true, value });
export const reject = <T>(why: string): Decoded<T> => ({ ok: false, why });
