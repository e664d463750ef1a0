# Files built into the binary (see src/util/resource.h): the default
# templates and the default texts of the sample programme. The schema is
# listed by src/load/module.mk.
RESOURCES += $(foreach f,$(sort $(wildcard templates/*.xml content/*.md content/handbook/*.md)),$(f)=$(f))
