import { dictionary } from '@zxcvbn-ts/language-common';

// The most used passwords, from the maintained zxcvbn-ts list (about 18,000 of them are 8
// characters or longer; shorter ones are refused by length anyway). ASVS 6.2.4 / NIST 800-63B:
// refuse these instead of demanding capitals, numbers and symbols.
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
	common ??= new Set(
		dictionary['passwords-common']
			.filter((word) => word.length >= 8)
			.map((word) => word.toLowerCase())
	);
	return common.has(password.trim().toLowerCase());
}
