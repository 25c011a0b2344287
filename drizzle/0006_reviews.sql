CREATE TABLE `review_consultations` (
	`review_id` text PRIMARY KEY NOT NULL,
	`answers_sealed` text NOT NULL,
	`saved_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`kind` text NOT NULL,
	`chair_id` text NOT NULL,
	`number` integer,
	`due_on` text,
	`meeting_at` text NOT NULL,
	`place` text NOT NULL,
	`status` text NOT NULL,
	`held_on` text,
	`participation_code` text,
	`views_through_app` integer DEFAULT false NOT NULL,
	`decisions_sealed` text,
	`letter_sealed` text,
	`letter_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`chair_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviews_young_person_idx` ON `reviews` (`young_person_id`,`meeting_at`);--> statement-breakpoint
CREATE INDEX `reviews_chair_idx` ON `reviews` (`chair_id`,`status`);--> statement-breakpoint
CREATE INDEX `reviews_held_idx` ON `reviews` (`kind`,`held_on`);--> statement-breakpoint
ALTER TABLE `young_people` ADD `care_started_on` text;