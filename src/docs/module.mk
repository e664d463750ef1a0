# The document kinds of tandem build: handbook, tandem overview, goal
# agreements, certificates, report; with their default templates and texts.
SRCS += src/docs/docs_common.c src/docs/docs_text.c src/docs/docs_form.c \
	src/docs/docs_output.c src/docs/docs_logo.c src/docs/docs_tandems.c \
	src/docs/docs_agreement.c src/docs/docs_certificate.c \
	src/docs/docs_report.c src/docs/handbook.c src/docs/docs_hyph.c
UNIT_TESTS += tests/unit/test_docs.c
# Built into the binary (see src/util/resource.h): the default templates and
# texts, German and English (content/en/, for programmes with lang="en").
RESOURCES += $(foreach f,$(sort $(wildcard templates/*.xml content/*.md content/handbook/*.md content/en/*.md content/en/handbook/*.md)),$(f)=$(f))
