import 'server-only';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { Env } from '@/lib/env';
import { MEDIA_KEY_PATTERN } from '@/lib/media/keys';
import { contentTypeOfKey, isMediaContentType, type MediaStorage } from './storage';

export type S3StorageConfig = {
  bucket: string;
  /** Unset: AWS's own endpoint for `region`. */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key URLs, which most stores other than AWS need. */
  forcePathStyle: boolean;
  /** Longest wait for one request's answer; DEFAULT_S3_TIMEOUT_MS unless set. */
  timeoutMs?: number;
};

/**
 * Long enough for a 10 MB original to reach a store in another region,
 * short enough that a dead store answers a reader with an error instead of
 * holding the request (and its image queue slot) open.
 */
export const DEFAULT_S3_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 3_000;

/** The variables that name the bucket (lib/env.ts). */
export type S3Env = Pick<Env, 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>;

/** The bucket the S3_* variables name, or null when S3_BUCKET is unset (media stay on the local disk). */
export function s3ConfigFromEnv(config: S3Env): S3StorageConfig | null {
  if (!config.S3_BUCKET) return null;
  // lib/env.ts refuses a bucket without keys; this guards callers that build the object by hand.
  if (!config.S3_ACCESS_KEY_ID || !config.S3_SECRET_ACCESS_KEY) {
    throw new Error('S3_BUCKET cần kèm S3_ACCESS_KEY_ID và S3_SECRET_ACCESS_KEY.');
  }
  return {
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  };
}

/**
 * Missing object, as opposed to a missing bucket or a refused key: those are
 * configuration mistakes and must surface, not turn every image into a 404.
 * HEAD answers carry no body, so the SDK can only name them `NotFound`.
 */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === 'NoSuchKey') return true;
  return error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket';
}

/**
 * Media in an S3-compatible bucket, so every app instance reads what any of
 * them uploaded. Keys are the same as on the local disk; public URLs stay
 * `/media/…`, served by the app, so the bucket itself can stay private.
 */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client;
  readonly bucket: string;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    const timeout = config.timeoutMs ?? DEFAULT_S3_TIMEOUT_MS;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Since 3.729 the SDK sends CRC32 checksums by default, which many non-AWS stores reject.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: {
        connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, timeout),
        requestTimeout: timeout,
        // Without it an exceeded requestTimeout is only logged and the request keeps waiting.
        throwOnRequestTimeout: true,
        // Covers a body that stops arriving after the headers came.
        socketTimeout: timeout,
      },
      // The default three attempts would make a dead store hold a reader for three timeouts.
      maxAttempts: 2,
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    if (!MEDIA_KEY_PATTERN.test(key)) throw new Error(`invalid media key: ${key}`);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length }),
    );
  }

  async get(key: string): Promise<{ data: Buffer; contentType: string } | null> {
    if (!MEDIA_KEY_PATTERN.test(key)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return null;
      const bytes = await object.Body.transformToByteArray();
      // Only an image type is passed on: an object another tool wrote as text/html must not be served as a page.
      const stored = object.ContentType;
      return {
        data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        contentType: stored && isMediaContentType(stored) ? stored : contentTypeOfKey(key),
      };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!MEDIA_KEY_PATTERN.test(key)) throw new Error(`invalid media key: ${key}`);
    // S3 answers a delete of a missing object with success, like `rm -f`.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Bytes stored under `key`, or null when there is no such object (how the migration skips what is already there). */
  async sizeOf(key: string): Promise<number | null> {
    if (!MEDIA_KEY_PATTERN.test(key)) return null;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  /** Closes the kept-alive connections, so a script or test can end. */
  close(): void {
    this.client.destroy();
  }
}
