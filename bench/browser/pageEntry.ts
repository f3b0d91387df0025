/*
 * The bench's own bundle, loaded into the add-in's page after the production bundle: the cases,
 * their prices (made here, so no transfer is timed) and the core entry points they call, so the
 * page can time each function through its registered implementation beside the same work in the
 * core alone. bench/browser/run.mjs builds it (webpack.page.cjs) and drives it through
 * window.__diversifyBench.
 */
import { browserCases, corePrices, excelRange } from "./cases";
import { type Timings, timeAlternating } from "./timing";

/** What officeDouble.js exposes: a registered function called as Excel would, and its outcome. */
interface CustomFunctionsDouble {
  call(id: string, args: unknown[]): Promise<{ kind: string; value?: unknown; message?: string }>;
}

/** How run.mjs describes a function from functions.json. */
interface FunctionShape {
  readonly parameterCount: number;
  readonly cancelable: boolean;
}

/** One case's timings in this page, and whether its function posted work to a Web Worker. */
export interface PageResult extends Timings {
  readonly workerMessages: number;
  readonly spillRows: number;
  /** The refusal's message when the result was over the payload cap (the work was still done). */
  readonly refused?: string;
}

const page = globalThis as unknown as {
  __customFunctions: CustomFunctionsDouble;
  __benchWorkerPosts?: number;
  __diversifyBench: unknown;
};

function caseById(id: string) {
  const found = browserCases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no browser bench case ${id}`);
  return found;
}

/**
 * The function side: Excel's arguments (omitted ones null), padded with an invocation object when
 * the function is @cancelable, since Excel then passes one last.
 */
function functionSide(id: string, shape: FunctionShape): () => Promise<unknown> {
  const benchCase = caseById(id);
  const args: unknown[] = [excelRange(benchCase), ...benchCase.args];
  if (shape.cancelable) {
    while (args.length < shape.parameterCount) args.push(null);
    args.push({ address: "Bench!A1", functionName: benchCase.functionId, onCanceled: undefined });
  }
  const customFunctions = page.__customFunctions;
  return async () => {
    const outcome = await customFunctions.call(benchCase.functionId, args);
    // A result over the payload cap is refused after the work is done (boundary.ts): still timed,
    // and reported beside the row.
    if (outcome.kind === "error" && REFUSED.test(outcome.message ?? "")) return outcome;
    if (outcome.kind !== "value") {
      throw new Error(`${benchCase.label}: ${outcome.kind} ${outcome.message ?? ""}`);
    }
    return outcome.value;
  };
}

/** The payload cap's refusal (src/functions/payloadSize.ts), which comes after the computation. */
const REFUSED = /more than Excel passes/;

async function run(id: string, shape: FunctionShape): Promise<PageResult> {
  const benchCase = caseById(id);
  const viaFunction = functionSide(id, shape);
  const core = benchCase.core(corePrices(benchCase));
  let spillRows = 0;
  let refused: string | undefined;
  const before = page.__benchWorkerPosts ?? 0;
  const timings = await timeAlternating(
    [
      async () => {
        const value = await viaFunction();
        spillRows = Array.isArray(value) ? value.length : 0;
        if (!Array.isArray(value)) refused = (value as { message?: string }).message;
      },
      core,
    ],
    () => performance.now()
  );
  const workerMessages = (page.__benchWorkerPosts ?? 0) - before;
  return { ...timings, workerMessages, spillRows, refused };
}

let prepared: (() => Promise<unknown>) | undefined;

/** Makes a case's arguments (prices included) for {@link callPrepared}, so a profile leaves them out. */
function prepare(id: string, shape: FunctionShape): void {
  prepared = functionSide(id, shape);
}

/** Calls the prepared function `times` times (for a profile of it alone). */
async function callPrepared(times: number): Promise<void> {
  if (prepared === undefined) throw new Error("call prepare(id, shape) first");
  for (let k = 0; k < times; k++) await prepared();
}

page.__diversifyBench = { ids: browserCases.map((c) => c.id), run, prepare, callPrepared };
