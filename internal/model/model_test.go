package model

import "testing"

func TestFingerprint(t *testing.T) {
	base := Fingerprint("Giảm nghèo bền vững")
	for _, tc := range []struct {
		name, vi string
		same     bool
	}{
		{"same text", "Giảm nghèo bền vững", true},
		{"decomposed accents", "Gia\u0309m nghe\u0300o bê\u0300n vư\u0303ng", true},
		{"line breaks and spaces", "  Giảm nghèo\n  bền   vững ", true},
		{"one tone mark changed", "Giảm nghèo bên vững", false},
		{"a word added", "Giảm nghèo bền vững hơn", false},
	} {
		if got := Fingerprint(tc.vi) == base; got != tc.same {
			t.Errorf("%s: Fingerprint(%q) == Fingerprint of the original is %v, want %v", tc.name, tc.vi, got, tc.same)
		}
	}
	if !ValidFingerprint(base) {
		t.Errorf("Fingerprint gave %q, which ValidFingerprint refuses", base)
	}
}

func TestValidFingerprint(t *testing.T) {
	for s, want := range map[string]bool{
		"3f2a9c1e": true, "00000000": true, "3F2A9C1E": false, "3f2a9c1": false,
		"3f2a9c1e0": false, "3f2a9c1g": false, "": false,
	} {
		if got := ValidFingerprint(s); got != want {
			t.Errorf("ValidFingerprint(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestOutdated(t *testing.T) {
	vi := "Tổ chức giao lưu văn hóa."
	for _, tc := range []struct {
		name string
		text Text
		want bool
	}{
		{"fingerprint of the current Vietnamese", Text{VI: vi, EN: "Organise cultural exchanges.", ENOf: Fingerprint(vi)}, false},
		{"fingerprint of an earlier Vietnamese", Text{VI: vi, EN: "Organise cultural exchanges.", ENOf: Fingerprint("Tổ chức giao lưu.")}, true},
		{"no fingerprint recorded", Text{VI: vi, EN: "Organise cultural exchanges."}, false},
		{"no English", Text{VI: vi, ENOf: Fingerprint("Tổ chức giao lưu.")}, false},
	} {
		if got := tc.text.Outdated(); got != tc.want {
			t.Errorf("%s: Outdated() = %v, want %v", tc.name, got, tc.want)
		}
	}
}
