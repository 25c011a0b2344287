CREATE TABLE `content_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`data` text NOT NULL,
	`state` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `content_versions_entity_idx` ON `content_versions` (`entity_type`,`entity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `content_versions_created_by_idx` ON `content_versions` (`created_by`);