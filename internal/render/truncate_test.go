package render

import "testing"

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"", 5, ""},
		{"ngắn", 4, "ngắn"}, // 4 runes, more bytes than n
		{"giảm nghèo bền vững", 19, "giảm nghèo bền vững"}, // exactly n runes
		{"giảm nghèo bền vững", 16, "giảm nghèo bền…"},     // cut at the last space
		{"giảmnghèobềnvững", 6, "giảmng…"},                 // no space past n/2: cut mid-word
		{"a bcdefghij", 8, "a bcdefg…"},                    // the only space is before n/2
	}
	for _, tt := range tests {
		if got := truncate(tt.s, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
