import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
	it('uses argon2id with at least OWASP’s minimum (19 MiB, 2 iterations, parallelism 1)', async () => {
		expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
		expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
		expect(ARGON2_OPTIONS.parallelism).toBe(1);
		const hash = await hashPassword('correct horse battery');
		// The PHC string records the parameters the hash was really made with.
		expect(hash).toMatch(
			/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/
		);
		expect(needsRehash(hash)).toBe(false);
	});

	it('salts every hash and verifies only the right password', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).not.toBe(b);
		expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(a, 'correct horse batterx')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
		expect(await verifyPassword(a, 'x'.repeat(10_000))).toBe(false);
	});

	it('asks for a rehash of weaker hashes', () => {
		expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
		expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
	});
});
