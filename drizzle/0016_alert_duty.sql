CREATE TABLE `safety_alert_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`alert_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body_sealed` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `safety_alerts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safety_alert_notes_alert_idx` ON `safety_alert_notes` (`alert_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `safety_alert_notes_author_idx` ON `safety_alert_notes` (`author_id`);--> statement-breakpoint
CREATE TABLE `safety_alert_told` (
	`event_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`event_id`, `user_id`),
	FOREIGN KEY (`event_id`) REFERENCES `safety_alert_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `safety_alert_told_user_idx` ON `safety_alert_told` (`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `work_phone` text;--> statement-breakpoint
ALTER TABLE `safety_alerts` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `safety_alerts` ADD `closed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `safety_alerts` ADD `outcome` text;--> statement-breakpoint
CREATE INDEX `safety_alerts_not_closed_idx` ON `safety_alerts` (`closed_at`,`raised_at`);--> statement-breakpoint
CREATE INDEX `safety_alerts_acknowledged_by_idx` ON `safety_alerts` (`acknowledged_by`);--> statement-breakpoint
CREATE INDEX `safety_alerts_closed_by_idx` ON `safety_alerts` (`closed_by`);--> statement-breakpoint
CREATE INDEX `safety_alert_events_actor_idx` ON `safety_alert_events` (`actor_id`);