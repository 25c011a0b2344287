import { isHttpError } from '@sveltejs/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from '$lib/server/auth/cookies';

/**
 * Where a browser goes for a Location header, as a browser resolves it against Hearth's origin:
 * what must stay on Hearth's origin for a target safeNext lets through.
 */
const resolved = (location: string) => new URL(location, 'https://hearth.example.gov.uk');

// The known ways past a "starts with one slash" check (OWASP's and PortSwigger's lists).
const OFF_SITE = [
	'//evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/\\/evil.example',
	'///evil.example',
	'////evil.example',
	'/.//evil.example',
	'/..//evil.example',
	'/me/..//evil.example',
	'/%2e//evil.example',
	'https://evil.example',
	'http:evil.example',
	'https:/evil.example',
	'javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	' javascript:alert(1)',
	'data:text/html,hi',
	'//user@evil.example',
	'//hearth.example.gov.uk@evil.example',
	'evil.example',
	'@evil.example',
	'',
	'//%2F%2Fevil.example',
	'\\/evil.example'
];

// Look odd, but are paths inside Hearth once a browser reads them: kept, and still inside.
const INSIDE = [
	['/me', '/me'],
	['/work/alerts/abc?tab=log#told', '/work/alerts/abc?tab=log#told'],
	['/%2F/evil.example', '/%2F/evil.example'],
	['/%5C/evil.example', '/%5C/evil.example'],
	['/%252F%252Fevil.example', '/%252F%252Fevil.example'],
	['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
	['/me/../admin', '/admin'],
	['/me?next=//evil.example', '/me?next=//evil.example'],
	['/ /evil.example', '/%20/evil.example'],
	['/@evil.example', '/@evil.example']
] as const;

const CONTROL = [
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r/evil.example',
	'/me\u0000',
	'/me\u007f',
	'/\u001b'
];

describe('safeNext: only a path inside Hearth', () => {
	it.each(OFF_SITE)('refuses %j', (target) => {
		expect(safeNext(target)).toBeNull();
	});

	it.each(INSIDE)('keeps %j as %j', (target, kept) => {
		expect(safeNext(target)).toBe(kept);
		expect(resolved(kept).origin).toBe('https://hearth.example.gov.uk');
	});

	it.each(CONTROL)('answers %j with a 400, not a 500', (target) => {
		try {
			safeNext(target);
			expect.unreachable('a control character must be refused');
		} catch (e) {
			expect(isHttpError(e) && e.status).toBe(400);
		}
	});

	it('never lets through anything a browser would take off Hearth (random targets)', () => {
		const pieces = fc.constantFrom(
			'/',
			'\\',
			'\t',
			'%2F',
			'%5C',
			'%09',
			'@',
			':',
			'.',
			'evil.example',
			'javascript:',
			'http:',
			'//',
			'?',
			'#',
			' ',
			'me'
		);
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
				const target = parts.join('');
				let kept: string | null;
				try {
					kept = safeNext(target);
				} catch {
					return; // a 400
				}
				if (kept === null) return;
				expect(kept.startsWith('/') && !kept.startsWith('//')).toBe(true);
				expect(resolved(kept).origin).toBe('https://hearth.example.gov.uk');
				// And it is safe in a header.
				expect(() => new Headers({ location: kept })).not.toThrow();
			}),
			{ numRuns: 5000 }
		);
	});
});
