import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '@/lib/env';

/**
 * The Dockerfile and compose.yaml are written here but cannot be built here (no image registry):
 * what can be checked is that every variable they give the app is one the app knows (lib/env.ts),
 * that every secret compose needs is named in its header, and that they use the health route.
 */
const root = path.resolve(__dirname, '../..');
const read = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');
const known = new Set(Object.keys(envSchema.shape));

/** The keys of the `environment:` block of compose's `x-app` (what both instances get). */
function appEnvironment(compose: string): string[] {
  const app = compose.slice(compose.indexOf('x-app:'), compose.indexOf('\nservices:'));
  const block = app.slice(app.indexOf('  environment:\n') + '  environment:\n'.length);
  const keys: string[] = [];
  for (const line of block.split('\n')) {
    if (/^\s{4}#/.test(line)) continue;
    const match = /^\s{4}([A-Z][A-Z0-9_]*):/.exec(line);
    if (!match) break;
    keys.push(match[1]!);
  }
  return keys;
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('gives the app only variables lib/env.ts knows', () => {
    // An instruction with its continuation lines (ending in a backslash).
    const instructions = [...dockerfile.matchAll(/^(?:ENV|ARG)\s+((?:[^\n]*\\\n)*[^\n]*)/gm)].map((m) => m[1]!);
    const names = instructions.flatMap((text) => [...text.matchAll(/(?:^|\s)([A-Z][A-Z0-9_]*)(?==|\s|$)/g)].map((m) => m[1]!));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('builds on Node 22 LTS, runs as a non-root user and checks readiness', () => {
    expect(dockerfile).toMatch(/^FROM node:22-/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/health\/ready/);
    expect(dockerfile).toContain('npm ci');
  });
});

describe('compose.yaml', () => {
  const compose = read('compose.yaml');

  it('gives both instances only variables lib/env.ts knows', () => {
    const names = appEnvironment(compose);
    expect(names).toContain('DATABASE_URL');
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('takes every secret from the environment, each named in its header, none with a default', () => {
    const header = compose.slice(0, compose.indexOf('\nname:'));
    const interpolated = [...new Set([...compose.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:?[?-][^}]*)?\}/g)].map((m) => m[1]!))];
    expect(interpolated.length).toBeGreaterThan(0);
    expect(interpolated.filter((name) => !header.includes(name))).toEqual([]);
    expect(compose).not.toMatch(/\$\{[A-Z_]+:-/);
  });

  it('runs the shipped nginx file in front of two instances, Postgres, Redis and an S3 store', () => {
    expect(compose).toContain('./deploy/nginx/toa-soan.conf');
    for (const service of ['app1:', 'app2:', 'nginx:', 'postgres:', 'redis:', 'minio:']) expect(compose).toContain(`\n  ${service}`);
    // The sed that adapts the shipped file must still find its upstream lines.
    const shipped = read('deploy/nginx/toa-soan.conf');
    expect(shipped).toContain('server 127.0.0.1:3001 ');
    expect(shipped).toContain('server 127.0.0.1:3002 ');
  });
});
