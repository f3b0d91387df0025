import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ErrorMessage } from "../state/describeError";

/** A failure in plain words: what happened (title) and what to do (text). */
export function ErrorBar(props: { error: ErrorMessage | undefined }) {
  if (props.error === undefined) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.error.title}</MessageBarTitle>
        {props.error.text}
      </MessageBarBody>
    </MessageBar>
  );
}
