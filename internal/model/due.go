package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how exactly a deadline is given.
type Precision string

const (
	PrecisionYear    Precision = "year"
	PrecisionQuarter Precision = "quarter"
	PrecisionMonth   Precision = "month"
	PrecisionDay     Precision = "day"
)

// Due is a deadline as precise as its source and no more: "Năm 2026"
// is a year, "Quý III/2026" a quarter, "trong tháng 6/2026" a month,
// "trước ngày 30/9/2026" a day. A day is never made up for a deadline
// the source gives by its month or quarter.
type Due struct {
	Year    int
	Quarter int // 1-4 when the precision is a quarter
	Month   int // 1-12 when the precision is a month or a day
	Day     int // when the precision is a day
}

// ParseDue reads a deadline written 2026, 2026-Q3, 2026-06 or 2026-09-30.
func ParseDue(s string) (Due, error) {
	bad := fmt.Errorf("%q is not a deadline: write a year (2026), a quarter (2026-Q3), a month (2026-06) or a day (2026-09-30)", s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Due{}, bad
	}
	y, err := strconv.Atoi(parts[0])
	if err != nil || y < 1 {
		return Due{}, bad
	}
	d := Due{Year: y}
	switch len(parts) {
	case 1:
		return d, nil
	case 2:
		p := parts[1]
		if len(p) == 2 && p[0] == 'Q' && p[1] >= '1' && p[1] <= '4' {
			d.Quarter = int(p[1] - '0')
			return d, nil
		}
		m, err := strconv.Atoi(p)
		if err != nil || len(p) != 2 || m < 1 || m > 12 {
			return Due{}, bad
		}
		d.Month = m
		return d, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Due{}, fmt.Errorf("%q is not a real day: %w", s, bad)
	}
	d.Month, d.Day = int(t.Month()), t.Day()
	return d, nil
}

// IsZero reports whether no deadline is given.
func (d Due) IsZero() bool { return d.Year == 0 }

// Precision says whether d is a year, a quarter, a month or a day.
func (d Due) Precision() Precision {
	switch {
	case d.Day != 0:
		return PrecisionDay
	case d.Month != 0:
		return PrecisionMonth
	case d.Quarter != 0:
		return PrecisionQuarter
	}
	return PrecisionYear
}

// String writes d as ParseDue reads it; "" for no deadline.
func (d Due) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day != 0:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case d.Month != 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case d.Quarter != 0:
		return fmt.Sprintf("%04d-Q%d", d.Year, d.Quarter)
	}
	return fmt.Sprintf("%04d", d.Year)
}

// Last is the last day d covers: a task due "in Q3 2021" is late only
// after 30 September 2021. A schedule compares dates with it.
func (d Due) Last() time.Time {
	switch d.Precision() {
	case PrecisionDay:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	case PrecisionQuarter:
		return time.Date(d.Year, time.Month(3*d.Quarter)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
}

var (
	romanQuarters = []string{"", "I", "II", "III", "IV"}
	monthsEN      = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Phrase says "by" d in lang at d's own precision, for a reader who
// wants the deadline without the source's wording: "đến hết quý
// III/2021" / "by the end of Q3 2021". The timing's own text keeps the
// source's words; this is for lists and data that put deadlines side
// by side.
func (d Due) Phrase(lang Lang) string {
	if d.IsZero() {
		return ""
	}
	vi := lang == VI
	switch d.Precision() {
	case PrecisionDay:
		if vi {
			return fmt.Sprintf("trước ngày %d/%d/%d", d.Day, d.Month, d.Year)
		}
		return fmt.Sprintf("by %d %s %d", d.Day, monthsEN[d.Month], d.Year)
	case PrecisionMonth:
		if vi {
			return fmt.Sprintf("đến hết tháng %d/%d", d.Month, d.Year)
		}
		return fmt.Sprintf("by the end of %s %d", monthsEN[d.Month], d.Year)
	case PrecisionQuarter:
		if vi {
			return fmt.Sprintf("đến hết quý %s/%d", romanQuarters[d.Quarter], d.Year)
		}
		return fmt.Sprintf("by the end of Q%d %d", d.Quarter, d.Year)
	}
	if vi {
		return fmt.Sprintf("đến hết năm %d", d.Year)
	}
	return fmt.Sprintf("by the end of %d", d.Year)
}
