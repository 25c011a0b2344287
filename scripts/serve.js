// Start the built Hearth server on plain http for this machine, with sensible local defaults.
// In production put Hearth behind https and set ORIGIN (or PROTOCOL_HEADER/HOST_HEADER) yourself.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

if (!existsSync('build/index.js') || process.argv.includes('--build')) {
	console.log('Building Hearth (first start only)...');
	execSync('npx vite build', { stdio: 'inherit' });
}

await import(new URL('../build/index.js', import.meta.url).href);
console.log(`Hearth is running at ${process.env.ORIGIN}`);
