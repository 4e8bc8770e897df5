import type { Role } from '../db/schema';

export interface SessionUser {
	id: number;
	username: string;
	role: Role;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}
