import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { S3StorageConfig } from '@/server/media/s3-storage';

/** s3rver is CommonJS; a dynamic import loads it the same way under vitest (ESM) and Playwright (CJS). */
const loadS3rver = async () => (await import('s3rver')).default;

/** The only key pair s3rver knows: it refuses any other access key id. */
const S3RVER_KEY = 'S3RVER';

export type TestS3Server = {
  endpoint: string;
  /** Storage settings for `bucket` on this server (created at start when listed in `buckets`). */
  configFor(bucket: string): S3StorageConfig;
  close(): Promise<void>;
};

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1 with a free port and its
 * own temporary folder. It speaks enough S3 for the SDK with path-style URLs
 * but does not verify signatures: good for storage behaviour, not for
 * testing access control.
 */
export async function startS3Server(buckets: string[]): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-test-'));
  const S3rver = await loadS3rver();
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    configFor: (bucket) => ({
      bucket,
      endpoint,
      region: 'us-east-1',
      accessKeyId: S3RVER_KEY,
      secretAccessKey: S3RVER_KEY,
      forcePathStyle: true,
    }),
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
