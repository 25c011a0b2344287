// Formatters are made once: making one costs far more than using it, and lists call these per row.
const DATE = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/London'
});

/** A date as people in the UK read it, for example 22 November 2026. */
export function formatDate(value: Date | string | number): string {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	return DATE.format(date);
}

export function formatDateTime(value: Date | number): string {
	return DATE_TIME.format(new Date(value));
}
