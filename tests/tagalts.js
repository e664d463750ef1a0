// Prints the alternative text of every Figure and Form element of a
// tagged PDF in reading order, one "Type: text" line each (MuPDF's
// JavaScript: mutool run tests/tagalts.js FILE.pdf); used by
// tests/tagged.test.sh.

function isnull(o) {
	return o === undefined || o === null || o.isNull();
}

function walk(e, depth) {
	var k, i, s;

	if (depth > 100 || isnull(e) || !e.isDictionary() || isnull(e.get("S")))
		return;
	s = e.get("S").valueOf();
	if ((s === "Figure" || s === "Form") && !isnull(e.get("Alt")))
		print(s + ": " + e.get("Alt").asString());
	else if (s === "Figure" || s === "Form")
		print(s + ":");
	k = e.get("K");
	if (isnull(k))
		return;
	if (k.isArray())
		for (i = 0; i < k.length; i++)
			walk(k.get(i), depth + 1);
	else
		walk(k, depth + 1);
}

var doc = new PDFDocument(scriptArgs[0]);
var top = doc.getTrailer().get("Root").get("StructTreeRoot").get("K");

if (top.isArray())
	for (var j = 0; j < top.length; j++)
		walk(top.get(j), 0);
else
	walk(top, 0);
