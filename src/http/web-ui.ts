/**
 * Serves the built React app (web/dist) from `/`. Paths that are not files and not
 * under /api get index.html, so browser routes such as /facilities survive a reload.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { allow, registerWithAccess } from './access.ts';

export function webUiBuilt(distDir: string): boolean {
  return existsSync(`${distDir}/index.html`);
}

export async function registerWebUi(app: FastifyInstance, distDir: string): Promise<void> {
  await registerWithAccess(app, allow.public('web UI assets'), fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      // Hashed assets never change; index.html must always be fresh.
      reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
