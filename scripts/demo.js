export {};
// `npm run demo`: build Hearth and start it with the Brightwater demo council in its own data folder.
if (process.env.NODE_ENV === 'production') {
	console.error('npm run demo refuses to run with NODE_ENV=production: demo people are not real.');
	process.exit(1);
}
process.env.HEARTH_DEMO = '1';
process.env.HEARTH_DATA_DIR ??= './data/demo';
if (!process.argv.includes('--no-build')) process.argv.push('--build');
await import('./serve.js');
