SRCS += src/load/model.c src/load/load.c src/load/validate.c \
	src/load/rules.c
UNIT_TESTS += tests/unit/test_load.c
RESOURCES += schema/programme.rng=schema/programme.rng
