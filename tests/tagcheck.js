// Checks the tagging of PDF files, independently of the code that wrote
// them (MuPDF's JavaScript: mutool run tests/tagcheck.js FILE.pdf...).
//
// For every file: the catalog says /MarkInfo <</Marked true>>, has /Lang,
// /ViewerPreferences /DisplayDocTitle and a /StructTreeRoot; every
// structure element has a standard type, every figure alternative text;
// every text-showing, painting or image operator on every page lies
// inside marked content (a tagged sequence or an artifact); every tagged
// sequence (MCID) belongs to exactly one structure element of the same
// type, and the parent tree says so too; every MCID the tree names exists;
// every link annotation is an object of a Link element. Prints one line per
// problem ("FILE: page N: ...") and a summary per file; exits 1 on any
// problem.

var STANDARD = {};
("Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct " +
    "Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD Span " +
    "Quote Note Reference BibEntry Code Link Figure Formula Form")
    .split(" ").forEach(function (s) { STANDARD[s] = true; });

// Operators that put marks on the page.
var PAINT = {};
["Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S",
    "s", "sh", "BI"].forEach(function (s) { PAINT[s] = true; });

var problems = 0;

function bad(file, msg) {
	print(file + ": " + msg);
	problems++;
}

function isnull(o) {
	return o === undefined || o === null || o.isNull();
}

// The bytes of a stream as a string (one character per byte).
function bytes(buf) {
	var parts = [], chunk = [], i;

	for (i = 0; i < buf.length; i++) {
		chunk.push(buf[i]);
		if (chunk.length === 200) {
			parts.push(String.fromCharCode.apply(null, chunk));
			chunk = [];
		}
	}
	parts.push(String.fromCharCode.apply(null, chunk));
	return parts.join("");
}

// The content of a page (one stream or an array of them).
function content(page) {
	var c = page.get("Contents"), s = "", i;

	if (isnull(c))
		return "";
	if (c.isArray()) {
		for (i = 0; i < c.length; i++)
			s += bytes(c.get(i).readStream()) + "\n";
		return s;
	}
	return bytes(c.readStream());
}

// Split a content stream into operands and operators. Returns a list of
// { op: name, args: [tokens] }; dictionaries become one token "<<...>>"
// with the MCID, if any, in .mcid.
function parse(s) {
	var out = [], args = [], i = 0, n = s.length, c, j, depth, tok;
	var WS = " \t\r\n\f\0", DELIM = "()<>[]{}/%";

	while (i < n) {
		c = s[i];
		if (WS.indexOf(c) >= 0) {
			i++;
		} else if (c === "%") {
			while (i < n && s[i] !== "\n" && s[i] !== "\r")
				i++;
		} else if (c === "(") {
			depth = 0;
			for (j = i; j < n; j++) {
				if (s[j] === "\\") { j++; continue; }
				if (s[j] === "(") depth++;
				else if (s[j] === ")" && --depth === 0) break;
			}
			args.push({ str: true });
			i = j + 1;
		} else if (c === "<" && s[i + 1] === "<") {
			depth = 0;
			for (j = i; j < n; j++) {
				if (s[j] === "<" && s[j + 1] === "<") { depth++; j++; }
				else if (s[j] === ">" && s[j + 1] === ">") {
					j++;
					if (--depth === 0) break;
				}
			}
			tok = s.substring(i, j + 1);
			var m = /\/MCID\s+(\d+)/.exec(tok);
			args.push({ dict: tok, mcid: m ? +m[1] : undefined });
			i = j + 1;
		} else if (c === "<") {
			j = s.indexOf(">", i);
			args.push({ str: true });
			i = j < 0 ? n : j + 1;
		} else if (c === "[" || c === "]" || c === "{" || c === "}") {
			args.push({ punct: c });
			i++;
		} else if (c === "/") {
			for (j = i + 1; j < n && WS.indexOf(s[j]) < 0 &&
			    DELIM.indexOf(s[j]) < 0; j++)
				;
			args.push({ name: s.substring(i + 1, j) });
			i = j;
		} else {
			for (j = i; j < n && WS.indexOf(s[j]) < 0 &&
			    DELIM.indexOf(s[j]) < 0; j++)
				;
			if (j === i) j++;
			tok = s.substring(i, j);
			i = j;
			if (/^[-+.0-9]/.test(tok)) {
				args.push({ num: tok });
				continue;
			}
			if (tok === "true" || tok === "false" || tok === "null") {
				args.push({ kw: tok });
				continue;
			}
			out.push({ op: tok, args: args });
			args = [];
			if (tok === "ID") {	// inline image data up to EI
				j = s.indexOf("EI", i);
				i = j < 0 ? n : j + 2;
			}
		}
	}
	return out;
}

function check(file) {
	var doc, trailer, root, st, pages = [], pageno = {}, i;
	var owner = {};		// "pageobj/mcid" -> element object number
	var elemtype = {};	// element object number -> type
	var nelem = 0, nmc = 0, nart = 0, nobjr = 0;
	var annotowner = {};	// annotation object number -> element
	var before = problems;

	try {
		doc = new PDFDocument(file);
	} catch (e) {
		bad(file, "cannot open: " + e);
		return;
	}
	trailer = doc.getTrailer();
	root = trailer.get("Root");
	for (i = 0; i < doc.countPages(); i++) {
		pages.push(doc.findPage(i));
		pageno[pages[i].asIndirect()] = i + 1;
	}
	var mi = root.get("MarkInfo");
	if (isnull(mi) || isnull(mi.get("Marked")) || !mi.get("Marked").valueOf())
		bad(file, "no /MarkInfo <</Marked true>>");
	if (isnull(root.get("Lang")))
		bad(file, "no /Lang");
	var vp = root.get("ViewerPreferences");
	if (isnull(vp) || isnull(vp.get("DisplayDocTitle")) ||
	    !vp.get("DisplayDocTitle").valueOf())
		bad(file, "no /ViewerPreferences <</DisplayDocTitle true>>");
	if (!isnull(root.get("Tabs")))
		bad(file, "/Tabs is not PDF 1.4");
	st = root.get("StructTreeRoot");
	if (isnull(st)) {
		bad(file, "no /StructTreeRoot");
		return;
	}

	// Walk the structure tree in order.
	function claim(page, mcid, el, type) {
		var key;

		if (isnull(page)) {
			bad(file, type + " element " + el + ": MCID " + mcid +
			    " without a page");
			return;
		}
		key = page.asIndirect() + "/" + mcid;
		if (owner[key] !== undefined)
			bad(file, "page " + pageno[page.asIndirect()] + ": MCID " +
			    mcid + " claimed twice");
		owner[key] = el;
	}
	function walk(e, depth) {
		var k, type, pg, num, j, kid;

		if (depth > 100) {
			bad(file, "structure deeper than 100");
			return;
		}
		num = e.asIndirect();
		if (!e.isIndirect())
			bad(file, "a structure element is not an indirect object");
		type = isnull(e.get("S")) ? "?" : e.get("S").valueOf();
		if (!STANDARD[type])
			bad(file, "non-standard structure type " + type);
		elemtype[num] = type;
		nelem++;
		if (type === "Figure" && (isnull(e.get("Alt")) ||
		    e.get("Alt").valueOf() === ""))
			bad(file, "figure (object " + num + ") without " +
			    "alternative text");
		pg = e.get("Pg");
		k = e.get("K");
		if (isnull(k))
			return;
		var kids = [];
		if (k.isArray())
			for (j = 0; j < k.length; j++)
				kids.push(k.get(j));
		else
			kids.push(k);
		for (j = 0; j < kids.length; j++) {
			kid = kids[j];
			if (kid.isNumber()) {
				claim(pg, kid.valueOf(), num, type);
			} else if (kid.isDictionary() && !isnull(kid.get("S"))) {
				walk(kid, depth + 1);
			} else if (kid.isDictionary() && !isnull(kid.get("Obj"))) {
				nobjr++;
				annotowner[kid.get("Obj").asIndirect()] = num;
			} else if (kid.isDictionary() &&
			    !isnull(kid.get("MCID"))) {
				claim(isnull(kid.get("Pg")) ? pg : kid.get("Pg"),
				    kid.get("MCID").valueOf(), num, type);
			} else
				bad(file, type + " element " + num +
				    ": a kid of unknown kind");
		}
	}
	var top = st.get("K");
	if (isnull(top))
		bad(file, "empty structure tree");
	else if (top.isArray())
		for (i = 0; i < top.length; i++)
			walk(top.get(i), 0);
	else
		walk(top, 0);

	// The parent tree: one /Nums array, or (large files) /Kids leaves
	// with /Limits that hold the keys they say.
	var parent = {}, nkeys = 0, ptree = st.get("ParentTree");
	function numtree(node, depth) {
		var nums = node.get("Nums"), kids = node.get("Kids"), j, key;
		var lim = node.get("Limits");

		if (depth > 20)
			return;
		if (!isnull(kids))
			for (j = 0; j < kids.length; j++)
				numtree(kids.get(j), depth + 1);
		if (isnull(nums))
			return;
		for (j = 0; j + 1 < nums.length; j += 2) {
			key = nums.get(j).valueOf();
			if (!isnull(lim) && (key < lim.get(0).valueOf() ||
			    key > lim.get(1).valueOf()))
				bad(file, "parent tree key " + key +
				    " outside its leaf's /Limits");
			parent[key] = nums.get(j + 1);
			nkeys++;
		}
	}
	if (isnull(ptree) || (isnull(ptree.get("Nums")) &&
	    isnull(ptree.get("Kids"))))
		bad(file, "no /ParentTree with /Nums or /Kids");
	else {
		numtree(ptree, 0);
		var next = st.get("ParentTreeNextKey");
		if (isnull(next) || next.valueOf() < nkeys)
			bad(file, "/ParentTreeNextKey missing or too small");
	}

	// The pages: every mark inside marked content, MCIDs matching.
	var seen = {};
	for (i = 0; i < pages.length; i++) {
		var pg = pages[i], ops = parse(content(pg)), stack = [], j;
		var sp = pg.get("StructParents"), arr = null;
		var where = "page " + (i + 1) + ": ";

		if (!isnull(sp))
			arr = parent[sp.valueOf()];
		for (j = 0; j < ops.length; j++) {
			var o = ops[j], a = o.args, tagname, mcid, key;

			if (o.op === "BMC" || o.op === "BDC") {
				tagname = a.length > 0 && a[0].name !== undefined ?
				    a[0].name : "?";
				mcid = o.op === "BDC" && a.length > 1 ?
				    a[1].mcid : undefined;
				stack.push(tagname);
				if (tagname === "Artifact") {
					nart++;
					continue;
				}
				if (mcid === undefined) {
					if (stack.length === 1)
						bad(file, where + "marked content /" +
						    tagname + " without MCID");
					continue;
				}
				nmc++;
				key = pg.asIndirect() + "/" + mcid;
				if (seen[key])
					bad(file, where + "MCID " + mcid + " twice");
				seen[key] = true;
				if (owner[key] === undefined)
					bad(file, where + "MCID " + mcid + " (/" +
					    tagname + ") belongs to no element");
				else if (elemtype[owner[key]] !== tagname)
					bad(file, where + "MCID " + mcid + " is /" +
					    tagname + " in the page, " +
					    elemtype[owner[key]] + " in the tree");
				if (arr === null || arr === undefined ||
				    !arr.isArray() || mcid >= arr.length ||
				    isnull(arr.get(mcid)) ||
				    arr.get(mcid).asIndirect() !== owner[key])
					bad(file, where + "MCID " + mcid +
					    ": parent tree disagrees");
			} else if (o.op === "EMC") {
				if (stack.length === 0)
					bad(file, where + "EMC without BMC/BDC");
				else
					stack.pop();
			} else if (PAINT[o.op] && stack.length === 0) {
				bad(file, where + "'" + o.op + "' outside " +
				    "tagged content and artifacts");
			}
		}
		if (stack.length !== 0)
			bad(file, where + "marked content not closed");
		var annots = pg.get("Annots");
		if (!isnull(annots))
			for (j = 0; j < annots.length; j++) {
				var an = annots.get(j), num = an.asIndirect();
				var spn = an.get("StructParent");

				if (an.get("Subtype").valueOf() !== "Link")
					continue;
				if (annotowner[num] === undefined ||
				    elemtype[annotowner[num]] !== "Link")
					bad(file, where + "link annotation " + num +
					    " is not in a Link element");
				if (isnull(spn) || isnull(parent[spn.valueOf()]) ||
				    parent[spn.valueOf()].asIndirect() !==
				    annotowner[num])
					bad(file, where + "link annotation " + num +
					    ": /StructParent disagrees");
			}
	}
	for (var key in owner)
		if (!seen[key])
			bad(file, "MCID " + key + " of a " + elemtype[owner[key]] +
			    " element is not in the page");
	print(file + ": " + (problems === before ? "tagged" : "PROBLEMS") +
	    ": " + nelem + " elements, " + nmc + " tagged sequences, " +
	    nart + " artifacts, " + nobjr + " annotations");
}

for (var f = 0; f < scriptArgs.length; f++)
	check(scriptArgs[f]);
if (problems > 0)
	quit(1);
