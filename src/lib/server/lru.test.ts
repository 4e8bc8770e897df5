import { describe, expect, it } from 'vitest';
import { LruMap } from './lru';

describe('LruMap', () => {
	it('drops the least recently used entry, where a read counts as a use', () => {
		const lru = new LruMap<string, number>(2);
		lru.set('a', 1).set('b', 2);
		expect(lru.get('a')).toBe(1); // a is now newer than b
		lru.set('c', 3);
		expect(lru.get('b')).toBeUndefined();
		expect(lru.get('a')).toBe(1);
		expect(lru.get('c')).toBe(3);
		expect(lru.size).toBe(2);
	});

	it('replacing a key does not evict another', () => {
		const lru = new LruMap<string, number>(2);
		lru.set('a', 1).set('b', 2).set('a', 10);
		expect([lru.get('a'), lru.get('b')]).toEqual([10, 2]);
	});
});
