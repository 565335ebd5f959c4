// Progressive enhancements: a copy button beside each citation. Without
// JavaScript the citation is plain selectable text, and no button shows.
(function () {
  'use strict';
  if (!navigator.clipboard) { return; }
  document.querySelectorAll('.cite-text').forEach(function (el) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    var label = document.documentElement.lang === 'vi' ? 'Sao chép' : 'Copy';
    var done = document.documentElement.lang === 'vi' ? 'Đã sao chép' : 'Copied';
    b.textContent = label;
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(el.textContent).then(function () {
        b.textContent = done;
        setTimeout(function () { b.textContent = label; }, 2000);
      });
    });
    el.parentNode.appendChild(b);
  });
}());

// A plan's register folds away on screen; on paper it is part of the
// document, so every fold opens before printing.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
});
