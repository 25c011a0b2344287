import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entitlementSchema } from '$lib/server/offer/content-schemas';
import { entitlementBySlug, offer, pledge } from '$lib/server/offer/content';
import { insertDemoContent } from '$lib/server/demo/content';
import {
	contentHistory,
	movePromise,
	entitlementDraft,
	moveEntitlement,
	publishEntitlement,
	restoreEntitlementVersion,
	saveEntitlementDraft,
	savePromise,
	slugify,
	type EntitlementFields
} from '$lib/server/offer/editing';
import { noticesFor } from '$lib/server/notify/notices';
import { freshDb, makeStaff, makeYoungPerson } from './db';

process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-editing-'));

const form = (overrides: Record<string, unknown> = {}) => ({
	title: 'Gym membership',
	area: 'health_wellbeing',
	summary: 'A free gym membership.',
	details: 'Any gym in **Brightwater**.',
	amountPence: '',
	frequency: '',
	statutory: 'no',
	categories: [],
	fromAge: '16',
	untilAge: '25',
	conditions: [],
	howToGet: 'Ask your PA.',
	contact: 'Your PA',
	...overrides
});

describe('the entitlement form', () => {
	it('turns pounds into pence and empty ages into none', () => {
		const parsed = entitlementSchema.parse(
			form({ amountPence: '£3,200', frequency: 'once', fromAge: '', untilAge: '' })
		);
		expect(parsed).toMatchObject({
			amountPence: 320000,
			frequency: 'once',
			fromAge: null,
			untilAge: null,
			statutory: false
		});
		expect(
			entitlementSchema.parse(form({ amountPence: '72.50', frequency: 'weekly' })).amountPence
		).toBe(7250);
	});

	it('refuses impossible ages, amounts that are not numbers and a frequency without an amount', () => {
		const fails = (overrides: Record<string, unknown>, path: string) => {
			const result = entitlementSchema.safeParse(form(overrides));
			expect(result.success).toBe(false);
			expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
		};
		fails({ fromAge: '21', untilAge: '18' }, 'untilAge');
		fails({ fromAge: '30' }, 'fromAge');
		fails({ amountPence: 'lots' }, 'amountPence');
		fails({ amountPence: '12.345' }, 'amountPence');
		fails({ frequency: 'weekly' }, 'frequency');
		fails({ title: '   ' }, 'title');
		fails({ categories: ['royalty'] }, 'categories.0');
	});
});

describe('drafts, publishing and history', () => {
	function setUp() {
		const db = freshDb();
		insertDemoContent(db, new Date());
		const leah = makeStaff(db, 'leah', ['participation_officer']);
		const reece = makeYoungPerson(db, 'reece');
		return { db, leah, reece };
	}
	const fields = (overrides: Partial<EntitlementFields> = {}): EntitlementFields => ({
		...entitlementSchema.parse(form()),
		...overrides
	});

	it('keeps a draft away from the public until it is published, then tells the young people it is for', () => {
		const { db, leah, reece } = setUp();
		const before = offer(db).length;
		const id = saveEntitlementDraft(db, leah, null, fields(), new Date());
		expect(offer(db)).toHaveLength(before);
		expect(entitlementDraft(db, id)?.data.slug).toBe('gym-membership');

		const result = publishEntitlement(db, leah, id, new Date());
		expect(result).toMatchObject({ ok: true, slug: 'gym-membership', told: 1 });
		expect(entitlementBySlug(db, 'gym-membership')?.title).toBe('Gym membership');
		expect(offer(db)).toHaveLength(before + 1);
		expect(noticesFor(db, reece)[0]).toMatchObject({
			kind: 'offer_update',
			link: '/me/offer/gym-membership'
		});
		expect(publishEntitlement(db, leah, id, new Date())).toEqual({ ok: false, reason: 'no_draft' });
	});

	it('keeps every version and restores an old one as a new version', () => {
		const { db, leah } = setUp();
		const bursary = entitlementBySlug(db, 'higher-education-bursary')!;
		const { id: _id, slug: _slug, position: _p, updatedAt: _u, eligibility: _e, ...live } = bursary;
		saveEntitlementDraft(db, leah, bursary.id, { ...live, amountPence: 250000 }, new Date());
		publishEntitlement(db, leah, bursary.id, new Date());
		expect(entitlementBySlug(db, 'higher-education-bursary')?.amountPence).toBe(250000);
		saveEntitlementDraft(db, leah, bursary.id, { ...live, amountPence: 300000 }, new Date());
		publishEntitlement(db, leah, bursary.id, new Date());

		const history = contentHistory(db, bursary.id);
		expect(history.map((v) => [v.state, v.data.amountPence])).toEqual([
			['published', 300000],
			['superseded', 250000],
			['superseded', 200000] // the wording loaded at setup, kept at the first edit
		]);
		restoreEntitlementVersion(db, leah, history[1].id, new Date());
		expect(entitlementBySlug(db, 'higher-education-bursary')?.amountPence).toBe(250000);
		expect(contentHistory(db, bursary.id).map((v) => v.state)).toEqual([
			'published',
			'superseded',
			'superseded',
			'superseded'
		]);
		restoreEntitlementVersion(db, leah, history[2].id, new Date());
		expect(entitlementBySlug(db, 'higher-education-bursary')?.amountPence).toBe(200000);
		// The slug never changes, so links young people have keep working.
		expect(entitlementBySlug(db, 'higher-education-bursary')?.id).toBe(bursary.id);
	});

	it('gives new entitlements unique slugs and reorders the offer', () => {
		const { db, leah } = setUp();
		expect(slugify('Setting up home: extra help!')).toBe('setting-up-home-extra-help');
		const first = saveEntitlementDraft(
			db,
			leah,
			null,
			fields({ title: 'Setting up home allowance' }),
			new Date()
		);
		expect(entitlementDraft(db, first)?.data.slug).toBe('setting-up-home-allowance');
		const ids = offer(db).map((i) => i.id);
		moveEntitlement(db, ids[1], 'up');
		expect(
			offer(db)
				.map((i) => i.id)
				.slice(0, 2)
		).toEqual([ids[1], ids[0]]);
		moveEntitlement(db, ids[1], 'up'); // already first: nothing happens
		expect(offer(db)[0].id).toBe(ids[1]);
	});

	it('reorders promises within their theme only', () => {
		const { db } = setUp();
		const [first, second] = pledge(db);
		const ids = first.promises.map((p) => p.id);
		movePromise(db, ids[2], 'up');
		expect(pledge(db)[0].promises.map((p) => p.id)).toEqual([ids[0], ids[2], ids[1], ids[3]]);
		movePromise(db, ids[3], 'down'); // already last
		expect(pledge(db)[0].promises.at(-1)?.id).toBe(ids[3]);
		expect(pledge(db)[1].promises.map((p) => p.id)).toEqual(second.promises.map((p) => p.id));
	});

	it('publishes Pledge changes at once and tells every young person', () => {
		const { db, leah, reece } = setUp();
		const theme = pledge(db)[0];
		savePromise(
			db,
			leah,
			{
				promiseId: theme.promises[0].id,
				themeId: theme.id,
				text: 'We will always ask you first.'
			},
			new Date()
		);
		const id = savePromise(
			db,
			leah,
			{
				promiseId: null,
				themeId: theme.id,
				text: 'A brand new promise.'
			},
			new Date()
		);
		const updated = pledge(db)[0];
		expect(updated.promises[0].text).toBe('We will always ask you first.');
		expect(updated.promises.at(-1)).toEqual({
			id,
			text: 'A brand new promise.',
			lang: 'en',
			inEnglish: false
		});
		expect(contentHistory(db, theme.promises[0].id)).toHaveLength(1);
		expect(noticesFor(db, reece).map((n) => n.kind)).toEqual(['pledge_update', 'pledge_update']);
	});
});
