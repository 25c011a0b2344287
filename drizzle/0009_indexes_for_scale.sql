DROP INDEX `young_people_status_idx`;--> statement-breakpoint
CREATE INDEX `young_people_status_idx` ON `young_people` (`care_status`,`user_id`);--> statement-breakpoint
DROP INDEX `statements_recipient_idx`;--> statement-breakpoint
CREATE INDEX `statements_new_reply_idx` ON `statements` (`young_person_id`) WHERE "statements"."last_from_worker_at" is not null and ("statements"."young_person_seen_at" is null or "statements"."young_person_seen_at" < "statements"."last_from_worker_at");--> statement-breakpoint
CREATE INDEX `statements_recipient_idx` ON `statements` (`recipient_id`,`last_from_young_person_at`,`worker_seen_at`,`young_person_id`);--> statement-breakpoint
CREATE INDEX `users_disabled_idx` ON `users` (`disabled_at`);--> statement-breakpoint
CREATE INDEX `safety_alerts_raised_idx` ON `safety_alerts` (`raised_at`,`acknowledged_at`);--> statement-breakpoint
CREATE INDEX `board_actions_due_on_idx` ON `board_actions` (`due_on`,`done_on`);--> statement-breakpoint
CREATE INDEX `forum_issues_created_idx` ON `forum_issues` (`created_at`);--> statement-breakpoint
CREATE INDEX `forum_issues_answered_idx` ON `forum_issues` (`answered_at`,`created_at`);