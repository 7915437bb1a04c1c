/**
 * Turns request messages into host calls and replies; shared by the worker and the in-thread
 * engine so both behave the same. The first message must be `init`.
 */
import type { GpuBackendFactory } from './chooser.ts';
import { toWire } from './errors.ts';
import { EngineHost } from './host.ts';
import { buffersOf, type ReplyMessage, type RequestMessage } from './protocol.ts';

export type Post = (message: ReplyMessage, transfer: ArrayBuffer[]) => void;

export function createDispatcher(post: Post, makeGpu: GpuBackendFactory | null): (message: RequestMessage) => void {
  let host: Promise<EngineHost> | null = null;
  return (message) => {
    const { id } = message;
    if (message.op === 'init') {
      host = EngineHost.create(message.preference, makeGpu, (info) => post({ type: 'info', info }, []));
    }
    if (host === null) {
      post({ type: 'reply', id, ok: false, error: { name: 'Error', code: null, message: 'the engine received a request before init' } }, []);
      return;
    }
    host
      .then((h) => h.run(message))
      .then(
        (value) => post({ type: 'reply', id, ok: true, value }, buffersOf(value)),
        (err: unknown) => post({ type: 'reply', id, ok: false, error: toWire(err) }, []),
      );
  };
}
