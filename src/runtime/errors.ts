import { PruneError, type PruneErrorCode } from '../core/index.ts';
import type { WireError } from './protocol.ts';

/** Why the engine (not the method) refused or dropped a request. */
export type EngineErrorCode =
  | 'superseded' // a newer prune for the same handle and lane replaced this one before it ran
  | 'unknown-handle' // the handle was disposed or never prepared by this engine
  | 'terminated'; // the engine was shut down with the request pending

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export function toWire(err: unknown): WireError {
  if (err instanceof PruneError || err instanceof EngineError) return { name: err.name, code: err.code, message: err.message };
  // Typed errors of other layers (ModelError, TokenFileError) keep their name and code.
  if (err instanceof Error) return { name: err.name, code: typeof (err as { code?: unknown }).code === 'string' ? (err as unknown as { code: string }).code : null, message: err.message };
  return { name: 'Error', code: null, message: String(err) };
}

/** Rebuilds the typed error, so `instanceof PruneError` and `code` work in the page. */
export function fromWire(wire: WireError): Error {
  if (wire.name === 'PruneError') return new PruneError(wire.code as PruneErrorCode, wire.message);
  if (wire.name === 'EngineError') return new EngineError(wire.code as EngineErrorCode, wire.message);
  const err = Object.assign(new Error(wire.message), { code: wire.code });
  err.name = wire.name;
  return err;
}
