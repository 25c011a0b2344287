import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Capability } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '../auth/guard';
import {
	contextOf,
	lockedOwnerContext,
	type RequestContext,
	type SignedInContext
} from './context';
import { fieldErrors, formInput, formValues, type FieldErrors, type FormValues } from './form';

/**
 * Who may call a handler: a capability by name (from domain/roles.ts), anyone signed in, anyone
 * at all (public pages), or `askForHelp`, which also lets in the owner of a device quick exit
 * locked, for "I feel unsafe" only.
 */
export type Access = Capability | 'signedIn' | 'anyone';

/** The mark every built handler carries: the route-coverage test looks for it on every export. */
export const BUILT = Symbol.for('hearth.handler');

export interface BuiltHandler {
	readonly [BUILT]: { kind: 'load' | 'action' | 'endpoint' | 'actions'; access: Access };
}

type Event = Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>;

/**
 * The second guard (the hook's path rule is the first): every handler checks its own access
 * before it runs, because actions and parallel loads skip a layout's check. Signed out, it sends
 * the person to sign in and back; without the capability, 403.
 */
export function authorise(event: Event, access: Access): RequestContext {
	const ctx = contextOf(event);
	if (access === 'anyone') return ctx;
	// After quick exit the device's owner counts only for "I feel unsafe"; for the rest, nobody is signed in.
	const helped = access === 'askForHelp' && !ctx.user ? lockedOwnerContext(event) : null;
	if (helped?.can('askForHelp')) return helped;
	if (!ctx.user) requireUser(event);
	if (access !== 'signedIn' && !ctx.can(access)) error(403, m.error_forbidden());
	return ctx;
}

function mark<F extends object>(
	handler: F,
	kind: BuiltHandler[typeof BUILT]['kind'],
	access: Access
) {
	Object.defineProperty(handler, BUILT, { value: { kind, access } });
	return handler as F & BuiltHandler;
}

type ContextFor<A extends Access> = A extends 'anyone' ? RequestContext : SignedInContext;

/**
 * A page's (or layout's) load: checks access, then runs with the request's context.
 * `export const load = page('useMyPages', (ctx, event) => ({ ... })) satisfies PageServerLoad;`
 */
export function page<A extends Access, E extends Event, R>(
	access: A,
	load: (ctx: ContextFor<A>, event: E) => R
) {
	return mark(
		(event: E): R => load(authorise(event, access) as ContextFor<A>, event),
		'load',
		access
	);
}

/** A layout's load: the same as a page's. */
export const layout = page;

/**
 * A JSON or file endpoint (+server.ts): checks access, then runs with the request's context.
 * `export const GET = endpoint('exportReviews', (ctx, event) => new Response(...)) satisfies RequestHandler;`
 */
export function endpoint<A extends Access, E extends Event>(
	access: A,
	handle: (ctx: ContextFor<A>, event: E) => Response | Promise<Response>
) {
	return mark(
		(event: E) => handle(authorise(event, access) as ContextFor<A>, event),
		'endpoint',
		access
	);
}

/** What a form's result says when the person must fix something: their input back, and why. */
export interface Problem {
	form: string;
	values: FormValues;
	errors: FieldErrors;
}

/** A refusal from a handler's own checks (beyond the schema): shown beside the field, input kept. */
export class Refusal {
	constructor(
		readonly errors: FieldErrors,
		readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429 = 400
	) {}
}

/** Refuse the form with these messages beside their fields; what was typed is kept. */
export const refuse = (errors: FieldErrors, status?: Refusal['status']) =>
	new Refusal(errors, status);

/** How a form's fields are read: a zod schema (its keys name the fields) or a schema and a reader. */
export type FormSpec<S extends z.ZodType> =
	S | { schema: S; read: (formData: FormData, event: ActionEvent) => unknown };

/**
 * A form that depends on the request: its schema needs today's date or the thing it is about.
 * Made after the access check and before the form is read, so what it throws (a record's 403 or
 * 404) refuses the post unread, as a page's own guard would.
 */
export type FormFor<S extends z.ZodType, C> = (ctx: C, event: ActionEvent) => FormSpec<S>;

/**
 * The event an action receives. Its params are the route's (every route param is required in
 * Hearth, so each is a string); an action is written inside its route, which names them.
 */
export type ActionEvent = RequestEvent<Record<string, string>>;

type Done<R> = Exclude<Awaited<R>, Refusal | void | undefined>;
type ActionResult<R> = Promise<
	ActionFailure<Problem> | ({ form: string } & (Done<R> extends never ? object : Done<R>))
>;

interface ActionBuilder {
	<A extends Access, S extends z.ZodType, R>(
		access: A,
		spec: FormSpec<S> | FormFor<S, ContextFor<A>>,
		act: (ctx: ContextFor<A>, input: z.output<S>, event: ActionEvent) => R
	): NamedAction<R>;
	<A extends Access, R>(
		access: A,
		act: (ctx: ContextFor<A>, event: ActionEvent) => R
	): NamedAction<R>;
}

/** An action before `formActions` gives it its name (which its result carries back to its form). */
export type NamedAction<R> = ((name: string) => (event: ActionEvent) => ActionResult<R>) & {
	readonly access: Access;
};

/**
 * One form action: checks access, reads the fields its schema names (a `FormFor` makes the schema
 * for this request first), and on a mistake answers 400 with the input kept (secrets never
 * echoed) and a message per field. Success is whatever the handler returns (`{ done: m.saved() }`
 * for the banner) or a redirect; each result names its form.
 */
export const action: ActionBuilder = (
	access: Access,
	specOrAct:
		FormSpec<z.ZodType> | FormFor<z.ZodType, never> | ((ctx: never, event: ActionEvent) => unknown),
	maybeAct?: (ctx: never, input: unknown, event: ActionEvent) => unknown
) => {
	const built = (name: string) => async (event: ActionEvent) => {
		const ctx = authorise(event, access);
		let formData: FormData | null = null;
		const problem = (errors: FieldErrors, status = 400) =>
			fail(status, { form: name, values: formData ? formValues(formData) : {}, errors });
		let result: unknown;
		if (maybeAct) {
			const spec =
				typeof specOrAct === 'function'
					? (specOrAct as FormFor<z.ZodType, RequestContext>)(ctx, event)
					: specOrAct;
			formData = await event.request.formData();
			const schema = 'safeParse' in spec ? spec : spec.schema;
			const input = 'safeParse' in spec ? formInput(schema, formData) : spec.read(formData, event);
			const parsed = schema.safeParse(input);
			if (!parsed.success) return problem(fieldErrors(parsed.error));
			result = await maybeAct(ctx as never, parsed.data, event);
		} else {
			result = await (specOrAct as (ctx: never, event: ActionEvent) => unknown)(
				ctx as never,
				event
			);
		}
		if (result instanceof Refusal) {
			formData ??= await event.request.formData().catch(() => null);
			return problem(result.errors, result.status);
		}
		return { form: name, ...(result ?? {}) };
	};
	return Object.assign(built, { access }) as never;
};

/**
 * A page's form actions, each built by `action`: names each one, so its result (and its mistakes)
 * go back to its own form. `export const actions = formActions({ save: action(...) }) satisfies Actions;`
 */
export function formActions<T extends Record<string, NamedAction<unknown>>>(
	named: T
): { [K in keyof T]: ReturnType<T[K]> & BuiltHandler } {
	return Object.fromEntries(
		Object.entries(named).map(([name, made]) => {
			if (typeof made !== 'function' || !('access' in made))
				throw new Error(`Action ${name} is not built with action()`);
			return [name, mark(made(name), 'action', made.access)];
		})
	) as never;
}

/** Whether a route module's export was made by one of these builders. */
export function isBuilt(value: unknown): value is BuiltHandler {
	return (
		(typeof value === 'function' || typeof value === 'object') && value !== null && BUILT in value
	);
}

/** A 404 in the person's language, for a handler that finds nothing at the address. */
export function notFound(): never {
	error(404, m.error_not_found());
}
