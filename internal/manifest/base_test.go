package manifest

import (
	"strings"
	"testing"
)

func TestParseBase(t *testing.T) {
	for _, tc := range []struct {
		in, path, url, err string
	}{
		{in: "", path: "/"},
		{in: "/", path: "/"},
		{in: "/asean", path: "/asean/"},
		{in: "https://portal.example.gov.vn/asean/", path: "/asean/", url: "https://portal.example.gov.vn/asean"},
		{in: "http://127.0.0.1:8080", path: "/", url: "http://127.0.0.1:8080"},
		{in: "ftp://bad/", err: "is not an http or https address"},
		{in: "asean/", err: "neither an absolute address nor a path"},
		{in: "//evil.example/", err: "neither an absolute address nor a path"},
		{in: "https://x.example/a%3B%20include%20/etc/passwd;/", err: "escaped characters"},
		{in: "/a;b/", err: `path segment "a;b"`},
		{in: "/a b/", err: "escaped characters"},
		{in: "/a/../b/", err: `path segment ".."`},
		{in: "https://x.example/?q=1", err: "query or fragment"},
		{in: "https://user@x.example/", err: "user, query or fragment"},
		{in: "https:///path/", err: "no valid host"},
		{in: "javascript:alert(1)", err: "not an http or https address"},
	} {
		b, err := ParseBase(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseBase(%q) error = %v, want one containing %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseBase(%q): %v", tc.in, err)
			continue
		}
		if b.Path != tc.path || b.URL != tc.url {
			t.Errorf("ParseBase(%q) = %+v, want path %q url %q", tc.in, b, tc.path, tc.url)
		}
	}
}
