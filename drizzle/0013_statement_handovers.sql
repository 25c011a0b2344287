CREATE TABLE `statement_handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`statement_id` text NOT NULL,
	`from_id` text NOT NULL,
	`to_id` text NOT NULL,
	`by_id` text NOT NULL,
	`note_sealed` text NOT NULL,
	`client_key` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_handovers_statement_idx` ON `statement_handovers` (`statement_id`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `statement_handovers_client_key_idx` ON `statement_handovers` (`statement_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `statement_handovers_from_idx` ON `statement_handovers` (`from_id`);--> statement-breakpoint
CREATE INDEX `statement_handovers_to_idx` ON `statement_handovers` (`to_id`);--> statement-breakpoint
CREATE INDEX `statement_handovers_by_idx` ON `statement_handovers` (`by_id`);