/**
 * A least-recently-used map bounded by the total size of its values rather than their number:
 * answers range from a few hundred bytes to hundreds of kilobytes, so a count would bound nothing.
 * A Map keeps insertion order, so re-inserting on every read makes its first key the coldest.
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes held, as counted by the callers of {@link set}; never above {@link maxBytes}. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value`, evicting the coldest entries to make room; false when it alone is too big. */
  set(key: string, value: V, bytes: number): boolean {
    if (bytes > this.maxBytes) return false;
    this.delete(key);
    for (const [coldest] of this.entries) {
      if (this.total + bytes <= this.maxBytes) break;
      this.delete(coldest);
    }
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
