import { resolve } from '$app/paths';
import type { Pathname } from '$app/types';

/**
 * resolve() for a path kept in a variable. Once a route has parameters, the union of every
 * pathname is too wide for resolve()'s overloads, though each value is a real path.
 */
export function resolvePath(path: Pathname): string {
	return (resolve as (path: string) => string)(path);
}
