// The reader's own token files, by the safe name a link carries. The bytes go from the file picker
// to the engine's worker (transferred, read and checked there); the page keeps only the summary and
// the decoded image. Nothing here is sent anywhere: the file never leaves the device.
import type { Engine, TokenFileSummary } from '../../../runtime/engine.ts';
import { safeFileName } from '../../../state/index.ts';

export interface LoadedTokens {
  /** The safe name `scene=file.<name>` carries. */
  name: string;
  summary: TokenFileSummary;
  /** The file's image as a data URL with its pixel size (checked by decoding it in this page); null when it has none or it did not decode. */
  image: { href: string; width: number; height: number } | null;
  /** Why a file's image is not drawn although it has one. */
  imageNote: string | null;
  /** From the pick to the summary, ms (reading the bytes, transferring and checking them in the engine). */
  loadMs: number;
}

export interface TokenFiles {
  get(name: string): LoadedTokens | null;
  /** The most recently read file. */
  latest(): LoadedTokens | null;
  /** Reads a picked file into the engine; rejects with the reader's one-line message for a bad file. */
  load(file: File): Promise<LoadedTokens>;
}

/** As many as the engine keeps (src/runtime/session.ts): a reader compares at most two. */
const KEPT_FILES = 2;

async function decodeImage(image: TokenFileSummary['image']): Promise<Pick<LoadedTokens, 'image' | 'imageNote'>> {
  if (image === null) return { image: null, imageNote: null };
  try {
    const bitmap = await createImageBitmap(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime }));
    const { width, height } = bitmap;
    bitmap.close();
    // A data URL (not a blob: URL), so an exported SVG of the figure carries its image along.
    return { image: { href: await dataUrl(image.bytes, image.mime), width, height }, imageNote: null };
  } catch {
    return { image: null, imageNote: `The file's ${image.mime} image could not be decoded by this browser; its grid is drawn plainly.` };
  }
}

function dataUrl(bytes: Uint8Array, mime: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  });
}

export function createTokenFiles(engine: Promise<Engine>): TokenFiles {
  const files = new Map<string, LoadedTokens>();
  return {
    get: (name) => files.get(name) ?? null,
    latest: () => [...files.values()].at(-1) ?? null,
    async load(file) {
      const started = performance.now();
      const name = safeFileName(file.name);
      const summary = await (await engine).loadTokens(name, await file.arrayBuffer());
      const loaded: LoadedTokens = { name, summary, ...(await decodeImage(summary.image)), loadMs: performance.now() - started };
      files.delete(name);
      files.set(name, loaded);
      for (const [old, entry] of files) {
        if (files.size <= KEPT_FILES) break;
        files.delete(old);
      }
      return loaded;
    },
  };
}
