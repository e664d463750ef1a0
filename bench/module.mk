# Benchmark programs (make bench runs bench/*.bench.sh): layout, documents,
# the matching core, the PDF device and its baseline, a bare libharu program.
BENCHES += bench/layout_bench.c bench/docs_bench.c bench/match_bench.c \
	bench/pdf_certs.c bench/pdf_bare.c bench/pdf_handbook.c
