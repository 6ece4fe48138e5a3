// Package groups exercises sync.WaitGroup.Go and errgroup.Group.Go.
package groups

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
	"golang.org/x/sync/errgroup"
)

type Event struct{ IDs []string }

func send(ctx context.Context, id string) error { return nil }

func waitGroupGo(ctx context.Context, e Event) error {
	var wg sync.WaitGroup
	for _, id := range e.IDs {
		wg.Go(func() { _ = send(ctx, id) }) // want `goroutine started by sync.WaitGroup.Go may outlive the invocation: Lambda freezes the environment when the handler returns, so call Wait on the group before returning`
	}
	return nil
}

// waitGroupGoWait waits: silent.
func waitGroupGoWait(ctx context.Context, e Event) error {
	var wg sync.WaitGroup
	for _, id := range e.IDs {
		wg.Go(func() { _ = send(ctx, id) })
	}
	wg.Wait()
	return nil
}

func errGroup(ctx context.Context, e Event) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range e.IDs {
		g.Go(func() error { return send(ctx, id) }) // want `goroutine started by errgroup.Group.Go may outlive the invocation`
	}
	var g2 errgroup.Group
	g2.SetLimit(4)
	g2.TryGo(func() error { return send(ctx, "x") }) // want `goroutine started by errgroup.Group.TryGo may outlive the invocation`
	return nil
}

// errGroupWait returns g.Wait(): silent.
func errGroupWait(ctx context.Context, e Event) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range e.IDs {
		g.Go(func() error { return send(ctx, id) })
	}
	return g.Wait()
}

// errGroupDeferredWait waits in a deferred call: silent.
func errGroupDeferredWait(ctx context.Context) {
	var g errgroup.Group
	defer func() { _ = g.Wait() }()
	g.Go(func() error { return send(ctx, "x") })
}

// errGroupReturned hands the group to the caller: silent.
func errGroupReturned(ctx context.Context) *errgroup.Group {
	g := new(errgroup.Group)
	g.Go(func() error { return send(ctx, "x") })
	return g
}

// errGroupParam: the caller owns the group: silent.
func errGroupParam(ctx context.Context, g *errgroup.Group) {
	g.Go(func() error { return send(ctx, "x") })
}

type Batcher struct{ g errgroup.Group }

// field: the group is owned by the struct: silent.
func (b *Batcher) add(ctx context.Context) {
	b.g.Go(func() error { return send(ctx, "x") })
}

// goInsideGroup: a go statement inside a group function that waits for it
// is silent; the errgroup is waited for too.
func goInsideGroup(ctx context.Context, e Event) error {
	var g errgroup.Group
	g.Go(func() error {
		var wg sync.WaitGroup
		for _, id := range e.IDs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_ = send(ctx, id)
			}()
		}
		wg.Wait()
		return nil
	})
	g.Go(func() error {
		go send(ctx, "y") // want `goroutine may outlive the invocation`
		return nil
	})
	return g.Wait()
}

// errGroupOtherWait: the group is waited for in another goroutine, which
// nobody waits for.
func errGroupOtherWait(ctx context.Context) error {
	var g errgroup.Group
	g.Go(func() error { return send(ctx, "x") }) // want `goroutine started by errgroup.Group.Go may outlive the invocation`
	go func() { _ = g.Wait() }()                 // want `goroutine may outlive the invocation`
	return nil
}

func main() {
	b := &Batcher{}
	lambda.Start(func(ctx context.Context, e Event) error {
		_ = waitGroupGo(ctx, e)
		_ = waitGroupGoWait(ctx, e)
		_ = errGroup(ctx, e)
		_ = errGroupWait(ctx, e)
		errGroupDeferredWait(ctx)
		_ = errGroupReturned(ctx).Wait()
		errGroupParam(ctx, new(errgroup.Group))
		b.add(ctx)
		_ = goInsideGroup(ctx, e)
		return errGroupOtherWait(ctx)
	})
}
