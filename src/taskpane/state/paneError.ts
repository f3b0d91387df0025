/**
 * A failure the pane explains in plain words (what happened, what to do); its message is shown
 * as is in the MessageBar.
 *
 * @example new PaneError("Holdings has no Units column; add one.").message;
 */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaneError";
  }
}
