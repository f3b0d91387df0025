"""Python references of the browser bench (bench/browser/run.mjs), timed in the same run.

Prints one JSON object: for numpy's corrcoef, scipy's spearmanr and scikit-learn's LedoitWolf on
standard normal returns of the bench's sizes, the median and minimum of 7 runs after a warm-up
(the same statistic as the browser rows), or the reason a library is missing.
"""

import json
import sys
import time


def timed(work, runs=7):
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"medianMs": times[len(times) // 2], "minMs": times[0], "runs": runs}


def main():
    out = {}
    try:
        import numpy as np
    except ImportError as error:
        print(json.dumps({"missing": f"numpy: {error}"}))
        return
    rng = np.random.default_rng(1)
    x10 = rng.standard_normal((3650, 500))
    x5_200 = rng.standard_normal((1825, 200))
    x5_500 = rng.standard_normal((1825, 500))
    out["numpy"] = np.__version__
    out["corrcoef"] = timed(lambda: np.corrcoef(x10, rowvar=False))
    try:
        import scipy
        from scipy.stats import spearmanr

        out["scipy"] = scipy.__version__
        out["spearmanr"] = timed(lambda: spearmanr(x5_200))
    except ImportError as error:
        out["spearmanr"] = {"missing": f"scipy: {error}"}
    try:
        import sklearn
        from sklearn.covariance import LedoitWolf

        out["sklearn"] = sklearn.__version__
        out["ledoitwolf"] = timed(lambda: LedoitWolf().fit(x5_500))
    except ImportError as error:
        out["ledoitwolf"] = {"missing": f"scikit-learn: {error}"}
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
