import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { BoundedQueue } from '@/lib/media/job-queue';
import { IMAGE_PROCESSING } from '@/lib/media/limits';

/**
 * Every sharp pipeline that runs (toBuffer/metadata), with the input it reads:
 * sharp is wrapped, not replaced, so the images are real. A clone inherits its
 * parent's input and decodes it again when it runs, so clones are tracked too.
 */
const runs = vi.hoisted(() => [] as { input: unknown; op: 'toBuffer' | 'metadata' }[]);
vi.mock('sharp', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (...args: unknown[]) => Record<string, (...a: unknown[]) => unknown> }).default;
  const track = (instance: Record<string, (...a: unknown[]) => unknown>, input: unknown) => {
    for (const op of ['toBuffer', 'metadata'] as const) {
      const original = instance[op]!.bind(instance);
      instance[op] = (...args: unknown[]) => {
        runs.push({ input, op });
        return original(...args);
      };
    }
    const clone = instance.clone!.bind(instance);
    instance.clone = () => track(clone() as Record<string, (...a: unknown[]) => unknown>, input);
    return instance;
  };
  const wrapped = (input?: unknown, options?: unknown) => track(real(input, options), input);
  return { default: Object.assign(wrapped, real) };
});

const sharp = (await import('sharp')).default;
const { processImage, imageProcessingQueue } = await import('@/server/media/process');

describe('image processing decodes the upload once', () => {
  it('makes the stored image and all its variants from one decode of a large PNG', async () => {
    // 6,000 × 4,000 px (24 Mpx) that compresses to a few KB, like the 59-Mpx, 173-KB PNG of the report.
    const upload = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#0f4c81' } }).png({ palette: true, colours: 2 }).toBuffer();
    expect(upload.length).toBeLessThan(200_000);
    runs.length = 0;
    const image = await processImage(upload);
    // Scaled down so that the longest side is 2,560 px.
    expect(image.width).toBe(2560);
    expect(image.height).toBe(1707);
    expect(image.variants.map((v) => v.width)).toEqual([480, 960, 1600]);
    for (const v of image.variants) expect((await sharp(v.data).metadata()).width).toBe(v.width);
    const onUpload = runs.filter((r) => r.input === upload);
    // One header read, one decode; the old code decoded it once per output size (4 times).
    expect(onUpload.filter((r) => r.op === 'metadata')).toHaveLength(1);
    expect(onUpload.filter((r) => r.op === 'toBuffer')).toHaveLength(1);
  });

  it('keeps an animated GIF animated and decodes the upload once for it too', async () => {
    const colours = ['#c2410c', '#0f4c81', '#3a7d44'];
    const frames = colours.length;
    const pictures = await Promise.all(colours.map((background) => sharp({ create: { width: 1200, height: 300, channels: 4, background } }).png().toBuffer()));
    const upload = await sharp(pictures, { join: { animated: true } }).gif({ delay: [200, 200, 200], loop: 0 }).toBuffer();
    expect((await sharp(upload, { animated: true }).metadata()).pages).toBe(frames);
    runs.length = 0;
    const image = await processImage(upload);
    expect([image.kind, image.width, image.height]).toEqual(['gif', 1200, 300]);
    expect(image.variants.map((v) => v.width)).toEqual([480, 960]);
    expect((await sharp(image.data, { animated: true }).metadata()).delay).toEqual([200, 200, 200]);
    for (const v of image.variants) expect((await sharp(v.data, { animated: true }).metadata()).pages).toBe(frames);
    expect(runs.filter((r) => r.input === upload && r.op === 'toBuffer')).toHaveLength(1);
  });

  it('scales each frame of a wide animation, not the strip of its frames', async () => {
    const pictures = await Promise.all(['#c2410c', '#0f4c81'].map((background) => sharp({ create: { width: 3000, height: 300, channels: 4, background } }).png().toBuffer()));
    const upload = await sharp(pictures, { join: { animated: true } }).gif({ delay: [100, 100], loop: 0 }).toBuffer();
    const image = await processImage(upload);
    expect([image.kind, image.width, image.height]).toEqual(['gif', 2560, 256]);
    expect((await sharp(image.data, { animated: true }).metadata()).pages).toBe(2);
  });

  it('scales a very tall image down by its longest side, still decoding the upload once', async () => {
    // 1,000 × 12,000 px: its height is what is limited to 2,560 px.
    const upload = await sharp({ create: { width: 1000, height: 12_000, channels: 3, background: '#3a7d44' } }).png({ palette: true, colours: 2 }).toBuffer();
    runs.length = 0;
    const image = await processImage(upload);
    expect([image.kind, image.width, image.height]).toEqual(['png', 213, 2560]);
    expect(image.variants).toEqual([]);
    expect(runs.filter((r) => r.input === upload && r.op === 'toBuffer')).toHaveLength(1);
  });

  it('scales a portrait camera file by its height and an oversized landscape one by its width', async () => {
    for (const [width, height, expected] of [
      [3000, 4000, [1920, 2560]],
      [8000, 2000, [2560, 640]],
      [2560, 1000, [2560, 1000]],
      [1200, 900, [1200, 900]],
    ] as const) {
      const upload = await sharp({ create: { width, height, channels: 3, background: '#0f4c81' } }).jpeg().toBuffer();
      const image = await processImage(upload);
      expect([image.width, image.height], `${width}×${height}`).toEqual(expected);
      const stored = await sharp(image.data).metadata();
      expect([stored.width, stored.height]).toEqual(expected);
    }
  });

  it('turns a photo upright by its EXIF orientation before scaling, and keeps no EXIF', async () => {
    // Stored 4000 × 3000 with "rotate 90° clockwise to view" (6), as a phone held upright writes it.
    const upload = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c2410c' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 29/1 0/1' } })
      .toBuffer();
    expect((await sharp(upload).metadata()).orientation).toBe(6);
    expect(upload.includes(Buffer.from('PhoneMaker'))).toBe(true);
    const image = await processImage(upload);
    expect([image.width, image.height]).toEqual([1920, 2560]);
    const stored = await sharp(image.data).metadata();
    expect([stored.width, stored.height, stored.orientation, stored.exif]).toEqual([1920, 2560, undefined, undefined]);
    expect(image.data.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    // 10,500 × 10,000 px (105 Mpx), over MAX_INPUT_PIXELS, in 13 KB.
    const bomb = await sharp({ create: { width: 10_500, height: 10_000, channels: 3, background: '#000000' } }).png({ palette: true, colours: 2 }).toBuffer();
    expect(bomb.length).toBeLessThan(100_000);
    runs.length = 0;
    await expect(processImage(bomb)).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/quá nhiều điểm ảnh/) });
    expect(runs.filter((r) => r.input === bomb && r.op === 'toBuffer')).toHaveLength(0);
  });

  it('names HEIC (an iPhone photo) when refusing it', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    await expect(processImage(heic)).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/HEIC/) });
  });

  it('processes one image at a time in the server process, a few more waiting', () => {
    expect(IMAGE_PROCESSING.concurrency).toBeLessThanOrEqual(2);
    expect(imageProcessingQueue.load).toEqual({ running: 0, waiting: 0 });
    expect(sharp.concurrency()).toBe(1);
  });
});

describe('the bounded queue', () => {
  const options = { concurrency: 1, maxWaiting: 2, busyMessage: 'Máy chủ đang bận.', retryAfterSeconds: 7 };
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };

  it('runs one job at a time, in arrival order, and refuses beyond the waiting room with 429', async () => {
    const queue = new BoundedQueue(options);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const gates = [gate(), gate(), gate()];
    const jobs = gates.map((g, i) =>
      queue.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(`start ${i}`);
        await g.opened;
        running--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(queue.load).toEqual({ running: 1, waiting: 2 });
    const refused = await queue.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'too_many_requests', status: 429, message: 'Máy chủ đang bận.', details: { retryAfterSeconds: 7 } });
    for (const g of gates) g.open();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2]);
    expect(order).toEqual(['start 0', 'start 1', 'start 2']);
    expect(most).toBe(1);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a job that fails', async () => {
    const queue = new BoundedQueue({ ...options, maxWaiting: 0 });
    await expect(queue.run(async () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    expect(await queue.run(async () => 'tiếp')).toBe('tiếp');
  });

  it('lets `concurrency` jobs run side by side', async () => {
    const queue = new BoundedQueue({ ...options, concurrency: 2, maxWaiting: 0 });
    const g = gate();
    const a = queue.run(() => g.opened);
    const b = queue.run(() => g.opened);
    await expect(queue.run(async () => null)).rejects.toMatchObject({ code: 'too_many_requests' });
    g.open();
    await Promise.all([a, b]);
  });
});
