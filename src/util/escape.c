/*
 * XML, CSV and link-target escaping (see escape.h).
 */
#include <string.h>
#include <strings.h>

#include "util/escape.h"
#include "util/strbuf.h"

bool
escape_url_allowed(const char *u)
{
	return u[0] == '#' || strncasecmp(u, "http://", 7) == 0 ||
	    strncasecmp(u, "https://", 8) == 0 ||
	    strncasecmp(u, "mailto:", 7) == 0;
}

void
escape_url_value(struct strbuf *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~' || c == '@') {
			sb_addc(sb, (char)c);
			continue;
		}
		sb_addc(sb, '%');
		sb_addc(sb, hex[c >> 4]);
		sb_addc(sb, hex[c & 15]);
	}
}

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
