import { CoreError } from "../core/errors";
import { unwrap } from "./boundary";
import { parseVector } from "./parse/vector";

/**
 * Reads a `weights` argument for the given assets: a row or column of numbers in the assets' order,
 * or labelled (names beside the numbers), in which case they are matched to the assets by name, in
 * any order, case-insensitively; an asset without a name in the list gets 0.
 */
export function readWeights(
  range: unknown,
  assetLabels: readonly string[],
  argument = "weights"
): Float64Array {
  const parsed = unwrap(parseVector(range, argument, { blanks: "zero" }));
  if (parsed.labels === undefined) {
    if (parsed.values.length !== assetLabels.length) {
      throw new CoreError(
        "LENGTH_MISMATCH",
        `${argument} has ${parsed.values.length} values but there are ${assetLabels.length} assets; give one per asset, or label them with the asset names`,
        { argument }
      );
    }
    return parsed.values;
  }
  const index = new Map(assetLabels.map((label, j) => [label.toLowerCase(), j]));
  const out = new Float64Array(assetLabels.length);
  const seen = new Set<number>();
  parsed.labels.forEach((label, i) => {
    const j = index.get(label.toLowerCase());
    if (j === undefined) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: "${label}" is not one of the assets (${assetLabels.slice(0, 12).join(", ")}${assetLabels.length > 12 ? ", …" : ""}); fix the name or remove it`,
        { argument }
      );
    }
    if (seen.has(j)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: "${label}" appears twice; give each asset one weight`,
        {
          argument,
        }
      );
    }
    seen.add(j);
    out[j] = parsed.values[i];
  });
  return out;
}
