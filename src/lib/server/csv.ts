/**
 * What a spreadsheet may read as the start of a formula: = + - @ (and their full-width and small
 * forms, which some spreadsheets fold to ASCII), a tab or carriage return, and | (old DDE), after
 * any spaces or quotes it would skip.
 */
const FORMULA_SIGNS =
	'=+\\-@\\t\\r|\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63\\uFE6B\\u2212';
const STARTS_A_FORMULA = new RegExp(`^[\\s"']*[${FORMULA_SIGNS}]`, 'u');

/**
 * A spreadsheet in another locale may split a row at `;`, a tab or `|` rather than `,`, and
 * honours quotes only at the start of what it takes for a cell, so quoting alone cannot keep
 * `a;=1+1` in one cell. Every separator (or line break) that a formula sign follows is
 * followed by a `'` too, so whatever cell a spreadsheet makes there reads as text.
 */
const SEPARATOR_BEFORE_FORMULA = new RegExp(`([,;\\t|\\r\\n])(?=[\\s"']*[${FORMULA_SIGNS}])`, 'gu');

const NEEDS_QUOTES = /[",;\t|\r\n]/;

/** One CSV field: formulas defused for any spreadsheet, then quoted when it holds a separator, quote or line break. */
export function csvField(value: string): string {
	const inside = value.replace(SEPARATOR_BEFORE_FORMULA, "$1'");
	const safe = STARTS_A_FORMULA.test(inside) ? `'${inside}` : inside;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV download with a header row. */
export function csv(filename: string, header: string[], rows: string[][]): Response {
	const body = [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
}
