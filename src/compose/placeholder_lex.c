/*
 * Reading the placeholders of one text: "{{ }}" found outside escapes,
 * conditional text ({{if}}, {{unless}}, {{else}}, {{end}}), each body
 * split into name and KEY=VALUE arguments (errors go through
 * placeholder_args.c). What a name stands for is in placeholder_value.c.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "compose/placeholder.h"
#include "compose/placeholder_priv.h"
#include "util/escape.h"
#include "util/strbuf.h"

/*
 * Split a placeholder body into name and arguments and check the syntax.
 * Returns 0, or -1 after reporting. *cap is set for a capitalised name.
 */
int
ph_parse_body(struct ph *ph, const char *body, size_t blen, bool *cap)
{
	size_t i = 0, nlen;

	while (blen > 0 && isspace((unsigned char)*body))
		body++, blen--;
	while (blen > 0 && isspace((unsigned char)body[blen - 1]))
		blen--;
	for (nlen = 0; nlen < blen && !isspace((unsigned char)body[nlen]);
	    nlen++)
		if (!isalnum((unsigned char)body[nlen]) && body[nlen] != '.' &&
		    body[nlen] != '-')
			break;
	if (nlen == 0 || nlen >= sizeof(ph->name) ||
	    (nlen < blen && !isspace((unsigned char)body[nlen]))) {
		ph_err(ph->s, ph->off, "unknown placeholder '%.*s'",
		    ph_show(body, blen), body);
		return -1;
	}
	memcpy(ph->name, body, nlen);
	ph->name[nlen] = '\0';
	*cap = isupper((unsigned char)ph->name[0]);
	ph->name[0] = (char)tolower((unsigned char)ph->name[0]);

	ph->nargs = 0;
	for (i = nlen; i < blen;) {
		struct arg *a;
		size_t st, eq;

		while (i < blen && isspace((unsigned char)body[i]))
			i++;
		if (i == blen)
			break;
		for (st = i; i < blen && !isspace((unsigned char)body[i]); i++)
			continue;
		for (eq = st; eq < i && body[eq] != '='; eq++)
			continue;
		if (eq == i || eq == st) {
			ph_err(ph->s, ph->off, "argument '%.*s' is not "
			    "KEY=VALUE in placeholder '%s'",
			    ph_show(body + st, i - st), body + st, ph->name);
			return -1;
		}
		for (size_t k = 0; k < ph->nargs; k++)
			if (ph->args[k].kn == eq - st && memcmp(ph->args[k].k,
			    body + st, eq - st) == 0) {
				ph_err(ph->s, ph->off, "argument '%.*s' given "
				    "twice in placeholder '%s'",
				    ph_show(body + st, eq - st), body + st,
				    ph->name);
				return -1;
			}
		if (ph->nargs == MAX_ARGS) {
			ph_err(ph->s, ph->off, "too many arguments in "
			    "placeholder '%s'", ph->name);
			return -1;
		}
		a = &ph->args[ph->nargs++];
		a->k = body + st;
		a->kn = eq - st;
		a->v = body + eq + 1;
		a->vn = i - eq - 1;
		a->used = false;
	}
	return 0;
}

/*
 * Evaluate the placeholder body [body, body+blen) found at byte off and
 * append its value. Returns 0, or -1 after reporting an error.
 */
static int
eval(struct strbuf *out, const struct src *s, size_t off, const char *body,
    size_t blen)
{
	struct ph ph;
	bool cap;

	memset(&ph, 0, sizeof(ph));
	ph.s = s;
	ph.off = off;
	if (ph_parse_body(&ph, body, blen, &cap) < 0)
		return -1;
	if (s->url) {
		/* A value inside a link target stays one part of it. */
		struct strbuf v = STRBUF_INIT;
		int rc = ph_eval(&v, &ph, cap);

		escape_url_value(out, v.s != NULL ? v.s : "", v.len);
		sb_free(&v);
		return rc;
	}
	return ph_eval(out, &ph, cap);
}

/* The control words of conditional text. */
enum ctl {
	CTL_NONE,		/* an ordinary placeholder */
	CTL_IF,			/* {{if NAME ARGS}} */
	CTL_UNLESS,		/* {{unless NAME ARGS}} */
	CTL_ELSE,		/* {{else}} */
	CTL_END,		/* {{end}} */
	CTL__MAX
};

static const char *const ctl_words[CTL__MAX] = {
	[CTL_NONE] = "", [CTL_IF] = "if", [CTL_UNLESS] = "unless",
	[CTL_ELSE] = "else", [CTL_END] = "end"
};

/* One open {{if}} or {{unless}}. */
struct cond {
	size_t	off;		/* of its "{{" */
	bool	parent;		/* was the text around it being kept? */
	bool	truth;		/* the condition, negated for unless */
	bool	in_else;	/* after {{else}} */
};

#define MAX_DEPTH	8

/*
 * Which control word the body [body, body+blen) starts with; *rest is set
 * to the text after it (the condition of if and unless).
 */
static enum ctl
control(const char *body, size_t blen, const char **rest, size_t *rlen)
{
	size_t w;

	while (blen > 0 && isspace((unsigned char)*body))
		body++, blen--;
	for (w = 0; w < blen && !isspace((unsigned char)body[w]); w++)
		continue;
	for (int k = CTL_IF; k < CTL__MAX; k++)
		if (ph_tok_is(body, w, ctl_words[k])) {
			*rest = body + w;
			*rlen = blen - w;
			return (enum ctl)k;
		}
	return CTL_NONE;
}

/* [v, v+n) as a number (decimal comma or point); false if it is none. */
static bool
as_number(const char *v, size_t n, double *d)
{
	char buf[64], *end;

	if (n == 0 || n >= sizeof(buf))
		return false;
	memcpy(buf, v, n);
	buf[n] = '\0';
	for (char *c = buf; *c != '\0'; c++)
		if (*c == ',')
			*c = '.';
	*d = strtod(buf, &end);
	return *end == '\0' && end != buf;
}

/* Does the comma-separated list [l, l+ln) contain [v, v+vn)? */
static bool
in_list(const char *l, size_t ln, const char *v, size_t vn)
{
	while (ln > 0) {
		const char *c = memchr(l, ',', ln);
		size_t k = c != NULL ? (size_t)(c - l) : ln;

		if (k == vn && memcmp(l, v, k) == 0)
			return true;
		if (c == NULL)
			break;
		ln -= k + 1;
		l = c + 1;
	}
	return false;
}

/*
 * Evaluate the condition of {{if NAME ARGS}} found at off: the value of
 * the placeholder NAME ARGS, compared as the condition arguments say
 * (is=A,B: the value is one of them; min=N, max=N: it is a number in
 * that range; none: it is non-empty and neither 0 nor "–"). Returns 0
 * with *truth set, or -1 after reporting.
 */
static int
eval_cond(const struct src *s, size_t off, const char *body, size_t blen,
    bool *truth)
{
	struct strbuf v = STRBUF_INIT;
	struct ph ph;
	struct arg *is, *lim[2];
	double d, bound;
	bool cap, num;
	int rc = -1;

	memset(&ph, 0, sizeof(ph));
	ph.s = s;
	ph.off = off;
	if (ph_parse_body(&ph, body, blen, &cap) < 0)
		return -1;
	is = ph_arg_take(&ph, "is");
	lim[0] = ph_arg_take(&ph, "min");
	lim[1] = ph_arg_take(&ph, "max");
	if (ph_eval(&v, &ph, false) < 0)
		goto out;
	num = as_number(sb_str(&v), v.len, &d);
	if (is != NULL)
		*truth = in_list(is->v, is->vn, sb_str(&v), v.len);
	else if (lim[0] == NULL && lim[1] == NULL)
		*truth = v.len > 0 && strcmp(sb_str(&v), "–") != 0 &&
		    (!num || d != 0);
	else
		*truth = num;
	for (int k = 0; k < 2; k++) {
		if (lim[k] == NULL)
			continue;
		if (!as_number(lim[k]->v, lim[k]->vn, &bound)) {
			ph_bad_value(&ph, lim[k]);
			goto out;
		}
		if (num && (k == 0 ? d < bound : d > bound))
			*truth = false;
	}
	rc = 0;
out:
	sb_free(&v);
	return rc;
}

/* Append [t, t+n) without the escape marks. */
static void
add_plain(struct strbuf *out, const char *t, size_t n)
{
	const char *e;

	while (n > 0 && (e = memchr(t, ESC, n)) != NULL) {
		sb_add(out, t, (size_t)(e - t));
		n -= (size_t)(e - t) + 1;
		t = e + 1;
	}
	sb_add(out, t, n);
}

/* Expand the text [t, t+n) with positions from s; append to out. */
int
ph_expand(struct strbuf *out, const char *t, size_t n, const struct src *s)
{
	struct cond st[MAX_DEPTH];
	size_t i = 0, j, q, rlen;
	const char *rest;
	int errors = 0, depth = 0;
	bool on = true, truth;
	enum ctl k;

	while (i < n) {
		/* Find an unescaped "{{". */
		for (j = i; j + 1 < n; j++) {
			if (t[j] == ESC)
				j++;
			else if (t[j] == '{' && t[j + 1] == '{')
				break;
		}
		if (j + 1 >= n) {
			if (on)
				add_plain(out, t + i, n - i);
			break;
		}
		if (on)
			add_plain(out, t + i, j - i);
		for (q = j + 2; q + 1 < n; q++)
			if (t[q] == '}' && t[q + 1] == '}')
				break;
		if (q + 1 >= n) {
			ph_err(s, j, "unclosed placeholder: '{{' without '}}'");
			errors++;
			if (on)
				add_plain(out, t + j, n - j);
			break;
		}
		i = q + 2;
		k = control(t + j + 2, q - j - 2, &rest, &rlen);
		if (k == CTL_NONE) {
			/* Skipped text is not evaluated: it may name an
			 * event the programme does not have. */
			if (on && eval(out, s, j, t + j + 2, q - j - 2) < 0)
				errors++;
			continue;
		}
		if (k == CTL_IF || k == CTL_UNLESS) {
			if (depth == MAX_DEPTH) {
				ph_err(s, j, "conditions nested more than %d "
				    "deep", MAX_DEPTH);
				errors++;
				continue;
			}
			truth = false;
			if (on && eval_cond(s, j, rest, rlen, &truth) < 0)
				errors++;
			st[depth++] = (struct cond){ j, on,
			    k == CTL_IF ? truth : !truth, false };
			on = on && st[depth - 1].truth;
			continue;
		}
		while (rlen > 0 && isspace((unsigned char)*rest))
			rest++, rlen--;
		if (rlen > 0) {
			ph_err(s, j, "'%s' takes no arguments", ctl_words[k]);
			errors++;
		}
		if (depth == 0) {
			ph_err(s, j, "'{{%s}}' without '{{if}}' before it in "
			    "the same text", ctl_words[k]);
			errors++;
			continue;
		}
		if (k == CTL_ELSE) {
			if (st[depth - 1].in_else) {
				ph_err(s, j, "a second '{{else}}' for one "
				    "'{{if}}'");
				errors++;
			}
			st[depth - 1].in_else = true;
			on = st[depth - 1].parent && !st[depth - 1].truth;
		} else
			on = st[--depth].parent;
	}
	while (depth > 0) {
		ph_err(s, st[--depth].off, "'{{if}}' without '{{end}}' in the "
		    "same text (a condition cannot span emphasis, a link or a "
		    "line break)");
		errors++;
	}
	return errors;
}

int
placeholder_expand_str(struct strbuf *out, const char *str, size_t len,
    const struct compose_ctx *c, const char *file, long line, long col)
{
	struct seg seg = { 0, line, col };
	struct src s = { file, &seg, 1, c, false };

	return ph_expand(out, str, len, &s);
}

void
placeholder_escape_source(char *src, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (src[i] == ESC)
			src[i] = ' ';
	for (size_t i = 0; i + 1 < len; i++) {
		if (src[i] != '\\')
			continue;
		if (src[i + 1] == '{')
			src[i] = ESC;
		if (ispunct((unsigned char)src[i + 1]))
			i++;
	}
}

