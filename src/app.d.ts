// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser, Session } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** 长辈模式: larger text and tap targets, from the `large_text` cookie. */
			largeText: boolean;
			requestId: string;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
