import { describe, expect, it } from 'vitest';
import { parse } from '../../../../../tests/helpers/lostFoundParser';

describe('examples are told by their own words, not their neighbours’', () => {
	it('keeps a real notice after one whose holder’s name holds 参考', () => {
		const text =
			'株洲市参考书店遗失营业执照，声明作废。李明遗失身份证，号码430203199001011234，声明作废。';
		expect(parse(text).map((r) => r.holder)).toEqual(['株洲市参考书店', '李明']);
	});
});
