# Loading a programme: the safe XML reader (also for templates), the
# element table, reading at a node, structure checks, model building,
# semantic validation.
SRCS += src/load/model.c src/load/xml.c src/load/elements.c \
	src/load/node.c src/load/structure.c src/load/build.c src/load/load.c \
	src/load/validate.c src/load/rules.c src/load/fields.c
UNIT_TESTS += tests/unit/test_load.c
RESOURCES += schema/programme.rng=schema/programme.rng
