// A worker pool: jobs on a channel, results collected under a mutex, sync.WaitGroup to wait for the workers.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type result struct {
	job, worker int
	square      int
}

func worker(id int, jobs <-chan int, mu *sync.Mutex, results *[]result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Duration(j%3) * time.Millisecond) // uneven work
		mu.Lock()
		*results = append(*results, result{job: j, worker: id, square: j * j})
		mu.Unlock()
	}
}

func main() {
	start := time.Now()
	jobs := make(chan int)
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		results []result
	)
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go worker(w, jobs, &mu, &results, &wg)
	}
	for j := 1; j <= 12; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()

	sort.Slice(results, func(a, b int) bool { return results[a].job < results[b].job })
	var sb strings.Builder
	total := 0
	for _, r := range results {
		fmt.Fprintf(&sb, "%d ", r.square)
		total += r.square
	}
	fmt.Println("squares:", strings.TrimSpace(sb.String()))
	fmt.Printf("%d jobs, total %d, took at least %v: %t\n", len(results), total, 2*time.Millisecond, time.Since(start) >= 2*time.Millisecond)
}
