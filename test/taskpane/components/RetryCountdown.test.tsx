import { formatCountdown, RetryCountdown } from "../../../src/taskpane/components/RetryCountdown";
import { textOf } from "../helpers/textOf";

describe("RetryCountdown", () => {
  const wait = {
    providerName: "CoinGecko",
    reason: "rateLimit" as const,
    untilMs: Date.now() + 119_000,
    status: 429,
  };

  it("shows a provider's rate-limit wait as a countdown, and nothing once it is over", () => {
    expect(textOf(<RetryCountdown wait={wait} />)).toMatch(
      /CoinGecko asked to wait \(rate limit\): retrying in 1:5[89]\./
    );
    expect(textOf(<RetryCountdown wait={{ ...wait, untilMs: Date.now() - 1 }} />)).not.toMatch(
      /retrying in/
    );
  });

  it("says a backoff after a failure is not the server's request", () => {
    const backoff = { ...wait, reason: "retry" as const, untilMs: Date.now() + 4_000 };
    expect(textOf(<RetryCountdown wait={backoff} />)).toMatch(
      /CoinGecko did not answer: retrying in 0:0[34]\./
    );
  });

  it("rounds up to whole seconds and never shows a negative time", () => {
    expect(formatCountdown(119_000)).toBe("1:59");
    expect(formatCountdown(1)).toBe("0:01");
    expect(formatCountdown(-5)).toBe("0:00");
  });
});
