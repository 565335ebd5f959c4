// Package parallel runs independent pieces of one stage on every core:
// loading the plan files, indexing their source documents. A piece
// writes only its own result, by index, so results come out in the
// order a serial loop gives, whatever order the pieces finish in.
package parallel

import (
	"runtime"
	"sync"
)

// For calls f(i) for every i from 0 to n-1, as many at once as there
// are cores, and returns when every call has.
func For(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
