/**
 * The ports the browser tests use. HEARTH_E2E_PORT_OFFSET moves them all, so two checkouts on one
 * machine can run their browser tests at the same time.
 */
const offset = Number(process.env.HEARTH_E2E_PORT_OFFSET ?? 0);

/** A port of the test range: 4173 plus n, moved by the offset. */
export const port = (n: number) => 4173 + offset + n;

export const DEMO_PORT = port(0);
export const EMPTY_PORT = port(1);
export const DEMO_ORIGIN = `http://localhost:${DEMO_PORT}`;
export const EMPTY_ORIGIN = `http://localhost:${EMPTY_PORT}`;
