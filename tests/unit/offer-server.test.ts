import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/server/offer/markdown';
import { seal, unseal } from '$lib/server/crypto/seal';
import { offer, pledge } from '$lib/server/offer/content';
import { insertDemoContent } from '$lib/server/demo/content';
import { answerRequest, askAbout, myRequests, requestsForWorker } from '$lib/server/offer/requests';
import { answerPromise, myRatings, ratePromise } from '$lib/server/offer/ratings';
import { offerRequests, promiseRatings } from '$lib/server/db/schema';
import { unreadCount } from '$lib/server/notify/notices';
import { freshDb, makeStaff, makeYoungPerson } from './db';
import { ukToday } from '$lib/domain/people';

process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'hearth-offer-'));

describe('markdown', () => {
	it('keeps plain formatting and removes scripts, handlers and dangerous links', () => {
		const html = renderMarkdown(
			'**Bold** and [a link](https://example.org)\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[bad](javascript:alert(1)) <a href="#" onclick="steal()">x</a>'
		);
		expect(html).toContain('<strong>Bold</strong>');
		expect(html).toContain('href="https://example.org"');
		expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img/i);
	});
});

describe('sealed text', () => {
	it('round-trips, differs each time, and refuses tampering', () => {
		const a = seal('My old laptop broke');
		expect(a).not.toContain('laptop');
		expect(seal('My old laptop broke')).not.toBe(a);
		expect(unseal(a)).toBe('My old laptop broke');
		const [v, iv, tag, body] = a.split('.');
		const flipped = Buffer.from(body, 'base64url');
		flipped[0] ^= 1;
		expect(() => unseal([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
	});
});

describe('demo content', () => {
	it('has a full Pledge and Local Offer across every area', () => {
		const db = freshDb();
		insertDemoContent(db, new Date());
		const themes = pledge(db);
		expect(themes.length).toBeGreaterThanOrEqual(8);
		const promises = themes.flatMap((t) => t.promises).length;
		expect(promises).toBeGreaterThanOrEqual(25);
		expect(promises).toBeLessThanOrEqual(40);
		const items = offer(db);
		expect(items.length).toBeGreaterThanOrEqual(30);
		expect(new Set(items.map((i) => i.area)).size).toBe(7);
		const bySlug = Object.fromEntries(items.map((i) => [i.slug, i]));
		expect(bySlug['setting-up-home'].amountPence).toBeGreaterThanOrEqual(300_000);
		expect(bySlug['higher-education-bursary'].amountPence).toBe(200_000);
		expect(bySlug['council-tax'].untilAge).toBe(25);
		expect(bySlug['staying-put'].untilAge).toBe(21);
		expect(bySlug['personal-adviser'].untilAge).toBe(25);
	});
});

describe('asking the PA', () => {
	function setUp() {
		const db = freshDb();
		insertDemoContent(db, new Date());
		const marcus = makeStaff(db, 'marcus', ['worker']);
		const holly = makeStaff(db, 'holly', ['worker']);
		const elif = makeYoungPerson(db, 'elif', [
			{ staffUserId: marcus, linkType: 'personal_adviser' },
			{ staffUserId: holly, linkType: 'social_worker' }
		]);
		const laptop = offer(db).find((i) => i.slug === 'study-laptop')!;
		return { db, marcus, holly, elif, laptop };
	}

	it('goes to the PA (not the social worker), sealed, once while open', () => {
		const { db, marcus, holly, elif, laptop } = setUp();
		const result = askAbout(
			db,
			{
				youngPersonId: elif,
				entitlementId: laptop.id,
				message: 'Mine broke'
			},
			new Date()
		);
		expect(result.ok).toBe(true);
		expect(db.select().from(offerRequests).get()!.messageSealed).not.toContain('broke');
		expect(unreadCount(db, marcus)).toBe(1);
		expect(unreadCount(db, holly)).toBe(0);
		expect(requestsForWorker(db, marcus, ukToday(new Date())).map((r) => r.message)).toEqual([
			'Mine broke'
		]);
		expect(requestsForWorker(db, holly, ukToday(new Date()))).toEqual([]);
		expect(
			askAbout(db, { youngPersonId: elif, entitlementId: laptop.id, message: null }, new Date())
		).toEqual({
			ok: false,
			reason: 'already'
		});
	});

	it('cannot be sent with no PA or worker linked', () => {
		const { db, laptop } = setUp();
		const alone = makeYoungPerson(db, 'alone');
		expect(
			askAbout(db, { youngPersonId: alone, entitlementId: laptop.id, message: null }, new Date())
		).toEqual({ ok: false, reason: 'no_pa' });
	});

	it('is answered only by a linked worker, once, and the young person is told', () => {
		const { db, marcus, elif, laptop } = setUp();
		const asked = askAbout(
			db,
			{ youngPersonId: elif, entitlementId: laptop.id, message: null },
			new Date()
		);
		if (!asked.ok) throw new Error('not asked');
		const stranger = makeStaff(db, 'stranger', ['worker']);
		expect(
			answerRequest(db, stranger, { requestId: asked.id, status: 'done', answer: 'x' }, new Date())
		).toEqual({ ok: false, reason: 'not_linked' });
		expect(
			answerRequest(
				db,
				marcus,
				{
					requestId: asked.id,
					status: 'declined',
					answer: 'Not this term, try in April.'
				},
				new Date()
			)
		).toEqual({ ok: true });
		expect(
			answerRequest(db, marcus, { requestId: asked.id, status: 'done', answer: 'x' }, new Date())
		).toEqual({ ok: false, reason: 'answered' });
		expect(myRequests(db, elif)).toMatchObject([
			{ status: 'declined', answer: 'Not this term, try in April.' }
		]);
		expect(unreadCount(db, elif)).toBe(1);
	});
});

describe('promise ratings', () => {
	it('save, change and seal the comment', () => {
		const db = freshDb();
		insertDemoContent(db, new Date());
		const maya = makeYoungPerson(db, 'maya');
		const promiseId = pledge(db)[0].promises[0].id;
		ratePromise(
			db,
			{ youngPersonId: maya, promiseId, rating: 'no', comment: 'Nobody asked me' },
			new Date()
		);
		expect(db.select().from(promiseRatings).get()!.commentSealed).not.toContain('asked');
		ratePromise(
			db,
			{ youngPersonId: maya, promiseId, rating: 'sometimes', comment: null },
			new Date()
		);
		expect(myRatings(db, maya)).toEqual({ [promiseId]: { rating: 'sometimes', comment: '' } });
		expect(db.select().from(promiseRatings).all()).toHaveLength(1);
	});

	it('tell the participation officers of a new or changed comment only, and refuse a made-up promise', () => {
		const db = freshDb();
		insertDemoContent(db, new Date());
		const officer = makeStaff(db, 'leah', ['participation_officer']);
		const maya = makeYoungPerson(db, 'maya');
		const promiseId = pledge(db)[0].promises[0].id;
		const at = new Date('2026-11-22T10:00:00Z');
		const answer = (rating: 'yes' | 'no', comment: string | null) =>
			answerPromise(db, { youngPersonId: maya, promiseId, rating, comment }, at);
		expect(answer('no', null)).toBe(true);
		expect(unreadCount(db, officer)).toBe(0);
		expect(answer('no', 'Nobody asked me')).toBe(true);
		expect(unreadCount(db, officer)).toBe(1);
		// The same words again, or another rating with them: nothing new to read.
		expect(answer('yes', 'Nobody asked me')).toBe(true);
		expect(unreadCount(db, officer)).toBe(1);
		expect(answer('yes', 'They asked me this week')).toBe(true);
		expect(unreadCount(db, officer)).toBe(2);
		expect(myRatings(db, maya)).toEqual({
			[promiseId]: { rating: 'yes', comment: 'They asked me this week' }
		});
		expect(
			answerPromise(
				db,
				{ youngPersonId: maya, promiseId: 'no-such-promise', rating: 'no', comment: 'x' },
				at
			)
		).toBe(false);
		expect(db.select().from(promiseRatings).all()).toHaveLength(1);
		expect(unreadCount(db, officer)).toBe(2);
	});
});
