CREATE TABLE `safeguarding_concerns` (
	`id` text PRIMARY KEY NOT NULL,
	`alert_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`issue_id` text,
	`promise_id` text,
	`words_sealed` text NOT NULL,
	`note_sealed` text NOT NULL,
	`allegation` text NOT NULL,
	`raised_by` text NOT NULL,
	`raised_at` integer NOT NULL,
	`lado_started_by` text,
	`lado_started_at` integer,
	`lado_contact` text,
	`lado_reference` text,
	FOREIGN KEY (`alert_id`) REFERENCES `safety_alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issue_id`) REFERENCES `forum_issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promise_id`) REFERENCES `pledge_promises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lado_started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `safeguarding_concerns_alert_idx` ON `safeguarding_concerns` (`alert_id`);--> statement-breakpoint
CREATE INDEX `safeguarding_concerns_issue_idx` ON `safeguarding_concerns` (`issue_id`);--> statement-breakpoint
CREATE INDEX `safeguarding_concerns_young_person_idx` ON `safeguarding_concerns` (`young_person_id`,`promise_id`);--> statement-breakpoint
ALTER TABLE `forum_issues` ADD `approved_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `forum_issues` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `issue_reports` ADD `reason` text DEFAULT '' NOT NULL;