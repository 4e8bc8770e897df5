/**
 * A Map that keeps at most `capacity` entries, dropping the least recently used: the one cache
 * shape the server needs (the read memo, prepared statements). A Map
 * iterates in insertion order, so re-inserting on every use keeps the oldest key first.
 */
export class LruMap<K, V> {
	private readonly map = new Map<K, V>();

	constructor(readonly capacity: number) {}

	get size(): number {
		return this.map.size;
	}

	/** The value, now the most recently used; undefined when absent. */
	get(key: K): V | undefined {
		const value = this.map.get(key);
		if (value !== undefined) {
			this.map.delete(key);
			this.map.set(key, value);
		}
		return value;
	}

	/** Stores the value as the most recently used, dropping the least recent when full. */
	set(key: K, value: V): this {
		this.map.delete(key);
		if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value!);
		this.map.set(key, value);
		return this;
	}

	/** Removes `key` if it still holds `value` (a later value stays). */
	deleteIf(key: K, value: V): void {
		if (this.map.get(key) === value) this.map.delete(key);
	}
}
