// Package lib is a library whose exported functions start goroutines.
package lib

import (
	"context"
	"sync"
	"time"
)

func send() {}

// Fire leaves a goroutine running.
func Fire(ctx context.Context) { // want Fire:"summary\\(go statement\\)"
	go send()
}

// Flush waits for its goroutines: silent.
func Flush(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		send()
	}()
	wg.Wait()
}

// Spawn adds to the caller's wait group: silent.
func Spawn(wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		send()
	}()
}

// Later schedules through an unexported helper.
func Later() { // want Later:"summary\\(lib.later → time.AfterFunc\\)"
	later()
}

func later() {
	time.AfterFunc(time.Second, send)
}
