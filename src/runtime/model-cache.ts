// Cache Storage for the model and runtime files (pages and workers alike), keyed by content (the manifest's sha256, or a
// hashed asset URL), so a new model never reads an old file and a return visit downloads nothing.

const CACHE_NAME = 'tops-lab-models';

/** False where the browser offers no Cache Storage (insecure contexts, some private modes). */
export const cacheAvailable = (): boolean => typeof caches !== 'undefined';

export interface CachedFetch {
  /** Fetches `url`, answering from the cache under `key` and filling it on a miss. */
  fetch(url: string, key: string): Promise<Response>;
  /** Resolves once every copy started so far is stored (or failed to be). */
  settled(): Promise<void>;
}

export function cachedFetch(): CachedFetch {
  const storing: Promise<unknown>[] = [];
  return {
    async fetch(url, key) {
      if (!cacheAvailable()) return fetch(url);
      const cache = await caches.open(CACHE_NAME);
      const hit = await cache.match(key);
      if (hit !== undefined) return hit;
      const response = await fetch(url);
      // Stored while the page reads the other copy, so progress stays real; a file that then
      // fails its checksum is removed with the whole cache (see model-loader.ts).
      if (response.ok) storing.push(cache.put(key, response.clone()).catch(() => undefined));
      return response;
    },
    settled: async () => { await Promise.all(storing); },
  };
}

/** Which of these keys the cache holds. */
export async function cachedKeys(keys: readonly string[]): Promise<Set<string>> {
  if (!cacheAvailable()) return new Set();
  const cache = await caches.open(CACHE_NAME);
  const found = await Promise.all(keys.map(async (k) => ((await cache.match(k)) !== undefined ? k : null)));
  return new Set(found.filter((k): k is string => k !== null));
}

/** Keeps only `keep`: files of an older model are removed once a newer one is known. */
export async function pruneModelCache(keep: readonly string[]): Promise<void> {
  if (!cacheAvailable()) return;
  const cache = await caches.open(CACHE_NAME);
  const wanted = new Set(keep.map((k) => new URL(k, location.href).href));
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}

export async function clearModelCache(): Promise<void> {
  if (cacheAvailable()) await caches.delete(CACHE_NAME);
}
