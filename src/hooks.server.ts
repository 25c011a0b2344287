import type { Handle, ServerInit } from '@sveltejs/kit';
import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { getTextDirection } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb } from '$lib/server/db';
import {
	deleteSessionTokenCookie,
	sessionCookieName,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { checkArea } from '$lib/server/auth/guard';
import { sessionPolicy } from '$lib/server/auth/second-factor';
import { recordAudit } from '$lib/server/audit/log';
import { getSetupToken, isSetUp } from '$lib/server/accounts/setup';
import { seedDemoIfAsked } from '$lib/server/demo/seed';
import { scheduleDailyCleanup } from '$lib/server/jobs/cleanup';
import { jobHandlers } from '$lib/server/jobs/handlers';
import { processWorkerPrefix, runDueJobs, startJobRunner } from '$lib/server/jobs/runner';
import { releaseClaimsOf } from '$lib/server/jobs/queue';
import { advanceClock, now, testClockAllowed } from '$lib/server/clock';
import { vapidKeys, vapidSubject, warnOnceAboutSubject } from '$lib/server/notify/vapid';
import { getCouncilSettings } from '$lib/server/council/settings';
import { readingAttributes, settleLanguage } from '$lib/server/preferences/locale';
import { preferencesOf } from '$lib/server/preferences/preferences';

export const init: ServerInit = async () => {
	if (building) return;
	const db = getDb();
	await seedDemoIfAsked(db, now());
	vapidKeys(); // made now, so a problem with the data folder shows at start
	// Pushes are refused without a contact push services can write to: say so once, at start.
	warnOnceAboutSubject(vapidSubject(getCouncilSettings(db)?.email));
	scheduleDailyCleanup(db, now());
	// Started again by scripts/serve.js after the last process stopped: what it had claimed runs now.
	const previous = Number(process.env.HEARTH_PREVIOUS_PID);
	if (previous) {
		const freed = releaseClaimsOf(db, processWorkerPrefix(previous));
		if (freed)
			console.error(`[hearth] ${freed} job(s) the stopped process had claimed will run now`);
	}
	startJobRunner(db, {
		handlers: jobHandlers(),
		clock: now,
		log: (message) => console.error(message)
	});
	if (!isSetUp(db)) {
		const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
		console.log(
			`\nHearth is not set up yet. Open this link to create the first administrator:\n  ${origin}/setup?token=${getSetupToken()}\n`
		);
	}
};

/** Headers CSP does not cover; the CSP itself is in svelte.config.js. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts and SvelteKit's origin check refuses them.
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()'
	);
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	// SvelteKit gives its pages their CSP; an HTML error page from an endpoint has none of its own.
	if (
		!response.headers.has('Content-Security-Policy') &&
		response.headers.get('Content-Type')?.startsWith('text/html')
	)
		response.headers.set('Content-Security-Policy', ERROR_PAGE_CSP);
	return response;
};

/** For HTML SvelteKit renders without a policy: src/error.html, which needs only its own styles. */
const ERROR_PAGE_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The page's language (see $lib/server/preferences/locale), with `lang` and `dir` to match, and
 * the person's reading choices on <html>, where the stylesheet reads them (size, letters, colours).
 */
const paraglide: Handle = ({ event, resolve }) => {
	const preferences =
		!building && event.locals.user ? preferencesOf(getDb(), event.locals.user.id) : null;
	if (!building) settleLanguage(getDb(), event, preferences?.locale ?? null);
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
					.replace('%hearth.reading%', readingAttributes(preferences))
		});
	});
};

/**
 * Browser tests move the server's clock forward (POST /__test/clock?minutes=31) and run the
 * jobs that fall due, to watch a safety alert escalate without waiting. Off unless
 * HEARTH_TEST_CLOCK=1 outside production; otherwise the path is an ordinary 404.
 */
const testClock: Handle = async ({ event, resolve }) => {
	if (event.url.pathname !== '/__test/clock' || !testClockAllowed()) return resolve(event);
	if (event.request.method !== 'POST') return new Response('POST only', { status: 405 });
	const minutes = Number(event.url.searchParams.get('minutes'));
	if (!Number.isFinite(minutes) || minutes < 0 || minutes > 7 * 24 * 60)
		return new Response('minutes must be 0 to 10080', { status: 400 });
	const moved = advanceClock(minutes * 60_000);
	const ran = await runDueJobs(getDb(), { handlers: jobHandlers(), clock: now });
	return Response.json({ now: moved.toISOString(), ran });
};

/** Until there is an administrator, every page leads to first-run setup. */
const firstRun: Handle = ({ event, resolve }) => {
	if (building) return resolve(event);
	const path = event.url.pathname;
	const open = path === '/setup' || path.startsWith('/_app/') || path === '/offline';
	if (!open && !isSetUp(getDb())) redirect(303, '/setup');
	return resolve(event);
};

const session: Handle = ({ event, resolve }) => {
	if (building) return resolve(event);
	const secure = event.url.protocol === 'https:';
	const token = event.cookies.get(sessionCookieName(secure));
	event.locals.user = null;
	event.locals.session = null;
	event.locals.pending = null;
	event.locals.locked = null;
	event.locals.endedBecause = null;
	if (token) {
		const db = getDb();
		// Wall-clock time, not the test clock: browser tests move that to watch alerts escalate,
		// and must not sign out everyone else testing at the same time.
		const wallClock = new Date();
		const result = validateSessionToken(db, token, wallClock, sessionPolicy(db), (because) => {
			event.locals.endedBecause = because;
			recordAudit(db, { actorId: null, action: 'session.ended', detail: because }, wallClock);
		});
		if (result) {
			event.locals.session = { id: result.session.id, expiresAt: result.session.expiresAt };
			if (result.locked) {
				// After quick exit: no signed-in page, API or key opens until the password is typed.
				event.locals.locked = { user: result.user };
			} else if (result.secondFactor === 'needed' || result.secondFactor === 'setup') {
				event.locals.pending = { user: result.user, need: result.secondFactor };
			} else {
				event.locals.user = result.user;
			}
			setSessionTokenCookie(event.cookies, token, result.session.expiresAt, secure);
		} else {
			deleteSessionTokenCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

/**
 * The path-prefix rule. A page visit by someone signed in but without the role goes on to
 * the area's layout guard, which shows the friendly 403 page; anything else is refused here.
 */
const guard: Handle = ({ event, resolve }) => {
	const isPageVisit =
		event.request.method === 'GET' &&
		(event.request.headers.get('accept') ?? '').includes('text/html');
	if (!(isPageVisit && event.locals.user)) checkArea(event);
	return resolve(event);
};

/**
 * A body that cannot be read as a form or as JSON (multipart without its boundary, text/plain, a
 * cut-off upload) is the sender's mistake: a 400 with a plain message, never a 500. One place for
 * every form action and endpoint, since each reads its body through these two methods. After the
 * language, whose middleware hands on a new request.
 */
const unreadableBodies: Handle = ({ event, resolve }) => {
	const request = event.request;
	if (request.method === 'GET' || request.method === 'HEAD') return resolve(event);
	const refuse = () => error(400, m.error_unreadable_body());
	const formData = request.formData.bind(request);
	const json = request.json.bind(request);
	Object.defineProperties(request, {
		formData: { value: () => formData().catch(refuse) },
		json: { value: () => json().catch(refuse) }
	});
	return resolve(event);
};

// The session comes before the language, which can be the signed-in person's own choice.
const everyRequest = sequence(
	securityHeaders,
	testClock,
	firstRun,
	session,
	paraglide,
	guard,
	unreadableBodies
);

/**
 * For a path it cannot decode (`/me/%FF`), SvelteKit runs the hooks outside its own error
 * handling and always answers 400 itself, whatever they do. A redirect or error thrown by a hook
 * there (the guard's, or first-run setup's) would be an unhandled rejection that stops Node, and
 * with it every safety alert's escalation. So such a path meets only the hooks that never throw.
 */
const undecodablePath = sequence(securityHeaders, paraglide);

export const handle: Handle = (input) =>
	pathDecodes(input.event.url.pathname) ? everyRequest(input) : undecodablePath(input);

function pathDecodes(pathname: string): boolean {
	try {
		// As SvelteKit decodes it (decode_pathname): %25 stays as it is.
		pathname.split('%25').forEach((part) => decodeURI(part));
		return true;
	} catch {
		return false;
	}
}
