import { Worker } from 'node:worker_threads';

/**
 * Runs a bench module on a thread of its own with `workerData`, answering the one message it posts: a load
 * generator there takes nothing from the server's event loop on the main thread. A worker thread does not inherit
 * the TypeScript loader the bench runs under, so it loads its module through tsx.
 */
export function runOnWorker<T>(module: URL, workerData: unknown): Promise<T> {
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) =>
  tsx.tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${module.pathname.split('/').at(-1)} exited with ${code}`));
    });
  });
}
