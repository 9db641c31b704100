// The shipped deploy/nginx/toa-soan.conf made runnable from a private folder for a local
// cluster (scripts/start-cluster.mjs): it listens on one loopback port, balances the given
// instances, keeps its caches and temporary files in the folder, and answers `localhost`.
// Everything else (cache rules, bypasses, retries, gzip, headers) is the shipped file as is.
import path from 'node:path';

const SHIPPED_SERVER_NAME = 'toa-soan.example.vn';

/** The shipped site file listening on 127.0.0.1:`port` only, its caches under `prefix`. */
export function onLoopback(shipped, { port, prefix }) {
  return shipped
    .replace(/^\s*listen \[::\]:80[^;]*;\s*$/gm, '')
    .replace(/^(\s*)listen 80( default_server)?;/gm, `$1listen 127.0.0.1:${port}$2;`)
    .replace(/(proxy_cache_path )\/var\/cache\/(\S+)/g, (_, directive, name) => `${directive}${path.join(prefix, name)}`);
}

/** The shipped site file rewritten for `port`, the `instancePorts` and caches under `prefix`. */
export function clusterSiteConfig(shipped, { port, instancePorts, prefix, serverName = 'localhost' }) {
  if (instancePorts.length === 0) throw new Error('cần ít nhất một instance');
  const upstreams = instancePorts.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=10s;`).join('\n');
  let replaced = false;
  const config = onLoopback(shipped, { port, prefix })
    // The shipped list of instances (one `server 127.0.0.1:…` line each) becomes ours.
    .replace(/^(\s*server 127\.0\.0\.1:\d+[^\n]*\n)+/m, () => {
      replaced = true;
      return `${upstreams}\n`;
    })
    .replaceAll(SHIPPED_SERVER_NAME, serverName);
  if (!replaced) throw new Error('deploy/nginx/toa-soan.conf không còn danh sách instance dạng `server 127.0.0.1:PORT …;`');
  return config;
}

/** nginx.conf for `nginx -p prefix -c …`: one worker, logs and temp files in the prefix, the site included. */
export function clusterMainConfig({ prefix, siteFile, runningAsRoot }) {
  const temp = (name) => path.join(prefix, 'tmp', name);
  return [
    'daemon off;',
    'master_process on;',
    'worker_processes auto;',
    // As root, nginx would run its workers as `nobody`, who cannot write into the private folder.
    runningAsRoot ? 'user root;' : '',
    `pid ${path.join(prefix, 'nginx.pid')};`,
    `error_log ${path.join(prefix, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log ${path.join(prefix, 'access.log')};`,
    `  client_body_temp_path ${temp('body')}; proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')}; uwsgi_temp_path ${temp('uwsgi')}; scgi_temp_path ${temp('scgi')};`,
    `  include ${siteFile};`,
    '}',
    '',
  ].join('\n');
}
