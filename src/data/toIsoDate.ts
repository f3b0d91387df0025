const MS_PER_DAY = 86_400_000;

/**
 * The ISO `yyyy-mm-dd` UTC date of a day number (days since 1970-01-01 UTC) — the date unit of the
 * whole data layer, which counts calendar days because crypto trades every day.
 *
 * Complexity: O(1).
 *
 * @param dayNumber integer days since the Unix epoch
 * @example toIsoDate(0); // => "1970-01-01"
 * @example toIsoDate(20089); // => "2025-01-01"
 */
export function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}
