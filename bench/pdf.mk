# Benchmark of the PDF device (bench/pdf.bench.sh).
BENCHES += bench/pdf_certs.c
