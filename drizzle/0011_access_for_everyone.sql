CREATE TABLE `content_translations` (
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`locale` text NOT NULL,
	`fields` text NOT NULL,
	`source_updated_at` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`entity_type`, `entity_id`, `locale`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `content_translations_locale_idx` ON `content_translations` (`locale`,`entity_type`);--> statement-breakpoint
CREATE TABLE `council_languages` (
	`code` text PRIMARY KEY NOT NULL,
	`safety_checked_by` text NOT NULL,
	`safety_checked_on` text NOT NULL,
	`enabled_by` text,
	`enabled_at` integer NOT NULL,
	FOREIGN KEY (`enabled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `user_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`locale` text,
	`text_size` text DEFAULT 'standard' NOT NULL,
	`font` text DEFAULT 'standard' NOT NULL,
	`contrast` text DEFAULT 'standard' NOT NULL,
	`speech_rate` integer DEFAULT 100 NOT NULL,
	`express` text DEFAULT 'by_age' NOT NULL,
	`express_set_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`express_set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `with_worker_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `sessions` ADD `with_worker_until` integer;--> statement-breakpoint
ALTER TABLE `statements` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `express` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `made_with_id` text REFERENCES users(id);