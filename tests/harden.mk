# Hardening tests: unit tests of the entry points the fuzzers use
# and of the fixes they and the hostile suite led to.
UNIT_TESTS += tests/unit/test_harden.c
