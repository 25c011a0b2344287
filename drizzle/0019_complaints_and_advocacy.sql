CREATE TABLE `advocacy_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`statement_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`passed_on_at` integer,
	`passed_on_by_id` text,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`passed_on_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advocacy_requests_statement_idx` ON `advocacy_requests` (`statement_id`);--> statement-breakpoint
CREATE INDEX `advocacy_requests_young_person_idx` ON `advocacy_requests` (`young_person_id`);--> statement-breakpoint
CREATE INDEX `advocacy_requests_open_idx` ON `advocacy_requests` (`passed_on_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `advocacy_requests_passed_on_by_idx` ON `advocacy_requests` (`passed_on_by_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`statement_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`received_on` text NOT NULL,
	`extended_at` integer,
	`extended_by_id` text,
	`extension_reason_sealed` text,
	`answered_at` integer,
	`answered_on` text,
	`answered_by_id` text,
	`answer_sealed` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`extended_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_statement_idx` ON `complaints` (`statement_id`);--> statement-breakpoint
CREATE INDEX `complaints_young_person_idx` ON `complaints` (`young_person_id`);--> statement-breakpoint
CREATE INDEX `complaints_open_idx` ON `complaints` (`answered_at`,`received_on`);--> statement-breakpoint
CREATE INDEX `complaints_extended_by_idx` ON `complaints` (`extended_by_id`);--> statement-breakpoint
CREATE INDEX `complaints_answered_by_idx` ON `complaints` (`answered_by_id`);--> statement-breakpoint
ALTER TABLE `council_settings` ADD `advocacy_name` text;--> statement-breakpoint
ALTER TABLE `council_settings` ADD `advocacy_phone` text;--> statement-breakpoint
ALTER TABLE `council_settings` ADD `advocacy_email` text;--> statement-breakpoint
-- With a threshold of 2, "fewer than 2" can only mean 1: councils that chose 2 are moved to 3.
UPDATE `council_settings` SET `small_number_threshold` = 3 WHERE `small_number_threshold` < 3;
