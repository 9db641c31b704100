// `npm run seed:bulk -- --articles 100000`: a large synthetic corpus for benchmarks.
// With PGlite, run it while the server is stopped (the folder lock enforces this).
import { seedDemoContent } from '../db/seed';
import { seedBulkArticles } from '../db/seed-bulk';
import { openForScript, parseFlags } from './db-cli';

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const count = Number(flags.articles ?? 100_000);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    console.error('--articles phải là số nguyên từ 1 đến 5.000.000');
    process.exit(2);
  }
  const handle = await openForScript();
  await seedDemoContent(handle.db);
  const started = Date.now();
  await seedBulkArticles(handle.db, count, {
    onProgress: (done) => {
      if (done % 10_000 === 0 || done === count) console.log(`  ${done.toLocaleString('vi-VN')} / ${count.toLocaleString('vi-VN')} bài`);
    },
  });
  console.log(`Đã tạo ${count.toLocaleString('vi-VN')} bài trong ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.driver}).`);
  await handle.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
