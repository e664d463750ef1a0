# The matching core: a library with no dependency on the rest of tandem.
SRCS += src/match/match.c src/match/match_score.c src/match/match_explain.c \
	src/match/lap.c
UNIT_TESTS += tests/unit/test_match.c
