import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app is always served at the root (no kit.paths.base), so plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Shared code (the extractor, the domain, page reading, components, Svelte pages) may run
		// in the browser and must not depend on the database layer: it may name server types with
		// `import type`, never import server modules (SvelteKit's server-only rule, kept by lint).
		files: ['src/lib/**/*.ts', 'src/lib/**/*.svelte', 'src/routes/**/*.svelte'],
		ignores: ['src/lib/server/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'$lib/server',
								'$lib/server/**',
								'**/lib/server',
								'**/lib/server/**',
								'./server',
								'./server/**',
								'../server',
								'../server/**',
								'../../server',
								'../../server/**'
							],
							allowTypeImports: true,
							message: 'Shared code must not import from lib/server (only `import type`).'
						}
					]
				}
			]
		}
	},
	{
		// The domain is what the extractor builds on, not the other way: from src/lib/extract it
		// may use only the three text readers (folding, dates, phone numbers), which import
		// nothing of the extractor's parsers. The lib/server rule is repeated because this block
		// replaces the rule's options for these files.
		files: ['src/lib/records/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server', '$lib/server/**', '../server', '../server/**'],
							allowTypeImports: true,
							message: 'Shared code must not import from lib/server (only `import type`).'
						},
						{
							regex: '^(\\$lib|\\.\\.)/extract(?!/(normalize|date|phone)$)',
							message:
								'The domain may use only extract/normalize, extract/date and extract/phone from the extractor.'
						}
					]
				}
			]
		}
	},
	{
		// Migrations take Kysely<any> on purpose: they must not depend on the app's current schema.
		files: ['migrations/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'reports/',
			'test-results/',
			'bench-out/'
		]
	}
);
