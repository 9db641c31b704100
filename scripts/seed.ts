// Seeds the demo content into an empty database (the server also does this at start-up).
import { seedDemoContent } from '../db/seed';
import { openForScript } from './db-cli';

async function main() {
  const handle = await openForScript();
  const { seeded } = await seedDemoContent(handle.db);
  console.log(seeded ? 'Đã nạp dữ liệu mẫu.' : 'Cơ sở dữ liệu đã có dữ liệu, không nạp lại.');
  await handle.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
