# Benchmark of the documents (bench/docs.bench.sh).
BENCHES += bench/docs_bench.c
