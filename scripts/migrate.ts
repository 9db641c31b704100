// Applies drizzle/ migrations. With PGlite, run it only while the server is stopped (the folder lock enforces this).
import { openForScript } from './db-cli';

async function main() {
  const handle = await openForScript();
  console.log(`Đã áp dụng migration (${handle.driver}).`);
  await handle.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
