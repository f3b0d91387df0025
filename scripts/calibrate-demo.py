#!/usr/bin/python3
"""Calibrates the demo provider's price model on real daily closes.

Reads ../shared/data/crypto-daily-close.csv (Binance spot daily closes, see its README) and prints the
figures that src/data/demo/demoModel.ts holds as constants, and writes
test/fixtures/data/demo-calibration.json: the targets and accepted ranges that
test/data/demo/generateDemoCloses.test.ts checks the generator against. The data itself is never
copied into the project: only these summary statistics are.

Model (documented in demoModel.ts): daily log return of asset i on day t
    r_it = alpha_i + beta_i * m_t + s_i * (sqrt(c_k) * f_kt + sqrt(1 - c_k) * e_it)
    m_t  = mu_R + sigma_R * z_t,  z_t Student-t(nu) scaled to unit variance, R = bull | bear (Markov chain)
with f_kt (sector k factor) and e_it unit-variance Student-t noise.
Calibration:
  * regimes: BTC is the market factor. Bull and bear phases are dated on BTC's closes with the
    Lunde-Timmermann (2004) peak/trough rule, crypto-sized thresholds: a fall of 35 % from a peak starts
    a bear phase, a rise of 50 % from the trough ends it. Per regime: mean and sd of BTC's daily log
    return; persistence p_stay = 1 - 1 / (mean phase length in days).
  * nu from the excess kurtosis k of BTC's regime-standardised returns: nu = 4 + 6 / k (moment match).
  * per asset (pairwise-complete days with BTC): beta_i = cov(r_i, r_BTC) / var(r_BTC), s_i = sd and
    alpha_i = mean of the residual r_i - beta_i r_BTC.
  * per sector: c_k = mean pairwise correlation of the residuals within the sector (0 when one asset).
  * ranges for the test: annualised volatility (sqrt(365) * sd of daily log returns), correlation to
    BTC and maximum drawdown of each asset, per sector.

Run: /usr/bin/python3 scripts/calibrate-demo.py   (numpy only)
"""
import csv
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.environ.get("DIVERSIFY_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
OUT = os.path.join(ROOT, "test", "fixtures", "data", "demo-calibration.json")

BEAR_FALL = 0.35
BULL_RISE = 0.50
PERIODS_PER_YEAR = 365

SECTORS = {
    "BTC": "Store of value", "ETH": "Layer 1", "BNB": "Exchange", "XRP": "Payments", "ADA": "Layer 1",
    "SOL": "Layer 1", "DOGE": "Meme", "TRX": "Layer 1", "DOT": "Interoperability", "MATIC": "Layer 2",
    "LTC": "Payments", "SHIB": "Meme", "AVAX": "Layer 1", "LINK": "Oracles", "UNI": "DeFi",
    "ATOM": "Interoperability", "XLM": "Payments", "XMR": "Privacy", "ETC": "Layer 1", "BCH": "Payments",
    "PAXG": "Gold-backed", "AAVE": "DeFi",
}


def read_closes():
    with open(os.path.join(DATA, "crypto-daily-close.csv")) as handle:
        rows = list(csv.reader(handle))
    symbols = rows[0][1:]
    dates = [r[0] for r in rows[1:]]
    prices = np.array([[float(c) if c else np.nan for c in r[1:]] for r in rows[1:]])
    return symbols, dates, prices


def date_phases(p):
    """Bull/bear phases (state, start index, end index) by the peak/trough rule."""
    state, ext, start, phases = "bull", 0, 0, []
    for t in range(1, len(p)):
        if state == "bull":
            if p[t] > p[ext]:
                ext = t
            elif p[t] <= p[ext] * (1 - BEAR_FALL):
                phases.append(("bull", start, ext))
                start, state, ext = ext, "bear", t
        else:
            if p[t] < p[ext]:
                ext = t
            elif p[t] >= p[ext] * (1 + BULL_RISE):
                phases.append(("bear", start, ext))
                start, state, ext = ext, "bull", t
    phases.append((state, start, len(p) - 1))
    return phases


def max_drawdown(p):
    p = p[~np.isnan(p)]
    return float(np.max(1 - p / np.maximum.accumulate(p)))


def main():
    symbols, dates, prices = read_closes()
    logret = np.diff(np.log(prices), axis=0)
    btc = logret[:, 0]
    phases = date_phases(prices[:, 0])
    regime = np.empty(len(btc), dtype=object)
    for state, a, b in phases:
        regime[a:b] = state  # return t is the move from close t to close t+1
    regimes = {}
    standardised = np.empty_like(btc)
    for state in ("bull", "bear"):
        mask = regime == state
        lengths = [b - a for s, a, b in phases if s == state and b > a]
        mu, sd = float(btc[mask].mean()), float(btc[mask].std(ddof=1))
        standardised[mask] = (btc[mask] - mu) / sd
        regimes[state] = {
            "meanDailyLogReturn": mu,
            "dailyVolatility": sd,
            "meanLengthDays": float(np.mean(lengths)),
            "stayProbability": 1 - 1 / float(np.mean(lengths)),
            "phases": [[dates[a], dates[b]] for s, a, b in phases if s == state],
        }
    excess = float(np.mean(standardised**4) - 3)
    nu = 4 + 6 / excess

    assets = {}
    for j, sym in enumerate(symbols):
        r = logret[:, j]
        ok = ~np.isnan(r)
        beta = float(np.cov(r[ok], btc[ok], ddof=1)[0, 1] / np.var(btc[ok], ddof=1))
        resid = r - beta * btc
        assets[sym] = {
            "sector": SECTORS[sym],
            "beta": beta,
            "residualDailyVolatility": float(np.std(resid[ok], ddof=1)),
            "alphaDaily": float(np.mean(resid[ok])),
            "annualisedVolatility": float(np.std(r[ok], ddof=1) * np.sqrt(PERIODS_PER_YEAR)),
            "correlationToBtc": float(np.corrcoef(r[ok], btc[ok])[0, 1]),
            "maxDrawdown": max_drawdown(prices[:, j]),
            "firstDate": dates[int(np.argmax(~np.isnan(prices[:, j])))],
            "_resid": resid,
        }
    sectors = {}
    for sector in sorted(set(SECTORS.values())):
        members = [s for s in symbols if SECTORS[s] == sector]
        corrs = []
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                x, y = assets[members[a]]["_resid"], assets[members[b]]["_resid"]
                ok = ~np.isnan(x) & ~np.isnan(y)
                corrs.append(np.corrcoef(x[ok], y[ok])[0, 1])
        stats = lambda key: [assets[m][key] for m in members]
        sectors[sector] = {
            "members": members,
            "residualCorrelation": float(np.mean(corrs)) if corrs else 0.0,
            "annualisedVolatility": [min(stats("annualisedVolatility")), max(stats("annualisedVolatility"))],
            "correlationToBtc": [min(stats("correlationToBtc")), max(stats("correlationToBtc"))],
            "maxDrawdown": [min(stats("maxDrawdown")), max(stats("maxDrawdown"))],
        }
    for a in assets.values():
        del a["_resid"]

    fixture = {
        "generatedBy": "scripts/calibrate-demo.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "source": "../shared/data/crypto-daily-close.csv (Binance spot daily closes, %s .. %s)" % (dates[0], dates[-1]),
        "rule": {"bearFall": BEAR_FALL, "bullRise": BULL_RISE},
        "studentTDegreesOfFreedom": nu,
        "btcExcessKurtosis": excess,
        "regimes": regimes,
        "sectors": sectors,
        "assets": assets,
    }
    with open(OUT, "w") as handle:
        json.dump(fixture, handle, indent=1)
        handle.write("\n")
    print(json.dumps({k: v for k, v in fixture.items() if k not in ("assets",)}, indent=1))
    for sym, a in assets.items():
        print("%-6s %-16s alpha %.5f beta %.4f resid %.5f vol %.3f corr %.3f mdd %.3f" % (
            sym, a["sector"], a["alphaDaily"], a["beta"], a["residualDailyVolatility"], a["annualisedVolatility"],
            a["correlationToBtc"], a["maxDrawdown"]))


def write_date_oracle():
    """Oracle for the data layer's date helpers: day numbers from Python's datetime, and HTTP dates
    (Retry-After) parsed by email.utils.parsedate_to_datetime (RFC 5322 / RFC 9110 IMF-fixdate)."""
    import datetime
    import email.utils

    epoch = datetime.date(1970, 1, 1)
    days = [
        "1970-01-01", "1999-12-31", "2000-02-29", "2017-08-17", "2020-01-01", "2024-02-29",
        "2025-01-01", "2026-01-05", "2038-01-19", "2100-03-01",
    ]
    http_dates = ["Wed, 21 Oct 2015 07:28:00 GMT", "Thu, 01 Jan 1970 00:00:05 GMT", "Sat, 10 Jan 2026 12:00:12 GMT"]
    oracle = {
        "generatedBy": "scripts/calibrate-demo.py (write_date_oracle)",
        "python": sys.version.split()[0],
        "dayNumbers": [[d, (datetime.date.fromisoformat(d) - epoch).days] for d in days],
        "httpDates": [[h, int(email.utils.parsedate_to_datetime(h).timestamp() * 1000)] for h in http_dates],
    }
    with open(os.path.join(ROOT, "test", "fixtures", "data", "dates-oracle.json"), "w") as handle:
        json.dump(oracle, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
    write_date_oracle()
