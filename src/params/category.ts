import type { ParamMatcher } from '@sveltejs/kit';
import { categoryBySlug } from '$lib/records/kinds';

export const match: ParamMatcher = (param) => categoryBySlug(param) !== undefined;
