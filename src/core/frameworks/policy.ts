// Which frameworks each brand may use, from the frameworks_policy setting. Never throws: a broken part
// falls back to its default (all frameworks allowed) and yields a problem an admin can act on.
import { didYouMean, pathOf } from '../text/hints';
import type { Framework, Problem } from './schema';

export interface PolicyRule {
  allowed: string[] | '*';
  default?: string;
}
export interface FrameworksPolicy {
  /** Keyed by brand id or brand name. */
  brands: Record<string, { allowed: string[]; default?: string }>;
  fallback: PolicyRule;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const near = (value: string, candidates: readonly string[]) => {
  const m = didYouMean(value, candidates);
  return m ? ` — did you mean "${m}"?` : '';
};

function unknownKeys(v: Record<string, unknown>, known: string[], path: string, problems: Problem[]): void {
  for (const key of Object.keys(v)) {
    if (!known.includes(key)) problems.push({ path: pathOf(path, [key]), message: `unknown key${near(key, known) || ` — use ${known.join(' or ')}`}` });
  }
}

function readRule(raw: unknown, path: string, knownIds: string[], problems: Problem[]): PolicyRule {
  if (!isObject(raw)) {
    problems.push({ path, message: 'expected an object like {"allowed": ["options"], "default": "options"}; all frameworks are allowed' });
    return { allowed: '*' };
  }
  unknownKeys(raw, ['allowed', 'default'], path, problems);
  const rule: PolicyRule = { allowed: '*' };
  const allowed = raw.allowed;
  if (Array.isArray(allowed)) {
    const kept: string[] = [];
    allowed.forEach((id, i) => {
      const at = pathOf(path, ['allowed', i]);
      if (typeof id !== 'string') problems.push({ path: at, message: `expected a framework id (a string), got ${JSON.stringify(id)}` });
      else if (!knownIds.includes(id)) problems.push({ path: at, message: `unknown framework "${id}"${near(id, knownIds) || ` — known: ${knownIds.join(', ')}`}` });
      else if (!kept.includes(id)) kept.push(id);
    });
    // A list whose every entry was wrong is a typo, not "no frameworks": fall back to all.
    if (kept.length || !allowed.length) rule.allowed = kept;
  } else if (allowed !== '*' && allowed !== undefined) {
    problems.push({ path: pathOf(path, ['allowed']), message: 'expected a list of framework ids, e.g. ["options", "follow-up"], or "*" for all; all frameworks are allowed' });
  }
  const def = raw.default;
  if (def !== undefined && def !== null && def !== '') {
    const at = pathOf(path, ['default']);
    if (typeof def !== 'string') problems.push({ path: at, message: `expected a framework id (a string), got ${JSON.stringify(def)}` });
    else if (!knownIds.includes(def)) problems.push({ path: at, message: `unknown framework "${def}"${near(def, knownIds)}` });
    else if (rule.allowed !== '*' && !rule.allowed.includes(def)) problems.push({ path: at, message: `"${def}" is not in allowed — add it there or pick one of ${rule.allowed.join(', ') || 'the allowed ids'}` });
    else rule.default = def;
  }
  return rule;
}

/** The policy from the setting (an object, or the JSON string Zendesk hands over); problems say where and how to fix. */
export function parseFrameworksPolicy(raw: unknown, knownIds: string[]): { policy: FrameworksPolicy; problems: Problem[] } {
  const problems: Problem[] = [];
  const policy: FrameworksPolicy = { brands: {}, fallback: { allowed: '*' } };
  let value = raw;
  if (typeof value === 'string') {
    if (!value.trim()) return { policy, problems };
    try {
      value = JSON.parse(value);
    } catch (error) {
      problems.push({ path: '', message: `not valid JSON (${(error as Error).message}); all frameworks are allowed` });
      return { policy, problems };
    }
  }
  if (value === undefined || value === null) return { policy, problems };
  if (!isObject(value)) {
    problems.push({ path: '', message: 'expected an object like {"brands": {"acme": {"allowed": ["options"]}}, "fallback": {"allowed": "*"}}; all frameworks are allowed' });
    return { policy, problems };
  }
  unknownKeys(value, ['brands', 'fallback'], '', problems);
  if (isObject(value.brands)) {
    for (const [brand, rule] of Object.entries(value.brands)) {
      if (brand === '__proto__') continue;
      const read = readRule(rule, pathOf('brands', [brand]), knownIds, problems);
      policy.brands[brand] = { ...read, allowed: read.allowed === '*' ? [...knownIds] : read.allowed };
    }
  } else if (value.brands !== undefined) {
    problems.push({ path: 'brands', message: 'expected an object keyed by brand id or name, e.g. {"acme": {"allowed": ["options"]}}' });
  }
  if (value.fallback !== undefined) policy.fallback = readRule(value.fallback, 'fallback', knownIds, problems);
  return { policy, problems };
}

/** The frameworks a brand may use (in the order given) and its default; brands not listed use the fallback. */
export function allowedFrameworks(all: Framework[], policy: FrameworksPolicy, brand: { id: string; name: string } | null): { frameworks: Framework[]; defaultId: string | null } {
  const key = (s: string) => s.trim().toLowerCase();
  const brands = Object.entries(policy.brands);
  const entry = brand ? (brands.find(([k]) => k === String(brand.id)) ?? brands.find(([k]) => key(k) === key(brand.name) || key(k) === key(String(brand.id))))?.[1] : undefined;
  const rule: PolicyRule = entry ?? policy.fallback;
  const frameworks = rule.allowed === '*' ? all : all.filter((f) => rule.allowed.includes(f.id));
  return { frameworks, defaultId: frameworks.some((f) => f.id === rule.default) ? rule.default! : null };
}
