import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on one of main's modules, named relative to the caller's module
 * (`import.meta.url`): from source (tests, the CLI, browser mode run through tsx) the module is
 * loaded through tsx; in the built app it is the entry electron-vite builds beside the main bundle
 * under `builtName` (electron.vite.config.ts). The URLs are built here, from a variable, so Vite
 * does not take `new URL('./x.ts', import.meta.url)` for an asset to bundle.
 */
export function startThread(
  callerUrl: string,
  sourceFile: string,
  builtName: string,
  options: WorkerOptions,
): Worker {
  if (callerUrl.endsWith('.ts')) {
    const url = new URL(sourceFile, callerUrl).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL(`./${builtName}`, callerUrl), options);
}
