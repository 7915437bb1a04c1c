/**
 * Runs an async update so that only the newest request is honoured. While one run is in flight,
 * further requests collapse into one run after it, so a drag that fires 60 events a second
 * never queues stale work behind the pointer. The task reads the wanted state when it starts.
 */
export function latestOnly(task: () => Promise<void>, onError: (err: unknown) => void): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await task();
      } catch (err) {
        onError(err);
      }
    } while (again);
    inFlight = null;
  };
  return () => {
    if (inFlight !== null) {
      again = true;
      return inFlight;
    }
    inFlight = run();
    return inFlight;
  };
}
