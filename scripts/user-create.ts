/**
 * npm run user:create -- --username NAME --role admin|moderator
 *
 * Creates an account in DATABASE_PATH (default data/bianmin.db). On a terminal the password
 * is asked twice without echo; otherwise the first line of stdin is the password, so that
 * `printf '%s\n' "$PW" | npm run user:create -- …` works in scripts. There is no public sign-up:
 * this is how the first admin comes to exist; admins create the others in /mod/users.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import {
	createUser,
	NewPasswordSchema,
	RoleSchema,
	UsernameSchema,
	UsernameTakenError
} from '../src/lib/server/auth/users';
import { databaseLocation, describeLocation, openDatabase } from '../src/lib/server/db/index';

const USAGE = 'usage: npm run user:create -- --username NAME --role admin|moderator';

function die(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

/** Reads one line from a terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		process.stderr.write(prompt);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let value = '';
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') {
					done();
					process.stderr.write('\n');
					resolve(value);
					return;
				}
				if (ch === '\u0003') {
					done();
					process.stderr.write('\n');
					reject(new Error('已取消 / cancelled'));
					return;
				}
				if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
				else value += ch;
			}
		};
		const done = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
		};
		stdin.on('data', onData);
	});
}

/** The first line of stdin (without its line ending). */
async function firstLine(): Promise<string> {
	const rl = createInterface({ input: process.stdin, terminal: false });
	for await (const line of rl) {
		rl.close();
		return line.replace(/\r$/, '');
	}
	return '';
}

let args;
try {
	args = parseArgs({
		options: { username: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean' } },
		strict: true
	}).values;
} catch (e) {
	die(`${(e as Error).message}\n${USAGE}`, 2);
}
if (args.help) {
	console.log(USAGE);
	process.exit(0);
}
const username = v.safeParse(UsernameSchema, args.username ?? '');
if (!username.success)
	die(
		`用户名无效 / invalid username: ${username.issues[0].message}（3–32 characters: a-z 0-9 . - _）\n${USAGE}`,
		2
	);
const role = v.safeParse(RoleSchema, args.role ?? '');
if (!role.success)
	die(`角色应为 admin 或 moderator / role must be admin or moderator\n${USAGE}`, 2);

let password: string;
if (process.stdin.isTTY) {
	try {
		password = await askHidden(`为 ${username.output} 设置密码 / password: `);
		const again = await askHidden('再输入一次 / again: ');
		if (password !== again) die('两次输入的密码不一致 / the passwords do not match');
	} catch (e) {
		die((e as Error).message, 130);
	}
} else {
	password = await firstLine();
}
const checked = v.safeParse(NewPasswordSchema, password);
if (!checked.success)
	die(`密码无效 / invalid password: ${checked.issues[0].message} (at least 10 characters)`);

const { db } = await openDatabase();
try {
	const id = await createUser(db, {
		username: username.output,
		password: checked.output,
		role: role.output
	});
	console.error(
		`已创建 / created ${role.output} "${username.output}" (id ${id}) in ${describeLocation(databaseLocation())}`
	);
} catch (e) {
	if (e instanceof UsernameTakenError)
		die(
			`用户名已存在 / username "${username.output}" already exists in ${describeLocation(databaseLocation())}`
		);
	throw e;
} finally {
	await db.destroy();
}
