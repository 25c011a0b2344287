// Copies kept for offline reading (help, the Local Offer, the offline page, the kept pages) are
// fetched signed out, so they never hold anyone's name. Each also carries, switched off, what a
// signed-in young person's page has: "I feel unsafe" and their menu. Served with no signal on a
// phone where a young person is signed in (their outbox key is here), the service worker switches
// it on and fills in whose it is and a fresh form key, so the button works from every page.

/** The query the service worker adds when it fetches a copy to keep. */
export const KEPT_COPY_QUERY = 'kept';
/** Placeholders in the kept copy's "I feel unsafe" form. */
export const OFFLINE_OWNER = 'offline-owner';
export const OFFLINE_KEY = 'offline-key';
/** On the copy's outer element: who it is drawn for (layout.css hides the other one's parts). */
export const OFFLINE_AS_GUEST = 'data-offline-as="guest"';
const OFFLINE_AS_YOUNG = 'data-offline-as="young"';

/**
 * The kept copy as a young person's page: "I feel unsafe" and their menu shown, the form theirs
 * with a fresh key (so each tap raises its own alert, as online). Only the placeholders change.
 */
export function asYoungPersonsCopy(html: string, owner: string, clientKey: string): string {
	return html
		.replace(OFFLINE_AS_GUEST, OFFLINE_AS_YOUNG)
		.replaceAll(`value="${OFFLINE_OWNER}"`, `value="${escapeAttribute(owner)}"`)
		.replaceAll(`value="${OFFLINE_KEY}"`, `value="${escapeAttribute(clientKey)}"`);
}

/**
 * "Try again" on the offline page as it was kept (home, written relative to the page, so `./` or
 * `../`); `retryTo` points it at the page wanted.
 */
const RETRY_LINK = /href="[^"]*" data-offline-retry=""/;

/** The offline page shown in place of `wanted` (a path on this site): "Try again" asks for it. */
export function retryTo(html: string, wanted: string): string {
	if (!wanted.startsWith('/') || wanted.startsWith('//')) return html;
	return html.replace(RETRY_LINK, `href="${escapeAttribute(wanted)}" data-offline-retry=""`);
}

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
