import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A load client in a worker thread: a pause of the benchmark's own large heap would otherwise delay
 * requests and count as server latency. `file` is the client's module (its `__filename`), which
 * calls `serveAsWorker` with the same `run` at load.
 */
export function runInWorker<Options, Result>(file: string, options: Options, name: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: options });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

/** In the worker thread only: runs the client on the options it was started with and posts the result. */
export function serveAsWorker<Options, Result>(run: (options: Options) => Promise<Result>): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  void run(workerData as Options).then((result) => port.postMessage(result));
}
