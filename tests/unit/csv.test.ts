import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '$lib/server/csv';

/**
 * Read one CSV row as a spreadsheet would with the given separator (RFC 4180 quoting, which
 * Excel, LibreOffice and Google Sheets follow): the cells it would make.
 */
function cellsOf(line: string, separator: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const char = line[i];
		if (quoted) {
			if (char === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"' && cell === '') quoted = true;
		else if (char === separator || char === '\n' || char === '\r') {
			cells.push(cell);
			cell = '';
		} else cell += char;
	}
	cells.push(cell);
	return cells;
}

/** A cell a spreadsheet would run as a formula: one starting (after spaces) with a formula sign. */
const FORMULA = /^\s*[=+\-@\t\r|＝＋－＠﹦﹢﹣﹫−]/u;

describe('CSV cells: nothing a young person or officer typed runs as a formula', () => {
	it.each([
		['=1+1', "'=1+1"],
		['＝1+1', "'＝1+1"],
		['＋cmd', "'＋cmd"],
		['－2', "'－2"],
		['＠SUM(A1)', "'＠SUM(A1)"],
		['﹦1', "'﹦1"],
		['  =1', "'  =1"],
		['|calc', `"'|calc"`],
		['a;=1+1', `"a;'=1+1"`],
		['a\t=1', `"a\t'=1"`],
		['a|=1', `"a|'=1"`],
		['a,@x', `"a,'@x"`],
		['line\n+1', `"line\n'+1"`],
		['plain words', 'plain words'],
		['café 10%', 'café 10%']
	])('%j is written as %j', (value, written) => {
		expect(csvField(value)).toBe(written);
	});

	it('whatever the text and whichever separator the spreadsheet uses', () => {
		const risky = fc.constantFrom(
			'=',
			'+',
			'-',
			'@',
			'＝',
			'＋',
			'－',
			'＠',
			'﹦',
			'−',
			'|',
			';',
			',',
			'\t',
			'\r',
			'\n',
			'"',
			"'",
			' ',
			'1+1',
			'SUM(A1)',
			'cmd'
		);
		const text = fc.oneof(
			fc.array(risky, { maxLength: 8 }).map((parts) => parts.join('')),
			fc.string({ unit: 'grapheme', maxLength: 20 })
		);
		fc.assert(
			fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (values) => {
				const row = values.map(csvField).join(',');
				for (const separator of [',', ';', '\t', '|']) {
					for (const cell of cellsOf(row, separator)) expect(cell).not.toMatch(FORMULA);
				}
				// Read with the separator it was written for, there is one cell for each value, and
				// it reads as that value once the 's that say "this is text" are taken out.
				const cells = cellsOf(row, ',');
				expect(cells).toHaveLength(values.length);
				cells.forEach((cell, i) =>
					expect(cell.replaceAll("'", '')).toBe(values[i].replaceAll("'", ''))
				);
			}),
			{ numRuns: 5000 }
		);
	});
});
