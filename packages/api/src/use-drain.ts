// Graceful shutdown of subscriptions (issue 10): an SSE stream never ends by itself, so when the
// server drains, every open subscription completes — the client reads `event: complete` and
// reconnects to another instance — instead of having its connection cut after the deadline.
import { isAsyncIterable, type Plugin } from "graphql-yoga";

export interface DrainPluginOptions {
  /** Aborted when the server starts draining (server.ts `stop()`). */
  signal: AbortSignal;
}

/** Yields from `source` until `signal` aborts, then completes (and releases the source). */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  if (signal.aborted) return;
  const iterator = source[Symbol.asyncIterator]();
  let onAbort = () => {};
  const aborted = new Promise<IteratorResult<T>>((resolve) => {
    onAbort = () => resolve({ done: true, value: undefined });
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    await iterator.return?.();
  }
}

export function useDrain(options: DrainPluginOptions): Plugin {
  return {
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (isAsyncIterable(result)) setResult(untilAborted(result, options.signal));
      },
    }),
  };
}
