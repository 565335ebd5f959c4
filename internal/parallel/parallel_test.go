package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestForCallsEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		calls := make([]atomic.Int32, n)
		For(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: f(%d) called %d times, want once", n, i, c)
			}
		}
	}
}

func TestForUsesTheCoresAndNoMore(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	var running, most atomic.Int32
	For(4*procs, func(int) {
		now := running.Add(1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		running.Add(-1)
	})
	if m := int(most.Load()); m > procs {
		t.Errorf("%d calls ran at once on %d cores", m, procs)
	}
	if procs > 1 && most.Load() < 2 {
		t.Errorf("calls ran one at a time on %d cores", procs)
	}
}
