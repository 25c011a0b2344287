import { and, asc, desc, eq, max, ne } from 'drizzle-orm';
import { judge, type Eligibility } from '$lib/domain/offer';
import { ukToday } from '$lib/domain/people';
import type { Db, Executor } from '../db';
import {
	contentVersions,
	entitlements,
	pledgePromises,
	users,
	type NewEntitlement
} from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from '../audit/log';
import { notify } from '../notify/notify';
import { activeYoungPeopleProfiles } from '../people/young-people';

/** What an officer edits about an entitlement. */
export type EntitlementFields = Omit<NewEntitlement, 'id' | 'slug' | 'position' | 'updatedAt'>;

/** A URL-safe name from a title: "Setting up home allowance" → "setting-up-home-allowance". */
export function slugify(title: string): string {
	return (
		title
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'entitlement'
	);
}

function uniqueSlug(db: Executor, title: string): string {
	const base = slugify(title);
	const taken = (slug: string) =>
		!!db
			.select({ id: entitlements.id })
			.from(entitlements)
			.where(eq(entitlements.slug, slug))
			.get() ||
		db
			.select({ data: contentVersions.data })
			.from(contentVersions)
			.where(and(eq(contentVersions.entityType, 'entitlement'), eq(contentVersions.state, 'draft')))
			.all()
			.some((row) => row.data.slug === slug);
	let slug = base;
	for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
	return slug;
}

/** The entitlement's waiting draft, if there is one. */
export function entitlementDraft(db: Executor, entityId: string) {
	const row = db
		.select()
		.from(contentVersions)
		.where(and(eq(contentVersions.entityId, entityId), eq(contentVersions.state, 'draft')))
		.get();
	return row
		? {
				versionId: row.id,
				data: row.data as EntitlementFields & { slug: string },
				savedAt: row.createdAt
			}
		: null;
}

/** Save a draft: the public offer is unchanged until it is published. Returns the entitlement's id. */
export function saveEntitlementDraft(
	db: Db,
	actorId: string,
	entityId: string | null,
	fields: EntitlementFields,
	now: Date
): string {
	return db.transaction((tx) => {
		const id = entityId ?? newId();
		const live = tx.select().from(entitlements).where(eq(entitlements.id, id)).get();
		const hasHistory = !!tx
			.select({ id: contentVersions.id })
			.from(contentVersions)
			.where(eq(contentVersions.entityId, id))
			.get();
		if (live && !hasHistory) {
			// Content loaded at setup has no versions yet: keep its first wording so it can be restored.
			const { id: _id, position: _position, updatedAt, ...original } = live;
			tx.insert(contentVersions)
				.values({
					id: newId(),
					entityType: 'entitlement',
					entityId: id,
					data: original,
					state: 'published',
					note: 'As it was before the first change in Hearth',
					createdBy: actorId,
					createdAt: updatedAt,
					publishedAt: updatedAt
				})
				.run();
		}
		const existing = entitlementDraft(tx, id);
		const slug = live?.slug ?? existing?.data.slug ?? uniqueSlug(tx, fields.title);
		const data = { ...fields, slug };
		if (existing) {
			tx.update(contentVersions)
				.set({ data, createdBy: actorId, createdAt: now })
				.where(eq(contentVersions.id, existing.versionId))
				.run();
		} else {
			tx.insert(contentVersions)
				.values({
					id: newId(),
					entityType: 'entitlement',
					entityId: id,
					data,
					state: 'draft',
					createdBy: actorId,
					createdAt: now
				})
				.run();
		}
		return id;
	});
}

/** Young people the entitlement is for now or later: they are told when it changes. */
function affectedYoungPeople(db: Db, eligibility: Eligibility, today: string): string[] {
	return activeYoungPeopleProfiles(db, today)
		.filter((person) => ['applies', 'later'].includes(judge(eligibility, person, today).status))
		.map((person) => person.userId);
}

/** Put data live as the entitlement's newest version, keeping the old one in history. */
function putLive(
	db: Executor,
	actorId: string,
	entityId: string,
	data: EntitlementFields & { slug: string },
	versionId: string,
	note: string | null,
	now: Date
): void {
	const current = db
		.select({ position: entitlements.position })
		.from(entitlements)
		.where(eq(entitlements.id, entityId))
		.get();
	const position =
		current?.position ??
		(db
			.select({ last: max(entitlements.position) })
			.from(entitlements)
			.get()?.last ?? -1) + 1;
	const values = { ...data, position, updatedAt: now };
	db.insert(entitlements)
		.values({ id: entityId, ...values })
		.onConflictDoUpdate({ target: entitlements.id, set: values })
		.run();
	db.update(contentVersions)
		.set({ state: 'superseded' })
		.where(
			and(
				eq(contentVersions.entityId, entityId),
				eq(contentVersions.state, 'published'),
				ne(contentVersions.id, versionId)
			)
		)
		.run();
	db.update(contentVersions)
		.set({ state: 'published', publishedAt: now, note })
		.where(eq(contentVersions.id, versionId))
		.run();
}

export type PublishResult =
	{ ok: true; slug: string; told: number } | { ok: false; reason: 'no_draft' };

/** Publish the draft: it goes live, the last version goes to history, and the young people it is for are told. */
export function publishEntitlement(
	db: Db,
	actorId: string,
	entityId: string,
	now: Date
): PublishResult {
	const draft = entitlementDraft(db, entityId);
	if (!draft) return { ok: false, reason: 'no_draft' };
	db.transaction((tx) => {
		putLive(tx, actorId, entityId, draft.data, draft.versionId, null, now);
		recordAudit(
			tx,
			{ actorId, action: 'content.published', detail: `entitlement ${draft.data.slug}` },
			now
		);
	});
	const { categories, fromAge, untilAge, conditions } = draft.data;
	const told = affectedYoungPeople(
		db,
		{
			categories: categories ?? [],
			fromAge: fromAge ?? null,
			untilAge: untilAge ?? null,
			conditions: conditions ?? []
		},
		ukToday(now)
	);
	notify(db, told, 'offer_update', `/me/offer/${draft.data.slug}`, now);
	return { ok: true, slug: draft.data.slug, told: told.length };
}

/** Put an old version live again, as a new version: history only ever grows. */
export function restoreEntitlementVersion(
	db: Db,
	actorId: string,
	versionId: string,
	now: Date
): PublishResult {
	const old = db.select().from(contentVersions).where(eq(contentVersions.id, versionId)).get();
	if (!old || old.entityType !== 'entitlement' || old.state === 'draft')
		return { ok: false, reason: 'no_draft' };
	const data = old.data as EntitlementFields & { slug: string };
	const copyId = newId();
	db.transaction((tx) => {
		tx.insert(contentVersions)
			.values({
				id: copyId,
				entityType: 'entitlement',
				entityId: old.entityId,
				data,
				state: 'draft',
				createdBy: actorId,
				createdAt: now
			})
			.run();
		putLive(
			tx,
			actorId,
			old.entityId,
			data,
			copyId,
			`Restored the version of ${old.createdAt.toISOString().slice(0, 10)}`,
			now
		);
		recordAudit(
			tx,
			{ actorId, action: 'content.restored', detail: `entitlement ${data.slug}` },
			now
		);
	});
	return { ok: true, slug: data.slug, told: 0 };
}

/** Every version of a piece of content, newest first, with who made it. */
export function contentHistory(db: Db, entityId: string) {
	return db
		.select({
			id: contentVersions.id,
			state: contentVersions.state,
			note: contentVersions.note,
			data: contentVersions.data,
			createdAt: contentVersions.createdAt,
			publishedAt: contentVersions.publishedAt,
			by: users.displayName
		})
		.from(contentVersions)
		.innerJoin(users, eq(users.id, contentVersions.createdBy))
		.where(eq(contentVersions.entityId, entityId))
		.orderBy(desc(contentVersions.createdAt))
		.all();
}

/** Swap a row with its neighbour in a list ordered by position. */
function swapWithNeighbour(
	rows: { id: string; position: number }[],
	id: string,
	direction: 'up' | 'down',
	setPosition: (id: string, position: number) => void
): void {
	const index = rows.findIndex((row) => row.id === id);
	const other = rows[direction === 'up' ? index - 1 : index + 1];
	if (index === -1 || !other) return;
	setPosition(id, other.position);
	setPosition(other.id, rows[index].position);
}

/** Move an entitlement one place up or down in the offer's order. */
export function moveEntitlement(db: Db, entityId: string, direction: 'up' | 'down'): void {
	db.transaction((tx) => {
		const rows = tx
			.select({ id: entitlements.id, position: entitlements.position })
			.from(entitlements)
			.orderBy(asc(entitlements.position))
			.all();
		swapWithNeighbour(rows, entityId, direction, (id, position) =>
			tx.update(entitlements).set({ position }).where(eq(entitlements.id, id)).run()
		);
	});
}

/** Move a promise one place up or down within its theme. */
export function movePromise(db: Db, promiseId: string, direction: 'up' | 'down'): void {
	db.transaction((tx) => {
		const promise = tx.select().from(pledgePromises).where(eq(pledgePromises.id, promiseId)).get();
		if (!promise) return;
		const rows = tx
			.select({ id: pledgePromises.id, position: pledgePromises.position })
			.from(pledgePromises)
			.where(eq(pledgePromises.themeId, promise.themeId))
			.orderBy(asc(pledgePromises.position))
			.all();
		swapWithNeighbour(rows, promiseId, direction, (id, position) =>
			tx.update(pledgePromises).set({ position }).where(eq(pledgePromises.id, id)).run()
		);
	});
}

/**
 * Change or add a Pledge promise. Promises are one sentence, so they are published at once,
 * with the old wording kept in history, and every young person is told.
 */
export function savePromise(
	db: Db,
	actorId: string,
	input: { promiseId: string | null; themeId: string; text: string },
	now: Date
): string {
	const id = input.promiseId ?? newId();
	db.transaction((tx) => {
		const position =
			tx
				.select({ position: pledgePromises.position })
				.from(pledgePromises)
				.where(eq(pledgePromises.id, id))
				.get()?.position ??
			(tx
				.select({ last: max(pledgePromises.position) })
				.from(pledgePromises)
				.where(eq(pledgePromises.themeId, input.themeId))
				.get()?.last ?? -1) + 1;
		const values = { themeId: input.themeId, text: input.text, position, updatedAt: now };
		tx.insert(pledgePromises)
			.values({ id, ...values })
			.onConflictDoUpdate({ target: pledgePromises.id, set: values })
			.run();
		tx.update(contentVersions)
			.set({ state: 'superseded' })
			.where(and(eq(contentVersions.entityId, id), eq(contentVersions.state, 'published')))
			.run();
		tx.insert(contentVersions)
			.values({
				id: newId(),
				entityType: 'promise',
				entityId: id,
				data: { text: input.text, themeId: input.themeId },
				state: 'published',
				createdBy: actorId,
				createdAt: now,
				publishedAt: now
			})
			.run();
		recordAudit(tx, { actorId, action: 'content.published', detail: 'pledge promise' }, now);
	});
	const everyone = activeYoungPeopleProfiles(db, ukToday(now)).map((person) => person.userId);
	notify(db, everyone, 'pledge_update', '/me/pledge', now);
	return id;
}

/** The ids of the entitlements with a draft waiting, for the officers' list. */
export function entitlementIdsWithDrafts(db: Db): Set<string> {
	return new Set(
		db
			.select({ entityId: contentVersions.entityId })
			.from(contentVersions)
			.where(and(eq(contentVersions.entityType, 'entitlement'), eq(contentVersions.state, 'draft')))
			.all()
			.map((row) => row.entityId)
	);
}

/** An entitlement as it is live now (not its draft), or null. */
export function liveEntitlement(db: Db, entityId: string) {
	return db.select().from(entitlements).where(eq(entitlements.id, entityId)).get() ?? null;
}
