import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the table files of each module and of the platform, and
// applied identically to the embedded PGlite database and to a PostgreSQL server.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/*Tables.ts', './src/modules/**/*Tables.ts'],
  out: './migrations',
});
