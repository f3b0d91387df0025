import { CoreError } from "../errors";

/**
 * Quantile function (inverse CDF) of the standard normal distribution, Φ⁻¹(p).
 *
 * Formula: Wichura's rational approximations (algorithm AS 241, PPND16), relative error about 1e-16.
 * Reference: Wichura (1988), "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37(3); matches `scipy.stats.norm.ppf` to ~1e-15. simple-statistics `probit`
 * is not used: its inverse-erf approximation is off by ~1e-3 (probit(0.05) = −1.64342 vs −1.64485),
 * visible in a VaR.
 * Complexity: O(1).
 *
 * @param p a probability strictly between 0 and 1
 * @returns z with Φ(z) = p
 * @throws CoreError INVALID_ARGUMENT (p outside (0, 1), NaN)
 * @example normalQuantile(0.05); // => -1.6448536269514726 (scipy: −1.6448536269514729)
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new CoreError("INVALID_ARGUMENT", `p must be strictly between 0 and 1; got ${p}`, {
      argument: "p",
    });
  }
  const q = p - 0.5;
  if (Math.abs(q) <= CENTRAL_LIMIT) {
    const r = CENTRAL_SHIFT - q * q;
    return (q * polynomial(CENTRAL_NUMERATOR, r)) / polynomial(CENTRAL_DENOMINATOR, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value =
    r <= TAIL_SPLIT
      ? polynomial(NEAR_NUMERATOR, r - 1.6) / polynomial(NEAR_DENOMINATOR, r - 1.6)
      : polynomial(FAR_NUMERATOR, r - TAIL_SPLIT) / polynomial(FAR_DENOMINATOR, r - TAIL_SPLIT);
  return q < 0 ? -value : value;
}

/** Horner evaluation of Σ c_i x^i (coefficients lowest degree first). */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i];
  return sum;
}

// AS 241 (PPND16) coefficients, lowest degree first, at double precision (the published 20-digit
// values rounded to the nearest double). Region bounds are Wichura's: |p − ½| ≤ 0.425 is the
// central rational function in (p − ½)²; beyond it r = √(−ln(min(p, 1 − p))), with r ≤ 5 and r > 5.
const CENTRAL_LIMIT = 0.425;
const CENTRAL_SHIFT = 0.180625;
const TAIL_SPLIT = 5;
const CENTRAL_NUMERATOR = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DENOMINATOR = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852546,
];
const NEAR_NUMERATOR = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DENOMINATOR = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_NUMERATOR = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const FAR_DENOMINATOR = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];
