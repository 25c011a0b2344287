CREATE TABLE `sign_in_address_failures` (
	`address` text NOT NULL,
	`subject` text NOT NULL,
	`last_failure_at` integer NOT NULL,
	PRIMARY KEY(`address`, `subject`)
);
--> statement-breakpoint
CREATE INDEX `sign_in_address_failures_at_idx` ON `sign_in_address_failures` (`last_failure_at`);