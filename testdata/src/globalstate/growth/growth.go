// Package growth has package state that grows on every invocation, next to
// bounded caches and state that is reset.
package growth

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	ID    string
	Items []string
}

type Store struct{ items []string }

const configKey = "table"

var (
	seen       []string
	byID       = map[string]Event{}
	cache      map[string]string
	mainReset  []string
	store      Store
	settings   = map[string]string{}
	bounded    = map[string]int{}
	recent     []string
	batch      []string
	pending    = map[string]bool{}
	counts     = map[string]int{}
	replaced   []string
	cleared    = map[string]int{}
	wholeStore Store
	fromInit   []string
	onceOnly   []string
	ignored    []string
	notReached []string
	once       sync.Once
)

func init() {
	fromInit = append(fromInit, "boot")
}

func handler(ctx context.Context, e Event) error {
	seen = append(seen, e.ID) // want `seen grows on every invocation and is never reset: package state survives across warm invocations, so memory grows until the environment is recycled; bound it, reset it, or keep the data in the invocation`
	byID[e.ID] = e            // want `byID grows on every invocation and is never reset`
	if cache == nil {
		cache = make(map[string]string) // lazy initialisation is not a reset
	}
	cache[e.ID] = e.ID                        // want `cache grows on every invocation and is never reset`
	mainReset = append(mainReset, e.Items...) // want `mainReset grows on every invocation and is never reset`
	remember(e.ID)

	settings["region"] = "eu-west-1" // a constant key: one entry
	settings[configKey] = "orders"

	if len(bounded) > 100 {
		bounded = nil
	}
	bounded[e.ID]++
	bounded[e.ID] = 1

	if len(recent) < 10 {
		recent = append(recent, e.ID)
	}

	batch = batch[:0]
	batch = append(batch, e.Items...)

	pending[e.ID] = true
	defer delete(pending, e.ID)

	counts[e.ID]++ // an increment is not counted as growth

	replaced = append(replaced, e.ID)
	cleared[e.ID] = 1
	flush()

	wholeStore.items = append(wholeStore.items, e.ID)
	wholeStore = Store{}

	once.Do(func() { onceOnly = append(onceOnly, e.ID) })

	//lambdalint:ignore globalstate reset by the deployment every hour
	ignored = append(ignored, e.ID)

	items := []string{}
	items = append(items, e.ID)
	seen := map[string]bool{}
	seen[e.ID] = true
	return nil
}

func remember(id string) {
	store.items = append(store.items, id) // want `store.items grows on every invocation and is never reset: .* \(handler → remember → store.items\)`
}

func flush() {
	replaced = nil
	clear(cleared)
}

func unused() {
	notReached = append(notReached, "x")
}

func main() {
	mainReset = nil
	lambda.Start(handler)
}
