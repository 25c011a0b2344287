import type Database from 'better-sqlite3';
import { unsealWithAny, type Sealer } from './sealer.ts';

// Key rotation: re-seal every sealed column under a new key, in one transaction.
// Plain Node can run this file (scripts/rotate-key.ts): it imports nothing but types and sealer.ts.

/** Every column that holds sealed text. tests/unit/crypto.test.ts checks none is missing. */
export const SEALED_COLUMNS: readonly { table: string; columns: readonly string[] }[] = [
	{ table: 'promise_ratings', columns: ['comment_sealed'] },
	{ table: 'offer_requests', columns: ['message_sealed', 'answer_sealed'] },
	{ table: 'statements', columns: ['answers_sealed'] },
	{ table: 'statement_messages', columns: ['body_sealed'] },
	{ table: 'safety_alert_notes', columns: ['body_sealed'] },
	{ table: 'statement_handovers', columns: ['note_sealed'] },
	{ table: 'reviews', columns: ['decisions_sealed', 'letter_sealed'] },
	{ table: 'review_consultations', columns: ['answers_sealed'] },
	{ table: 'users', columns: ['totp_key_sealed'] },
	{ table: 'safeguarding_concerns', columns: ['words_sealed', 'note_sealed'] },
	{ table: 'young_people', columns: ['placement_sealed', 'category_override_reason_sealed'] },
	{ table: 'early_review_requests', columns: ['why_sealed'] },
	{ table: 'complaints', columns: ['extension_reason_sealed', 'answer_sealed'] }
];

/**
 * Re-seal every sealed value: open it with any of `from`, seal it with `to`. All or nothing:
 * one value that cannot be opened stops the whole rotation and changes nothing.
 * Returns how many values were re-sealed.
 */
export function resealAll(client: Database.Database, from: readonly Sealer[], to: Sealer): number {
	let count = 0;
	client.transaction(() => {
		for (const { table, columns } of SEALED_COLUMNS) {
			for (const column of columns) {
				const rows = client
					.prepare(
						`select rowid as rowid, "${column}" as value from "${table}" where "${column}" is not null`
					)
					.all() as { rowid: number; value: string }[];
				const update = client.prepare(`update "${table}" set "${column}" = ? where rowid = ?`);
				for (const row of rows) {
					update.run(to.seal(unsealWithAny(from, row.value)), row.rowid);
					count++;
				}
			}
		}
	})();
	return count;
}
