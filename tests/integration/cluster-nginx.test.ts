/**
 * scripts/cluster-nginx.mjs: the shipped nginx file rewritten for `npm run start:cluster`, checked
 * by Debian's nginx itself (`nginx -t`), so a change to the shipped file that the cluster's
 * rewrite no longer follows fails here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterMainConfig, clusterSiteConfig } from '../../scripts/cluster-nginx.mjs';
import { skipWithoutNginx } from '../support/nginx';

const shipped = fs.readFileSync(path.resolve(__dirname, '../..', 'deploy', 'nginx', 'toa-soan.conf'), 'utf8');
const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate));
const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'toa-soan-cluster-test-'));
afterAll(() => fs.rmSync(prefix, { recursive: true, force: true }));

describe('the local cluster\'s nginx configuration', () => {
  const site = clusterSiteConfig(shipped, { port: 3900, instancePorts: [3901, 3902, 3903], prefix });

  it('balances exactly the cluster\'s instances, listening on its loopback port only', () => {
    expect(site.match(/^\s*server 127\.0\.0\.1:\d+[^\n]*$/gm)?.map((line) => line.trim())).toEqual([
      'server 127.0.0.1:3901 max_fails=2 fail_timeout=10s;',
      'server 127.0.0.1:3902 max_fails=2 fail_timeout=10s;',
      'server 127.0.0.1:3903 max_fails=2 fail_timeout=10s;',
    ]);
    expect(site.match(/^\s*listen [^\n]*$/gm)?.map((line) => line.trim())).toEqual(['listen 127.0.0.1:3900 default_server;', 'listen 127.0.0.1:3900;']);
    expect(site).toContain('server_name localhost;');
    expect(site).not.toContain('/var/cache/');
  });

  it('keeps every rule of the shipped file', () => {
    for (const rule of ['proxy_cache_use_stale', 'proxy_cache_lock on;', 'proxy_next_upstream error timeout', 'add_header X-Cache $upstream_cache_status always;']) {
      expect(site).toContain(rule);
    }
  });

  it('refuses a shipped file whose list of instances it cannot find', () => {
    expect(() => clusterSiteConfig(shipped.replace(/server 127\.0\.0\.1:/g, 'server app:'), { port: 1, instancePorts: [2], prefix })).toThrow(/danh sách instance/);
  });

  it.skipIf(skipWithoutNginx('cluster-nginx.test'))('passes nginx -t', () => {
    fs.mkdirSync(path.join(prefix, 'tmp'), { recursive: true });
    const siteFile = path.join(prefix, 'toa-soan.conf');
    fs.writeFileSync(siteFile, site);
    const mainFile = path.join(prefix, 'nginx.conf');
    fs.writeFileSync(mainFile, clusterMainConfig({ prefix, siteFile, runningAsRoot: process.getuid?.() === 0 }));
    const check = spawnSync(nginxBinary!, ['-t', '-p', prefix, '-c', mainFile, '-e', path.join(prefix, 'error.log')], { encoding: 'utf8' });
    expect(check.stderr).toContain('test is successful');
    expect(check.status).toBe(0);
  });
});
