// `npm start`: build when the build is missing or older than the sources, then serve (scripts/serve.mjs).
// Migrations and the demo seed run inside the server at start-up (instrumentation.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const root = process.cwd();
buildIfStale(root);

const port = process.env.PORT ?? '3000';
// scripts/serve.mjs rather than `next start`: the same Next server, plus the connection's address for the app (lib/http/client-ip.ts).
const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], { stdio: 'inherit', env: { ...process.env, PORT: port } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
