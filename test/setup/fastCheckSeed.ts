import fc from "fast-check";

/**
 * Property tests draw their random cases from one fixed seed, so `npm test` (and CI) checks the
 * same thousands of cases on every run: a failure is a regression that reproduces, never luck.
 * `npm run test:explore` sets FC_SEED=random to draw fresh cases, and FC_SEED=<number> replays a
 * seed that fast-check printed with a counterexample.
 */
const DEFAULT_SEED = 20261126;

const requested = process.env.FC_SEED;
if (requested !== "random") {
  const seed = requested === undefined || requested === "" ? DEFAULT_SEED : Number(requested);
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random"; got ${requested}`);
  fc.configureGlobal({ seed });
}
