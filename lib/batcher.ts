export type BatcherOptions = {
  /** Items handed to one `run` call at most. */
  maxBatchSize: number;
  /** `run` calls in flight at once. */
  maxConcurrentBatches?: number;
};

type Waiter<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Group commit for concurrent callers: each call resolves with its item's result from one `run(items)`, which
 * answers the items' results in order. Items added in the same turn of the event loop (requests whose bytes
 * arrived together) go together; while `maxConcurrentBatches` batches are in flight, new items wait and go together
 * in the next. A quiet server therefore adds no delay, and a busy one pays one round trip for many items. A failing
 * `run` rejects every item of its batch, and only those.
 */
export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, options: BatcherOptions): (item: I) => Promise<O> {
  const maxConcurrentBatches = options.maxConcurrentBatches ?? 1;
  let waiting: Waiter<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const runBatch = async (batch: Waiter<I, O>[]) => {
    try {
      const results = await run(batch.map((waiter) => waiter.item));
      if (results.length !== batch.length) throw new Error(`A batch of ${batch.length} answered ${results.length} results.`);
      batch.forEach((waiter, index) => waiter.resolve(results[index]!));
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  };

  const dispatch = () => {
    scheduled = false;
    while (inFlight < maxConcurrentBatches && waiting.length > 0) {
      const batch = waiting.slice(0, options.maxBatchSize);
      waiting = waiting.slice(batch.length);
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        dispatch();
      });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (scheduled || inFlight >= maxConcurrentBatches) return;
      scheduled = true;
      setImmediate(dispatch);
    });
}
