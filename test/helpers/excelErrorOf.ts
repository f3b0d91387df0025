/**
 * Calls a custom function that must fail and returns the Excel error it threw (code and message),
 * so tests assert what the cell would show. Fails the test if the call returns normally.
 */
export function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

/**
 * Awaits an async custom function that must fail and returns the Excel error it rejected with
 * (code and message). Fails the test if the promise resolves.
 */
export async function rejectionOf(
  result: Promise<unknown>
): Promise<{ code: string; message: string }> {
  try {
    await result;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}
