# The matching core: a library with no dependency on the rest of tandem.
SRCS += src/match/match.c src/match/match_score.c src/match/match_explain.c \
	src/match/lap.c
UNIT_TESTS += tests/unit/test_match.c
# The hot loops of the core (rules and scores of every pair) are written
# for the vectoriser, which -O2 alone leaves mostly unused.
$(BUILD)/src/match/%.o: ALL_CFLAGS += -ftree-vectorize -fvect-cost-model=dynamic
