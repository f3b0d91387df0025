import { covarianceMatrix } from "../../src/core/covariance/covarianceMatrix";
import { ewmaCovariance } from "../../src/core/covariance/ewmaCovariance";
import { ledoitWolf } from "../../src/core/covariance/ledoitWolf";
import { ledoitWolfConstantCorrelation } from "../../src/core/covariance/ledoitWolfConstantCorrelation";
import { oracleApproximatingShrinkage } from "../../src/core/covariance/oracleApproximatingShrinkage";
import { sampleCovariance } from "../../src/core/covariance/sampleCovariance";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import type { ReturnsPanel } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** 500 assets × 1,825 daily returns (five years): the size the issue sets for Ledoit–Wolf. */
const ROWS = 1825;
const COLS = 500;
const SIZE = "500 assets × 1,825 rows";
const PAIRS = { count: (COLS * (COLS + 1)) / 2, label: "pairs" };

function returns(): ReturnsPanel {
  return returnsFromPrices(pricePanel(randomPrices(ROWS + 1, COLS, 7)));
}

export const cases: BenchCase[] = [
  {
    name: "covariance sample",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => sampleCovariance(r);
    },
  },
  {
    name: "covariance ledoit-wolf",
    size: SIZE,
    units: PAIRS,
    targetMs: 200,
    setup: () => {
      const r = returns();
      return () => ledoitWolf(r);
    },
  },
  {
    name: "covariance constant correlation",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => ledoitWolfConstantCorrelation(r);
    },
  },
  {
    name: "covariance oas",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => oracleApproximatingShrinkage(r);
    },
  },
  {
    name: "covariance ewma",
    size: SIZE,
    units: PAIRS,
    setup: () => {
      const r = returns();
      return () => ewmaCovariance(r, { halfLife: 60 });
    },
  },
  {
    name: "covariance dispatcher ledoitwolf",
    size: "20 assets × 1,825 rows",
    setup: () => {
      const r = returnsFromPrices(pricePanel(randomPrices(ROWS + 1, 20, 8)));
      return () => covarianceMatrix(r, { estimator: "ledoitwolf" });
    },
  },
];
