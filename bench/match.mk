# Benchmark of the matching core (make bench): bench/match.bench.sh.
BENCHES += bench/match_bench.c
