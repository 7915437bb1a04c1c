// Cache Storage for model and runtime files (pages and workers alike), one cache per model
// source, keyed by content (a sha256, or a hashed asset URL): a new model never reads an old
// file, a return visit downloads nothing, and clearing one source's files leaves the other's.

/** The site's own models (TinyVLM of each world, one folder each) and the one downloaded from a model hub. */
export const SITE_CACHE = 'tops-lab-models';
export const HUB_CACHE = 'tops-lab-mllm';

/** False where the browser offers no Cache Storage (insecure contexts, some private modes). */
export const cacheAvailable = (): boolean => typeof caches !== 'undefined';

export interface CachedFetch {
  /** Fetches `url`, answering from the cache under `key` and filling it on a miss. */
  fetch(url: string, key: string, init?: RequestInit): Promise<Response>;
  /** Resolves once every copy started so far is stored (or failed to be). */
  settled(): Promise<void>;
}

export function cachedFetch(name: string): CachedFetch {
  const storing: Promise<unknown>[] = [];
  return {
    async fetch(url, key, init) {
      if (!cacheAvailable()) return fetch(url, init);
      const cache = await caches.open(name);
      const hit = await cache.match(key);
      if (hit !== undefined) return hit;
      const response = await fetch(url, init);
      // Stored while the page reads the other copy, so progress stays real; a file that then
      // fails its checks is removed with the whole cache (see model-loader.ts).
      if (response.ok) storing.push(cache.put(key, response.clone()).catch(() => undefined));
      return response;
    },
    settled: async () => { await Promise.all(storing); },
  };
}

/** Which of these keys the cache holds. */
export async function cachedKeys(name: string, keys: readonly string[]): Promise<Set<string>> {
  if (!cacheAvailable()) return new Set();
  const cache = await caches.open(name);
  const found = await Promise.all(keys.map(async (k) => ((await cache.match(k)) !== undefined ? k : null)));
  return new Set(found.filter((k): k is string => k !== null));
}

/**
 * Keeps only `keep` and what `spare` says belongs to another model sharing the cache (the site's
 * other world): files of an older version of this model, or an older runtime, are removed once the
 * newer ones are known.
 */
export async function pruneModelCache(name: string, keep: readonly string[], spare: (url: string) => boolean = () => false): Promise<void> {
  if (!cacheAvailable()) return;
  const cache = await caches.open(name);
  const wanted = new Set(keep.map((k) => new URL(k, location.href).href));
  for (const request of await cache.keys()) if (!wanted.has(request.url) && !spare(request.url)) await cache.delete(request);
}

export async function clearModelCache(name: string): Promise<void> {
  if (cacheAvailable()) await caches.delete(name);
}
