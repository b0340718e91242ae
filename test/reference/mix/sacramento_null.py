"""Independent Monte Carlo reference for the inference functions of src/mix, with numpy.

Re-run (from the project root; takes about a minute):
    /usr/bin/python3 test/reference/mix/sacramento_null.py > test/reference/mix/sacramento_null.json

Data: ../shared/data/pysal-examples/sacramento2/sacramentot2.csv (403 tracts).
1. Random labelling (person permutation, PySAL segregation `simulate_person_permutation`): every person keeps
   their tract, the group labels are shuffled among all persons (numpy permutation of a label vector), and the
   index is recomputed. Reported: mean and sd of D (HISP_ vs TOT_POP) and of the multigroup D
   (WHITE_, BLACK_, ASIAN_, HISP_) over R simulations.
2. Allen et al. (2015) bias-corrected D as in PySAL segregation `BiasCorrectedDissim`: B multinomial
   replications of the group and of everyone else; D_bc = 2 D - mean(D_b). B is large so that the Monte Carlo
   error of the reference is small.
"""
import csv
import json
import sys

import numpy as np

PATH = "../shared/data/pysal-examples/sacramento2/sacramentot2.csv"
rows = list(csv.DictReader(open(PATH, newline="")))
t = np.array([int(r["TOT_POP"]) for r in rows])
x = np.array([int(r["HISP_"]) for r in rows])
G = np.array([[int(r[g]) for g in ("WHITE_", "BLACK_", "ASIAN_", "HISP_")] for r in rows])


def dissim(x, t):
    keep = t > 0
    x, t = x[keep], t[keep]
    T, X = t.sum(), x.sum()
    P = X / T
    return np.abs(x - t * P).sum() / (2 * T * P * (1 - P))


def multi_dissim(G):
    ti = G.sum(axis=1)
    G = G[ti > 0]
    ti = ti[ti > 0]
    T = G.sum()
    Pk = G.sum(axis=0) / T
    I = (Pk * (1 - Pk)).sum()
    return np.abs(G - ti[:, None] * Pk).sum() / (2 * T * I)


rng = np.random.default_rng(20240501)
R = 2000

# 1a. single group: persons of all tracts, labels 1 (group) / 0 (other)
tract = np.repeat(np.arange(len(t)), t)
labels = np.concatenate([np.ones(x.sum(), dtype=np.int64), np.zeros(t.sum() - x.sum(), dtype=np.int64)])
sim_d = np.empty(R)
for r in range(R):
    perm = rng.permutation(labels)
    xs = np.bincount(tract, weights=perm, minlength=len(t))
    sim_d[r] = dissim(xs, t)

# 1b. multigroup: total = sum of the four groups
tg = G.sum(axis=1)
tract_g = np.repeat(np.arange(len(tg)), tg)
labels_g = np.repeat(np.arange(4), G.sum(axis=0))
sim_md = np.empty(R)
for r in range(R):
    perm = rng.permutation(labels_g)
    Gs = np.zeros_like(G)
    np.add.at(Gs, (tract_g, perm), 1)
    sim_md[r] = multi_dissim(Gs)

# 2. bias-corrected D
B = 20000
D = dissim(x, t)
other = t - x
sim0 = rng.multinomial(x.sum(), x / x.sum(), size=B)
sim1 = rng.multinomial(other.sum(), other / other.sum(), size=B)
Db = np.array([dissim(sim0[b], sim0[b] + sim1[b]) for b in range(B)])

json.dump(
    {
        "_source": "test/reference/mix/sacramento_null.py (numpy " + np.__version__ + ", seed 20240501)",
        "randomLabelling": {
            "permutations": R,
            "dissimilarity": {"mean": float(sim_d.mean()), "sd": float(sim_d.std(ddof=1))},
            "multigroupDissimilarity": {"mean": float(sim_md.mean()), "sd": float(sim_md.std(ddof=1))},
        },
        "biasCorrected": {
            "replications": B,
            "dissimilarity": float(D),
            "bootstrapMean": float(Db.mean()),
            "bootstrapSd": float(Db.std(ddof=1)),
            "biasCorrected": float(2 * D - Db.mean()),
        },
    },
    sys.stdout,
    indent=1,
)
print()
