import { correlationFromCovariance } from "../../src/core/covariance/correlationFromCovariance";
import { denoisedCorrelation } from "../../src/core/covariance/denoisedCorrelation";
import { denoisedCovariance } from "../../src/core/covariance/denoisedCovariance";
import { gerberCovariance } from "../../src/core/covariance/gerberCovariance";
import { marchenkoPasturFit } from "../../src/core/covariance/marchenkoPasturFit";
import { sampleCovariance } from "../../src/core/covariance/sampleCovariance";
import { semicovariance } from "../../src/core/covariance/semicovariance";
import { symmetricSpectrum } from "../../src/core/covariance/symmetricSpectrum";
import { symmetricEigen } from "../../src/core/linalg/symmetricEigen";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import type { ReturnsPanel } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** 500 assets × 1,825 daily returns (five years): the size issue 13 sets for denoising (≤ 100 ms). */
const ROWS = 1825;
const COLS = 500;
const SIZE = "500 assets × 1,825 rows";
const PAIRS = { count: (COLS * (COLS + 1)) / 2, label: "pairs" };

function returns(): ReturnsPanel {
  return returnsFromPrices(pricePanel(randomPrices(ROWS + 1, COLS, 7)));
}

export const cases: BenchCase[] = [
  {
    name: "covariance denoised",
    size: SIZE,
    units: PAIRS,
    targetMs: 100,
    setup: () => {
      const r = returns();
      return () => denoisedCovariance(r);
    },
  },
  {
    name: "covariance denoised + detoned",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => denoisedCovariance(r, { detone: true });
    },
  },
  {
    // Where the time goes: the three stages of "covariance denoised", separately.
    name: "denoising: correlation from the sample covariance",
    size: SIZE,
    setup: () => {
      const r = returns();
      return () => correlationFromCovariance(sampleCovariance(r));
    },
  },
  {
    name: "denoising: denoisedCorrelation (eigen-decomposition, fit, rebuild)",
    size: "500 assets",
    setup: () => {
      const c = correlationFromCovariance(sampleCovariance(returns()));
      return () => denoisedCorrelation(c, ROWS);
    },
  },
  {
    name: "denoising: symmetricSpectrum (all eigenvalues, the top eigenvector)",
    size: "500 assets",
    setup: () => {
      const c = correlationFromCovariance(sampleCovariance(returns()));
      return () => symmetricSpectrum(c.data, COLS).leadingVectors(1);
    },
  },
  {
    // What denoising cost before symmetricSpectrum: ml-matrix's full decomposition, for comparison.
    name: "reference: linalg symmetricEigen (ml-matrix, every eigenvector)",
    size: "500 assets",
    setup: () => {
      const c = correlationFromCovariance(sampleCovariance(returns()));
      return () => symmetricEigen(c.data, COLS);
    },
  },
  {
    name: "denoising: marchenkoPasturFit",
    size: "500 eigenvalues",
    setup: () => {
      const c = correlationFromCovariance(sampleCovariance(returns()));
      const lambda = symmetricSpectrum(c.data, COLS).lambda;
      return () => marchenkoPasturFit(lambda, ROWS / COLS, 0.01);
    },
  },
  {
    name: "covariance gerber",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => gerberCovariance(r);
    },
  },
  {
    name: "covariance semi",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => semicovariance(r);
    },
  },
];
