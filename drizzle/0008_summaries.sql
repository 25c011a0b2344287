CREATE TABLE `rating_month_counts` (
	`month` text PRIMARY KEY NOT NULL,
	`rated` integer NOT NULL,
	`kept` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_month_counts` (
	`month` text PRIMARY KEY NOT NULL,
	`held` integer NOT NULL,
	`on_time` integer NOT NULL,
	`aged_4_plus` integer NOT NULL,
	`views_given` integer NOT NULL,
	`attended_and_spoke` integer NOT NULL,
	`through_advocate` integer NOT NULL,
	`through_app` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `statement_month_counts` (
	`month` text NOT NULL,
	`template` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`month`, `template`)
);
--> statement-breakpoint
CREATE TABLE `statement_theme_month_counts` (
	`month` text NOT NULL,
	`theme` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`month`, `theme`)
);
--> statement-breakpoint
-- Running totals the Board reads (see src/lib/server/db/schema/summaries.ts), kept by triggers.
-- A UK month from a millisecond time: add an hour during British Summer Time, which runs from
-- 01:00 UTC on the last Sunday of March (the first Sunday on or after 25 March) to 01:00 UTC on
-- the last Sunday of October.
CREATE TRIGGER `statement_month_counts_insert` AFTER INSERT ON `statements` BEGIN
	INSERT INTO `statement_month_counts` (`month`, `template`, `count`) VALUES (strftime('%Y-%m', (new.created_at / 1000) + CASE WHEN (new.created_at / 1000) >= unixepoch(strftime('%Y', (new.created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (new.created_at / 1000) < unixepoch(strftime('%Y', (new.created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), new.template, 1)
		ON CONFLICT (`month`, `template`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `statement_month_counts_delete` BEFORE DELETE ON `statements` BEGIN
	UPDATE `statement_month_counts` SET `count` = `count` - 1
		WHERE `month` = strftime('%Y-%m', (old.created_at / 1000) + CASE WHEN (old.created_at / 1000) >= unixepoch(strftime('%Y', (old.created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (old.created_at / 1000) < unixepoch(strftime('%Y', (old.created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch') AND `template` = old.template;
	-- Its themes go next (ON DELETE CASCADE), when the statement's month can no longer be looked up.
	UPDATE `statement_theme_month_counts` SET `count` = `count` - 1
		WHERE `month` = strftime('%Y-%m', (old.created_at / 1000) + CASE WHEN (old.created_at / 1000) >= unixepoch(strftime('%Y', (old.created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (old.created_at / 1000) < unixepoch(strftime('%Y', (old.created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch')
		AND `theme` IN (SELECT `theme` FROM `statement_themes` WHERE `statement_id` = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `statement_theme_month_counts_insert` AFTER INSERT ON `statement_themes` BEGIN
	INSERT INTO `statement_theme_month_counts` (`month`, `theme`, `count`)
		SELECT strftime('%Y-%m', (s.created_at / 1000) + CASE WHEN (s.created_at / 1000) >= unixepoch(strftime('%Y', (s.created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (s.created_at / 1000) < unixepoch(strftime('%Y', (s.created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), new.theme, 1 FROM `statements` s WHERE s.id = new.statement_id
		ON CONFLICT (`month`, `theme`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `statement_theme_month_counts_delete` AFTER DELETE ON `statement_themes` BEGIN
	UPDATE `statement_theme_month_counts` SET `count` = `count` - 1
		WHERE `theme` = old.theme
		AND `month` = (SELECT strftime('%Y-%m', (s.created_at / 1000) + CASE WHEN (s.created_at / 1000) >= unixepoch(strftime('%Y', (s.created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (s.created_at / 1000) < unixepoch(strftime('%Y', (s.created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch') FROM `statements` s WHERE s.id = old.statement_id);
END;
--> statement-breakpoint
CREATE TRIGGER `review_month_counts_insert` AFTER INSERT ON `reviews` BEGIN
	INSERT INTO `review_month_counts` (`month`, `held`, `on_time`, `aged_4_plus`, `views_given`, `attended_and_spoke`, `through_advocate`, `through_app`)
		SELECT substr(new.held_on, 1, 7), 1, (new.due_on IS NOT NULL AND new.held_on <= new.due_on), (new.participation_code IS NOT 'PN0'), (new.participation_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6')), (new.participation_code IN ('PN1', 'PN3')), (new.participation_code IN ('PN2', 'PN5')), (new.participation_code IS NOT 'PN0' AND new.views_through_app = 1) WHERE new.kind = 'child_in_care' AND new.status = 'held' AND new.held_on IS NOT NULL
		ON CONFLICT (`month`) DO UPDATE SET `held` = `held` + excluded.`held`, `on_time` = `on_time` + excluded.`on_time`, `aged_4_plus` = `aged_4_plus` + excluded.`aged_4_plus`, `views_given` = `views_given` + excluded.`views_given`, `attended_and_spoke` = `attended_and_spoke` + excluded.`attended_and_spoke`, `through_advocate` = `through_advocate` + excluded.`through_advocate`, `through_app` = `through_app` + excluded.`through_app`;
END;
--> statement-breakpoint
CREATE TRIGGER `review_month_counts_update` AFTER UPDATE ON `reviews` BEGIN
	UPDATE `review_month_counts` SET `held` = `held` - 1, `on_time` = `on_time` - (old.due_on IS NOT NULL AND old.held_on <= old.due_on), `aged_4_plus` = `aged_4_plus` - (old.participation_code IS NOT 'PN0'), `views_given` = `views_given` - (old.participation_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6')), `attended_and_spoke` = `attended_and_spoke` - (old.participation_code IN ('PN1', 'PN3')), `through_advocate` = `through_advocate` - (old.participation_code IN ('PN2', 'PN5')), `through_app` = `through_app` - (old.participation_code IS NOT 'PN0' AND old.views_through_app = 1)
		WHERE `month` = substr(old.held_on, 1, 7) AND old.kind = 'child_in_care' AND old.status = 'held' AND old.held_on IS NOT NULL;
	INSERT INTO `review_month_counts` (`month`, `held`, `on_time`, `aged_4_plus`, `views_given`, `attended_and_spoke`, `through_advocate`, `through_app`)
		SELECT substr(new.held_on, 1, 7), 1, (new.due_on IS NOT NULL AND new.held_on <= new.due_on), (new.participation_code IS NOT 'PN0'), (new.participation_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6')), (new.participation_code IN ('PN1', 'PN3')), (new.participation_code IN ('PN2', 'PN5')), (new.participation_code IS NOT 'PN0' AND new.views_through_app = 1) WHERE new.kind = 'child_in_care' AND new.status = 'held' AND new.held_on IS NOT NULL
		ON CONFLICT (`month`) DO UPDATE SET `held` = `held` + excluded.`held`, `on_time` = `on_time` + excluded.`on_time`, `aged_4_plus` = `aged_4_plus` + excluded.`aged_4_plus`, `views_given` = `views_given` + excluded.`views_given`, `attended_and_spoke` = `attended_and_spoke` + excluded.`attended_and_spoke`, `through_advocate` = `through_advocate` + excluded.`through_advocate`, `through_app` = `through_app` + excluded.`through_app`;
END;
--> statement-breakpoint
CREATE TRIGGER `review_month_counts_delete` AFTER DELETE ON `reviews` BEGIN
	UPDATE `review_month_counts` SET `held` = `held` - 1, `on_time` = `on_time` - (old.due_on IS NOT NULL AND old.held_on <= old.due_on), `aged_4_plus` = `aged_4_plus` - (old.participation_code IS NOT 'PN0'), `views_given` = `views_given` - (old.participation_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6')), `attended_and_spoke` = `attended_and_spoke` - (old.participation_code IN ('PN1', 'PN3')), `through_advocate` = `through_advocate` - (old.participation_code IN ('PN2', 'PN5')), `through_app` = `through_app` - (old.participation_code IS NOT 'PN0' AND old.views_through_app = 1)
		WHERE `month` = substr(old.held_on, 1, 7) AND old.kind = 'child_in_care' AND old.status = 'held' AND old.held_on IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `rating_month_counts_insert` AFTER INSERT ON `promise_ratings` BEGIN
	INSERT INTO `rating_month_counts` (`month`, `rated`, `kept`) VALUES (strftime('%Y-%m', (new.updated_at / 1000) + CASE WHEN (new.updated_at / 1000) >= unixepoch(strftime('%Y', (new.updated_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (new.updated_at / 1000) < unixepoch(strftime('%Y', (new.updated_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), 1, new.rating = 'yes')
		ON CONFLICT (`month`) DO UPDATE SET `rated` = `rated` + 1, `kept` = `kept` + excluded.`kept`;
END;
--> statement-breakpoint
CREATE TRIGGER `rating_month_counts_update` AFTER UPDATE ON `promise_ratings` BEGIN
	UPDATE `rating_month_counts` SET `rated` = `rated` - 1, `kept` = `kept` - (old.rating = 'yes')
		WHERE `month` = strftime('%Y-%m', (old.updated_at / 1000) + CASE WHEN (old.updated_at / 1000) >= unixepoch(strftime('%Y', (old.updated_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (old.updated_at / 1000) < unixepoch(strftime('%Y', (old.updated_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch');
	INSERT INTO `rating_month_counts` (`month`, `rated`, `kept`) VALUES (strftime('%Y-%m', (new.updated_at / 1000) + CASE WHEN (new.updated_at / 1000) >= unixepoch(strftime('%Y', (new.updated_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (new.updated_at / 1000) < unixepoch(strftime('%Y', (new.updated_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), 1, new.rating = 'yes')
		ON CONFLICT (`month`) DO UPDATE SET `rated` = `rated` + 1, `kept` = `kept` + excluded.`kept`;
END;
--> statement-breakpoint
CREATE TRIGGER `rating_month_counts_delete` AFTER DELETE ON `promise_ratings` BEGIN
	UPDATE `rating_month_counts` SET `rated` = `rated` - 1, `kept` = `kept` - (old.rating = 'yes')
		WHERE `month` = strftime('%Y-%m', (old.updated_at / 1000) + CASE WHEN (old.updated_at / 1000) >= unixepoch(strftime('%Y', (old.updated_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (old.updated_at / 1000) < unixepoch(strftime('%Y', (old.updated_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch');
END;
--> statement-breakpoint
INSERT INTO `statement_month_counts` (`month`, `template`, `count`)
	SELECT strftime('%Y-%m', (created_at / 1000) + CASE WHEN (created_at / 1000) >= unixepoch(strftime('%Y', (created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (created_at / 1000) < unixepoch(strftime('%Y', (created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), `template`, count(*) FROM `statements` GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `statement_theme_month_counts` (`month`, `theme`, `count`)
	SELECT strftime('%Y-%m', (s.created_at / 1000) + CASE WHEN (s.created_at / 1000) >= unixepoch(strftime('%Y', (s.created_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (s.created_at / 1000) < unixepoch(strftime('%Y', (s.created_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), t.theme, count(*) FROM `statement_themes` t
	JOIN `statements` s ON s.id = t.statement_id GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `review_month_counts` (`month`, `held`, `on_time`, `aged_4_plus`, `views_given`, `attended_and_spoke`, `through_advocate`, `through_app`)
	SELECT substr(r.held_on, 1, 7), sum(1), sum((r.due_on IS NOT NULL AND r.held_on <= r.due_on)), sum((r.participation_code IS NOT 'PN0')), sum((r.participation_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6'))), sum((r.participation_code IN ('PN1', 'PN3'))), sum((r.participation_code IN ('PN2', 'PN5'))), sum((r.participation_code IS NOT 'PN0' AND r.views_through_app = 1)) FROM `reviews` r
	WHERE r.kind = 'child_in_care' AND r.status = 'held' AND r.held_on IS NOT NULL GROUP BY 1;
--> statement-breakpoint
INSERT INTO `rating_month_counts` (`month`, `rated`, `kept`)
	SELECT strftime('%Y-%m', (updated_at / 1000) + CASE WHEN (updated_at / 1000) >= unixepoch(strftime('%Y', (updated_at / 1000), 'unixepoch') || '-03-25', 'weekday 0') + 3600 AND (updated_at / 1000) < unixepoch(strftime('%Y', (updated_at / 1000), 'unixepoch') || '-10-25', 'weekday 0') + 3600 THEN 3600 ELSE 0 END, 'unixepoch'), count(*), sum(`rating` = 'yes') FROM `promise_ratings` GROUP BY 1;