//go:build ignore

package main

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chromedp/chromedp"
)

func main() {
	dir := os.Args[1]
	kindOf := func(rel string) string {
		p := strings.Split(strings.TrimSuffix(rel, "index.html"), "/")
		p = p[1:]
		if len(p) > 0 && p[len(p)-1] == "" {
			p = p[:len(p)-1]
		}
		switch {
		case len(p) == 0:
			return "home"
		case p[0] == "plans" && len(p) == 1:
			return "plans"
		case p[0] == "plans" && len(p) == 2:
			return "plan"
		case p[0] == "plans" && len(p) == 3 && p[2] == "source":
			return "source"
		case p[0] == "plans" && len(p) == 3:
			return "item"
		case p[0] == "provinces" && len(p) == 4:
			return "province-agency"
		case p[0] == "compare" && len(p) == 3:
			return "compare-" + strings.TrimSuffix(p[1], "s")
		case len(p) == 2:
			return strings.TrimSuffix(p[0], "s")
		}
		return p[0]
	}
	largest := map[string]string{}
	size := map[string]int64{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if d.IsDir() || d.Name() != "index.html" {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if !strings.HasPrefix(rel, "vi/") && !strings.HasPrefix(rel, "en/") {
			return nil
		}
		info, _ := d.Info()
		k := strings.SplitN(rel, "/", 2)[0] + " " + kindOf(rel)
		if info.Size() > size[k] {
			size[k], largest[k] = info.Size(), rel
		}
		return nil
	})
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go http.Serve(ln, http.FileServer(http.Dir(dir)))
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("/usr/bin/chromium"), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	var keys []string
	for k := range largest {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	extra := os.Args[2:]
	for _, e := range extra {
		keys = append(keys, "x "+e)
		largest["x "+e] = e
	}
	for _, k := range keys {
		rel := largest[k]
		err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 640), chromedp.Navigate("http://"+ln.Addr().String()+"/"+strings.TrimSuffix(rel, "index.html")))
		h, err2 := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollHeight`))
		first, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`(function(){var e=document.querySelector('li.item, .item'); return e? e.getBoundingClientRect().top+scrollY : -1})()`))
		if err == nil {
			err = err2
		}
		if err != nil {
			fmt.Println(k, err)
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, rel))
		fmt.Printf("%-22s %-60s %8d B %8.0f px  first item %6.0f px\n", k, rel, len(b), h, first)
	}
}
