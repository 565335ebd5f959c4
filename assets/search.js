// Search without a server: fetches only the term lists of the query's
// words, the byte ranges of their postings, and the document blocks of
// the results shown. Builds results with
// DOM methods (no innerHTML), so indexed text can never become markup.
//
// Ranking: every word must match, the last one also as the beginning of
// a word, so that results appear while it is typed. Results are one list,
// best first: a word in a heading (in either language) counts three times
// a word in the text, a whole word twice a word it begins; a word typed
// with its diacritics ranks the documents that spell it so first; and
// words found side by side, as typed, rank above the same words apart
// (Vietnamese words are mostly two syllables: "giảm nghèo" is one word,
// "giám sát … nghèo" is two others). The ranking functions take the
// function that fetches index files as a parameter and, loaded as a
// CommonJS module, export themselves instead of touching a page: the Go
// tests of internal/search run them under Node on indexes they write.
(function () {
  'use strict';

  // fold must agree with the index's (package fold): every nonspacing
  // mark goes, and what is left is composed again (Hangul, for one,
  // decomposes into letters that would otherwise stay apart).
  function fold(s) {
    return s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }
  function terms(s) {
    return s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}\p{Mn}]+/u).filter(Boolean);
  }
  function shardOf(f) {
    var m = /^[a-z0-9]{1,2}/.exec(f);
    return m ? m[0] : '_';
  }

  // packOf is the pack internal/search puts a term's postings in: its
  // first letter or digit, or "_".
  function packOf(t) {
    return /^[a-z0-9]/.test(t) ? t.charAt(0) : '_';
  }
  // expand lists the terms of a shard that the folded word f stands for:
  // the word itself, and for the last word the terms it begins, most
  // frequent first, eight at most, so that a short prefix never makes a
  // query download the postings of hundreds of terms.
  function expand(shard, f, isLast) {
    var out = Object.prototype.hasOwnProperty.call(shard, f) ? [f] : [];
    if (!isLast || f.length < 2) { return out; }
    var more = Object.keys(shard).filter(function (k) { return k !== f && k.indexOf(f) === 0; });
    more.sort(function (a, b) { return shard[b][0] - shard[a][0] || (a < b ? -1 : a > b ? 1 : 0); });
    return out.concat(more.slice(0, 8 - out.length));
  }
  // undelta turns differences back into document numbers.
  function undelta(list, step) {
    var prev = 0;
    for (var i = 0; i < list.length; i += step) { list[i] += prev; prev = list[i]; }
    return list;
  }

  // PHRASE is what two query words found side by side in a document add
  // to its score: more than a heading match of one of them, so that the
  // two-syllable word typed outranks its syllables found apart.
  var PHRASE = 8;

  // score resolves to {s: doc -> score, next: the terms that follow the
  // word in documents, each with its documents} for one query word, or
  // null when no term of the index matches it. get(path) fetches an index
  // file's JSON, {} when it is missing; get(path, [offset, length]) the
  // JSON in those bytes of it. A term list gives each term as [documents,
  // offset, length], the place of its postings in the pack of its first
  // letter.
  function score(get, word, isLast) {
    var f = fold(word);
    return get('t/' + shardOf(f) + '.json').then(function (shard) {
      var keys = expand(shard, f, isLast);
      if (!keys.length) { return null; }
      return Promise.all(keys.map(function (k) { return get('p/' + packOf(k) + '.bin', [shard[k][1], shard[k][2]]); })).then(function (lists) {
        var s = {};
        var next = {};
        lists.forEach(function (p, n) {
          var k = keys[n];
          if (k === f && p.n) { next = p.n; }
          var docs = undelta((p.d || []).slice(), 2);
          var exact = {};
          if (word !== f && p.f && p.f[word]) { undelta(p.f[word].slice(), 1).forEach(function (d) { exact[d] = true; }); }
          for (var i = 0; i < docs.length; i += 2) {
            var d = docs[i];
            var v = docs[i + 1] * (k === f ? 2 : 1) + (exact[d] ? 3 : 0);
            if (!s[d] || s[d] < v) { s[d] = v; }
          }
        });
        return { s: s, next: next };
      });
    });
  }

  // followedBy is the set of documents where a word with the terms next
  // after it is followed by the folded word f: the whole word, or for the
  // last word of the query also a word it begins.
  function followedBy(next, f, isLast) {
    var docs = {};
    Object.keys(next).forEach(function (k) {
      if (k === f || (isLast && f.length >= 2 && k.indexOf(f) === 0)) {
        undelta(next[k].slice(), 1).forEach(function (d) { docs[d] = true; });
      }
    });
    return docs;
  }

  // rank resolves to the index's meta data and the numbers of the
  // documents that match every one of words, best first.
  function rank(get, words) {
    return Promise.all([get('meta.json')].concat(words.map(function (w, i) { return score(get, w, i === words.length - 1); }))).then(function (r) {
      var meta = r[0];
      var found = r.slice(1);
      if (found.some(function (s) { return s === null; })) { return { meta: meta, ranked: [] }; }
      var pairs = [];
      for (var i = 0; i + 1 < words.length; i++) {
        pairs.push(followedBy(found[i].next, fold(words[i + 1]), i + 1 === words.length - 1));
      }
      var total = {};
      Object.keys(found[0].s).forEach(function (d) {
        var sum = 0;
        for (var i = 0; i < found.length; i++) {
          if (!found[i].s[d]) { return; }
          sum += found[i].s[d];
        }
        pairs.forEach(function (p) { if (p[d]) { sum += PHRASE; } });
        total[d] = sum;
      });
      var ranked = Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
      return { meta: meta, ranked: ranked };
    });
  }

  // page resolves to the documents of ranked[from, from+size), fetching
  // only the blocks that hold them.
  function page(get, ranked, from, size, meta) {
    var slice = ranked.slice(from, from + size);
    var blocks = {};
    slice.forEach(function (d) { blocks[Math.floor(d / meta.block)] = true; });
    return Promise.all(Object.keys(blocks).map(function (b) { return get('d/' + b + '.json'); })).then(function (loaded) {
      var byBlock = {};
      Object.keys(blocks).forEach(function (b, i) { byBlock[b] = loaded[i]; });
      var docs = [];
      slice.forEach(function (d) {
        var doc = (byBlock[Math.floor(d / meta.block)] || [])[d % meta.block];
        if (doc) { docs.push(doc); }
      });
      return docs;
    });
  }

  // An element with id "module" makes a global of that name in a browser,
  // hence the test of module.exports too.
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { fold: fold, terms: terms, rank: rank, page: page };
    return;
  }

  var form = document.getElementById('search-form');
  if (!form) { return; }
  var root = form.getAttribute('data-index');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var more = document.getElementById('search-more');
  var input = form.querySelector('input[name=q]');
  var help = document.getElementById('search-nojs');
  if (help) { help.hidden = true; }
  var pageSize = 10;
  var cache = {};

  // get fetches an index file, or with range [offset, length] only those
  // bytes of it; a server that ignores the range sends the whole file,
  // and the bytes are cut from it here.
  function get(path, range) {
    var key = range ? path + '#' + range[0] : path;
    if (!cache[key]) {
      var opts = range ? {headers: {Range: 'bytes=' + range[0] + '-' + (range[0] + range[1] - 1)}} : {};
      cache[key] = fetch(root + path, opts).then(function (r) {
        if (!r.ok) { return {}; }
        if (!range) { return r.json(); }
        return r.arrayBuffer().then(function (b) {
          var bytes = new Uint8Array(b);
          if (r.status !== 206) { bytes = bytes.subarray(range[0], range[0] + range[1]); }
          return JSON.parse(new TextDecoder().decode(bytes));
        });
      }).catch(function () { return {}; });
    }
    return cache[key];
  }
  function say(key, n) {
    // "1 result", "2 results": the form carries both forms where the
    // language has them
    var text = (n === 1 && form.getAttribute('data-' + key + '-one')) || form.getAttribute('data-' + key);
    status.textContent = text.replace('%d', n);
  }

  function highlight(el, text, folded) {
    var re = /([\p{L}\p{N}\p{Mn}]+)/u;
    text.split(re).forEach(function (part, i) {
      var f = fold(part);
      var hit = i % 2 === 1 && folded.some(function (q) { return f === q || (q.length >= 2 && f.indexOf(q) === 0); });
      if (hit) {
        var m = document.createElement('mark');
        m.textContent = part;
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    });
  }

  function show(ranked, from, folded, meta) {
    return page(get, ranked, from, pageSize, meta).then(function (docs) {
      docs.forEach(function (doc) {
        var li = document.createElement('li');
        li.className = 'item';
        var p = document.createElement('p');
        p.className = 'meta';
        var a = document.createElement('a');
        a.href = doc.u;
        highlight(a, doc.t, folded);
        var k = document.createElement('span');
        k.className = 'kind';
        k.textContent = ' ' + doc.k;
        p.appendChild(a);
        p.appendChild(k);
        li.appendChild(p);
        if (doc.c) {
          var c = document.createElement('p');
          c.className = 'sub';
          c.textContent = doc.c;
          li.appendChild(c);
        }
        if (doc.x && doc.x !== doc.t) {
          var t = document.createElement('p');
          t.className = 'text';
          highlight(t, doc.x, folded);
          li.appendChild(t);
        }
        list.appendChild(li);
      });
      more.hidden = from + pageSize >= ranked.length;
      more.onclick = function () { show(ranked, from + pageSize, folded, meta); };
    });
  }

  function run(q) {
    list.textContent = '';
    more.hidden = true;
    var words = terms(q);
    if (!words.length) { status.textContent = ''; return; }
    var folded = words.map(fold);
    rank(get, words).then(function (r) {
      if (!r.ranked.length) { say('none', 0); return; }
      say('count', r.ranked.length);
      show(r.ranked, 0, folded, r.meta);
    });
  }

  var q = new URLSearchParams(window.location.search).get('q') || '';
  input.value = q;
  run(q);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    window.history.replaceState(null, '', url);
    run(input.value);
  });
}());
