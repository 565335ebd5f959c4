package i18n

import (
	"testing"
	"testing/fstest"
	"time"

	"sitegen/internal/model"
)

func TestFormats(t *testing.T) {
	vi, en := New(model.VI, nil), New(model.EN, nil)
	d := model.Date{Time: time.Date(2021, 9, 3, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct{ got, want string }{
		{vi.Date(d), "03/09/2021"},
		{en.Date(d), "3 September 2021"},
		{vi.Number(2.87), "2,87"},
		{en.Number(2.87), "2.87"},
		{vi.Number(12345), "12.345"},
		{en.Number(12345), "12,345"},
		{vi.DayMonth(1, 12), "01/12"},
		{en.DayMonth(1, 12), "1 December"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestVietnameseCollation asserts the Vietnamese alphabet order: Đ comes
// after D (byte order would put it after Z), and tones sort after the
// bare vowel.
func TestVietnameseCollation(t *testing.T) {
	names := []string{"Đà Nẵng", "Thanh Hóa", "Điện Biên", "An Giang", "Đắk Lắk", "Bắc Ninh", "Quảng Nam", "Dak Test"}
	SortBy(New(model.VI, nil), names, func(s string) string { return s })
	want := []string{"An Giang", "Bắc Ninh", "Dak Test", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Quảng Nam", "Thanh Hóa"}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("got %q, want %q", names, want)
		}
	}
}

func TestLoadRequiresSameKeys(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/vi.yaml": {Data: []byte("a: một\nb: hai\n")},
		"i18n/en.yaml": {Data: []byte("a: one\n")},
	}
	if _, err := Load(fsys); err == nil || err.Error() != `templates/i18n/en.yaml: key "b" is missing (it is in vi.yaml)` {
		t.Errorf("got %v", err)
	}
	l := New(model.EN, map[string]string{"x": "%d items"})
	if s, _ := l.Tf("x", 3); s != "3 items" {
		t.Errorf("Tf = %q", s)
	}
	if _, err := l.T("missing"); err == nil {
		t.Error("a missing key is not an error")
	}
}
