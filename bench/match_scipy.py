# SciPy's linear_sum_assignment on a table written by match_bench -w:
# n*n signed bytes, score 0..100 or -1 for a forbidden pair. Prints the
# best solve time (CPU time of the process) of REPEAT runs, the number of pairs and the total score
# (maximised), for bench/match.bench.sh.
# usage: match_scipy.py TABLE N [REPEAT]
import sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment

n = int(sys.argv[2])
t = np.fromfile(sys.argv[1], dtype=np.int8).reshape(n, n)
cost = (100 - t).astype(np.float64)
cost[t < 0] = np.inf
best = None
for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1):
    t0 = time.process_time()
    r, c = linear_sum_assignment(cost)
    t1 = time.process_time()
    best = t1 - t0 if best is None else min(best, t1 - t0)
print("%.3f %d %d" % (best, len(r), int(t[r, c].astype(np.int64).sum())))
