/**
 * The hand-written scripts of pages without the framework, one file each in this folder, built by
 * vite.config.ts into a plain script at `/<name>.js`: the name pages load and the service worker
 * keeps.
 */
export const CLIENT_SCRIPTS = ['enhance', 'drafts', 'read-aloud'] as const;
