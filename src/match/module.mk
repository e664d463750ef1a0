# The matching core: a library with no dependency on the rest of tandem.
SRCS += src/match/match.c src/match/match_score.c src/match/match_explain.c \
	src/match/lap.c
UNIT_TESTS += tests/unit/test_match.c
# The hot loops of the core (rules and scores of every pair) are written
# for the vectoriser, which -O2 alone leaves mostly unused (GCC's cost
# model option; clang, as make fuzz uses it, knows only the first).
$(BUILD)/src/match/%.o: ALL_CFLAGS += -ftree-vectorize \
	$(if $(findstring clang,$(CC)),,-fvect-cost-model=dynamic)
