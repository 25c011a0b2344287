import { defineConfig } from 'drizzle-kit';

// Only used to generate migrations (npm run db:generate); the app applies them itself at start.
export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'data/hearth.db' },
	verbose: true,
	strict: true
});
