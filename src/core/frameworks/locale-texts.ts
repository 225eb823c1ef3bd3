// A framework's texts for one language as a flat list, in a fixed order, so a bundle can carry the
// English texts and fetch another language's only for the agents and requesters who need it.
import type { LocaleText } from './locale';

/** Every per-language record in a framework, depth first in key order (a record is an object with a string "en"). */
function eachText(value: unknown, visit: (text: LocaleText) => void): void {
  if (Array.isArray(value)) for (const v of value) eachText(v, visit);
  else if (value !== null && typeof value === 'object') {
    if (typeof (value as LocaleText).en === 'string') visit(value as LocaleText);
    else for (const v of Object.values(value)) eachText(v, visit);
  }
}

/** The texts of `locale` (null where a record lacks it), in the order addTexts expects. */
export function textsFor(framework: object, locale: string): Array<string | null> {
  const out: Array<string | null> = [];
  eachText(framework, (t) => out.push(t[locale] ?? null));
  return out;
}

/** A copy of the framework whose records keep only `locale`. */
export function onlyLocale<T extends object>(framework: T, locale: string): T {
  const copy = JSON.parse(JSON.stringify(framework)) as T;
  eachText(copy, (t) => {
    for (const key of Object.keys(t)) if (key !== locale) delete t[key];
  });
  return copy;
}

/** Puts the texts textsFor gave back into the framework's records. */
export function addTexts(framework: object, locale: string, texts: ReadonlyArray<string | null>): void {
  let i = 0;
  eachText(framework, (t) => {
    const text = texts[i++];
    if (text != null) t[locale] = text;
  });
}
