package model

import (
	"testing"
	"time"
)

func TestDue(t *testing.T) {
	tests := []struct {
		in        string
		precision Precision
		last      string
		vi, en    string
	}{
		{"2026", PrecisionYear, "2026-12-31", "đến hết năm 2026", "by the end of 2026"},
		{"2021-Q3", PrecisionQuarter, "2021-09-30", "đến hết quý III/2021", "by the end of Q3 2021"},
		{"2021-Q4", PrecisionQuarter, "2021-12-31", "đến hết quý IV/2021", "by the end of Q4 2021"},
		{"2026-06", PrecisionMonth, "2026-06-30", "đến hết tháng 6/2026", "by the end of June 2026"},
		{"2024-02", PrecisionMonth, "2024-02-29", "đến hết tháng 2/2024", "by the end of February 2024"},
		{"2026-09-30", PrecisionDay, "2026-09-30", "trước ngày 30/9/2026", "by 30 September 2026"},
	}
	for _, tc := range tests {
		d, err := ParseDue(tc.in)
		if err != nil {
			t.Errorf("ParseDue(%q): %v", tc.in, err)
			continue
		}
		if d.String() != tc.in || d.Precision() != tc.precision || d.Last().Format(time.DateOnly) != tc.last ||
			d.Phrase(VI) != tc.vi || d.Phrase(EN) != tc.en {
			t.Errorf("ParseDue(%q) = %s %s last %s %q %q, want %s %s %q %q", tc.in, d, d.Precision(), d.Last().Format(time.DateOnly),
				d.Phrase(VI), d.Phrase(EN), tc.precision, tc.last, tc.vi, tc.en)
		}
	}
	for _, bad := range []string{"", "26", "2026-Q0", "2026-Q5", "2026-13", "2026-6", "2026-02-30", "2026-06-31", "2026-06-01-01", "Q3-2026", "năm 2026"} {
		if d, err := ParseDue(bad); err == nil {
			t.Errorf("ParseDue(%q) = %s, want an error", bad, d)
		}
	}
}
