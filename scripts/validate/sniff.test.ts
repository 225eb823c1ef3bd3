import { gzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { forbiddenByContent, forbiddenByExtension, pngInfo } from './sniff';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('forbiddenByContent flags', () => {
  test.each([
    ['zip', zipSync({ 'a.txt': bytes('a') })],
    ['docx', zipSync({ '[Content_Types].xml': bytes('<x/>'), 'word/document.xml': bytes('<x/>') })],
    ['jar', zipSync({ 'META-INF/MANIFEST.MF': bytes('Manifest-Version: 1.0') })],
    ['gzip', gzipSync(bytes('weights'))],
    ['pdf', bytes('%PDF-1.7\n')],
    ['rar', bytes('Rar!\x1a\x07\x01\x00')],
    ['7z', bytes("7z\xbc\xaf'\x1c\x00\x04")],
    ['bz2', bytes('BZh91AY&SY')],
    ['doc', bytes('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00')],
    ['avi', bytes('RIFF\x00\x00\x00\x00AVI LIST')],
    ['mp3', bytes('ID3\x04\x00')],
    ['mpeg', bytes('\x00\x00\x01\xba\x44')],
    ['bin', bytes('\x7fELF\x02\x01\x01')],
    ['sh', bytes('#!/bin/sh\necho hi')],
    ['sh', bytes('#!/usr/bin/env bash\necho hi')],
    ['csh', bytes('#!/bin/csh\necho hi')],
  ])('%s', (type, content) => {
    expect(forbiddenByContent(content)).toBe(type);
  });
});

describe('forbiddenByContent does not flag', () => {
  test.each([
    ['png', new Uint8Array(PNG.sync.write(new PNG({ width: 1, height: 1 })))],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['js', bytes('"use strict";var a=1;')],
    ['node script', bytes('#!/usr/bin/env node\nconsole.log(1)')],
    ['json', bytes('{"app":{}}')],
    ['text starting with MZ', bytes('MZ is a text file that is long enough to have a PE offset field at 0x3c....')],
    ['empty', new Uint8Array()],
  ])('%s', (_name, content) => {
    expect(forbiddenByContent(content)).toBeUndefined();
  });
});

test.each([
  ['assets/model.zip', 'zip'],
  ['assets/model.tar.gz', 'gzip'],
  ['assets/Guide.PDF', 'pdf'],
  ['assets/install.sh', 'sh'],
  ['assets/clip.mpg', 'mpeg'],
  ['assets/app.js', undefined],
  ['assets/logo.png', undefined],
  ['README', undefined],
])('forbiddenByExtension(%s) = %s', (file, type) => {
  expect(forbiddenByExtension(file)).toBe(type);
});

test('pngInfo reads size and alpha', () => {
  expect(pngInfo(new Uint8Array(PNG.sync.write(new PNG({ width: 128, height: 64 }))))).toEqual({ width: 128, height: 64, hasAlpha: true });
  expect(pngInfo(new Uint8Array(PNG.sync.write(new PNG({ width: 8, height: 8 }), { colorType: 2 })))).toEqual({ width: 8, height: 8, hasAlpha: false });
  expect(pngInfo(bytes('GIF89a'))).toBeUndefined();
});
