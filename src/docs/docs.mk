# The document kinds of tandem build: placeholders in the texts,
# generated handbook chapters, tandem overview, goal agreements,
# certificates and the evaluation report.
SRCS += src/docs/docs_common.c src/docs/docs_text.c src/docs/docs_form.c \
	src/docs/docs_output.c src/docs/docs_tandems.c \
	src/docs/docs_agreement.c src/docs/docs_certificate.c \
	src/docs/docs_report.c
UNIT_TESTS += tests/unit/test_docs.c
# The one check of the organisations' logos (build and check).
SRCS += src/docs/docs_logo.c
