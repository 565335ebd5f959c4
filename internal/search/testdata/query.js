// Runs searches with the search page's own script, assets/search.js,
// against index files on disk, for the tests of internal/search and for
// cmd/bench:
//
//   node query.js SEARCH_JS SITE_DIR < queries.json
//
// queries.json is {"search": [{"lang": "vi", "q": "giam ngheo", "size":
// 10}, ...], "fold": ["Đà Nẵng", ...]}. It prints {"results": [...],
// "folded": [...]}: per search, the number of results, the documents of
// the first page, and the index files the query downloaded with their
// total size, which is what a reader's browser fetches on a fresh page;
// per text to fold, the text folded the way the page folds a query.
'use strict';
const fs = require('fs');
const path = require('path');

const [searchJS, site] = process.argv.slice(2);
if (!searchJS || !site) {
  console.error('usage: node query.js SEARCH_JS SITE_DIR < queries.json');
  process.exit(2);
}
const ranking = require(path.resolve(searchJS));

async function search(query) {
  const dir = path.join(site, query.lang, 'search');
  const files = [];
  let bytes = 0;
  const cache = {};
  // get fetches each file once, as the page's cache does. A missing file
  // reads as empty, as in the page; any other failure fails the query, so
  // that a broken index cannot pass for one that finds nothing.
  // With range [offset, length], only those bytes are fetched and
  // counted, as the page's range request does.
  function get(name, range) {
    const key = range ? name + '#' + range[0] : name;
    if (!cache[key]) {
      cache[key] = fs.promises.readFile(path.join(dir, name)).then((b) => {
        if (range) {
          if (range[0] < 0 || range[1] < 0 || range[0] + range[1] > b.length) {
            throw new Error(name + ': bytes ' + range + ' are outside its ' + b.length);
          }
          b = b.subarray(range[0], range[0] + range[1]);
          files.push(query.lang + '/search/' + name + ' bytes=' + range[0] + '-' + (range[0] + range[1] - 1));
        } else {
          files.push(query.lang + '/search/' + name);
        }
        bytes += b.length;
        return JSON.parse(b.toString('utf8'));
      }, (err) => {
        if (err.code === 'ENOENT') { return {}; }
        throw err;
      });
    }
    return cache[key];
  }
  const result = { total: 0, docs: [], bytes: 0, files: [] };
  const words = ranking.terms(query.q);
  if (words.length) {
    const r = await ranking.rank(get, words);
    result.total = r.ranked.length;
    result.docs = await ranking.page(get, r.ranked, 0, query.size, r.meta);
  }
  result.bytes = bytes;
  result.files = files.sort();
  return result;
}

async function main() {
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = { results: [], folded: (input.fold || []).map(ranking.fold) };
  for (const q of input.search || []) {
    out.results.push(await search(q));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
