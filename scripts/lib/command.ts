import { spawn, type SpawnOptions } from 'node:child_process';

/** Runs a command with inherited output; resolves with its exit code (never rejects). */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: 'inherit', ...options });
		child.on('error', (error) => {
			console.error(`[bianmin] could not run ${command}: ${error.message}`);
			resolve(127);
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
	});
}
