/*
 * XML and CSV escaping (see escape.h).
 */
#include <string.h>

#include "util/escape.h"

void
escape_xml(FILE *fp, const char *s, int attr)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs(attr ? "&quot;" : "\"", fp);
			break;
		case '\t':
			fputs(attr ? "&#9;" : "\t", fp);
			break;
		case '\n':
			fputs(attr ? "&#10;" : "\n", fp);
			break;
		case '\r':
			fputs("&#13;", fp);
			break;
		default:
			fputc(*s, fp);
			break;
		}
	}
}

bool
escape_csv_formula(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void
escape_csv(FILE *fp, const char *s, char sep)
{
	size_t n = s != NULL ? strlen(s) : 0;
	char special[] = { sep, '"', '\n', '\r', '\0' };
	bool formula = escape_csv_formula(s);

	if (n == 0)
		return;
	if (!formula && strpbrk(s, special) == NULL && s[0] != ' ' &&
	    s[n - 1] != ' ' && s[n - 1] != '\t') {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (formula)
		fputc('\t', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}
