/** Options for the two-series correlation functions (kendallTau, spearmanCorrelation). */
export interface PairCorrelationOptions {
  /** Fewest rows both series must have (default 3, at least 2). */
  readonly minOverlap?: number;
  /** Names of the two series in messages (default ["x", "y"]). */
  readonly labels?: readonly [string, string];
  /** The argument name used in messages (default "series"). */
  readonly argument?: string;
}
