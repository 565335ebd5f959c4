// Progressive enhancements: a copy button beside each citation, and the
// search words carried across the language switch. Without JavaScript the
// citation is plain selectable text, no button shows, and the switch
// leads to the other language's search page.
(function () {
  'use strict';

  // On a search page, the other language's search page is asked the same
  // question: the query travels with the language link, also after a new
  // search on this page has changed the address.
  var lang = document.querySelector('a.lang');
  if (lang && document.getElementById('search-form')) {
    var withQuery = function () {
      var q = new URLSearchParams(window.location.search).get('q');
      var to = new URL(lang.getAttribute('href'), window.location.href);
      to.search = '';
      if (q) { to.searchParams.set('q', q); }
      lang.href = to.pathname + to.search;
    };
    withQuery();
    lang.addEventListener('click', withQuery);
    lang.addEventListener('focus', withQuery);
  }

  if (!navigator.clipboard) { return; }
  // A site built without its public address (a local preview) cites bare
  // paths; a citation is pasted elsewhere, so the copy carries the host
  // this page was read from.
  function absolute(text) {
    return text.replace(/(^|\s)(\/\S*)$/, function (m, sp, path) { return sp + window.location.origin + path; });
  }
  document.querySelectorAll('.cite-text').forEach(function (el) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    var label = document.documentElement.lang === 'vi' ? 'Sao chép' : 'Copy';
    var done = document.documentElement.lang === 'vi' ? 'Đã sao chép' : 'Copied';
    b.textContent = label;
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(absolute(el.textContent)).then(function () {
        b.textContent = done;
        setTimeout(function () { b.textContent = label; }, 2000);
      });
    });
    el.parentNode.appendChild(b);
  });
}());

// A plan's contents fold to their sections: the address of an item or a
// section inside a folded one opens every fold around it, so that a link
// to it shows it (browsers that open folds for a fragment do the same
// without this).
function openTarget() {
  var id = decodeURIComponent(window.location.hash.slice(1));
  var el = id && document.getElementById(id);
  for (var d = el; d; d = d.parentElement) {
    if (d.tagName === 'DETAILS') { d.open = true; }
  }
  if (el) { el.scrollIntoView(); }
}
window.addEventListener('hashchange', openTarget);
if (window.location.hash) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', openTarget);
  } else {
    openTarget();
  }
}

// A plan's register folds away on screen; on paper it is part of the
// document, so every fold opens before printing.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
});
