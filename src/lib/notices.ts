// The bell's live count, shared by the menu on framework pages (src/routes/SiteNav.svelte) and by
// enhance.js on pages without the framework. No polling: data costs young people money.

/** The signed-in person's unread notices, from the server; null offline or signed out. */
export async function fetchUnreadCount(): Promise<number | null> {
	const response = await fetch('/api/notices').catch(() => null);
	if (!response?.ok) return null;
	return ((await response.json()) as { unread: number }).unread;
}

/** Call `refresh` when a push arrives or the app comes back into view; returns how to stop. */
export function whenNoticesMayChange(refresh: () => void): () => void {
	const onVisible = () => document.visibilityState === 'visible' && refresh();
	const onMessage = (event: MessageEvent) => event.data?.type === 'notice' && refresh();
	document.addEventListener('visibilitychange', onVisible);
	navigator.serviceWorker?.addEventListener('message', onMessage);
	return () => {
		document.removeEventListener('visibilitychange', onVisible);
		navigator.serviceWorker?.removeEventListener('message', onMessage);
	};
}
