import { afterEach, beforeEach, vi } from 'vitest';

// A stray console.error/warn is a bug someone will meet in production: fail the test.
let stray: string[] = [];
beforeEach(() => {
  stray = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      stray.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  if (stray.length > 0) throw new Error(`Unexpected console output:\n${stray.join('\n')}`);
});
