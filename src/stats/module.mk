# Statistics across cohorts: computation, disclosure control, writers
# (txt, csv) and the document tree of statistics.pdf.
SRCS += src/stats/stats.c src/stats/protect.c src/stats/stats_print.c \
	src/stats/stats_txt.c src/stats/stats_csv.c \
	src/stats/stats_doc.c src/stats/stats_cols.c src/stats/stats_chart.c
UNIT_TESTS += tests/unit/test_stats.c tests/unit/test_stats_doc.c
