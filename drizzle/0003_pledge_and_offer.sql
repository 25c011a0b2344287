CREATE TABLE `entitlements` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`area` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`details` text NOT NULL,
	`amount_pence` integer,
	`frequency` text,
	`statutory` integer NOT NULL,
	`categories` text NOT NULL,
	`from_age` integer,
	`until_age` integer,
	`conditions` text NOT NULL,
	`how_to_get` text NOT NULL,
	`contact` text NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entitlements_slug_unique` ON `entitlements` (`slug`);--> statement-breakpoint
CREATE INDEX `entitlements_area_idx` ON `entitlements` (`area`,`position`);--> statement-breakpoint
CREATE TABLE `offer_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`entitlement_id` text NOT NULL,
	`message_sealed` text,
	`status` text NOT NULL,
	`answer_sealed` text,
	`answered_by` text,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entitlement_id`) REFERENCES `entitlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offer_requests_young_person_idx` ON `offer_requests` (`young_person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `offer_requests_entitlement_idx` ON `offer_requests` (`entitlement_id`);--> statement-breakpoint
CREATE INDEX `offer_requests_status_idx` ON `offer_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `offer_requests_answered_by_idx` ON `offer_requests` (`answered_by`);--> statement-breakpoint
CREATE TABLE `pledge_promises` (
	`id` text PRIMARY KEY NOT NULL,
	`theme_id` text NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `pledge_themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pledge_promises_theme_idx` ON `pledge_promises` (`theme_id`,`position`);--> statement-breakpoint
CREATE TABLE `pledge_themes` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`intro` text,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `promise_ratings` (
	`promise_id` text NOT NULL,
	`young_person_id` text NOT NULL,
	`rating` text NOT NULL,
	`comment_sealed` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`promise_id`, `young_person_id`),
	FOREIGN KEY (`promise_id`) REFERENCES `pledge_promises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promise_ratings_young_person_idx` ON `promise_ratings` (`young_person_id`);--> statement-breakpoint
ALTER TABLE `young_people` ADD `conditions` text DEFAULT '[]' NOT NULL;