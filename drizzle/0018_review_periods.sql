CREATE TABLE `early_review_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`young_person_id` text NOT NULL,
	`episode_id` text,
	`reason` text NOT NULL,
	`asked_by` text NOT NULL,
	`asked_on` text NOT NULL,
	`why_sealed` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`young_person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`episode_id`) REFERENCES `care_episodes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`asked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `early_review_requests_young_person_idx` ON `early_review_requests` (`young_person_id`,`asked_on`);
--> statement-breakpoint
-- PN4 (attended but did not give a view) no longer counts as "views given" (VIEWS_GIVEN): the
-- running totals' triggers are made again without it, and the totals counted again.
DROP TRIGGER `review_month_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `review_month_counts_update`;
--> statement-breakpoint
DROP TRIGGER `review_month_counts_delete`;
--> statement-breakpoint
CREATE TRIGGER `review_month_counts_insert` AFTER INSERT ON `reviews` BEGIN
	INSERT INTO `review_month_counts` (`month`, `held`, `on_time`, `aged_4_plus`, `views_given`, `attended_and_spoke`, `through_advocate`, `through_app`)
		SELECT substr(new.held_on, 1, 7), 1, (new.due_on IS NOT NULL AND new.held_on <= new.due_on), (new.participation_code IS NOT 'PN0'), (new.participation_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')), (new.participation_code IN ('PN1', 'PN3')), (new.participation_code IN ('PN2', 'PN5')), (new.participation_code IS NOT 'PN0' AND new.views_through_app = 1) WHERE new.kind = 'child_in_care' AND new.status = 'held' AND new.held_on IS NOT NULL
		ON CONFLICT (`month`) DO UPDATE SET `held` = `held` + excluded.`held`, `on_time` = `on_time` + excluded.`on_time`, `aged_4_plus` = `aged_4_plus` + excluded.`aged_4_plus`, `views_given` = `views_given` + excluded.`views_given`, `attended_and_spoke` = `attended_and_spoke` + excluded.`attended_and_spoke`, `through_advocate` = `through_advocate` + excluded.`through_advocate`, `through_app` = `through_app` + excluded.`through_app`;
END;
--> statement-breakpoint
CREATE TRIGGER `review_month_counts_update` AFTER UPDATE ON `reviews` BEGIN
	UPDATE `review_month_counts` SET `held` = `held` - 1, `on_time` = `on_time` - (old.due_on IS NOT NULL AND old.held_on <= old.due_on), `aged_4_plus` = `aged_4_plus` - (old.participation_code IS NOT 'PN0'), `views_given` = `views_given` - (old.participation_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')), `attended_and_spoke` = `attended_and_spoke` - (old.participation_code IN ('PN1', 'PN3')), `through_advocate` = `through_advocate` - (old.participation_code IN ('PN2', 'PN5')), `through_app` = `through_app` - (old.participation_code IS NOT 'PN0' AND old.views_through_app = 1)
		WHERE `month` = substr(old.held_on, 1, 7) AND old.kind = 'child_in_care' AND old.status = 'held' AND old.held_on IS NOT NULL;
	INSERT INTO `review_month_counts` (`month`, `held`, `on_time`, `aged_4_plus`, `views_given`, `attended_and_spoke`, `through_advocate`, `through_app`)
		SELECT substr(new.held_on, 1, 7), 1, (new.due_on IS NOT NULL AND new.held_on <= new.due_on), (new.participation_code IS NOT 'PN0'), (new.participation_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')), (new.participation_code IN ('PN1', 'PN3')), (new.participation_code IN ('PN2', 'PN5')), (new.participation_code IS NOT 'PN0' AND new.views_through_app = 1) WHERE new.kind = 'child_in_care' AND new.status = 'held' AND new.held_on IS NOT NULL
		ON CONFLICT (`month`) DO UPDATE SET `held` = `held` + excluded.`held`, `on_time` = `on_time` + excluded.`on_time`, `aged_4_plus` = `aged_4_plus` + excluded.`aged_4_plus`, `views_given` = `views_given` + excluded.`views_given`, `attended_and_spoke` = `attended_and_spoke` + excluded.`attended_and_spoke`, `through_advocate` = `through_advocate` + excluded.`through_advocate`, `through_app` = `through_app` + excluded.`through_app`;
END;
--> statement-breakpoint
CREATE TRIGGER `review_month_counts_delete` AFTER DELETE ON `reviews` BEGIN
	UPDATE `review_month_counts` SET `held` = `held` - 1, `on_time` = `on_time` - (old.due_on IS NOT NULL AND old.held_on <= old.due_on), `aged_4_plus` = `aged_4_plus` - (old.participation_code IS NOT 'PN0'), `views_given` = `views_given` - (old.participation_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')), `attended_and_spoke` = `attended_and_spoke` - (old.participation_code IN ('PN1', 'PN3')), `through_advocate` = `through_advocate` - (old.participation_code IN ('PN2', 'PN5')), `through_app` = `through_app` - (old.participation_code IS NOT 'PN0' AND old.views_through_app = 1)
		WHERE `month` = substr(old.held_on, 1, 7) AND old.kind = 'child_in_care' AND old.status = 'held' AND old.held_on IS NOT NULL;
END;
--> statement-breakpoint
UPDATE `review_month_counts` SET `views_given` = (
	SELECT count(*) FROM `reviews` r
	WHERE r.kind = 'child_in_care' AND r.status = 'held' AND r.held_on IS NOT NULL
		AND substr(r.held_on, 1, 7) = `review_month_counts`.`month`
		AND r.participation_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')
);
