package manifest

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Base is the address a site is published at: a path below a host
// ("/asean/"), and the full address when one is known.
type Base struct {
	// Path is the path every link is written under; it starts and ends
	// with "/".
	Path string
	// URL is the scheme, host and path without the final "/"
	// ("https://portal.example.gov.vn/asean"), or "" when the base is a
	// bare path (a local preview), where no absolute address can be made.
	URL string
}

// Absolute reports whether the base knows the site's host.
func (b Base) Absolute() bool { return b.URL != "" }

var (
	// A path segment of a base URL: letters, digits and the unreserved
	// punctuation of RFC 3986. Anything else (escapes, ";", quotes,
	// spaces) would have to be quoted in every place the base is written:
	// pages, feeds and the nginx configuration.
	baseSegment = regexp.MustCompile(`^[A-Za-z0-9._~-]+$`)
	baseHost    = regexp.MustCompile(`^[A-Za-z0-9.-]+(:[0-9]{1,5})?$`)
)

// ParseBase checks a base URL: an absolute http or https address, or a
// path. An empty one is the root path.
func ParseBase(s string) (Base, error) {
	bad := func(why string) (Base, error) {
		return Base{}, fmt.Errorf("base URL %q %s (write an address like https://portal.example.gov.vn/asean/, or a path like /asean/)", s, why)
	}
	if s == "" {
		s = "/"
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return bad("cannot be read")
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return bad("is not an http or https address")
	case u.Scheme != "" && !baseHost.MatchString(u.Host):
		return bad("has no valid host")
	case u.Scheme == "" && (u.Host != "" || !strings.HasPrefix(s, "/")):
		return bad("is neither an absolute address nor a path starting with /")
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || u.Opaque != "":
		return bad("may not carry a user, query or fragment")
	case u.RawPath != "" || strings.Contains(s, "%"):
		return bad("may not contain escaped characters")
	}
	path := strings.Trim(u.Path, "/")
	if path != "" {
		for _, seg := range strings.Split(path, "/") {
			if !baseSegment.MatchString(seg) || seg == "." || seg == ".." {
				return bad(fmt.Sprintf("has a path segment %q that is not plain letters, digits, '.', '_', '~' or '-'", seg))
			}
		}
		path = "/" + path + "/"
	} else {
		path = "/"
	}
	b := Base{Path: path}
	if u.Scheme != "" {
		b.URL = u.Scheme + "://" + u.Host + strings.TrimSuffix(path, "/")
	}
	return b, nil
}

// Prefix is what addresses that should be absolute start with: the full
// address without the final "/", or, when the host is not known, the
// path without it, so that they are at least right on the same host.
func (b Base) Prefix() string {
	if b.URL != "" {
		return b.URL
	}
	return strings.TrimSuffix(b.Path, "/")
}
