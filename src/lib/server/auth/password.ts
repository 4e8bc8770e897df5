import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's minimum recommendation (Password Storage Cheat Sheet): 19 MiB of memory,
 * 2 iterations, parallelism 1. The parameters are stored inside each hash, so raising them
 * later keeps old hashes verifiable; `needsRehash` tells when to upgrade on the next sign-in.
 */
export const ARGON2_OPTIONS = {
	// Note: @node-rs/argon2 declares Algorithm as a `const enum`, which isolated modules cannot
	// import; 2 is Algorithm.Argon2id.
	algorithm: 2,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} as const;

/** The PHC prefix every current hash starts with. */
const CURRENT_PARAMS = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

/** Passwords shorter than this are refused when set (not when verified). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longer inputs are refused before hashing, so a huge body cannot keep the CPU busy. */
export const MAX_PASSWORD_LENGTH = 200;

/** Hashes a password with argon2id (PHC string, salt included). */
export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

/** True when the password matches the hash; false for malformed hashes too. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (password.length > MAX_PASSWORD_LENGTH) return false;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** True when a hash was made with weaker (or other) parameters than ARGON2_OPTIONS. */
export function needsRehash(passwordHash: string): boolean {
	return !passwordHash.startsWith(CURRENT_PARAMS);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, verified when the username is unknown or disabled so that
 * a failed sign-in takes the same time whether or not the account exists.
 */
export function dummyPasswordHash(): Promise<string> {
	dummy ??= hashPassword(crypto.randomUUID());
	return dummy;
}
