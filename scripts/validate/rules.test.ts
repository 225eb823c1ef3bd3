import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { gzipSync, zipSync } from 'fflate';
import { readPackageDir } from './files';
import { formatProblem, validatePackage, type ValidationResult } from './rules';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const json = (value: unknown): Uint8Array => text(JSON.stringify(value, null, 2));
const png = (width: number, height = width): Uint8Array => new Uint8Array(PNG.sync.write(new PNG({ width, height })));

const MANIFEST = {
  name: 'Defuse',
  author: { name: 'Defuse', email: 'support@defuse.app', url: 'https://defuse.app' },
  defaultLocale: 'en',
  private: true,
  frameworkVersion: '2.0',
  location: { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: true } } },
  parameters: [{ name: 'tag_prefix', type: 'text', default: 'defuse_' }],
};
const EN = {
  app: {
    name: 'Defuse',
    short_description: 'Calmer replies.',
    long_description: 'Shows how tense a ticket is.',
    installation_instructions: 'Upload it as a private app.',
    parameters: { tag_prefix: { label: 'Tag prefix', helpText: 'Prefix of the tags Defuse sets.' } },
  },
};

/** A small package that passes every rule; tests break one thing at a time. */
function validPackage(): Map<string, Uint8Array> {
  return new Map([
    ['manifest.json', json(MANIFEST)],
    ['translations/en.json', json(EN)],
    ['requirements.json', json({})],
    ['assets/iframe.html', text('<!doctype html><script src="app.js"></script>')],
    ['assets/app.js', text('console.log(1)')],
    ['assets/logo.png', png(128)],
    ['assets/logo-small.png', png(64)],
    ['assets/logo.svg', text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><circle cx="9" cy="9" r="8"/></svg>')],
  ]);
}

function withChanges(changes: Record<string, Uint8Array | null>): Map<string, Uint8Array> {
  const files = validPackage();
  for (const [name, bytes] of Object.entries(changes)) {
    if (bytes === null) files.delete(name);
    else files.set(name, bytes);
  }
  return files;
}

/** Errors and warnings as the CLI prints them. */
function problems(result: ValidationResult): { errors: string[]; warnings: string[] } {
  return { errors: result.errors.map(formatProblem), warnings: result.warnings.map(formatProblem) };
}
const errorsOf = (files: Map<string, Uint8Array>): string[] => problems(validatePackage(files)).errors;

describe('a valid package', () => {
  test('passes with no errors or warnings', () => {
    expect(validatePackage(validPackage())).toEqual({ errors: [], warnings: [] });
  });

  test('accepts the marketplace logo sizes and a location served from localhost', () => {
    const files = withChanges({
      'assets/logo.png': png(320),
      'assets/logo-small.png': png(128),
      'manifest.json': json({ ...MANIFEST, location: { support: { ticket_sidebar: 'http://localhost:4567/', new_ticket_sidebar: 'https://example.com/app' } } }),
    });
    expect(problems(validatePackage(files))).toEqual({ errors: [], warnings: [] });
  });
});

describe('translations', () => {
  test('missing en.json keys', () => {
    const en = { app: { parameters: { tag_prefx: { label: 'Tag prefix' } } } };
    expect(problems(validatePackage(withChanges({ 'translations/en.json': json(en) })))).toMatchInlineSnapshot(`
      {
        "errors": [
          "translations/en.json › app.name: missing or empty — add the name admins see in the app list.",
          "translations/en.json › app.parameters.tag_prefix.label: parameter "tag_prefix" has no label — add "app.parameters.tag_prefix.label" (and a helpText) so admins know what to enter.",
        ],
        "warnings": [
          "translations/en.json › app.short_description: missing or empty — add a one-line summary. (Zendesk requires it only for public apps.)",
          "translations/en.json › app.long_description: missing or empty — add a paragraph about what the app does. (Zendesk requires it only for public apps.)",
          "translations/en.json › app.installation_instructions: missing or empty — add how to install and configure it. (Zendesk requires it only for public apps.)",
          "translations/en.json › app.parameters.tag_prefx: label for parameter "tag_prefx", which manifest.json does not declare — did you mean "tag_prefix"?",
        ],
      }
    `);
  });

  test('a public app must have the marketplace strings', () => {
    const files = withChanges({ 'manifest.json': json({ ...MANIFEST, private: false }), 'translations/en.json': json({ app: { name: 'Defuse', parameters: EN.app.parameters } }) });
    expect(errorsOf(files)).toMatchInlineSnapshot(`
      [
        "translations/en.json › app.short_description: missing or empty — add a one-line summary. Zendesk requires it for public apps.",
        "translations/en.json › app.long_description: missing or empty — add a paragraph about what the app does. Zendesk requires it for public apps.",
        "translations/en.json › app.installation_instructions: missing or empty — add how to install and configure it. Zendesk requires it for public apps.",
      ]
    `);
  });

  test('missing en.json and the default locale file, badly named locale files', () => {
    const files = withChanges({ 'translations/en.json': null, 'translations/english.json': json({}), 'translations/fr.json': text('[]') });
    expect(errorsOf(files)).toMatchInlineSnapshot(`
      [
        "manifest.json › defaultLocale: the default locale is "en" but translations/en.json is not in the package — add it.",
        "translations/english.json: not named translations/<locale>.json with a locale like "en" or "pt-BR" — rename or remove it.",
        "translations/fr.json: must be a JSON object, not an array.",
        "translations/en.json: missing — Zendesk takes the app name (app.name) from it.",
      ]
    `);
  });
});

describe('logos', () => {
  test('wrong logo size', () => {
    expect(errorsOf(withChanges({ 'assets/logo.png': png(100), 'assets/logo-small.png': png(64, 32) }))).toMatchInlineSnapshot(`
      [
        "assets/logo.png: 100×100 pixels; it must be 128×128 or 320×320 — re-export it (npm run logos).",
        "assets/logo-small.png: 64×32 pixels; it must be 64×64 or 128×128 — re-export it (npm run logos).",
      ]
    `);
  });

  test('missing logos, a JPEG named .png, and an SVG with an embedded bitmap', () => {
    const files = withChanges({
      'assets/logo.png': null,
      'assets/logo-small.png': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      'assets/logo.svg': text('<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AAAA"/></svg>'),
    });
    expect(errorsOf(files)).toMatchInlineSnapshot(`
      [
        "assets/logo.png: missing — Zendesk shows it in the app list; add a 128×128 or 320×320 PNG (npm run logos).",
        "assets/logo-small.png: not a PNG image — export it as PNG (npm run logos).",
        "assets/logo.svg: embeds a bitmap (<image>); Zendesk replaces such SVGs with a placeholder logo — draw it with vector shapes only.",
      ]
    `);
  });

  test('a small logo without transparency is a warning', () => {
    const opaque = new Uint8Array(PNG.sync.write(new PNG({ width: 64, height: 64 }), { colorType: 2 }));
    expect(problems(validatePackage(withChanges({ 'assets/logo-small.png': opaque })))).toMatchInlineSnapshot(`
      {
        "errors": [],
        "warnings": [
          "assets/logo-small.png: no transparency; Zendesk shows it on coloured bars — export it with a transparent background.",
        ],
      }
    `);
  });
});

describe('parameters', () => {
  test('bad parameter type', () => {
    const manifest = { ...MANIFEST, parameters: [{ name: 'api_pwd', type: 'password' }, { name: 'limit', type: 'numbr' }, { name: 'mode', type: 'select' }] };
    const en = { app: { ...EN.app, parameters: { api_pwd: { label: 'Password' }, limit: { label: 'Limit' }, mode: { label: 'Mode' } } } };
    expect(errorsOf(withChanges({ 'manifest.json': json(manifest), 'translations/en.json': json(en) }))).toMatchInlineSnapshot(`
      [
        "manifest.json › parameters[0].type: parameter "api_pwd" has type string "password", which Zendesk does not know — there is no password type; use "type": "text" with "secure": true.",
        "manifest.json › parameters[1].type: parameter "limit" has type string "numbr", which Zendesk does not know — did you mean "number"?",
        "manifest.json › parameters[2].type: parameter "mode" has type string "select", which Zendesk does not know — use one of text, checkbox, url, number, multiline, hidden, oauth.",
      ]
    `);
  });

  test('duplicate, reserved, hidden+required, non-boolean flags, secrets', () => {
    const manifest = {
      ...MANIFEST,
      parameters: [
        { name: 'tag_prefix', type: 'text' },
        { name: 'tag_prefix', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'internal', type: 'hidden', required: true },
        { name: 'strict', type: 'checkbox', required: 'yes' },
        { name: 'api_token', type: 'text' },
      ],
    };
    const en = { app: { ...EN.app, parameters: { tag_prefix: { label: 'Tag prefix' }, name: { label: 'Name' }, strict: { label: 'Strict' }, api_token: { label: 'Token' } } } };
    expect(problems(validatePackage(withChanges({ 'manifest.json': json(manifest), 'translations/en.json': json(en) })))).toMatchInlineSnapshot(`
      {
        "errors": [
          "manifest.json › parameters[1].name: parameter name "tag_prefix" is used twice — parameter names must be unique.",
          "manifest.json › parameters[2].name: a parameter cannot be called "name" (Zendesk reserves it for the app name) — rename it.",
          "manifest.json › parameters[3].required: parameter "internal" is hidden, so admins cannot fill it in — it cannot be required.",
          "manifest.json › parameters[4].required: parameter "strict": required must be true or false, not string "yes".",
        ],
        "warnings": [
          "manifest.json › parameters[5]: parameter "api_token" looks like it holds a secret but is not secure — add "secure": true so Zendesk keeps it out of the browser.",
        ],
      }
    `);
  });
});

describe('manifest', () => {
  test('location file missing', () => {
    const manifest = { ...MANIFEST, location: { support: { ticket_sidebar: { url: 'assets/ifame.html' }, new_ticket_sidebar: 'assets/main.html' } } };
    expect(errorsOf(withChanges({ 'manifest.json': json(manifest) }))).toMatchInlineSnapshot(`
      [
        "manifest.json › location.support.ticket_sidebar.url: url "assets/ifame.html" points at assets/ifame.html, which is not in the package — did you mean "assets/iframe.html"?",
        "manifest.json › location.support.new_ticket_sidebar: url "assets/main.html" points at assets/main.html, which is not in the package — did you mean "assets/iframe.html"?",
      ]
    `);
  });

  test('bad locations, URLs and framework version', () => {
    const manifest = {
      ...MANIFEST,
      frameworkVersion: '2',
      location: {
        support: { ticket_sidbar: 'assets/iframe.html', user_sidebar: { url: 'http://example.com/app', flexible: 'yes' }, background: 'iframe.html' },
        zendesk_crm: { ticket_sidebar: 'assets/iframe.html' },
      },
    };
    expect(errorsOf(withChanges({ 'manifest.json': json(manifest) }))).toMatchInlineSnapshot(`
      [
        "manifest.json › frameworkVersion: string "2" is not a served version; Zendesk serves only "2.0" — set "frameworkVersion": "2.0".",
        "manifest.json › location.support.ticket_sidbar: unknown Support location "ticket_sidbar" — did you mean "ticket_sidebar"?",
        "manifest.json › location.support.user_sidebar.flexible: must be true or false, not string "yes".",
        "manifest.json › location.support.user_sidebar.url: url "http://example.com/app" must use https (only localhost may use http) — or ship the page in the package as "assets/…".",
        "manifest.json › location.support.background: relative url "iframe.html" must start with "assets/" — the package serves only files under assets/.",
        "manifest.json › location.zendesk_crm: unknown product "zendesk_crm"; use one of support, zendesk, chat, zopim, standalone_chat, lotus_box, sell.",
      ]
    `);
  });

  test('required keys and types', () => {
    const manifest = { location: MANIFEST.location, defaultLocale: 'english', private: 'yes', parameters: {}, domainWhitelist: 'example.com' };
    expect(errorsOf(withChanges({ 'manifest.json': json(manifest) }))).toMatchInlineSnapshot(`
      [
        "manifest.json › private: must be true or false, not string "yes".",
        "manifest.json › author: required — add "author": {"name": "…", "email": "…"}.",
        "manifest.json › defaultLocale: string "english" is not a locale like "en" or "pt-BR".",
        "manifest.json › frameworkVersion: required — add "frameworkVersion": "2.0".",
        "manifest.json › domainWhitelist: must be an array of domain names (strings).",
        "manifest.json › parameters: must be an array of {name, type, …} objects, not an object.",
      ]
    `);
  });

  test('duplicate manifest key', () => {
    const source = new TextDecoder().decode(json(MANIFEST)).replace('"private": true,', '"private": true,\n  "private": false,');
    expect(errorsOf(withChanges({ 'manifest.json': text(source) }))).toMatchInlineSnapshot(`
      [
        "manifest.json › private: key "private" appears more than once (again on line 10); JSON keeps only the last one — remove the duplicate.",
      ]
    `);
  });

  test('broken JSON says where', () => {
    expect(errorsOf(withChanges({ 'manifest.json': text('{\n  "name": "Defuse",\n  "author": {}\n  "x": 1\n}') }))).toMatchInlineSnapshot(`
      [
        "manifest.json: not valid JSON: Expected ',' or '}' after property value at line 4, column 3 — fix the syntax.",
      ]
    `);
  });

  test('manifest not at the package root', () => {
    const nested = new Map([...validPackage()].map(([name, bytes]) => [`defuse/${name}`, bytes]));
    expect(errorsOf(nested)[0]).toMatchInlineSnapshot(`"manifest.json: must be at the package root, but it is at defuse/manifest.json — zip the contents of defuse/, not the folder itself."`);
  });
});

describe('requirements.json', () => {
  test('bad requirements key, missing titles and keys, malformed view conditions', () => {
    const requirements = {
      view: {},
      ticket_fields: { level: { type: 'tagger' } },
      user_fields: { vip: { title: 'VIP', type: 'checkbox' } },
      views: {
        heated: { title: 'Heated tickets', conditions: { all: [{ field: 'current_tags', operator: 'includes', value: 'defuse_heated' }] } },
        tense: { title: 'Tense tickets' },
        calm: { title: 'Calm', conditions: { all: [{ field: 'current_tags', value: 'x' }], none: [] } },
      },
    };
    expect(errorsOf(withChanges({ 'requirements.json': json(requirements) }))).toMatchInlineSnapshot(`
      [
        "requirements.json › view: "view" is not a requirement type — did you mean "views"?",
        "requirements.json › ticket_fields.level.title: missing — every ticket_fields requirement needs a "title".",
        "requirements.json › user_fields.vip.key: missing — every user_fields requirement needs a "key".",
        "requirements.json › views.tense.conditions: a view needs "conditions" like {"all": [{"field": "current_tags", "operator": "includes", "value": "my_tag"}]}.",
        "requirements.json › views.calm.conditions.none: conditions may only have "all" and "any" — move these into one of them.",
        "requirements.json › views.calm.conditions.all[0]: condition is missing operator — write it as {field, operator, value}.",
      ]
    `);
  });

  test('duplicate keys and a non-object file', () => {
    expect(errorsOf(withChanges({ 'requirements.json': text('{"views": {}, "views": {}}') }))).toMatchInlineSnapshot(`
      [
        "requirements.json › views: key "views" appears more than once (again on line 1); JSON keeps only the last one — remove the duplicate.",
      ]
    `);
    expect(errorsOf(withChanges({ 'requirements.json': text('[]') }))).toMatchInlineSnapshot(`
      [
        "requirements.json: must be a JSON object (use {} for none), not an array.",
      ]
    `);
  });
});

describe('files', () => {
  test('forbidden file type by extension', () => {
    const files = withChanges({ 'assets/model.zip': zipSync({ 'a.txt': text('a') }), 'assets/install.sh': text('echo hi'), 'assets/guide.pdf': text('%PDF-1.4') });
    expect(errorsOf(files)).toMatchInlineSnapshot(`
      [
        "assets/model.zip: zip files are not allowed in a Zendesk app package — remove it (Zendesk blocks rar, zip, gzip, pdf, office documents, executables, shell scripts, jar, audio and video).",
        "assets/install.sh: sh files are not allowed in a Zendesk app package — remove it (Zendesk blocks rar, zip, gzip, pdf, office documents, executables, shell scripts, jar, audio and video).",
        "assets/guide.pdf: pdf files are not allowed in a Zendesk app package — remove it (Zendesk blocks rar, zip, gzip, pdf, office documents, executables, shell scripts, jar, audio and video).",
      ]
    `);
  });

  test('forbidden file type by content, whatever the name', () => {
    const files = withChanges({
      'assets/model.png': gzipSync(text('weights')),
      'assets/data.json': zipSync({ 'a.txt': text('a') }),
      'assets/run.js': text('#!/bin/bash\necho hi'),
    });
    expect(errorsOf(files)).toMatchInlineSnapshot(`
      [
        "assets/model.png: contains gzip-compressed data (gzip) although its name says otherwise; Zendesk sniffs file contents and rejects gzip — remove it or ship the content in an allowed format.",
        "assets/data.json: contains a zip archive (zip) although its name says otherwise; Zendesk sniffs file contents and rejects zip — remove it or ship the content in an allowed format.",
        "assets/run.js: contains a shell script (sh) although its name says otherwise; Zendesk sniffs file contents and rejects sh — remove it or ship the content in an allowed format.",
      ]
    `);
  });

  test('file over 2 MB', () => {
    const files = withChanges({ 'assets/app.js': new Uint8Array(2 * 1024 * 1024).fill(0x20), 'assets/almost.js': new Uint8Array(2 * 1024 * 1024 - 1).fill(0x20) });
    expect(errorsOf(files)).toMatchInlineSnapshot(`
      [
        "assets/app.js: 2.00 MB (2097152 bytes); Zendesk rejects files of 2 MB or more — shrink or split it to under 2 MB.",
      ]
    `);
  });

  test('symlinks, unsafe paths, clutter and plain-http URLs', () => {
    const files = withChanges({ '../evil.js': text(''), '.DS_Store': text(''), 'assets/app.js': text('fetch("http://api.example.com/x"); const ns = "http://www.w3.org/2000/svg";') });
    expect(problems(validatePackage(files, { symlinks: ['assets/linked.js'] }))).toMatchInlineSnapshot(`
      {
        "errors": [
          "assets/linked.js: symbolic link — Zendesk rejects packages with symlinks; copy the real file in its place.",
          "../evil.js: not a safe relative path (absolute, "..", or backslashes) — zip the package from inside its folder.",
        ],
        "warnings": [
          ".DS_Store: operating-system clutter — leave it out of the package.",
          "assets/app.js: 1 plain http:// URL(s), e.g. http://api.example.com/x — use https.",
        ],
      }
    `);
  });

  test('tmp/ is ignored, as Zendesk does', () => {
    expect(validatePackage(withChanges({ 'tmp/app-1.zip': zipSync({}) })).errors).toEqual([]);
  });
});

describe('the real package', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));

  /** The package `npm run build` makes from the repo, without building: the app bundle is a stand-in. */
  async function repoPackage(): Promise<Map<string, Uint8Array>> {
    const files = new Map<string, Uint8Array>();
    files.set('manifest.json', new Uint8Array(await readFile(join(root, 'manifest.json'))));
    if (existsSync(join(root, 'requirements.json'))) files.set('requirements.json', new Uint8Array(await readFile(join(root, 'requirements.json'))));
    // The build keeps only the marketplace strings (`app.*`) of each translation file.
    const translations = await readPackageDir(join(root, 'translations'));
    for (const [name, bytes] of translations.files) {
      const all = JSON.parse(new TextDecoder().decode(bytes)) as { app?: unknown };
      if (all.app) files.set(`translations/${name}`, json({ app: all.app }));
    }
    for (const [name, bytes] of (await readPackageDir(join(root, 'assets'))).files) files.set(`assets/${name}`, bytes);
    files.set('assets/iframe.html', text('<!doctype html><script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script><script src="app.js"></script>'));
    files.set('assets/app.js', text('"use strict";'));
    files.set('assets/app.css', text('body{margin:0}'));
    return files;
  }

  test('manifest.json, translations, requirements.json and assets/ pass every rule', async () => {
    expect(problems(validatePackage(await repoPackage()))).toEqual({ errors: [], warnings: [] });
  });
});
