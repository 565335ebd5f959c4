package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// vnuMessage is one message of the Nu checker's JSON output.
type vnuMessage struct {
	Type        string `json:"type"`
	SubType     string `json:"subType"`
	URL         string `json:"url"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// vnu runs the Nu checker once, from the moment the site is built, so
// that it overlaps the browser tests.
var (
	vnuOnce   sync.Once
	vnuDone   = make(chan struct{})
	vnuReport struct {
		Messages []vnuMessage `json:"messages"`
	}
	vnuErr error
	vnuCmd *exec.Cmd // set before vnuDone can close
	vnuMu  sync.Mutex
)

// stopVNU ends a Nu checker that is still running (a run that did not
// include TestHTMLValid) and waits for it.
func stopVNU() {
	vnuMu.Lock()
	cmd := vnuCmd
	vnuMu.Unlock()
	if cmd == nil {
		return
	}
	select {
	case <-vnuDone:
	default:
		if cmd.Process != nil {
			cmd.Process.Kill()
		}
		<-vnuDone
	}
}

// startVNU starts the Nu checker over the whole output in the background.
func startVNU(f *fixture) {
	vnuOnce.Do(func() {
		go func() {
			defer close(vnuDone)
			jar := filepath.Join(f.root, "tests", vnuJar)
			// -Xss: the checker overflows a small stack on deep documents;
			// C1 only and the serial collector halve its CPU time here.
			cmd := exec.Command("java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", f.out)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			dieWithParent(cmd)
			vnuMu.Lock()
			vnuCmd = cmd
			err := cmd.Start()
			vnuMu.Unlock()
			if err != nil {
				vnuErr = err
				return
			}
			runErr := cmd.Wait()  // exits 1 when it found errors; the JSON says which
			raw := stderr.Bytes() // vnu writes its JSON report to stderr
			if i := bytes.IndexByte(raw, '{'); i >= 0 {
				raw = raw[i:]
			}
			if err := json.Unmarshal(raw, &vnuReport); err != nil {
				vnuErr = fmt.Errorf("vnu.jar gave no JSON report (%v, exit: %v)\nstdout:\n%s\nstderr:\n%s", err, runErr, stdout.String(), stderr.String())
				return
			}
			if runErr != nil && len(vnuReport.Messages) == 0 {
				vnuErr = fmt.Errorf("vnu.jar failed with an empty report: %v\n%s", runErr, stderr.String())
			}
		}()
	})
}

// TestHTMLValid runs the W3C Nu HTML checker over every .html file of the
// output and wants no error.
func TestHTMLValid(t *testing.T) {
	need(t, needJava, needNodeModules)
	t.Parallel()
	f := site(t)
	startVNU(f)
	<-vnuDone
	if vnuErr != nil {
		t.Fatal(vnuErr)
	}
	out := vnuReport
	var errs []vnuMessage
	for _, m := range out.Messages {
		if m.Type == "error" || m.Type == "non-document-error" || m.SubType == "fatal" {
			errs = append(errs, m)
		}
	}
	t.Logf("vnu.jar validated %d HTML pages: %d errors", len(f.pages), len(errs))
	if len(errs) == 0 {
		return
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].URL < errs[j].URL })
	byMessage := map[string]int{}
	for _, m := range errs {
		byMessage[m.Message]++
	}
	var lines []string
	for i, m := range errs {
		if i == 30 {
			lines = append(lines, "...")
			break
		}
		lines = append(lines, "\t"+relFile(f, m.URL)+":"+itoa(m.LastLine)+":"+itoa(m.FirstColumn)+": "+m.Message+
			"\n\t\t"+strings.ReplaceAll(strings.TrimSpace(m.Extract), "\n", " "))
	}
	var kinds []string
	for msg, n := range byMessage {
		kinds = append(kinds, "\t"+itoa(n)+" × "+msg)
	}
	sort.Strings(kinds)
	t.Errorf("the W3C Nu HTML checker found %d errors in %d pages (want 0); the first 30:\n%s\nby message:\n%s",
		len(errs), len(f.pages), strings.Join(lines, "\n"), strings.Join(kinds, "\n"))
}

// relFile turns vnu's file: URL into a path relative to the output.
func relFile(f *fixture, u string) string {
	if p, err := url.Parse(u); err == nil && p.Scheme == "file" {
		if rel, err := filepath.Rel(f.out, p.Path); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return u
}

// TestOpenDataSchema validates every data/plans/*.json against
// data/plans/plan.schema.json (JSON Schema 2020-12) with ajv.
func TestOpenDataSchema(t *testing.T) {
	need(t, needNode, needNodeModules)
	t.Parallel()
	f := site(t)
	dir := filepath.Join(f.out, "data", "plans")
	schema := filepath.Join(dir, "plan.schema.json")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join(f.root, "tests", "validate-json.mjs"), schema}
	for _, file := range files {
		if file != schema {
			args = append(args, file)
		}
	}
	if len(args) < 3 {
		t.Fatalf("no plan JSON files beside %s", schema)
	}
	var sch struct {
		Schema string `json:"$schema"`
	}
	if b, err := os.ReadFile(schema); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(b, &sch); err != nil {
		t.Fatalf("data/plans/plan.schema.json: %v", err)
	} else if sch.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("data/plans/plan.schema.json: $schema is %q, want draft 2020-12", sch.Schema)
	}
	cmd := exec.Command("node", args...)
	cmd.Dir = filepath.Join(f.root, "tests")
	out, err := cmd.CombinedOutput()
	report := strings.ReplaceAll(string(out), f.out+string(filepath.Separator), "")
	if err != nil {
		t.Errorf("data/plans/*.json against plan.schema.json (ajv, JSON Schema 2020-12): %v\n%s", err, report)
		return
	}
	t.Logf("ajv: %s", strings.TrimSpace(report))
}
