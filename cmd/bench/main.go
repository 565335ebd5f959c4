// Command bench measures sitegen's build speed against the floor of
// copying its output, for the real site and synthetic national sites of
// three sizes, and the time from saving an edit to a reloaded page in
// the preview server. `make bench` runs it; docs/performance.md records
// its figures.
//
// Each build runs in a fresh process, so wall time, CPU time and peak
// memory are the process's own. The copy floor is `cp -r` of the output
// just written: the cost of writing those bytes as files on this machine.
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
	flag.Parse()
	if err := run(*runs, *sizes, *searchItems); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type result struct {
	name      string
	pages     int
	bytes     int64
	wall, cpu time.Duration
	rss       int64 // KiB
	copyFloor time.Duration
}

var wroteLine = regexp.MustCompile(`wrote (\d+) pages \(\d+ files, (\d+) bytes\)`)

func run(runs int, sizes string, searchItems int) error {
	tmp, err := os.MkdirTemp("", "sitegen-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "sitegen")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/sitegen").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	fmt.Printf("machine: %s/%s, %d cores, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel())

	var results []result
	r, err := measure(bin, "real site", "content", tmp, runs)
	if err != nil {
		return err
	}
	results = append(results, r)
	for _, s := range strings.Split(sizes, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("bad size %q", s)
		}
		dir := filepath.Join(tmp, "synth-"+s)
		if out, err := exec.Command(bin, "synth", "-content", "content", "-provinces", "34", "-items", s, "-out", dir).CombinedOutput(); err != nil {
			return fmt.Errorf("synth: %v\n%s", err, out)
		}
		r, err := measure(bin, fmt.Sprintf("national 34x%d", n), dir, tmp, runs)
		if err != nil {
			return err
		}
		results = append(results, r)
		os.RemoveAll(dir)
	}

	fmt.Printf("%-18s %7s %9s %8s %8s %8s %9s %8s %7s\n", "site", "pages", "MB", "wall", "cpu", "peak MB", "pages/s", "cp -r", "ratio")
	for _, r := range results {
		fmt.Printf("%-18s %7d %9.1f %8s %8s %8.0f %9.0f %8s %6.1fx\n", r.name, r.pages, float64(r.bytes)/1e6,
			r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), float64(r.rss)/1024,
			float64(r.pages)/r.wall.Seconds(), r.copyFloor.Round(time.Millisecond), r.wall.Seconds()/r.copyFloor.Seconds())
	}

	if err := searchCost(bin, tmp, searchItems); err != nil {
		return err
	}

	edit, page, err := serveEdit(bin, tmp, 5)
	if err != nil {
		return err
	}
	fmt.Printf("\nserve, one-item edit on the real site (median of 5): reload sent %v after the save, edited page served %v after the save\n",
		edit.Round(time.Millisecond), page.Round(time.Millisecond))
	return nil
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

// measure builds content runs times and copies the output as many times.
func measure(bin, name, content, tmp string, runs int) (result, error) {
	r := result{name: name}
	out := filepath.Join(tmp, "out")
	var walls, cpus, copies []time.Duration
	for i := 0; i < runs; i++ {
		cmd := exec.Command(bin, "build", "-content", content, "-out", out)
		start := time.Now()
		stdout, err := cmd.Output()
		wall := time.Since(start)
		if err != nil {
			return r, fmt.Errorf("%s: build: %v", name, err)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpus = append(cpus, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
		walls = append(walls, wall)
		r.rss = max(r.rss, ru.Maxrss)
		if m := wroteLine.FindSubmatch(stdout); m != nil {
			r.pages, _ = strconv.Atoi(string(m[1]))
			r.bytes, _ = strconv.ParseInt(string(m[2]), 10, 64)
		}
		dst := filepath.Join(tmp, "copy")
		os.RemoveAll(dst)
		start = time.Now()
		if out, err := exec.Command("cp", "-r", out, dst).CombinedOutput(); err != nil {
			return r, fmt.Errorf("cp: %v\n%s", err, out)
		}
		copies = append(copies, time.Since(start))
		os.RemoveAll(dst)
	}
	os.RemoveAll(out)
	r.wall, r.cpu, r.copyFloor = median(walls), median(cpus), median(copies)
	return r, nil
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
