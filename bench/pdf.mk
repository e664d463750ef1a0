# Benchmark of the PDF device (bench/pdf.bench.sh) and its baseline, a
# bare libharu program.
BENCHES += bench/pdf_certs.c bench/pdf_bare.c bench/pdf_handbook.c
