CREATE TABLE `care_episodes` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`started_on` text NOT NULL,
	`legal_status` text,
	`placement_type` text,
	`ended_on` text,
	`end_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `young_people`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `care_episodes_young_person_idx` ON `care_episodes` (`young_person_id`,`started_on`);--> statement-breakpoint
ALTER TABLE `young_people` ADD `council_child_id` text;--> statement-breakpoint
ALTER TABLE `young_people` ADD `last_review_before_hearth_on` text;--> statement-breakpoint
ALTER TABLE `young_people` ADD `category_override` text;--> statement-breakpoint
ALTER TABLE `young_people` ADD `category_override_reason_sealed` text;--> statement-breakpoint
ALTER TABLE `young_people` ADD `placement_sealed` text;--> statement-breakpoint
CREATE UNIQUE INDEX `young_people_council_child_id_idx` ON `young_people` (`council_child_id`);--> statement-breakpoint
ALTER TABLE `reviews` ADD `episode_id` text REFERENCES care_episodes(id) ON DELETE SET NULL;--> statement-breakpoint
-- Each child's one recorded period of care becomes their first episode (legal status not recorded
-- then, so left for their worker to fill in); their reviews so far belong to it.
INSERT INTO `care_episodes` (`id`, `young_person_id`, `started_on`, `created_at`)
SELECT lower(hex(randomblob(15))), `user_id`, `care_started_on`, `created_at` FROM `young_people`
WHERE `care_started_on` IS NOT NULL;--> statement-breakpoint
UPDATE `reviews` SET `episode_id` = (
	SELECT `e`.`id` FROM `care_episodes` `e` WHERE `e`.`young_person_id` = `reviews`.`young_person_id`
) WHERE `kind` = 'child_in_care';
