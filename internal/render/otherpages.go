package render

// The root page, the pages nginx answers a missing address with, and the
// pages left at the addresses of moved and withdrawn items, written in
// Go as the other kinds are (see listpages.go), while their theme files
// are the built-in ones. With them, a site built with the built-in theme
// runs no template at all.

// root.html: the page at the site's root, which sends a reader to the
// home page of the first language and links to each.
func (w *htmlWriter) rootPage(bv *bilingualView) {
	v := bv.page
	w.openHead(v)
	for i, l := range bv.Langs {
		if i > 0 {
			w.raw(" · ")
		}
		w.text(l.Tx(l.Site.Title))
	}
	w.raw("</title>\n<meta http-equiv=\"refresh\" content=\"0; url=")
	w.text(v.Link.Home())
	w.raw("\">\n<link rel=\"canonical\" href=\"")
	w.url(v.Link.CanonicalIn(v.Lang()))
	w.raw("\">\n<link rel=\"stylesheet\" href=\"")
	w.urlErr(v.Link.Asset("site.css"))
	w.raw("\">\n</head>\n<body>\n<main id=\"main\">\n<h1>")
	w.text(v.Tx(v.Site.Title))
	w.raw("</h1>\n<ul>\n")
	for _, l := range bv.Langs {
		w.raw("<li><a ")
		w.langHref(l.Link.Home(), l.Lang())
		w.raw(">")
		w.t(l, "lang.name")
		w.raw("</a></li>\n")
	}
	w.raw("</ul>\n</main>\n</body>\n</html>\n")
}

// openHead writes the start of a page that has a layout of its own, up
// to its title.
func (w *htmlWriter) openHead(v *page) {
	w.raw("<!DOCTYPE html>\n<html lang=\"")
	w.text(v.Lang())
	w.raw("\">\n<head>\n")
	w.html(v.Shared("meta"))
	w.raw("\n<title>")
}

// 404.html: once per language for the addresses under it, and once in
// every language for any other address.
func (w *htmlWriter) notFoundPage(bv *bilingualView) {
	v := bv.page
	w.openHead(v)
	for i, l := range bv.Langs {
		if i > 0 {
			w.raw(" · ")
		}
		w.t(l, "notfound.title")
	}
	w.raw(" · ")
	w.text(v.Tx(v.Site.Title))
	w.raw("</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"stylesheet\" href=\"")
	w.urlErr(v.Link.Asset("site.css"))
	w.raw("\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
	w.t(v, "site.skip")
	w.raw("</a>\n<header class=\"site\">\n<div class=\"bar\">\n<a class=\"brand\" href=\"")
	w.url(v.Link.Home())
	w.raw("\">")
	w.text(v.Tx(v.Site.Title))
	w.raw("</a>\n")
	if len(bv.Langs) == 1 {
		w.raw("<a class=\"lang\" ")
		w.langHref(v.Link.In(v.OtherLang()), v.OtherLang())
		w.raw(">")
		w.t(v, "lang.switch")
		w.raw("</a>")
	}
	w.raw("\n</div>\n")
	w.html(v.Shared("nav"))
	w.raw("\n</header>\n<main id=\"main\">\n")
	for i, l := range bv.Langs {
		lang := l.Lang()
		w.raw("<section class=\"notfound\" lang=\"")
		w.text(lang)
		w.raw("\" aria-labelledby=\"nf-")
		w.text(lang)
		w.raw("\">\n")
		h := "h1"
		if i > 0 {
			h = "h2"
		}
		w.raw("<" + h + " id=\"nf-")
		w.text(lang)
		w.raw("\">")
		w.t(l, "notfound.title")
		w.raw("</" + h + ">\n<p>")
		w.t(l, "notfound.text")
		w.raw("</p>\n<form class=\"search\" role=\"search\" aria-label=\"")
		w.t(l, "search.title")
		w.raw("\" action=\"")
		w.url(l.Link.Path("search/"))
		w.raw("\" method=\"get\">\n<label for=\"q-")
		w.text(lang)
		w.raw("\">")
		w.t(l, "search.label")
		w.raw("</label>\n<input id=\"q-")
		w.text(lang)
		w.raw("\" type=\"search\" name=\"q\">\n<button type=\"submit\">")
		w.t(l, "search.submit")
		w.raw("</button>\n</form>\n<p>")
		w.link(l.Link.Home(), tr(w, l, "notfound.home"))
		w.raw("</p>\n</section>\n")
	}
	w.raw("</main>\n")
	w.html(v.Shared("footer"))
	w.raw("\n</body>\n</html>\n")
}

// redirect.html: the old address of a moved item, or of a page named in
// redirects.yaml, which sends the reader on.
func (w *htmlWriter) redirectPage(rv *redirectView) {
	v, m := rv.page, rv.Move
	to := v.Link.Path(v.Page.Target)
	if rv.Item != nil {
		to = v.Link.Item(rv.Item)
	}
	title := func() {
		if rv.Plan != nil {
			w.t(v, "redirect.title")
		} else {
			w.t(v, "redirect.page-title")
		}
	}
	head := func() {
		w.raw("<meta http-equiv=\"refresh\" content=\"0; url=")
		w.text(to)
		w.raw("\">")
	}
	w.layoutWithHead(v, title, head, func() {
		w.raw("\n<h1>")
		title()
		w.raw("</h1>\n<p>")
		if rv.Plan != nil {
			w.str(v.Tf("redirect.text", v.L.Date(m.Date)))
			w.raw(" <a href=\"")
			w.url(v.Link.Item(rv.Item))
			w.raw("\">")
			w.text(v.PlanName(rv.Plan))
			w.raw(" · ")
			w.text(v.Label(rv.Item))
			w.raw("</a>.</p>\n")
		} else {
			w.str(v.Tf("redirect.page-text", v.L.Date(m.Date)))
			w.raw(" ")
			w.link(v.Link.Path(v.Page.Target), v.Link.Path(v.Page.Target))
			w.raw(".</p>\n")
		}
		if !m.Note.IsZero() {
			w.raw("<p>")
			w.text(v.Tx(m.Note))
			w.raw("</p>")
		}
		w.raw("\n")
	})
}

// tombstone.html: the address of a withdrawn item, or of a page named in
// redirects.yaml, with what it was and where to look instead.
func (w *htmlWriter) tombstonePage(tv *tombstoneView) {
	v, wd, p := tv.page, tv.Withdrawal, tv.Plan
	title := func() {
		if p != nil {
			w.t(v, "tombstone.title")
		} else {
			w.t(v, "tombstone.page-title")
		}
	}
	w.layout(v, title, func() {
		if p != nil {
			w.crumbs(v)
			w.link(v.Link.Plan(p), v.PlanName(p))
			w.raw("</nav>\n<h1>")
			title()
			w.raw("</h1>\n<p>")
			w.str(v.Tf("tombstone.text", v.L.Date(wd.Date)))
		} else {
			w.raw("\n<h1>")
			title()
			w.raw("</h1>\n<p>")
			w.str(v.Tf("tombstone.page-text", v.L.Date(wd.Date)))
		}
		w.raw("</p>\n\n<dl class=\"facts\">\n")
		if wd.Label != "" {
			w.fact(v, "item.section")
			w.text(wd.Label)
			w.raw("</dd>")
		}
		w.raw("\n")
		if !wd.Text.IsZero() {
			w.fact(v, "tombstone.was")
			if v.Has(wd.Text) {
				w.text(v.Tx(wd.Text))
			} else {
				w.raw("<span lang=\"vi\">")
				w.text(wd.Text.VI)
				w.raw("</span>")
			}
			w.raw("</dd>")
		}
		w.raw("\n")
		w.fact(v, "tombstone.reason")
		w.text(v.Tx(wd.Reason))
		w.raw("</dd>\n")
		w.fact(v, "tombstone.see")
		switch {
		case wd.SeeItem != nil:
			w.link(v.Link.Item(wd.SeeItem), v.Label(wd.SeeItem))
		case v.Page.Target != "":
			w.link(v.Link.Path(v.Page.Target), v.Link.Path(v.Page.Target))
		case p != nil:
			w.link(v.Link.Plan(p), v.PlanName(p))
		default:
			w.link(v.Link.Home(), v.Link.Home())
		}
		w.raw("</dd>\n</dl>\n")
	})
}
