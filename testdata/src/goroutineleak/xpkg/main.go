// Command xpkg is a handler that calls into lib.
package main

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"

	"goroutineleak/lib"
)

func handler(ctx context.Context) error {
	lib.Fire(ctx) // want `goroutine may outlive the invocation: Lambda freezes the environment when the handler returns, so wait for it \(sync.WaitGroup, errgroup\) before returning \(handler → lib.Fire → go statement\)`
	lib.Flush(ctx)
	var wg sync.WaitGroup
	lib.Spawn(&wg)
	wg.Wait()
	helper()
	return nil
}

func helper() {
	lib.Later() // want `time.AfterFunc may fire after the invocation.* \(handler → helper → lib.Later → lib.later → time.AfterFunc\)`
}

func main() {
	lib.Fire(context.Background()) // init code: silent
	lambda.Start(handler)
}
