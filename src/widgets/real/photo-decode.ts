// A photo file → its RGBA pixels, decoded in a module worker (photo-decode.worker.ts) so a large
// photo never blocks the page. The file's size and signature are checked first (photo-format.ts).
import { PHOTO_LIMITS, photoRefusal } from './photo-format.ts';

export interface DecodedPhoto {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface DecodeRequest { id: number; blob: Blob; maxPixels: number }
export type DecodeReply = ({ ok: true } & DecodedPhoto | { ok: false; message: string }) & { id: number };

/** A photo the page cannot use; `message` is one line for the reader. */
export class PhotoError extends Error {}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: DecodeReply) => void>();

function decoder(): Worker {
  if (worker === null) {
    worker = new Worker(new URL('./photo-decode.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DecodeReply>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    // A decoder that dies (out of memory on a huge photo) fails what it held; the next photo starts a new one.
    worker.onerror = (e) => {
      for (const [id, done] of waiting) done({ id, ok: false, message: `the decoder stopped (${e.message || 'no reason given'})` });
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

export async function decodePhoto(blob: Blob, name: string): Promise<DecodedPhoto> {
  const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  const refusal = photoRefusal(name, blob.size, blob.type, head);
  if (refusal !== null) throw new PhotoError(refusal);
  const id = nextId++;
  const reply = await new Promise<DecodeReply>((resolve) => {
    waiting.set(id, resolve);
    decoder().postMessage({ id, blob, maxPixels: PHOTO_LIMITS.pixels } satisfies DecodeRequest);
  });
  if (!reply.ok) throw new PhotoError(`${name} cannot be used: ${reply.message}.`);
  return { rgba: reply.rgba, width: reply.width, height: reply.height };
}
