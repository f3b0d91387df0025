import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WaitNotice } from "../../data/http/httpClient";

/** "1:59" for 119 000 ms (rounded up, so 0:00 is never shown while still waiting). */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The countdown of a provider's retry wait (a 429's Retry-After, a backoff), ticking once a second
 * until it is over. Shown above the tabs, so a build on the Index tab that waits says why.
 */
export function RetryCountdown(props: { readonly wait: WaitNotice }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [props.wait.untilMs]);
  const left = props.wait.untilMs - now;
  if (left <= 0) return null;
  const why =
    props.wait.reason === "rateLimit"
      ? `${props.wait.providerName} asked to wait (rate limit)`
      : `${props.wait.providerName} did not answer`;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{`${why}: retrying in ${formatCountdown(left)}.`}</MessageBarBody>
    </MessageBar>
  );
}
