# Tests of more than one module: the entry points the fuzzers use and the
# fixes they and the hostile suite led to.
UNIT_TESTS += tests/unit/test_harden.c
