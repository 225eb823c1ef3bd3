// Zendesk's documented package rules, checked offline. The official checker (zendesk_apps_support,
// "ZAS") only runs on Zendesk's servers (zcli uploads the zip to /api/v2/apps/validate), so this
// reimplements the rules it applies to manifest.json, translations/, requirements.json and the files,
// plus the logo sizes our spine issue asks for. Source and rule names: zendesk_apps_support 4.52.0,
// lib/zendesk_apps_support/validations/*.rb.
import { formatPath, parseJson, type JsonPath } from './json';
import { forbiddenByContent, forbiddenByExtension, pngInfo, type ForbiddenType } from './sniff';

export interface Problem {
  /** Package-relative file the problem is in (or about). */
  file: string;
  /** Where in that file, for JSON files: `parameters[2].type`. */
  path?: string;
  message: string;
}

export interface ValidationResult {
  errors: Problem[];
  warnings: Problem[];
}

export interface ValidateOptions {
  /** Package paths that are symbolic links (the file map itself cannot say). */
  symlinks?: readonly string[];
}

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;
const FRAMEWORK_VERSION = '2.0';

const PRODUCTS: Record<string, string> = {
  support: 'support', zendesk: 'support', chat: 'chat', zopim: 'chat', standalone_chat: 'standalone_chat', lotus_box: 'standalone_chat', sell: 'sell',
};
const SUPPORT_LOCATIONS = [
  'top_bar', 'nav_bar', 'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'background', 'modal', 'ticket_editor', 'system_top_bar',
];
/** Only offered when Zendesk enables it for an account; it then needs `objectTypes`. */
const FLAGGED_SUPPORT_LOCATIONS = ['custom_object_record_sidebar'];
const LOCATION_OPTIONS = ['url', 'flexible', 'autoLoad', 'autoHide', 'signed', 'size', 'legacy', 'objectTypes'];

const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const PARAMETER_SCOPES = ['header', 'body', 'url', 'jwt_secret_key', 'jwt_claim', 'basic_auth_username', 'basic_auth_password'];
const PARAMETER_KEYS = ['name', 'type', 'required', 'secure', 'default', 'scopes'];
const SECRET_LOOKING_NAME = /token|key|pwd|password/i;

const MANIFEST_KEYS = [
  'name', 'author', 'defaultLocale', 'private', 'location', 'version', 'frameworkVersion', 'parameters', 'domainWhitelist', 'oauth',
  'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly', 'gaID', 'remoteInstallationURL', 'termsConditionsURL', 'experiments', 'noTemplate',
];
const MANIFEST_BOOLEANS = ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly'];
const MANIFEST_STRINGS = ['name', 'version', 'gaID', 'remoteInstallationURL', 'termsConditionsURL'];
const OAUTH_KEYS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri'];
const MARKETPLACE_EXPERIMENTS = ['hashParams', 'newCssCompiler'];

const REQUIREMENT_TYPES = [
  'automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields', 'triggers', 'user_fields',
  'organization_fields', 'webhooks', 'custom_objects_v2',
];
const REQUIREMENTS_WITH_TITLE = ['automations', 'macros', 'targets', 'views', 'ticket_fields', 'triggers', 'user_fields', 'organization_fields'];
const WEBHOOK_KEYS = ['name', 'status', 'endpoint', 'http_method', 'request_format'];
const MAX_REQUIREMENTS = 5000;

/** Accepted logo sizes: ours (128/64, spine issue) and Zendesk's marketplace/scaffold sizes (320/128). */
const LOGOS = [
  { file: 'assets/logo.png', sizes: [128, 320] },
  { file: 'assets/logo-small.png', sizes: [64, 128] },
];
const BANNER_SIZES = [[830, 200], [1660, 400]] as const;
const JUNK_FILE = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$|^__MACOSX\//;

const CONTENT_NAMES: Record<ForbiddenType, string> = {
  zip: 'a zip archive', gzip: 'gzip-compressed data', rar: 'a RAR archive', '7z': 'a 7-Zip archive', bz: 'bzip data', bz2: 'bzip2-compressed data',
  pdf: 'a PDF document', doc: 'an Office document', docx: 'a Word document', xls: 'an Excel workbook', xlsx: 'an Excel workbook', ppt: 'a PowerPoint deck',
  pptx: 'a PowerPoint deck', odt: 'an OpenDocument text', jar: 'a Java archive', bin: 'an executable program', sh: 'a shell script', csh: 'a C-shell script',
  mp3: 'MP3 audio', mpeg: 'MPEG video', avi: 'AVI video',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;

export function validatePackage(input: Map<string, Uint8Array>, options: ValidateOptions = {}): ValidationResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (file: string, path: JsonPath | string | undefined, message: string): Problem => {
    const where = typeof path === 'string' ? path : path && path.length > 0 ? formatPath(path) : undefined;
    return where ? { file, path: where, message } : { file, message };
  };
  const error = (file: string, path: JsonPath | string | undefined, message: string): void => void errors.push(at(file, path, message));
  const warn = (file: string, path: JsonPath | string | undefined, message: string): void => void warnings.push(at(file, path, message));

  // Zendesk and zcli ignore tmp/.
  const files = new Map([...input].filter(([name]) => !name.startsWith('tmp/')));

  checkFiles(files, options.symlinks ?? [], error, warn);

  const readJson = (file: string, duplicates: 'error' | 'warning'): { value: unknown } | undefined => {
    const bytes = files.get(file);
    if (!bytes) return undefined;
    const parsed = parseJson(bytes);
    if (!parsed.ok) {
      error(file, undefined, `${parsed.message}.`);
      return undefined;
    }
    for (const d of parsed.duplicates) {
      const report = duplicates === 'error' ? error : warn;
      report(file, [...d.path, d.key], `key "${d.key}" appears more than once (again on line ${d.line}); JSON keeps only the last one — remove the duplicate.`);
    }
    return { value: parsed.value };
  };

  const manifest = checkManifest(files, readJson('manifest.json', 'error'), error, warn);
  checkTranslations(files, manifest, readJson, error, warn);
  checkRequirements(files, manifest, readJson('requirements.json', 'error'), error);
  checkImages(files, error, warn);
  checkInsecureUrls(files, warn);
  return { errors, warnings };
}

type Report = (file: string, path: JsonPath | string | undefined, message: string) => void;

/** What the later checks need to know from the manifest (defaults when it is missing or broken). */
interface ManifestFacts {
  isPrivate: boolean;
  marketingOnly: boolean;
  requirementsOnly: boolean;
  /** Parameters whose labels the settings page shows. */
  labelledParameters: string[];
  allParameters: string[];
  products: string[];
}

function checkFiles(files: Map<string, Uint8Array>, symlinks: readonly string[], error: Report, warn: Report): void {
  for (const link of symlinks) error(link, undefined, 'symbolic link — Zendesk rejects packages with symlinks; copy the real file in its place.');
  for (const [name, bytes] of files) {
    if (name.startsWith('/') || name.split(/[/\\]/).includes('..') || name.includes('\\')) {
      error(name, undefined, 'not a safe relative path (absolute, "..", or backslashes) — zip the package from inside its folder.');
    }
    if (bytes.length >= MAX_FILE_BYTES) {
      error(name, undefined, `${megabytes(bytes.length)}; Zendesk rejects files of 2 MB or more — shrink or split it to under 2 MB.`);
    }
    const byName = forbiddenByExtension(name);
    const byContent = forbiddenByContent(bytes);
    if (byName) {
      error(name, undefined, `${byName} files are not allowed in a Zendesk app package — remove it (Zendesk blocks rar, zip, gzip, pdf, office documents, executables, shell scripts, jar, audio and video).`);
    } else if (byContent) {
      error(name, undefined, `contains ${CONTENT_NAMES[byContent]} (${byContent}) although its name says otherwise; Zendesk sniffs file contents and rejects ${byContent} — remove it or ship the content in an allowed format.`);
    }
    if (JUNK_FILE.test(name)) warn(name, undefined, 'operating-system clutter — leave it out of the package.');
  }
  if (!files.has('manifest.json')) {
    const nested = [...files.keys()].find((name) => name.endsWith('/manifest.json'));
    error(
      'manifest.json',
      undefined,
      nested
        ? `must be at the package root, but it is at ${nested} — zip the contents of ${nested.slice(0, -'/manifest.json'.length)}/, not the folder itself.`
        : 'missing from the package root — every Zendesk app needs one.',
    );
  }
}

function checkManifest(files: Map<string, Uint8Array>, parsed: { value: unknown } | undefined, error: Report, warn: Report): ManifestFacts {
  const facts: ManifestFacts = { isPrivate: true, marketingOnly: false, requirementsOnly: false, labelledParameters: [], allParameters: [], products: [] };
  if (!parsed) return facts;
  const file = 'manifest.json';
  const manifest = parsed.value;
  if (!isObject(manifest)) {
    error(file, undefined, `must be a JSON object, not ${describe(manifest)}.`);
    return facts;
  }

  for (const key of Object.keys(manifest)) {
    const suggestion = key.startsWith('_') || MANIFEST_KEYS.includes(key) ? undefined : didYouMean(key, MANIFEST_KEYS);
    if (suggestion) warn(file, [key], `"${key}" is not a manifest key Zendesk reads — did you mean "${suggestion}"?`);
  }
  for (const key of MANIFEST_BOOLEANS) {
    if (key in manifest && typeof manifest[key] !== 'boolean') error(file, [key], `must be true or false, not ${describe(manifest[key])}.`);
  }
  for (const key of MANIFEST_STRINGS) {
    if (key in manifest && typeof manifest[key] !== 'string') error(file, [key], `must be a string, not ${describe(manifest[key])}.`);
  }
  facts.isPrivate = manifest.private !== false; // Zendesk treats a missing "private" as true
  facts.marketingOnly = manifest.marketingOnly === true;
  facts.requirementsOnly = manifest.requirementsOnly === true;
  if (facts.marketingOnly && manifest.private === true) error(file, ['private'], 'a marketingOnly app cannot be private — set "private": false or drop marketingOnly.');
  if (typeof manifest.termsConditionsURL === 'string' && !isHttpUrl(manifest.termsConditionsURL)) {
    error(file, ['termsConditionsURL'], `"${manifest.termsConditionsURL}" must be an http(s) URL.`);
  }

  // author
  if (!('author' in manifest)) error(file, ['author'], 'required — add "author": {"name": "…", "email": "…"}.');
  else if (!isObject(manifest.author)) error(file, ['author'], `must be an object with name, email and url, not ${describe(manifest.author)}.`);
  else {
    for (const key of ['name', 'email', 'url']) {
      if (key in manifest.author && typeof manifest.author[key] !== 'string') error(file, ['author', key], `must be a string, not ${describe(manifest.author[key])}.`);
    }
    if (typeof manifest.author.url === 'string' && !isHttpUrl(manifest.author.url)) error(file, ['author', 'url'], `"${manifest.author.url}" must be an http(s) URL.`);
  }

  // defaultLocale
  if (!('defaultLocale' in manifest)) error(file, ['defaultLocale'], 'required — add "defaultLocale": "en".');
  else if (typeof manifest.defaultLocale !== 'string' || !LOCALE.test(manifest.defaultLocale)) {
    error(file, ['defaultLocale'], `${describe(manifest.defaultLocale)} is not a locale like "en" or "pt-BR".`);
  } else if (!files.has(`translations/${manifest.defaultLocale}.json`)) {
    error(file, ['defaultLocale'], `the default locale is "${manifest.defaultLocale}" but translations/${manifest.defaultLocale}.json is not in the package — add it.`);
  }

  // frameworkVersion and location: required, except for apps without a UI
  const noUi = facts.requirementsOnly || facts.marketingOnly;
  const kind = facts.requirementsOnly ? 'requirementsOnly' : 'marketingOnly';
  for (const key of ['frameworkVersion', 'location']) {
    if (noUi && key in manifest) error(file, [key], `not allowed: ${kind} apps have no UI — remove it.`);
    if (!noUi && !(key in manifest)) error(file, [key], `required${key === 'frameworkVersion' ? ` — add "frameworkVersion": "${FRAMEWORK_VERSION}"` : ''}.`);
  }
  if ('frameworkVersion' in manifest && manifest.frameworkVersion !== FRAMEWORK_VERSION) {
    error(file, ['frameworkVersion'], `${describe(manifest.frameworkVersion)} is not a served version; Zendesk serves only "${FRAMEWORK_VERSION}" — set "frameworkVersion": "${FRAMEWORK_VERSION}".`);
  }
  if ('location' in manifest && !noUi) facts.products = checkLocations(files, manifest.location, error, warn);

  // domainWhitelist, experiments, noTemplate
  if ('domainWhitelist' in manifest && !(Array.isArray(manifest.domainWhitelist) && manifest.domainWhitelist.every((d) => typeof d === 'string'))) {
    error(file, ['domainWhitelist'], 'must be an array of domain names (strings).');
  }
  if ('experiments' in manifest) {
    if (!isObject(manifest.experiments)) error(file, ['experiments'], `must be an object, not ${describe(manifest.experiments)}.`);
    else {
      for (const [name, enabled] of Object.entries(manifest.experiments)) {
        if (enabled && !MARKETPLACE_EXPERIMENTS.includes(name)) error(file, ['experiments', name], `experiment "${name}" cannot be enabled; only ${MARKETPLACE_EXPERIMENTS.join(' and ')} may be — remove it.`);
      }
    }
  }
  if (manifest.noTemplate === true || (Array.isArray(manifest.noTemplate) && manifest.noTemplate.length > 0)) {
    error(file, ['noTemplate'], 'noTemplate is a v1 setting and not allowed in a framework 2.0 app — remove it.');
  }

  // parameters
  const parameters = 'parameters' in manifest ? manifest.parameters : [];
  if (!Array.isArray(parameters)) error(file, ['parameters'], `must be an array of {name, type, …} objects, not ${describe(parameters)}.`);
  else {
    const checked = checkParameters(parameters, error, warn);
    facts.allParameters = checked.names;
    facts.labelledParameters = checked.labelled;
    checkOauth(manifest, checked.oauthCount, error);
  }
  return facts;
}

function checkLocations(files: Map<string, Uint8Array>, location: unknown, error: Report, warn: Report): string[] {
  const file = 'manifest.json';
  if (!isObject(location)) {
    error(file, ['location'], `must be an object like {"support": {"ticket_sidebar": {"url": "assets/iframe.html"}}}, not ${describe(location)} (the string/array form is v1 syntax).`);
    return [];
  }
  const products: string[] = [];
  const assetFiles = [...files.keys()].filter((name) => name.startsWith('assets/'));
  for (const [product, places] of Object.entries(location)) {
    const path = ['location', product];
    const canonical = PRODUCTS[product];
    if (!canonical) {
      const suggestion = didYouMean(product, Object.keys(PRODUCTS));
      error(file, path, `unknown product "${product}"${suggestion ? ` — did you mean "${suggestion}"?` : `; use one of ${Object.keys(PRODUCTS).join(', ')}.`}`);
      continue;
    }
    products.push(canonical);
    if (!isObject(places)) {
      error(file, path, `must map location names to URLs, not ${describe(places)}.`);
      continue;
    }
    if (Object.keys(places).length === 0) error(file, path, `names no locations — add one, e.g. "ticket_sidebar".`);
    for (const [name, value] of Object.entries(places)) {
      const where = [...path, name];
      // Location names are only checked for Support: the other products' lists were not verified.
      if (canonical === 'support' && !SUPPORT_LOCATIONS.includes(name)) {
        if (FLAGGED_SUPPORT_LOCATIONS.includes(name)) {
          warn(file, where, `${name} only works where Zendesk has enabled it for the account.`);
          if (!isObject(value) || !Array.isArray(value.objectTypes)) error(file, where, `${name} needs "objectTypes": [<custom object keys>].`);
        } else {
          const suggestion = didYouMean(name, SUPPORT_LOCATIONS);
          error(file, where, `unknown Support location "${name}"${suggestion ? ` — did you mean "${suggestion}"?` : `; use one of ${SUPPORT_LOCATIONS.join(', ')}.`}`);
          continue;
        }
      }
      let url: unknown;
      let autoLoad = true;
      if (typeof value === 'string') url = value;
      else if (isObject(value)) {
        url = value.url;
        for (const key of Object.keys(value)) {
          if (LOCATION_OPTIONS.includes(key)) continue;
          const suggestion = didYouMean(key, LOCATION_OPTIONS);
          warn(file, [...where, key], `"${key}" is not a location option Zendesk reads${suggestion ? ` — did you mean "${suggestion}"?` : ''}.`);
        }
        for (const key of ['flexible', 'autoLoad']) {
          if (key in value && typeof value[key] !== 'boolean') error(file, [...where, key], `must be true or false, not ${describe(value[key])}.`);
        }
        autoLoad = value.autoLoad !== false;
        if (!('url' in value)) url = '';
      } else {
        error(file, where, `a location must be a URL string or {"url": …}, not ${describe(value)}.`);
        continue;
      }
      if (typeof url !== 'string') {
        error(file, [...where, ...(isObject(value) ? ['url'] : [])], `must be a string, not ${describe(url)}.`);
        continue;
      }
      checkLocationUrl(url, autoLoad, [...where, ...(isObject(value) ? ['url'] : [])], files, assetFiles, error);
    }
  }
  return products;
}

function checkLocationUrl(url: string, autoLoad: boolean, where: JsonPath, files: Map<string, Uint8Array>, assetFiles: string[], error: Report): void {
  const file = 'manifest.json';
  if (url.includes('{{setting.')) return; // filled in from settings at install time; Zendesk does not check these
  if (url.trim() === '') {
    if (autoLoad) error(file, where, 'url is empty but the location loads automatically — point it at the app page, e.g. "assets/iframe.html".');
    return;
  }
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) {
    let parsed: URL;
    try {
      parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    } catch {
      error(file, where, `url "${url}" is not a valid URL.`);
      return;
    }
    if (url.startsWith('//')) error(file, where, `url "${url}" has no scheme — write "https:${url}".`);
    else if (parsed.protocol !== 'https:' && parsed.hostname !== 'localhost') {
      error(file, where, `url "${url}" must use https (only localhost may use http) — or ship the page in the package as "assets/…".`);
    }
    return;
  }
  const path = url.split(/[?#]/)[0]!;
  if (!path.startsWith('assets/')) {
    error(file, where, `relative url "${url}" must start with "assets/" — the package serves only files under assets/.`);
  } else if (!files.has(path)) {
    const suggestion = didYouMean(path, assetFiles);
    error(file, where, `url "${url}" points at ${path}, which is not in the package — ${suggestion ? `did you mean "${suggestion}"?` : 'build the app first (npm run build) or fix the path.'}`);
  }
}

function checkParameters(parameters: unknown[], error: Report, warn: Report): { names: string[]; labelled: string[]; oauthCount: number } {
  const file = 'manifest.json';
  const names: string[] = [];
  const labelled: string[] = [];
  let oauthCount = 0;
  parameters.forEach((parameter, index) => {
    const where: JsonPath = ['parameters', index];
    if (!isObject(parameter)) {
      error(file, where, `each parameter must be an object like {"name": "…", "type": "text"}, not ${describe(parameter)}.`);
      return;
    }
    const name = parameter.name;
    const label = typeof name === 'string' ? `parameter "${name}"` : `parameter ${index}`;
    if (typeof name !== 'string' || name.trim() === '') {
      error(file, [...where, 'name'], `${label} needs a non-empty string "name".`);
    } else {
      if (names.includes(name)) error(file, [...where, 'name'], `parameter name "${name}" is used twice — parameter names must be unique.`);
      if (name === 'name') error(file, [...where, 'name'], 'a parameter cannot be called "name" (Zendesk reserves it for the app name) — rename it.');
      names.push(name);
    }
    for (const key of Object.keys(parameter)) {
      if (PARAMETER_KEYS.includes(key)) continue;
      const suggestion = didYouMean(key, PARAMETER_KEYS);
      if (suggestion) warn(file, [...where, key], `${label}: "${key}" is not a parameter key Zendesk reads — did you mean "${suggestion}"?`);
    }
    const type = 'type' in parameter ? parameter.type : 'text';
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) {
      const hint =
        type === 'password' || type === 'secure'
          ? 'there is no password type; use "type": "text" with "secure": true'
          : typeof type === 'string' && didYouMean(type, PARAMETER_TYPES)
            ? `did you mean "${didYouMean(type, PARAMETER_TYPES)}"?`
            : `use one of ${PARAMETER_TYPES.join(', ')}`;
      error(file, [...where, 'type'], `${label} has type ${describe(type)}, which Zendesk does not know — ${hint}${hint.endsWith('?') ? '' : '.'}`);
    }
    if (type === 'oauth') oauthCount++;
    for (const key of ['required', 'secure']) {
      if (key in parameter && typeof parameter[key] !== 'boolean') error(file, [...where, key], `${label}: ${key} must be true or false, not ${describe(parameter[key])}.`);
    }
    const secure = parameter.secure === true;
    if (type === 'hidden' && parameter.required === true) error(file, [...where, 'required'], `${label} is hidden, so admins cannot fill it in — it cannot be required.`);
    if (type === 'text' && !secure && typeof name === 'string' && SECRET_LOOKING_NAME.test(name)) {
      warn(file, where, `${label} looks like it holds a secret but is not secure — add "secure": true so Zendesk keeps it out of the browser.`);
    }
    if ('default' in parameter && (secure || type === 'hidden')) warn(file, [...where, 'default'], `${label} is ${secure ? 'secure' : 'hidden'}; a default value is ignored there — remove it.`);
    if ('scopes' in parameter) {
      const scopes = parameter.scopes;
      if (!secure) error(file, [...where, 'scopes'], `${label} has scopes but is not secure — add "secure": true or remove scopes.`);
      if (!Array.isArray(scopes) || scopes.length === 0) error(file, [...where, 'scopes'], `${label}: scopes must be a non-empty array.`);
      else {
        for (const scope of scopes) {
          if (typeof scope !== 'string' || !PARAMETER_SCOPES.includes(scope)) error(file, [...where, 'scopes'], `${label}: unknown scope ${describe(scope)}; use ${PARAMETER_SCOPES.join(', ')}.`);
        }
      }
    } else if (secure) {
      warn(file, where, `${label} is secure but has no scopes — add "scopes" (e.g. ["header"]) to say where Zendesk may insert it.`);
    }
    if (typeof name === 'string' && type !== 'hidden') labelled.push(name);
  });
  if (oauthCount > 1) error(file, ['parameters'], `there are ${oauthCount} oauth parameters; an app may have only one.`);
  return { names, labelled, oauthCount };
}

function checkOauth(manifest: Json, oauthParameters: number, error: Report): void {
  const file = 'manifest.json';
  if (!('oauth' in manifest)) return;
  const oauth = manifest.oauth;
  if (!isObject(oauth)) {
    error(file, ['oauth'], `must be an object with ${OAUTH_KEYS.join(', ')}.`);
    return;
  }
  const missing = OAUTH_KEYS.filter((key) => typeof oauth[key] !== 'string' || oauth[key] === '');
  if (missing.length > 0) error(file, ['oauth'], `missing ${missing.join(', ')}.`);
  if (oauthParameters !== 1) error(file, ['parameters'], 'an app with oauth needs exactly one parameter of type "oauth".');
}

type ReadJson = (file: string, duplicates: 'error' | 'warning') => { value: unknown } | undefined;

function checkTranslations(files: Map<string, Uint8Array>, manifest: ManifestFacts, readJson: ReadJson, error: Report, warn: Report): void {
  let en: unknown;
  for (const name of files.keys()) {
    if (!name.startsWith('translations/')) continue;
    const match = /^translations\/([^/]+)\.json$/.exec(name);
    if (!match || !LOCALE.test(match[1]!)) {
      error(name, undefined, `not named translations/<locale>.json with a locale like "en" or "pt-BR" — rename or remove it.`);
      continue;
    }
    const parsed = readJson(name, 'warning');
    if (!parsed) continue;
    if (!isObject(parsed.value)) error(name, undefined, `must be a JSON object, not ${describe(parsed.value)}.`);
    else if (match[1] === 'en') en = parsed.value;
  }
  const file = 'translations/en.json';
  if (!files.has(file)) {
    error(file, undefined, 'missing — Zendesk takes the app name (app.name) from it.');
    return;
  }
  if (!isObject(en)) return;
  const app = isObject(en.app) ? en.app : undefined;
  if (!app) {
    error(file, ['app'], 'needs an "app" object with at least "name".');
    return;
  }
  if (!nonEmptyText(app.name)) error(file, ['app', 'name'], 'missing or empty — add the name admins see in the app list.');

  // Marketplace listing strings: required for public apps, expected by our spec for the private one too.
  const listing: [string, string, unknown][] = [
    ['short_description', 'a one-line summary', app.short_description ?? app.description],
    ['long_description', 'a paragraph about what the app does', app.long_description],
    ['installation_instructions', 'how to install and configure it', app.installation_instructions],
  ];
  for (const [key, what, value] of listing) {
    if (nonEmptyText(value)) continue;
    const message = `missing or empty — add ${what}.`;
    if (manifest.isPrivate) warn(file, ['app', key], `${message} (Zendesk requires it only for public apps.)`);
    else error(file, ['app', key], `${message} Zendesk requires it for public apps.`);
  }

  // Parameter labels: Zendesk requires a label where app.parameters.<name> exists; we require one for every
  // parameter admins see, so the settings page never shows a raw key. Hidden ones are never shown.
  const labels = app.parameters;
  if (labels !== undefined && !isObject(labels)) error(file, ['app', 'parameters'], `must be an object keyed by parameter name, not ${describe(labels)}.`);
  const labelMap = isObject(labels) ? labels : {};
  for (const name of manifest.labelledParameters) {
    const entry = labelMap[name];
    if (!isObject(entry) || !nonEmptyText(entry.label)) {
      error(file, ['app', 'parameters', name, 'label'], `parameter "${name}" has no label — add "app.parameters.${name}.label" (and a helpText) so admins know what to enter.`);
    } else if ('helpText' in entry && !nonEmptyText(entry.helpText)) {
      error(file, ['app', 'parameters', name, 'helpText'], `must be a non-empty string, not ${describe(entry.helpText)}.`);
    }
  }
  for (const name of Object.keys(labelMap)) {
    if (!manifest.allParameters.includes(name)) {
      const suggestion = didYouMean(name, manifest.allParameters);
      warn(file, ['app', 'parameters', name], `label for parameter "${name}", which manifest.json does not declare${suggestion ? ` — did you mean "${suggestion}"?` : ' — remove it or declare the parameter.'}`);
    }
  }
}

/** A translation leaf: a string, or Zendesk's `{title, value}` pair. */
function nonEmptyText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return isObject(value) && typeof value.value === 'string' && value.value.trim() !== '';
}

function checkRequirements(files: Map<string, Uint8Array>, manifest: ManifestFacts, parsed: { value: unknown } | undefined, error: Report): void {
  const file = 'requirements.json';
  if (!files.has(file)) {
    if (manifest.requirementsOnly) error(file, undefined, 'missing — requirementsOnly apps must include requirements.json.');
    return;
  }
  if (manifest.marketingOnly) error(file, undefined, 'not allowed: marketingOnly apps cannot have requirements — remove requirements.json.');
  if (manifest.products.length > 0 && manifest.products.every((p) => p === 'chat')) error(file, undefined, 'not allowed: Chat-only apps cannot have requirements — remove requirements.json.');
  if (!parsed) return;
  const requirements = parsed.value;
  if (!isObject(requirements)) {
    error(file, undefined, `must be a JSON object (use {} for none), not ${describe(requirements)}.`);
    return;
  }
  let total = 0;
  for (const [type, entries] of Object.entries(requirements)) {
    if (!REQUIREMENT_TYPES.includes(type)) {
      const suggestion = didYouMean(type, REQUIREMENT_TYPES);
      error(file, [type], `"${type}" is not a requirement type${suggestion ? ` — did you mean "${suggestion}"?` : `; use ${REQUIREMENT_TYPES.join(', ')}.`}`);
      continue;
    }
    if (!isObject(entries)) {
      error(file, [type], `must be an object mapping your identifiers to resources, like {"my_${type}": {…}}, not ${describe(entries)}.`);
      continue;
    }
    const list = Object.entries(entries);
    total += list.length;
    if (type === 'channel_integrations' && list.length > 1) error(file, [type], 'an app may have at most one channel integration.');
    for (const [id, entry] of list) {
      const where = [type, id];
      if (!isObject(entry)) {
        error(file, where, `must be an object, not ${describe(entry)}.`);
        continue;
      }
      if (REQUIREMENTS_WITH_TITLE.includes(type) && !nonEmptyString(entry.title)) error(file, [...where, 'title'], `missing — every ${type} requirement needs a "title".`);
      if ((type === 'user_fields' || type === 'organization_fields') && !nonEmptyString(entry.key)) error(file, [...where, 'key'], `missing — every ${type} requirement needs a "key".`);
      if (type === 'webhooks') {
        const missing = WEBHOOK_KEYS.filter((key) => !(key in entry));
        if (missing.length > 0) error(file, where, `missing ${missing.join(', ')}.`);
      }
      if (type === 'channel_integrations' && !nonEmptyString(entry.manifest_url)) error(file, [...where, 'manifest_url'], 'missing — a channel integration needs a "manifest_url".');
      if (type === 'targets' && (entry.type === 'http_target' || entry.type === 'url_target_v2')) {
        error(file, [...where, 'type'], `"${entry.type}" targets are no longer accepted — use a webhook requirement instead.`);
      }
      if (type === 'views') checkViewConditions(entry.conditions, [...where, 'conditions'], error);
    }
  }
  if (total > MAX_REQUIREMENTS) error(file, undefined, `declares ${total} requirements; the limit is ${MAX_REQUIREMENTS}.`);
}

const nonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** A view is created through the REST API, which needs `conditions.all`/`any` lists of {field, operator, value}. */
function checkViewConditions(conditions: unknown, where: JsonPath, error: Report): void {
  const file = 'requirements.json';
  const example = '{"all": [{"field": "current_tags", "operator": "includes", "value": "my_tag"}]}';
  if (!isObject(conditions)) {
    error(file, where, `a view needs "conditions" like ${example}${conditions === undefined ? '' : `, not ${describe(conditions)}`}.`);
    return;
  }
  let count = 0;
  for (const key of Object.keys(conditions)) {
    if (key !== 'all' && key !== 'any') error(file, [...where, key], `conditions may only have "all" and "any" — move these into one of them.`);
  }
  for (const key of ['all', 'any'] as const) {
    if (!(key in conditions)) continue;
    const list = conditions[key];
    if (!Array.isArray(list)) {
      error(file, [...where, key], `must be an array of {field, operator, value}, not ${describe(list)}.`);
      continue;
    }
    list.forEach((condition, index) => {
      count++;
      const missing = isObject(condition) ? ['field', 'operator'].filter((k) => !nonEmptyString(condition[k])).concat('value' in condition ? [] : ['value']) : [];
      if (!isObject(condition)) error(file, [...where, key, index], `each condition must be {field, operator, value}, not ${describe(condition)}.`);
      else if (missing.length > 0) error(file, [...where, key, index], `condition is missing ${missing.join(', ')} — write it as {field, operator, value}.`);
    });
  }
  if (count === 0) error(file, where, `a view needs at least one condition, like ${example}.`);
}

function checkImages(files: Map<string, Uint8Array>, error: Report, warn: Report): void {
  for (const { file, sizes } of LOGOS) {
    const bytes = files.get(file);
    const wanted = sizes.map((s) => `${s}×${s}`).join(' or ');
    if (!bytes) {
      error(file, undefined, `missing — Zendesk shows it in the app list; add a ${wanted} PNG (npm run logos).`);
      continue;
    }
    const png = pngInfo(bytes);
    if (!png) error(file, undefined, `not a PNG image — export it as PNG (npm run logos).`);
    else if (png.width !== png.height || !sizes.includes(png.width)) {
      error(file, undefined, `${png.width}×${png.height} pixels; it must be ${wanted} — re-export it (npm run logos).`);
    } else if (file === 'assets/logo-small.png' && !png.hasAlpha) {
      warn(file, undefined, `no transparency; Zendesk shows it on coloured bars — export it with a transparent background.`);
    }
  }
  const banner = files.get('assets/banner.png');
  if (banner) {
    const png = pngInfo(banner);
    if (!png || !BANNER_SIZES.some(([w, h]) => png.width === w && png.height === h)) {
      error('assets/banner.png', undefined, `must be a PNG of 830×200 or 1660×400 pixels${png ? `, not ${png.width}×${png.height}` : ''}.`);
    }
  }
  if (!files.has('assets/logo.svg')) error('assets/logo.svg', undefined, 'missing — commit the source art the PNG logos are made from.');
  for (const [name, bytes] of files) {
    if (!/^assets\/.*\.svg$/i.test(name)) continue;
    const svg = new TextDecoder().decode(bytes);
    if (!/<svg[\s>]/i.test(svg)) {
      error(name, undefined, 'not an SVG document (no <svg> element).');
      continue;
    }
    if (/<image[\s>/]/i.test(svg)) {
      const message = `embeds a bitmap (<image>); Zendesk replaces such SVGs with a placeholder logo — draw it with vector shapes only.`;
      if (name === 'assets/logo.svg') error(name, undefined, message);
      else warn(name, undefined, message);
    }
    if (/<script[\s>]|\son[a-z]+\s*=/i.test(svg)) warn(name, undefined, `has scripts or event handlers; Zendesk strips them when it sanitises SVGs — remove them.`);
  }
}

/** Zendesk warns about plain-http URLs in scripts and pages; XML namespace names are identifiers, not requests. */
function checkInsecureUrls(files: Map<string, Uint8Array>, warn: Report): void {
  for (const [name, bytes] of files) {
    if (!/\.(js|html?)$/i.test(name)) continue;
    const text = new TextDecoder().decode(bytes);
    const urls = [...text.matchAll(/http:\/\/[^\s"'`)<>]+/g)]
      .map((m) => m[0])
      .filter((url) => !/^http:\/\/(www\.w3\.org|localhost|127\.0\.0\.1)([/:]|$)/.test(url));
    if (urls.length > 0) warn(name, undefined, `${urls.length} plain http:// URL(s), e.g. ${urls[0]} — use https.`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)`;
}

/** The closest candidate within a couple of edits, for "did you mean" hints. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** `manifest.json › parameters[0].type: …` — the file, where in it, then what is wrong and how to fix it. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.path ? ` › ${problem.path}` : ''}: ${problem.message}`;
}
