// `npm run logos`: rasterises the committed source art assets/logo.svg into the PNG logos Zendesk shows
// (assets/logo.png 128×128, assets/logo-small.png 64×64) with Chromium, on a transparent background.
// Each size is rendered from the vector art, not scaled down, and re-encoded with pngjs so the files
// carry pixels only (no timestamps or browser metadata): same SVG and Chromium → same bytes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));
export const LOGO_SIZES = [
  { file: 'logo.png', size: 128 },
  { file: 'logo-small.png', size: 64 },
] as const;

export async function renderLogos(svg: string): Promise<Map<string, Buffer>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--force-color-profile=srgb'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const out = new Map<string, Buffer>();
    for (const { file, size } of LOGO_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="${source}">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const shot = await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const pixels = PNG.sync.read(shot);
      if (pixels.width !== size || pixels.height !== size) throw new Error(`${file}: Chromium rendered ${pixels.width}×${pixels.height}, expected ${size}×${size}`);
      if (pixels.data[3] !== 0) throw new Error(`${file}: the top-left pixel is not transparent — the background was painted`);
      out.set(file, PNG.sync.write(pixels, { colorType: 6, inputColorType: 6, deflateLevel: 9 }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const logos = await renderLogos(await readFile(join(ASSETS, 'logo.svg'), 'utf8'));
  for (const [file, png] of logos) {
    await writeFile(join(ASSETS, file), png);
    process.stdout.write(`assets/${file}: ${png.length} bytes\n`);
  }
}
