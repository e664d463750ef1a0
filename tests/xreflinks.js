// Lists the internal links of PDF files, independently of the code that
// wrote them (MuPDF's JavaScript: mutool run tests/xreflinks.js FILE.pdf).
//
// For every link annotation with a destination (/Dest, or a /GoTo action
// with /D) prints one line "P X0 Y0 X1 Y1 Q TOP H": the annotation's page
// P and rectangle, the page Q (both 1-based) and height TOP its
// destination names, and page P's height H. A destination that names no
// page of the document prints Q as 0. URI links are left out.

function isnull(o) {
	return o === undefined || o === null || o.isNull();
}

var file = scriptArgs[0];
var doc = new PDFDocument(file);
var pages = [], num = {}, i, j;

for (i = 0; i < doc.countPages(); i++) {
	pages.push(doc.findPage(i));
	num[pages[i].asIndirect()] = i + 1;
}
for (i = 0; i < pages.length; i++) {
	var annots = pages[i].get("Annots");
	var box = pages[i].get("MediaBox");

	if (isnull(annots))
		continue;
	for (j = 0; j < annots.length; j++) {
		var a = annots.get(j), d = a.get("Dest"), r = a.get("Rect");

		if (isnull(d) && !isnull(a.get("A")) &&
		    String(a.get("A").get("S")) === "/GoTo")
			d = a.get("A").get("D");
		if (isnull(d) || !d.isArray())
			continue;
		var target = d.get(0).isIndirect() ?
		    num[d.get(0).asIndirect()] : 0;
		print((i + 1) + " " + r.get(0) + " " + r.get(1) + " " +
		    r.get(2) + " " + r.get(3) + " " + (target || 0) + " " +
		    d.get(3) + " " + box.get(3));
	}
}
