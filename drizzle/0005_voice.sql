CREATE TABLE `manager_duty` (
	`user_id` text PRIMARY KEY NOT NULL,
	`on_duty` integer NOT NULL,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `safety_alert_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`told_count` integer,
	`step` integer,
	FOREIGN KEY (`alert_id`) REFERENCES `safety_alerts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safety_alert_events_alert_idx` ON `safety_alert_events` (`alert_id`,`at`);--> statement-breakpoint
CREATE TABLE `safety_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`statement_id` text,
	`source` text NOT NULL,
	`client_key` text NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`escalation_step` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `safety_alerts_client_key_idx` ON `safety_alerts` (`young_person_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `safety_alerts_open_idx` ON `safety_alerts` (`acknowledged_at`,`raised_at`);--> statement-breakpoint
CREATE INDEX `safety_alerts_young_person_idx` ON `safety_alerts` (`young_person_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `safety_alerts_statement_idx` ON `safety_alerts` (`statement_id`);--> statement-breakpoint
CREATE TABLE `statement_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`statement_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body_sealed` text NOT NULL,
	`client_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_messages_statement_idx` ON `statement_messages` (`statement_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `statement_messages_client_key_idx` ON `statement_messages` (`statement_id`,`client_key`);--> statement-breakpoint
CREATE TABLE `statement_themes` (
	`statement_id` text NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`statement_id`, `theme`),
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `statement_themes_theme_idx` ON `statement_themes` (`theme`,`statement_id`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`template` text NOT NULL,
	`recipient_id` text NOT NULL,
	`answers_sealed` text NOT NULL,
	`client_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`answered_at` integer,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`case_recorded_at` integer,
	`case_recorded_by` text,
	`last_from_young_person_at` integer NOT NULL,
	`last_from_worker_at` integer,
	`worker_seen_at` integer,
	`young_person_seen_at` integer,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statements_client_key_idx` ON `statements` (`young_person_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `statements_young_person_idx` ON `statements` (`young_person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `statements_recipient_idx` ON `statements` (`recipient_id`,`last_from_young_person_at`);--> statement-breakpoint
CREATE INDEX `statements_unanswered_idx` ON `statements` (`answered_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `statements_month_idx` ON `statements` (`created_at`,`template`);--> statement-breakpoint
ALTER TABLE `council_settings` ADD `alert_minutes` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `council_settings` ADD `small_number_threshold` integer DEFAULT 6 NOT NULL;