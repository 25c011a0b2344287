// Built once so the service worker can keep it for when there is no signal.
export const prerender = true;
