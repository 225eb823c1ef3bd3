// Source and tests import the framework seeds with every language, so there is nothing to fetch here.
// The app bundle carries only their English texts and swaps this module for one that fetches another
// language's texts as its own chunk, once, when an agent or requester needs it (scripts/framework-locales.ts).
import type { Framework } from './core/frameworks';

/** Makes the built-in frameworks' texts in these locales (or their nearest supported language) available; true when texts were added. */
export async function loadFrameworkLocales(_frameworks: readonly Framework[], _locales: readonly string[]): Promise<boolean> {
  return false;
}
