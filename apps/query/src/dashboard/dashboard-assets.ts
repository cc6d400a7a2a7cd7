import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { Injectable } from '@nestjs/common';

export interface DashboardAsset {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The browser files are plain HTML/CSS/JS that tsc does not emit: the built app reads them next to
 * this file when a build step has copied them there, and otherwise from the source tree beside dist/.
 */
function publicDirectory(): string {
  const copied = join(__dirname, 'public');
  return existsSync(copied) ? copied : join(__dirname.replace(`${sep}dist${sep}`, sep), 'public');
}

/**
 * The dashboard's files, read once at start-up into memory (a few kB plus ECharts): requests can
 * only name a file of this fixed set, so no path from the URL ever reaches the file system.
 */
@Injectable()
export class DashboardAssets {
  private readonly files = new Map<string, DashboardAsset>();

  constructor() {
    const directory = publicDirectory();
    for (const name of readdirSync(directory)) {
      const contentType = CONTENT_TYPES[extname(name)];
      // Our own files change with each deploy: revalidate; the HTML carries no secret but is never worth caching.
      if (contentType) this.files.set(name, { body: readFileSync(join(directory, name)), contentType, cacheControl: 'no-cache' });
    }
    // A pinned, minified library: browsers may keep it for a day.
    this.files.set('echarts.min.js', {
      body: readFileSync(require.resolve('echarts/dist/echarts.min.js')),
      contentType: CONTENT_TYPES['.js'],
      cacheControl: 'public, max-age=86400',
    });
  }

  get(name: string): DashboardAsset | undefined {
    return this.files.get(name);
  }
}
