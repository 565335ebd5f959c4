package fold

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"giảm nghèo", "giam ngheo"},
		{"Đà Nẵng", "da nang"},
		{"ĐẮK LẮK", "dak lak"},
		{"Thanh Hóa", "thanh hoa"},
		{"Thanh Hoá", "thanh hoa"}, // old-style tone placement
		{"ASEAN 2025", "asean 2025"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
