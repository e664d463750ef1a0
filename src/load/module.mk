SRCS += src/load/model.c
RESOURCES += schema/programme.rng=schema/programme.rng
