package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"sitegen/internal/output"
	"sitegen/internal/sitetest"
)

// The ranking lives in the search page's script alone; these helpers run
// that script under Node (testdata/query.js), so the tests check what
// readers run. They are exported for the package's external tests.

// ScriptQuery is a search typed into the search page of Lang; Size is
// the number of results shown on the first page.
type ScriptQuery struct {
	Lang string `json:"lang"`
	Q    string `json:"q"`
	Size int    `json:"size"`
}

// ScriptResult is what the script found for a query on a fresh page.
type ScriptResult struct {
	Total int      `json:"total"` // documents that match
	Docs  []Doc    `json:"docs"`  // the first page, best first
	Bytes int      `json:"bytes"` // bytes of index files downloaded
	Files []string `json:"files"` // the index files downloaded, sorted
}

// WriteSite writes files (paths as the site has them) under a new
// temporary directory and returns it.
func WriteSite(t testing.TB, files []output.File) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// RunScript runs queries with assets/search.js against the index files
// under site, and folds each of fold the way the page folds a query.
func RunScript(t testing.TB, site string, queries []ScriptQuery, fold []string) ([]ScriptResult, []string) {
	t.Helper()
	node := sitetest.Node(t)
	in, err := json.Marshal(map[string]any{"search": queries, "fold": fold})
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(sitetest.Root(), "internal", "search", "testdata", "query.js")
	cmd := exec.Command(node, script, filepath.Join(sitetest.Root(), "assets", "search.js"), site)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	var res struct {
		Results []ScriptResult `json:"results"`
		Folded  []string       `json:"folded"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("node %s printed %q: %v", script, out, err)
	}
	if len(res.Results) != len(queries) || len(res.Folded) != len(fold) {
		t.Fatalf("node %s answered %d searches and %d folds for %d and %d", script, len(res.Results), len(res.Folded), len(queries), len(fold))
	}
	return res.Results, res.Folded
}
