# German collation of names (DIN 5007 variant 1) for sorted lists.
SRCS += src/util/collate.c
UNIT_TESTS += tests/unit/test_collate.c
