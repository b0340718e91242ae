"""Companion of bench/lisa.bench.ts: PySAL esda Moran_Local (numba crand) on the same values and weights.

Usage: /usr/bin/python3 bench/lisa_esda.py <esda source dir> <dir> <nsim> [repeats]
  <esda source dir>  a directory holding the esda package (fetched source; esda is not a Debian package)
  <dir>/values.txt   one value per line, in the order of the GAL records
  <dir>/weights.gal  GAL neighbour list (row-standardised by Moran_Local, transformation "r")
Prints one line "RESULT {json}": for n_jobs = -1 (all cores) and n_jobs = 1, the best of `repeats` runs (default 3)
after a warm-up run that compiles the numba kernels (CPU seconds: this process only, not joblib's workers;
n_jobs = -1 is skipped, "parallel": null, when joblib is not installed: esda would run it in one process); writes <dir>/esda_Is.txt (I_i, esda's (n - 1) convention) for a check of the statistic.
"""
import json
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import importlib.util  # noqa: E402
import types  # noqa: E402

import numpy as np  # noqa: E402
import numba  # noqa: E402
import libpysal  # noqa: E402

# The esda package without its __init__ (which imports scikit-learn and geopandas for other modules): only the
# modules Moran_Local needs are loaded from the source directory.
esda = types.ModuleType("esda")
esda.__path__ = [os.path.join(sys.argv[1], "esda")]
sys.modules["esda"] = esda
from esda.moran import Moran_Local  # noqa: E402

d, nsim = sys.argv[2], int(sys.argv[3])
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
y = np.loadtxt(os.path.join(d, "values.txt"))
w = libpysal.io.open(os.path.join(d, "weights.gal")).read()
cores = os.cpu_count()
joblib = importlib.util.find_spec("joblib") is not None
out = {"esda": os.environ.get("ESDA_REF", "source"), "numba": numba.__version__, "cores": cores, "n": len(y),
       "joblib": joblib, "parallel": None}
# n_jobs = -1: esda's parallel path (numba kernels in one joblib process per core; without joblib esda silently
# falls back to one process, so it is not run then); 1: one process.
for n_jobs, key in ((-1, "parallel"), (1, "serial")):
    if n_jobs != 1 and not joblib:
        continue
    Moran_Local(y, w, transformation="r", permutations=nsim, n_jobs=n_jobs, seed=1)  # warm-up (numba compilation)
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        res = Moran_Local(y, w, transformation="r", permutations=nsim, n_jobs=n_jobs, seed=1)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    out[key] = {"seconds": best, "cpuSeconds": best_cpu}
np.savetxt(os.path.join(d, "esda_Is.txt"), res.Is, fmt="%.17g")
print("RESULT " + json.dumps(out))
