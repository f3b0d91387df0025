import { hierarchicalEqualRiskContribution } from "../../src/core/allocation/hierarchicalEqualRiskContribution";
import { nestedClusteredOptimisation } from "../../src/core/allocation/nestedClusteredOptimisation";
import type { BenchCase } from "../harness";
import { randomCovariance } from "../randomData";

export const cases: BenchCase[] = [
  {
    name: "HERC (ward, gap statistic)",
    size: "100 assets",
    setup: () => {
      const cov = randomCovariance(100, 730, 21);
      return () => hierarchicalEqualRiskContribution(cov);
    },
  },
  {
    name: "HERC (ward, gap statistic)",
    size: "500 assets",
    targetMs: 100,
    setup: () => {
      const cov = randomCovariance(500, 1000, 22);
      return () => hierarchicalEqualRiskContribution(cov);
    },
  },
  {
    name: "NCO (ward, silhouette, long-short closed form)",
    size: "100 assets",
    setup: () => {
      const cov = randomCovariance(100, 730, 23);
      return () => nestedClusteredOptimisation(cov);
    },
  },
  {
    name: "NCO (ward, silhouette, long-short closed form)",
    size: "500 assets",
    targetMs: 100,
    setup: () => {
      const cov = randomCovariance(500, 1000, 24);
      return () => nestedClusteredOptimisation(cov);
    },
  },
  {
    // No target: the active-set QP on clusters of ~200–300 assets; the option, not the default.
    name: "NCO (ward, silhouette, long-only QP)",
    size: "500 assets",
    setup: () => {
      const cov = randomCovariance(500, 1000, 24);
      return () => nestedClusteredOptimisation(cov, { longOnly: true });
    },
  },
];
