/** What was done. Staff reads of a young person's record always write `young_person.viewed`. */
export const AUDIT_ACTIONS = [
	'signed_in',
	'signed_out',
	'password.changed',
	'setup.completed',
	'invitation.created',
	'invitation.redeemed',
	'young_person.viewed',
	'young_person.updated',
	'account.viewed',
	'account.disabled',
	'account.enabled',
	'link.added',
	'link.ended',
	'settings.changed',
	'audit.searched',
	'content.published',
	'content.restored',
	'young_person.refused',
	'statement.acknowledged',
	'statement.reassigned',
	'statement.themes_changed',
	'statement.case_recorded',
	'statement.printed',
	'alert.acknowledged',
	'duty.changed'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
