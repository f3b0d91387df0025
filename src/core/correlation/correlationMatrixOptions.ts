/** What to do with a pair whose correlation is undefined (too little overlap, or zero variance). */
export type UndefinedPairPolicy = "throw" | "nan";

/** Options shared by the correlation matrix functions. */
export interface CorrelationMatrixOptions {
  /**
   * Fewest rows two assets must both have for their correlation (default 3, at least 2). Two rows
   * always give ±1, so 3 is the least that carries information.
   */
  readonly minOverlap?: number;
  /**
   * "throw" (default): a pair with fewer than `minOverlap` common rows, or with zero variance over
   * them, throws a CoreError naming both assets. "nan": that pair (and only it) is NaN in the result,
   * so the functions layer can show an error in that one cell; a column that is undefined on its
   * own (too few values or constant) then has NaN on its diagonal too.
   */
  readonly onUndefinedPair?: UndefinedPairPolicy;
  /** The argument name used in error messages (default "returns"). */
  readonly argument?: string;
}
