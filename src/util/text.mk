# Shared text helpers: escaping for XML and CSV, "did you mean".
SRCS += src/util/escape.c src/util/suggest.c
UNIT_TESTS += tests/unit/test_text.c
