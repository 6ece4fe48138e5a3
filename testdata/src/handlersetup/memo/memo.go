// Package main tests caches of clients keyed by something from the event:
// what is built on a miss of a cache that outlives the invocation is built
// once per key, not once per invocation.
package main

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Event struct {
	Region string
	Table  string
	Tags   map[string]*s3.Client
}

var (
	mu       sync.Mutex
	clients  = map[string]*s3.Client{}
	byTable  = map[string]*s3.Client{}
	byTenant = map[string]*s3.Client{}
	missing  = map[string]*s3.Client{}
	nilMap   = map[string]*s3.Client{}
	nilVal   = map[string]*s3.Client{}
	cfgs     = map[string]aws.Config{}
	queues   sync.Map
	lazy     sync.Map
	stored   sync.Map
	viaLocal sync.Map
	elseMap  = map[string]*s3.Client{}
	// overrides is a lookup table, not a cache: nothing is stored in it.
	overrides = map[string]*s3.Client{}
)

func handler(ctx context.Context, e Event) error {
	_, _ = memo(ctx, e.Region)
	_ = ifInit(ctx, e.Table)
	_ = twoStatements(ctx, e.Table)
	missBody(ctx, e.Region)
	_ = nilEntry(ctx, e.Region)
	_ = nilValue(ctx, e.Region)
	_, _ = syncMap(ctx, e.Region)
	syncMapMiss(ctx, e.Region)
	syncMapStore(ctx, e.Region)
	_, _ = configs(ctx, e.Region)
	_ = throughLocal(ctx, e.Region)
	_ = shared.client(ctx, e.Region)
	_ = inElse(ctx, e.Region)

	_ = localMap(ctx, e.Region)
	_ = noReturn(ctx, e.Region)
	_ = returnOnMiss(ctx, e.Region)
	_ = unrelated(ctx, e.Region)
	_ = unrelatedBool(ctx, e.Region)
	_ = eventMap(ctx, e)
	_ = changedOk(ctx, e.Region)
	_ = localSyncMap(ctx, e.Region)
	_ = storedIf(ctx, e.Region)
	_ = storedLocally(ctx, e.Region)
	_ = lookupTable(ctx, e.Region)
	_ = lookupTableElse(ctx, e.Region)
	_ = lookupTableNil(ctx, e.Region)
	return nil
}

// Look-alike: a client per region, memoised in a package-level map.
func memo(ctx context.Context, region string) (*s3.Client, error) {
	if c, ok := clients[region]; ok {
		return c, nil
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	c := s3.NewFromConfig(cfg)
	clients[region] = c
	return c, nil
}

// Look-alike: the value of the lookup is tested.
func ifInit(ctx context.Context, table string) *s3.Client {
	if c := byTable[table]; c != nil {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx)
	byTable[table] = s3.NewFromConfig(cfg)
	return byTable[table]
}

// Look-alike: the lookup and the early return in two statements.
func twoStatements(ctx context.Context, tenant string) *s3.Client {
	c, ok := byTenant[tenant]
	if ok {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx)
	c = s3.NewFromConfig(cfg)
	byTenant[tenant] = c
	return c
}

// Look-alike: the body of a miss.
func missBody(ctx context.Context, region string) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := missing[region]; !ok {
		cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))
		missing[region] = s3.NewFromConfig(cfg)
	}
}

// Look-alike: the body of a nil entry.
func nilEntry(ctx context.Context, region string) *s3.Client {
	if nilMap[region] == nil {
		cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))
		nilMap[region] = s3.NewFromConfig(cfg)
	}
	return nilMap[region]
}

// Look-alike: the body of a nil value looked up.
func nilValue(ctx context.Context, region string) *s3.Client {
	if c := nilVal[region]; c == nil {
		cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))
		c = s3.NewFromConfig(cfg)
		nilVal[region] = c
	}
	return nilVal[region]
}

// Look-alike: a sync.Map memo.
func syncMap(ctx context.Context, region string) (*sqs.Client, error) {
	if c, ok := queues.Load(region); ok {
		return c.(*sqs.Client), nil
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, err
	}
	c, _ := queues.LoadOrStore(region, sqs.NewFromConfig(cfg))
	return c.(*sqs.Client), nil
}

// Look-alike: the body of a sync.Map miss.
func syncMapMiss(ctx context.Context, region string) {
	if _, ok := lazy.Load(region); !ok {
		cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))
		lazy.Store(region, cfg)
	}
}

// The value stored in a sync.Map is a cache; what builds its input is not.
func syncMapStore(ctx context.Context, region string) {
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	stored.Store(region, sqs.NewFromConfig(cfg))
}

// Look-alike: a result stored in a cache through a local variable.
func configs(ctx context.Context, region string) (aws.Config, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return aws.Config{}, err
	}
	cfgs[region] = cfg
	return cfg, nil
}

// Look-alike: a client stored in a sync.Map through a local variable.
func throughLocal(ctx context.Context, region string) *sqs.Client {
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	c := sqs.NewFromConfig(cfg)
	actual, _ := viaLocal.LoadOrStore(region, c)
	return actual.(*sqs.Client)
}

// Look-alike: built and stored in the else branch of a hit (as in
// lambda-promtail).
func inElse(ctx context.Context, region string) *s3.Client {
	var client *s3.Client
	if c, ok := elseMap[region]; ok {
		client = c
	} else {
		cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))
		client = s3.NewFromConfig(cfg)
		elseMap[region] = client
	}
	return client
}

type Store struct{ clients map[string]*s3.Client }

var shared = &Store{clients: map[string]*s3.Client{}}

// Look-alike: a memo in a field of a pointer receiver.
func (s *Store) client(ctx context.Context, region string) *s3.Client {
	if c, ok := s.clients[region]; ok {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	s.clients[region] = s3.NewFromConfig(cfg)
	return s.clients[region]
}

// The map is made on every invocation.
func localMap(ctx context.Context, region string) *s3.Client {
	local := map[string]*s3.Client{}
	if c, ok := local[region]; ok {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation .*\(handler → localMap → config.LoadDefaultConfig\)`
	c := s3.NewFromConfig(cfg)              // want `s3.NewFromConfig runs on every invocation .*\(handler → localMap → s3.NewFromConfig\)`
	local[region] = c
	return c
}

// A hit does not return.
func noReturn(ctx context.Context, region string) *s3.Client {
	if c, ok := clients[region]; ok {
		_ = c
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// A miss returns: what follows runs on every hit.
func returnOnMiss(ctx context.Context, region string) *s3.Client {
	if _, ok := clients[region]; !ok {
		return nil
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// The guard tests something else than the lookup.
func unrelated(ctx context.Context, region string) *s3.Client {
	if c := clients[region]; region == "" {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// The bool is not the result of a lookup.
func unrelatedBool(ctx context.Context, region string) *s3.Client {
	ok := region == ""
	if ok {
		return nil
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// The map comes with the event.
func eventMap(ctx context.Context, e Event) *s3.Client {
	if c, ok := e.Tags[e.Region]; ok {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// ok no longer holds the result of the lookup.
func changedOk(ctx context.Context, region string) *s3.Client {
	c, ok := clients[region]
	ok = ok && region != "us-east-1"
	if ok {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// The sync.Map is made on every invocation.
func localSyncMap(ctx context.Context, region string) *sqs.Client {
	var cache sync.Map
	if c, ok := cache.Load(region); ok {
		return c.(*sqs.Client)
	}
	cfg, _ := config.LoadDefaultConfig(ctx)                   // want `config.LoadDefaultConfig runs on every invocation`
	c, _ := cache.LoadOrStore(region, sqs.NewFromConfig(cfg)) // want `sqs.NewFromConfig runs on every invocation`
	return c.(*sqs.Client)
}

// The client is stored only sometimes.
func storedIf(ctx context.Context, region string) *s3.Client {
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	c := s3.NewFromConfig(cfg)              // want `s3.NewFromConfig runs on every invocation`
	if region != "" {
		clients[region] = c
	}
	return c
}

// The client is stored in a map made on every invocation.
func storedLocally(ctx context.Context, region string) *s3.Client {
	local := map[string]*s3.Client{}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	c := s3.NewFromConfig(cfg)              // want `s3.NewFromConfig runs on every invocation`
	local[region] = c
	return local[region]
}

// A miss in a lookup table builds a client on every invocation.
func lookupTable(ctx context.Context, region string) *s3.Client {
	if c, ok := overrides[region]; ok {
		return c
	}
	cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
	return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
}

// The same in an else branch.
func lookupTableElse(ctx context.Context, region string) *s3.Client {
	if c, ok := overrides[region]; ok {
		return c
	} else {
		cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
		return s3.NewFromConfig(cfg)            // want `s3.NewFromConfig runs on every invocation`
	}
}

// The same with a nil entry.
func lookupTableNil(ctx context.Context, region string) *s3.Client {
	c := overrides[region]
	if overrides[region] == nil {
		cfg, _ := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation`
		c = s3.NewFromConfig(cfg)               // want `s3.NewFromConfig runs on every invocation`
	}
	return c
}

func main() {
	captured := map[string]*s3.Client{}
	lambda.Start(handler)
	lambda.Start(func(ctx context.Context, e Event) error {
		// Look-alike: a map captured from main outlives the invocation.
		if _, ok := captured[e.Region]; ok {
			return nil
		}
		cfg, _ := config.LoadDefaultConfig(ctx)
		captured[e.Region] = s3.NewFromConfig(cfg)
		return nil
	})
}
