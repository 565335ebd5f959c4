// Command bench measures sitegen's build speed against the floor of
// copying its output, for the real site and synthetic national sites of
// three sizes, and the time from saving an edit to a reloaded page in
// the preview server. `make bench` runs it; docs/performance.md records
// its figures.
//
// Each build runs in a fresh process, so wall time, CPU time and peak
// memory are the process's own. The copy floor is `cp -r` of the output
// just written: the cost of writing those bytes as files on this machine.
// Each timed step starts after sync, and every site written stays until
// the run ends (about 10 GB for the default sizes), so that no step pays
// for writing out or deleting what an earlier one left; every cold build
// comes before the first rebuild, which may delete (see measurer.cold).
// A rebuild is timed as the second build over an output, when any work
// the first left behind is due.
//
// The previous version, the commit named in baseline.json, is checked out
// into a temporary worktree, built, and run in the same run, its builds
// interleaved with this version's, so that a busy machine slows both
// alike and the ratios between them hold. Each version builds content it
// can read: the previous one the real content of its own commit and
// national sites made by its own `sitegen synth`, of the same size as
// this version's. Each figure is also printed
// beside the one baseline.json recorded; -record-baseline rewrites that
// file with this run's figures of this version and the current commit.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 3, "builds per site; the median is reported")
	searchItems := flag.Int("search-items", 20000, "items of the synthetic site whose search index is measured (0 to skip)")
	sizes := flag.String("items", "100,200,300", "items per plan of the synthetic sites (34 plans each)")
	serve := flag.Bool("serve", true, "measure the preview server's edit-to-page time")
	record := flag.Bool("record-baseline", false, "write this run's figures and the current commit to "+baselineFile)
	previous := flag.String("previous", "", "build and run this commit as the previous version instead of the one "+baselineFile+" names")
	flag.Parse()
	if err := run(*runs, *sizes, *searchItems, *serve, *record, *previous); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type result struct {
	name      string
	pages     int
	files     int // files in the output directory
	bytes     int64
	wall, cpu time.Duration
	sys       time.Duration // the system part of cpu
	rebuild   time.Duration // wall time of a build over an existing output
	rss       int64         // KiB
	copyFloor time.Duration
}

// baselineFile records the previous version's commit and figures.
const baselineFile = "cmd/bench/baseline.json"

// baseline is the content of baselineFile.
type baseline struct {
	Commit  string            `json:"commit"`
	Note    string            `json:"note"`
	Figures map[string]figure `json:"figures"`
}

// figure is one site's recorded figures.
type figure struct {
	WallS    float64 `json:"wall_s"`
	CPUS     float64 `json:"cpu_s"`
	RebuildS float64 `json:"rebuild_s"`
	PeakMB   float64 `json:"peak_mb"`
	Files    int     `json:"files"`
	CopyS    float64 `json:"cp_s"`
}

func (r result) figure() figure {
	return figure{WallS: r.wall.Seconds(), CPUS: r.cpu.Seconds(), RebuildS: r.rebuild.Seconds(),
		PeakMB: float64(r.rss) / 1024, Files: r.files, CopyS: r.copyFloor.Seconds()}
}

var wroteLine = regexp.MustCompile(`wrote (\d+) pages \(\d+ files, (\d+) bytes\)`)

func run(runs int, sizes string, searchItems int, serve, record bool, previous string) error {
	var base baseline
	b, err := os.ReadFile(baselineFile)
	if err != nil {
		return fmt.Errorf("%v (run from the repository's root)", err)
	}
	if err := json.Unmarshal(b, &base); err != nil {
		return fmt.Errorf("%s: %v", baselineFile, err)
	}
	tmp, err := os.MkdirTemp("", "sitegen-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "sitegen")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/sitegen").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	if previous != "" {
		// the recorded figures stay those of the baseline file: they
		// are printed beside this run's, whichever version it runs
		base.Commit, base.Note = previous, "named by -previous"
	}
	prevBin, prevTree, err := buildCommit(base.Commit, tmp)
	defer exec.Command("git", "worktree", "remove", "--force", prevTree).Run()
	if err != nil {
		return err
	}
	fmt.Printf("machine: %s/%s, %d cores, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel())
	fmt.Printf("previous version: %s (%s), built and run interleaved with this one\n\n", base.Commit[:min(12, len(base.Commit))], base.Note)
	results, err := measureSites(bin, prevBin, filepath.Join(prevTree, "content"), sizes, tmp, runs)
	if err != nil {
		return err
	}
	printResults(results, base)
	if record {
		if err := recordBaseline(results); err != nil {
			return err
		}
	}
	if err := searchCost(bin, tmp, searchItems); err != nil {
		return err
	}
	if !serve {
		return nil
	}
	edit, page, err := serveEdit(bin, tmp, 5)
	if err != nil {
		return err
	}
	fmt.Printf("\nserve, one-item edit on the real site (median of 5): reload sent %v after the save, edited page served %v after the save\n",
		edit.Round(time.Millisecond), page.Round(time.Millisecond))
	return nil
}

// pair is one site's figures for this version and the previous one.
type pair struct{ cur, prev result }

// measureSites builds the real site and a national site of each size
// with both versions, each on content it can read: the previous version
// its own commit's content and a tree made by its own synth. Every
// site's cold builds come before any site's rebuilds (see measure).
func measureSites(bin, prevBin, prevReal, sizes, tmp string, runs int) ([]pair, error) {
	sites := []*site{{name: "real site", content: "content", prevContent: prevReal}}
	for _, s := range strings.Split(sizes, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("bad size %q", s)
		}
		dir, prevDir := filepath.Join(tmp, "synth-"+s), filepath.Join(tmp, "synth-previous-"+s)
		if out, err := exec.Command(bin, "synth", "-content", "content", "-provinces", "34", "-items", s, "-out", dir).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("synth: %v\n%s", err, out)
		}
		if out, err := exec.Command(prevBin, "synth", "-content", prevReal, "-provinces", "34", "-items", s, "-out", prevDir).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("synth of the previous version: %v\n%s", err, out)
		}
		sites = append(sites, &site{name: fmt.Sprintf("national 34x%d", n), content: dir, prevContent: prevDir})
	}
	for _, st := range sites {
		fmt.Printf("%s: this version builds %s, the previous one %s\n", st.name, st.content, st.prevContent)
	}
	fmt.Println()
	m := measurer{bin: bin, prevBin: prevBin, tmp: tmp, runs: runs}
	for _, st := range sites {
		if err := m.cold(st); err != nil {
			return nil, err
		}
	}
	var results []pair
	for _, st := range sites {
		if err := m.rebuilds(st); err != nil {
			return nil, err
		}
		results = append(results, pair{st.cur, st.prev})
	}
	return results, nil
}

// printResults prints each site's figures, then their ratios to the
// previous version, to the recorded figures and to cp -r.
func printResults(results []pair, base baseline) {
	fmt.Printf("%-16s %-8s %6s %7s %8s %8s %8s %8s %8s %7s %8s\n", "site", "version", "pages", "files", "MB", "wall", "cpu", "sys", "rebuild", "peak MB", "cp -r")
	for _, p := range results {
		for _, v := range []struct {
			label string
			r     result
		}{{"this", p.cur}, {"previous", p.prev}} {
			r := v.r
			fmt.Printf("%-16s %-8s %6d %7d %8.1f %8s %8s %8s %8s %7.0f %8s\n", r.name, v.label, r.pages, r.files, float64(r.bytes)/1e6,
				r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.sys.Round(time.Millisecond), r.rebuild.Round(time.Millisecond),
				float64(r.rss)/1024, r.copyFloor.Round(time.Millisecond))
		}
	}
	fmt.Println("\nratios of this version (this run) to the previous version (same run), to the recorded figures, and to cp -r:")
	fmt.Printf("%-16s %9s %9s %9s %9s %9s %11s %11s %9s %9s\n", "site", "wall/prev", "cpu/prev", "mem/prev", "files/prv", "wall/rec", "cpu/rec", "rebuild/rec", "wall/cp", "rebld/cold")
	ratio := func(a, b float64) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.2fx", a/b)
	}
	for _, p := range results {
		c, pr := p.cur, p.prev
		recWall, recCPU, recRebuild := "-", "-", "-"
		if rec, ok := base.Figures[c.name]; ok {
			recWall, recCPU, recRebuild = ratio(c.wall.Seconds(), rec.WallS), ratio(c.cpu.Seconds(), rec.CPUS), ratio(c.rebuild.Seconds(), rec.RebuildS)
		}
		fmt.Printf("%-16s %9s %9s %9s %9s %9s %11s %11s %9s %9s\n", c.name,
			ratio(c.wall.Seconds(), pr.wall.Seconds()), ratio(c.cpu.Seconds(), pr.cpu.Seconds()), ratio(float64(c.rss), float64(pr.rss)),
			ratio(float64(c.files), float64(pr.files)), recWall, recCPU, recRebuild,
			ratio(c.wall.Seconds(), c.copyFloor.Seconds()), ratio(c.rebuild.Seconds(), c.wall.Seconds()))
	}
}

// recordBaseline writes this run's figures and commit as the baseline
// the next version is measured against.
func recordBaseline(results []pair) error {
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		return fmt.Errorf("git rev-parse: %v", err)
	}
	nb := baseline{Commit: strings.TrimSpace(string(head)), Note: "recorded by make bench -record-baseline on " + time.Now().Format("2 January 2006"), Figures: map[string]figure{}}
	for _, p := range results {
		nb.Figures[p.cur.name] = p.cur.figure()
	}
	b, err := json.MarshalIndent(nb, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(baselineFile, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("\nrecorded this run's figures and commit %s in %s\n", nb.Commit[:12], baselineFile)
	return nil
}

// buildCommit builds sitegen as it was at commit, in a temporary
// worktree whose content the previous version builds; the caller removes
// the worktree.
func buildCommit(commit, tmp string) (bin, tree string, err error) {
	tree = filepath.Join(tmp, "previous")
	if out, err := exec.Command("git", "worktree", "add", "--detach", tree, commit).CombinedOutput(); err != nil {
		return "", tree, fmt.Errorf("git worktree add %s: %v\n%s", commit, err, out)
	}
	bin = filepath.Join(tmp, "sitegen-previous")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/sitegen")
	cmd.Dir = tree
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", tree, fmt.Errorf("building %s: %v\n%s", commit, err, out)
	}
	return bin, tree, nil
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "model name") {
			return strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
		}
	}
	return "unknown CPU"
}

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// site is one site both versions build, and what they measured.
type site struct {
	name, content, prevContent string
	cur, prev                  result
	curRuns, prevRuns          samples
	copies                     []time.Duration
}

// samples are one version's figures of each run.
type samples struct {
	walls, cpus, syss, rebuilds []time.Duration
}

// measurer runs the builds of both versions, runs times each.
type measurer struct {
	bin, prevBin, tmp string
	runs              int
}

// version is one side of a site's comparison.
type version struct {
	label, bin, content string
	r                   *result
	s                   *samples
}

func (m measurer) versions(st *site) []version {
	return []version{{"previous", m.prevBin, st.prevContent, &st.prev, &st.prevRuns}, {"this", m.bin, st.content, &st.cur, &st.curRuns}}
}

func (m measurer) out(st *site, v version, i int) string {
	return filepath.Join(m.tmp, "sites", fmt.Sprintf("%s-%s-%d", strings.ReplaceAll(st.name, " ", "-"), v.label, i), "out")
}

// cold builds st with both versions, interleaved, runs times each, each
// into a directory that does not exist, and copies this version's output
// after each of its builds.
//
// Nothing is removed until the run ends, but a version's rebuild may
// remove the site it replaces (the previous version does): on a file
// system without a journal, ext4 skips the inodes freed in the last
// minute when it allocates new ones, so a cold build or a copy after
// such a rebuild would pay for its deletions. That is why every site's
// cold builds and copies come before the first rebuild.
func (m measurer) cold(st *site) error {
	st.cur.name, st.prev.name = st.name, st.name
	for i := 0; i < m.runs; i++ {
		for _, v := range m.versions(st) {
			out := m.out(st, v, i)
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			wall, cpu, sys, rss, stdout, err := timed(v.bin, v.content, out)
			if err != nil {
				return fmt.Errorf("%s: build: %v", st.name, err)
			}
			v.s.walls, v.s.cpus, v.s.syss = append(v.s.walls, wall), append(v.s.cpus, cpu), append(v.s.syss, sys)
			v.r.rss = max(v.r.rss, rss)
			if m := wroteLine.FindSubmatch(stdout); m != nil {
				v.r.pages, _ = strconv.Atoi(string(m[1]))
				v.r.bytes, _ = strconv.ParseInt(string(m[2]), 10, 64)
			}
			v.r.files = countFiles(out)
			if v.bin == m.bin {
				dst := filepath.Join(filepath.Dir(out), "copy")
				settle()
				start := time.Now()
				if out, err := exec.Command("cp", "-r", out, dst).CombinedOutput(); err != nil {
					return fmt.Errorf("cp: %v\n%s", err, out)
				}
				st.copies = append(st.copies, time.Since(start))
			}
		}
	}
	for _, v := range m.versions(st) {
		v.r.wall, v.r.cpu, v.r.sys = median(v.s.walls), median(v.s.cpus), median(v.s.syss)
		v.r.copyFloor = median(st.copies)
	}
	return nil
}

// rebuilds builds st twice over each output its cold builds wrote, with
// both versions, interleaved.
func (m measurer) rebuilds(st *site) error {
	for i := 0; i < m.runs; i++ {
		for _, v := range m.versions(st) {
			// The rebuild reported is the second over the same output:
			// the first may leave work (the previous site set aside) to
			// the build after it, which pays for it.
			var wall time.Duration
			for range 2 {
				var rss int64
				var err error
				wall, _, _, rss, _, err = timed(v.bin, v.content, m.out(st, v, i))
				if err != nil {
					return fmt.Errorf("%s: rebuild: %v", st.name, err)
				}
				v.r.rss = max(v.r.rss, rss)
			}
			v.s.rebuilds = append(v.s.rebuilds, wall)
		}
	}
	for _, v := range m.versions(st) {
		v.r.rebuild = median(v.s.rebuilds)
	}
	return nil
}

// settle writes out what earlier steps left in the page cache, so that
// the step about to be timed does not pay for their writing.
func settle() {
	exec.Command("sync").Run()
}

// timed runs one build; cpu is user and system time, sys the system part.
func timed(bin, content, out string) (wall, cpu, sys time.Duration, rss int64, stdout []byte, err error) {
	cmd := exec.Command(bin, "build", "-content", content, "-out", out)
	settle()
	start := time.Now()
	stdout, err = cmd.Output()
	wall = time.Since(start)
	if err != nil {
		return
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return wall, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), time.Duration(ru.Stime.Nano()), ru.Maxrss, stdout, nil
}

// countFiles counts the regular files under dir.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

func nextReload(events *bufio.Reader) error {
	for {
		line, err := events.ReadString('\n')
		if err != nil {
			return err
		}
		if strings.HasPrefix(line, "event: reload") {
			return nil
		}
	}
}

func fetch(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// queries are measured on the real site and on a large synthetic one.
var queries = []struct {
	Lang string `json:"lang"`
	Q    string `json:"q"`
	Size int    `json:"size"`
}{
	{"vi", "giam ngheo", 10}, {"vi", "giảm nghèo", 10}, {"en", "poverty", 10}, {"vi", "Da Nang", 10}, {"en", "lead agency", 10},
}

// queryScript runs the search page's own script, assets/search.js, under
// Node against index files on disk; internal/search's tests use it too.
const queryScript = "internal/search/testdata/query.js"

// searchCost prints the bytes each query downloads, as the search page's
// script fetches them, on the real site and on a synthetic site of about
// items items.
func searchCost(bin, tmp string, items int) error {
	sites := []struct{ name, content string }{{"real site", "content"}}
	if items > 0 {
		per := (items + 33) / 34
		dir := filepath.Join(tmp, "synth-search")
		if out, err := exec.Command(bin, "synth", "-content", "content", "-provinces", "34", "-items", strconv.Itoa(per), "-out", dir).CombinedOutput(); err != nil {
			return fmt.Errorf("synth: %v\n%s", err, out)
		}
		defer os.RemoveAll(dir)
		sites = append(sites, struct{ name, content string }{fmt.Sprintf("34x%d = %d items", per, 34*per), dir})
	}
	in, err := json.Marshal(map[string]any{"search": queries})
	if err != nil {
		return err
	}
	fmt.Println()
	for _, site := range sites {
		out := filepath.Join(tmp, "search-out")
		if out, err := exec.Command(bin, "build", "-content", site.content, "-out", out).CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
		cmd := exec.Command("node", queryScript, "assets/search.js", out)
		cmd.Stdin = bytes.NewReader(in)
		cmd.Stderr = os.Stderr
		printed, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("node %s: %v (is Node.js installed?)", queryScript, err)
		}
		var res struct {
			Results []struct {
				Total, Bytes int
				Files        []string
			}
		}
		if err := json.Unmarshal(printed, &res); err != nil {
			return fmt.Errorf("node %s: %v", queryScript, err)
		}
		if len(res.Results) != len(queries) {
			return fmt.Errorf("node %s answered %d of %d queries", queryScript, len(res.Results), len(queries))
		}
		for i, q := range queries {
			r := res.Results[i]
			fmt.Printf("search %-22s %s %-14q %5d results, %7d bytes in %2d files\n", site.name, q.Lang, q.Q, r.Total, r.Bytes, len(r.Files))
		}
		os.RemoveAll(out)
	}
	return nil
}

// serveEdit starts the preview server on a copy of the content, saves a
// one-item edit n times, and measures the time until the reload event and
// until the edited page is served.
func serveEdit(bin, tmp string, n int) (time.Duration, time.Duration, error) {
	content := filepath.Join(tmp, "serve-content")
	if out, err := exec.Command("cp", "-r", "content", content).CombinedOutput(); err != nil {
		return 0, 0, fmt.Errorf("cp: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, 0, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "-content", content, "-addr", addr)
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	base := "http://" + addr
	var resp *http.Response
	for i := 0; i < 100; i++ {
		if resp, err = http.Get(base + "/_sitegen/events"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	events.ReadString('\n')
	file := filepath.Join(content, "plans", "thanh-hoa-208-2021.yaml")
	var reloads, pages []time.Duration
	orig, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	for i := 0; i < n; i++ {
		// every edit starts from the original, so it changes the same item
		marker := fmt.Sprintf("(edit %d)", i)
		s := strings.Replace(string(orig), "Organise conferences", "Organise "+marker+" conferences", 1)
		if s == string(orig) {
			return 0, 0, fmt.Errorf("the edit found nothing to change in %s", file)
		}
		start := time.Now()
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			return 0, 0, err
		}
		// An editor's save may arrive as several events (truncate, then
		// write); wait for the reload after which the page shows the edit.
		for {
			if err := nextReload(events); err != nil {
				return 0, 0, err
			}
			reload := time.Since(start)
			body, err := fetch(base + "/en/plans/thanh-hoa-208-2021/iii-1-2-e/")
			if err != nil {
				return 0, 0, err
			}
			if strings.Contains(body, marker) {
				reloads = append(reloads, reload)
				pages = append(pages, time.Since(start))
				break
			}
			if time.Since(start) > 30*time.Second {
				return 0, 0, fmt.Errorf("the served page never showed the edit %q", marker)
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return median(reloads), median(pages), nil
}
