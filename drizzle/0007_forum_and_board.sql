CREATE TABLE `action_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`author_id` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `board_actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`issue_id` text,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issue_id`) REFERENCES `forum_issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `board_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` text,
	`meeting_id` text,
	`what` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`done_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `forum_issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `board_actions_due_idx` ON `board_actions` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `board_actions_owner_idx` ON `board_actions` (`owner_id`);--> statement-breakpoint
CREATE INDEX `board_actions_issue_idx` ON `board_actions` (`issue_id`);--> statement-breakpoint
CREATE TABLE `board_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_on` text NOT NULL,
	`place` text NOT NULL,
	`attendees` text DEFAULT '' NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `forum_issues` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`named` integer NOT NULL,
	`title` text NOT NULL,
	`what_is_wrong` text NOT NULL,
	`what_to_change` text NOT NULL,
	`original_title` text,
	`original_what_is_wrong` text,
	`original_what_to_change` text,
	`edited_by` text,
	`edited_at` integer,
	`status` text NOT NULL,
	`merged_into` text,
	`decline_reason` text,
	`taken_to_board_at` integer,
	`answer` text,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `forum_issues_forum_idx` ON `forum_issues` (`forum_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `forum_issues_raised_by_idx` ON `forum_issues` (`raised_by`);--> statement-breakpoint
CREATE INDEX `forum_issues_status_idx` ON `forum_issues` (`status`,`answered_at`);--> statement-breakpoint
CREATE TABLE `forum_members` (
	`forum_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`forum_id`, `user_id`),
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `forum_members_user_idx` ON `forum_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `forums` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `issue_feedback` (
	`issue_id` text NOT NULL,
	`user_id` text NOT NULL,
	`helped` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`issue_id`, `user_id`),
	FOREIGN KEY (`issue_id`) REFERENCES `forum_issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `issue_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` text NOT NULL,
	`reporter_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`issue_id`) REFERENCES `forum_issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `issue_reports_open_idx` ON `issue_reports` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `issue_reports_once_idx` ON `issue_reports` (`issue_id`,`reporter_id`);--> statement-breakpoint
CREATE TABLE `issue_supports` (
	`issue_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`issue_id`, `user_id`),
	FOREIGN KEY (`issue_id`) REFERENCES `forum_issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `issue_supports_user_idx` ON `issue_supports` (`user_id`);--> statement-breakpoint
CREATE TABLE `scorecard_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`measure` text NOT NULL,
	`quarter` text NOT NULL,
	`value` real NOT NULL,
	`target` real,
	`national` real,
	`regional` real,
	`entered_by` text NOT NULL,
	`entered_at` integer NOT NULL,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecard_entries_measure_quarter_idx` ON `scorecard_entries` (`measure`,`quarter`);--> statement-breakpoint
ALTER TABLE `council_settings` ADD `board_chair_id` text;