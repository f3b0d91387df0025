import { CoreError } from "../core/errors";
import type { PortfolioConstraints, PortfolioGroup } from "../core/optimize/types";
import { unwrap } from "./boundary";
import { columnLetter, describeCell, isBlankCell } from "./parse/cell";
import { parseNumber } from "./parse/scalars";
import { parseLabels, toGrid } from "./parse/vector";
import { readWeights } from "./weights";

/**
 * A per-asset bound: omitted → undefined (the optimiser's default), a number for every asset, or a
 * row/column (optionally labelled) with one bound per asset.
 */
export function readBound(
  value: unknown,
  argument: string,
  labels: readonly string[]
): number | Float64Array | undefined {
  if (isBlankCell(value)) return undefined;
  const grid = toGrid(value);
  if (grid.length === 1 && grid[0].length === 1) {
    return unwrap(
      parseNumber(grid[0][0], argument, 0, {
        min: 0,
        max: 1,
        expected: "a weight between 0 and 1, e.g. 0.25",
      })
    );
  }
  return readWeights(value, labels, argument);
}

/**
 * Group constraints from two arguments:
 * - `groups`: one group name per asset (e.g. its sector), a row or a column in the assets' order;
 * - `groupLimits`: a table with one row per constrained group: name, cap (e.g. "DeFi", 0.3), or
 *   name, floor, cap (e.g. "Large", 0.5, "" for no cap). Groups not listed are unconstrained.
 */
export function readGroups(
  groups: unknown,
  groupLimits: unknown,
  labels: readonly string[]
): PortfolioGroup[] | undefined {
  const noGroups = isBlankCell(groups);
  const noLimits = isBlankCell(groupLimits);
  if (noGroups && noLimits) return undefined;
  if (noGroups || noLimits) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "groups and groupCaps go together: give each asset's group (e.g. its sector) and a table of group, cap (or group, floor, cap)",
      { argument: noGroups ? "groups" : "groupCaps" }
    );
  }
  const names = unwrap(parseLabels(groups, "groups"));
  if (names.length !== labels.length) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `groups has ${names.length} names but there are ${labels.length} assets; give one group per asset, in the assets' order`,
      { argument: "groups" }
    );
  }
  const out: PortfolioGroup[] = [];
  for (const [r, row] of toGrid(groupLimits).entries()) {
    const where = `groupCaps: row ${r + 1}`;
    if (row.every(isBlankCell)) continue;
    if (row.length < 2 || row.length > 3 || typeof row[0] !== "string" || row[0].trim() === "") {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${where} must be a group name then a cap (or a floor and a cap); got ${row.map(describeCell).join(", ")}`,
        {
          argument: "groupCaps",
          row: r,
        }
      );
    }
    const name = row[0].trim();
    const members = names.flatMap((group, i) =>
      group.toLowerCase() === name.toLowerCase() ? [i] : []
    );
    if (members.length === 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${where}: no asset is in group "${name}"; check the spelling against groups`,
        {
          argument: "groupCaps",
          row: r,
        }
      );
    }
    const limit = (cell: unknown, c: number) =>
      isBlankCell(cell)
        ? undefined
        : unwrap(
            parseNumber(cell, `groupCaps ${columnLetter(c)}${r + 1}`, 0, {
              min: 0,
              max: 1,
              expected: "a weight between 0 and 1",
            })
          );
    const min = row.length === 3 ? limit(row[1], 1) : undefined;
    const max = limit(row[row.length - 1], row.length - 1);
    out.push({ name, members, min, max });
  }
  return out;
}

/** Bounds and groups as the optimisers take them. */
export function readConstraints(
  minWeight: unknown,
  maxWeight: unknown,
  groups: unknown,
  groupCaps: unknown,
  labels: readonly string[]
): PortfolioConstraints {
  return {
    lower: readBound(minWeight, "minWeight", labels),
    upper: readBound(maxWeight, "maxWeight", labels),
    groups: readGroups(groups, groupCaps, labels),
  };
}
