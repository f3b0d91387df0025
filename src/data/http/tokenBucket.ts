import type { Clock } from "./clock";

/** A per-provider request budget; see {@link createTokenBucket}. */
export interface TokenBucket {
  /** Waits (through the clock) until a call is allowed, then spends one token. */
  take(signal?: AbortSignal): Promise<void>;
  /** Tokens available now (fractional), for status displays and tests. */
  available(): number;
}

/**
 * A token bucket limiting calls per minute: it holds at most `burst` tokens (default
 * `callsPerMinute`), starts full, refills continuously at callsPerMinute / 60 000 tokens per ms, and
 * each call spends one token. Used so we stay under a provider's published limit (see
 * coingecko/coinGeckoPlans: keyless 10/min with a burst of 3) instead of learning it from 429s. Callers queue: each `take` reserves its token before sleeping,
 * so concurrent callers are spaced rather than woken together.
 *
 * Complexity: O(1) per call.
 *
 * @param callsPerMinute budget, > 0 (Infinity = no limit)
 * @param clock injected time source
 * @param burst most calls allowed at once, ≥ 1 (default callsPerMinute)
 * @example const bucket = createTokenBucket(60, systemClock); await bucket.take(); // immediate, then 1 per second
 */
export function createTokenBucket(
  callsPerMinute: number,
  clock: Clock,
  burst: number = callsPerMinute
): TokenBucket {
  if (!(callsPerMinute > 0)) {
    throw new RangeError(`callsPerMinute must be above 0; got ${callsPerMinute}`);
  }
  if (!(burst >= 1)) throw new RangeError(`burst must be at least 1; got ${burst}`);
  const unlimited = callsPerMinute === Infinity;
  const perMs = callsPerMinute / 60_000;
  let tokens = burst;
  let last = clock.now();

  const refill = () => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + (now - last) * perMs);
    last = now;
  };

  return {
    async take(signal?: AbortSignal): Promise<void> {
      if (unlimited) return;
      refill();
      // Reserve now (tokens may go negative): a later caller then waits behind this one.
      tokens -= 1;
      if (tokens < 0) {
        try {
          await clock.sleep(Math.ceil(-tokens / perMs), signal);
        } catch (error) {
          tokens += 1; // a cancelled caller gives its reservation back
          throw error;
        }
      }
    },
    available(): number {
      if (unlimited) return Infinity;
      refill();
      return tokens;
    },
  };
}
