# CSV import and export (tandem import / export): reading spreadsheets,
# mapping their columns to people, writing programme XML and CSV.
SRCS += src/import/csvin.c src/import/sheet.c src/import/sheet_vocab.c \
	src/import/xmlwrite.c src/import/csvwrite.c src/import/similar.c
UNIT_TESTS += tests/unit/test_import.c
LIBS += -lcsv
