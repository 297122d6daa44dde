import type { TestProject } from 'vitest/node';
import { serveStatic } from './server';

// The built site is served under a sub-path to prove relative asset URLs work anywhere.
export default async function setup(project: TestProject) {
  const { server, url } = await serveStatic('dist', '/course/bptt/');
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
