import fs from 'node:fs';
import path from 'node:path';

/**
 * For the benchmark's preloads: on SIGTERM, writes what `contents` gives (if anything) to
 * `.local/<folder>/<pid>.<extension>` under the working directory, then lets SIGTERM end the
 * process as it would have.
 */
export function writeOnSigterm(folder: string, extension: string, contents: () => Promise<string | undefined>): void {
  process.once('SIGTERM', () => {
    void contents()
      .then((text) => {
        if (text === undefined) return;
        const dir = path.resolve('.local', folder);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${process.pid}.${extension}`), text);
      })
      .catch(() => undefined)
      .finally(() => process.kill(process.pid, 'SIGTERM'));
  });
}
