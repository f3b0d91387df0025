import type { Clock } from "./clock";

/** A per-provider request budget; see {@link createTokenBucket}. */
export interface TokenBucket {
  /** Waits (through the clock) until a call is allowed, then spends one token. */
  take(signal?: AbortSignal): Promise<void>;
  /** Tokens available now (fractional), for status displays and tests. */
  available(): number;
}

/**
 * A token bucket limiting calls per minute: it holds at most `callsPerMinute` tokens (the burst),
 * refills continuously at callsPerMinute / 60 000 tokens per ms, and each call spends one token.
 * Used so we stay under a provider's documented limit (CoinGecko keyless ~30/min, Demo key 100/min)
 * instead of learning it from 429s. Callers queue: each `take` reserves its token before sleeping,
 * so concurrent callers are spaced rather than woken together.
 *
 * Complexity: O(1) per call.
 *
 * @param callsPerMinute budget, > 0 (Infinity = no limit)
 * @param clock injected time source
 * @example const bucket = createTokenBucket(60, systemClock); await bucket.take(); // immediate, then 1 per second
 */
export function createTokenBucket(callsPerMinute: number, clock: Clock): TokenBucket {
  if (!(callsPerMinute > 0)) {
    throw new RangeError(`callsPerMinute must be above 0; got ${callsPerMinute}`);
  }
  const unlimited = callsPerMinute === Infinity;
  const perMs = callsPerMinute / 60_000;
  let tokens = callsPerMinute;
  let last = clock.now();

  const refill = () => {
    const now = clock.now();
    tokens = Math.min(callsPerMinute, tokens + (now - last) * perMs);
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
