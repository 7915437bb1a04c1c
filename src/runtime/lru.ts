/** A Map that forgets its oldest entry beyond `size`; `onEvict` releases what it held. */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  readonly size: number;
  readonly #onEvict: (value: V) => void;

  constructor(size: number, onEvict: (value: V) => void = () => {}) {
    this.size = size;
    this.#onEvict = onEvict;
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) { this.#map.delete(key); this.#map.set(key, value); }
    return value;
  }

  set(key: K, value: V): V {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.size) {
      const [oldest, gone] = this.#map.entries().next().value as [K, V];
      this.#map.delete(oldest);
      this.#onEvict(gone);
    }
    return value;
  }

  /** The cached value, or `make()` stored under `key` (a failed promise is not remembered). */
  remember(key: K, make: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = this.set(key, make());
    if (value instanceof Promise) value.catch(() => { if (this.#map.get(key) === value) this.#map.delete(key); });
    return value;
  }
}
