/*
 * Programme XML output for imports: the <people> and <tandems> elements
 * and a whole programme.xml, escaped so that the loader reads back exactly
 * the same values.
 */
#include <stdio.h>
#include <string.h>

#include "import/write.h"
#include "util/escape.h"

/* Write ` name="value"` if value is set. */
static void
attr(FILE *fp, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	fprintf(fp, " %s=\"", name);
	escape_xml(fp, value, 1);
	fputc('"', fp);
}

/* Write `<name>text</name>` on its own line if text is set. */
static void
element(FILE *fp, int indent, const char *name, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	fprintf(fp, "%*s<%s>", indent, "", name);
	escape_xml(fp, text, 0);
	fprintf(fp, "</%s>\n", name);
}

/* One <person> element. */
static void
person(FILE *fp, const struct programme *p, const struct person *q,
    int indent)
{
	char num[16];
	size_t i;

	fprintf(fp, "%*s<person", indent, "");
	attr(fp, "id", q->id);
	attr(fp, "role", role_names[q->role]);
	attr(fp, "gender", gender_names[q->gender]);
	if (q->org >= 0)
		attr(fp, "org", p->orgs[q->org].id);
	if (q->level > 0) {
		snprintf(num, sizeof(num), "%d", q->level);
		attr(fp, "level", num);
	}
	if (q->capacity != 1) {
		snprintf(num, sizeof(num), "%d", q->capacity);
		attr(fp, "capacity", num);
	}
	attr(fp, "field", q->field);
	if (q->ntopics > 0) {
		fputs(" topics=\"", fp);
		for (i = 0; i < q->ntopics; i++) {
			if (i > 0)
				fputc(' ', fp);
			escape_xml(fp, p->topics[q->topics[i]].id, 1);
		}
		fputc('"', fp);
	}
	attr(fp, "wish-gender", gender_names[q->wish_gender]);
	attr(fp, "background", q->background);
	if (q->wish_background)
		attr(fp, "wish-background", "yes");
	if (q->nlanguages > 0) {
		fputs(" languages=\"", fp);
		for (i = 0; i < q->nlanguages; i++) {
			if (i > 0)
				fputc(' ', fp);
			escape_xml(fp, q->languages[i], 1);
		}
		fputc('"', fp);
	}
	if (q->status != STATUS_COMPLETED)
		attr(fp, "status", status_names[q->status]);
	fputs(">\n", fp);
	fprintf(fp, "%*s<name", indent + 2, "");
	attr(fp, "title", q->title);
	attr(fp, "given", q->given);
	fputs(" family=\"", fp);
	escape_xml(fp, q->family != NULL ? q->family : "", 1);
	fputs("\"/>\n", fp);
	element(fp, indent + 2, "unit", q->unit);
	element(fp, indent + 2, "position", q->position);
	element(fp, indent + 2, "email", q->email);
	element(fp, indent + 2, "phone", q->phone);
	fprintf(fp, "%*s</person>\n", indent, "");
}

void
import_xml_people(FILE *fp, const struct programme *p, int indent)
{
	fprintf(fp, "%*s<people>\n", indent, "");
	for (size_t i = 0; i < p->npeople; i++)
		person(fp, p, &p->people[i], indent + 2);
	fprintf(fp, "%*s</people>\n", indent, "");
}

void
import_xml_tandems(FILE *fp, const struct programme *p, int indent)
{
	if (p->ntandems == 0)
		return;
	fprintf(fp, "%*s<tandems>\n", indent, "");
	for (size_t i = 0; i < p->ntandems; i++) {
		fprintf(fp, "%*s<tandem", indent + 2, "");
		attr(fp, "mentee", p->people[p->tandems[i].mentee].id);
		attr(fp, "mentor", p->people[p->tandems[i].mentor].id);
		fputs("/>\n", fp);
	}
	fprintf(fp, "%*s</tandems>\n", indent, "");
}

void
import_xml_programme(FILE *fp, const struct programme *p,
    const char *comment)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	if (comment != NULL) {
		/* "--" may not appear inside a comment. */
		fputs("<!-- ", fp);
		for (const char *s = comment; *s != '\0'; s++)
			fputc(*s == '-' && s[1] == '-' ? '=' : *s, fp);
		fputs(" -->\n", fp);
	}
	fputs("<programme", fp);
	attr(fp, "id", p->id);
	attr(fp, "lang", lang_names[p->lang]);
	/* Always stated, so that nobody reads internal by default. */
	attr(fp, "kind", kind_names[p->kind]);
	if (p->wording != WORDING_PAIR)
		attr(fp, "wording", wording_names[p->wording]);
	attr(fp, "place", p->place);
	fputs(">\n", fp);
	element(fp, 2, "title", p->title);
	element(fp, 2, "edition", p->edition);
	fprintf(fp, "  <period start=\"%04d-%02d-%02d\" end=\"%04d-%02d-%02d\"/>\n",
	    p->start.y, p->start.m, p->start.d, p->end.y, p->end.m, p->end.d);
	if (p->norgs > 0) {
		fputs("  <organisations>\n", fp);
		for (i = 0; i < p->norgs; i++) {
			fputs("    <organisation", fp);
			attr(fp, "id", p->orgs[i].id);
			attr(fp, "short", p->orgs[i].short_name);
			attr(fp, "logo", p->orgs[i].logo);
			fputc('>', fp);
			escape_xml(fp, p->orgs[i].name, 0);
			fputs("</organisation>\n", fp);
		}
		fputs("  </organisations>\n", fp);
	}
	if (p->ntopics > 0) {
		fputs("  <topics>\n", fp);
		for (i = 0; i < p->ntopics; i++) {
			fputs("    <topic", fp);
			attr(fp, "id", p->topics[i].id);
			fputc('>', fp);
			escape_xml(fp, p->topics[i].label, 0);
			fputs("</topic>\n", fp);
		}
		fputs("  </topics>\n", fp);
	}
	import_xml_people(fp, p, 2);
	import_xml_tandems(fp, p, 2);
	fputs("</programme>\n", fp);
}
