# Files built into the binary (see src/util/resource.h): the default
# templates, the default texts of the sample programme (German) and their
# English counterparts in content/en/ (for programmes with lang="en"). The
# schema is listed by src/load/module.mk.
RESOURCES += $(foreach f,$(sort $(wildcard templates/*.xml content/*.md content/handbook/*.md content/en/*.md content/en/handbook/*.md)),$(f)=$(f))
