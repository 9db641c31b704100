import 'server-only';
import { recordPageviews, type PageviewInput, type PageviewOutcome } from '@/db/queries/visits';
import type { Executor } from '@/db/client';

/**
 * Group commit for beacons. A beacon is answered 202 only once its row is
 * committed, so under load every beacon would pay for a statement and a
 * commit of its own; instead, beacons that arrive while a batch is being
 * written wait for the next one and go together in one statement
 * (db/queries/visits.ts recordPageviews). Nothing waits on a timer: alone, a
 * beacon is written at once; a queue forms only when the database is the
 * bottleneck, and the batch then grows with the load.
 */

/** Rows per statement: large enough to amortise a commit, small enough to keep one statement short. */
export const MAX_PAGEVIEW_BATCH = 200;
/** Batches written at once per database: one writes while the next is built. */
const IN_FLIGHT = 2;

type Waiting = { input: PageviewInput; resolve: (outcome: PageviewOutcome) => void; reject: (error: unknown) => void };
type Lane = { queue: Waiting[]; inFlight: number };

const lanes = new WeakMap<object, Lane>();

function laneOf(db: Executor): Lane {
  let lane = lanes.get(db);
  if (!lane) lanes.set(db, (lane = { queue: [], inFlight: 0 }));
  return lane;
}

/** Logs one pageview together with whatever else is waiting; resolves once it is committed. */
export function recordPageviewInBatch(db: Executor, input: PageviewInput): Promise<PageviewOutcome> {
  const lane = laneOf(db);
  return new Promise((resolve, reject) => {
    lane.queue.push({ input, resolve, reject });
    drain(db, lane);
  });
}

function drain(db: Executor, lane: Lane): void {
  while (lane.inFlight < IN_FLIGHT && lane.queue.length > 0) {
    const batch = lane.queue.splice(0, MAX_PAGEVIEW_BATCH);
    lane.inFlight++;
    void write(db, batch).finally(() => {
      lane.inFlight--;
      drain(db, lane);
    });
  }
}

async function write(db: Executor, batch: Waiting[]): Promise<void> {
  try {
    const outcomes = await recordPageviews(
      db,
      batch.map((w) => w.input),
    );
    batch.forEach((w, i) => w.resolve(outcomes[i]!));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    // One statement failed for all: write each alone, so a beacon that cannot be
    // stored fails by itself and the others are still counted (or refused) truly.
    for (const w of batch) {
      try {
        const [outcome] = await recordPageviews(db, [w.input]);
        w.resolve(outcome!);
      } catch (single) {
        w.reject(single);
      }
    }
  }
}
