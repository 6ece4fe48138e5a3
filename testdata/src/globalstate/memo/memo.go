// Package memo has get-or-create caches in package maps, which gain one
// entry per distinct key, next to inserts that no lookup of the same key
// guards.
package memo

import (
	"context"
	"errors"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	ID     string
	Region string
	Table  string
	Keys   []string
}

type Client struct{ region string }

func newClient(region string) (*Client, error) {
	if region == "" {
		return nil, errors.New("no region")
	}
	return &Client{region: region}, nil
}

type key struct{ region, table string }

var (
	clients   = map[string]*Client{}
	byRegion  = map[string]*Client{}
	locked    = map[string]*Client{}
	mu        sync.Mutex
	lazy      = map[string]*Client{}
	split     = map[string]*Client{}
	tables    = map[key]*Client{}
	loop      = map[string]bool{}
	elseFill  = map[string]*Client{}
	rw        = map[string]*Client{}
	rwmu      sync.RWMutex
	otherKey  = map[string]*Client{}
	otherMap  = map[string]*Client{}
	seenIDs   = map[string]bool{}
	after     = map[string]bool{}
	noExit    = map[string]bool{}
	litLookup = map[string]bool{}
)

// client is the comma-ok early return.
func client(ctx context.Context, region string) (*Client, error) {
	if c, ok := clients[region]; ok {
		return c, nil
	}
	c, err := newClient(region)
	if err != nil {
		return nil, err
	}
	clients[region] = c
	return c, nil
}

// regional fills on a miss: if _, ok := m[k]; !ok { m[k] = ... }.
func regional(region string) *Client {
	if _, ok := byRegion[region]; !ok {
		byRegion[region], _ = newClient(region)
	}
	return byRegion[region]
}

// lockedClient is the same under a mutex.
func lockedClient(region string) *Client {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := locked[region]; !ok {
		c, _ := newClient(region)
		locked[region] = c
	}
	return locked[region]
}

// lazyClient fills on a nil entry: if m[k] == nil { m[k] = ... }.
func lazyClient(e Event) *Client {
	if lazy[e.Region] == nil {
		lazy[e.Region], _ = newClient(e.Region)
	}
	return lazy[e.Region]
}

// splitClient looks up in a statement of its own.
func splitClient(region string) *Client {
	c, ok := split[region]
	if ok {
		return c
	}
	c, _ = newClient(region)
	split[region] = c
	return c
}

// tableClient has a composite key.
func tableClient(e Event) *Client {
	if c := tables[key{region: e.Region, table: e.Table}]; c != nil {
		return c
	}
	c, _ := newClient(e.Region)
	tables[key{region: e.Region, table: e.Table}] = c
	return c
}

func fill(e Event) {
	for _, k := range e.Keys {
		if loop[k] {
			continue
		}
		loop[k] = true
	}
	if c, ok := elseFill[e.Region]; ok {
		_ = c
	} else {
		elseFill[e.Region], _ = newClient(e.Region)
	}
}

// rwClient double-checks under a read lock, then under the write lock.
func rwClient(region string) *Client {
	rwmu.RLock()
	c, ok := rw[region]
	rwmu.RUnlock()
	if ok {
		return c
	}
	rwmu.Lock()
	defer rwmu.Unlock()
	if c, ok := rw[region]; ok {
		return c
	}
	c, _ = newClient(region)
	rw[region] = c
	return c
}

func handler(ctx context.Context, e Event) error {
	if _, err := client(ctx, e.Region); err != nil {
		return err
	}
	regional(e.Region)
	lockedClient(e.Region)
	lazyClient(e)
	splitClient(e.Region)
	tableClient(e)
	rwClient(e.Region)
	fill(e)

	if _, ok := otherKey[e.Region]; !ok {
		otherKey[e.ID], _ = newClient(e.Region) // want `otherKey grows on every invocation and is never reset`
	}
	if _, ok := clients[e.Region]; !ok {
		otherMap[e.Region], _ = newClient(e.Region) // want `otherMap grows on every invocation and is never reset`
	}
	seenIDs[e.ID] = true // want `seenIDs grows on every invocation and is never reset`

	after[e.ID] = true // want `after grows on every invocation and is never reset`
	if _, ok := after[e.ID]; ok {
		return nil
	}
	if _, ok := noExit[e.ID]; ok {
		println("again")
	}
	noExit[e.ID] = true // want `noExit grows on every invocation and is never reset`

	check := func() bool { return litLookup[e.ID] }
	if check() {
		return nil
	}
	litLookup[e.ID] = true // want `litLookup grows on every invocation and is never reset`
	return nil
}

func main() {
	lambda.Start(handler)
}
