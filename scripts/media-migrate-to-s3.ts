// `npm run media:migrate-to-s3`: copies the uploads in the local media folder
// (MEDIA_DIR, or DATA_DIR/media) into the bucket the S3_* variables name, so an
// install can move to shared storage before it runs several instances. Safe to
// run again (objects already there with the same size are skipped) and while
// the server runs; local files are never deleted. The variables come from the
// shell environment: `.env` is read by Next.js, not by this script.
import { env } from '../lib/env';
import { runMediaMigration } from '../server/media/migrate-to-s3';

async function main() {
  process.exitCode = await runMediaMigration(env(), { log: console.log, error: console.error });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
