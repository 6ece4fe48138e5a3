// Package store is a library whose constructor builds AWS SDK clients: a
// handler in another package that calls it on every invocation is reported
// at the call.
package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

type Store struct{ db *dynamodb.Client }

// New builds a store; call it once, at init.
func New(ctx context.Context) (*Store, error) { // want New:`summary\(config.LoadDefaultConfig; dynamodb.NewFromConfig\)`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &Store{db: dynamodb.NewFromConfig(cfg)}, nil
}

// Get uses the client: nothing to summarise.
func (s *Store) Get(ctx context.Context, id string) error {
	_, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("t"), Key: aws.String(id)})
	return err
}

var shared *Store

// Shared builds the store on first use: nothing to summarise.
func Shared(ctx context.Context) (*Store, error) {
	if shared == nil {
		s, err := New(ctx)
		if err != nil {
			return nil, err
		}
		shared = s
	}
	return shared, nil
}

// Lazy builds the store on first use, one call further down: nothing to
// summarise.
func Lazy(ctx context.Context) *Store {
	return getOrInit(ctx)
}

func getOrInit(ctx context.Context) *Store {
	if shared != nil {
		return shared
	}
	shared, _ = build(ctx)
	return shared
}

func build(ctx context.Context) (*Store, error) { return New(ctx) }

// Handle is a handler that builds its store on every invocation.
func Handle(ctx context.Context) error { // want Handle:`summary\(store.New → config.LoadDefaultConfig; store.New → dynamodb.NewFromConfig\)`
	s, err := New(ctx)
	if err != nil {
		return err
	}
	return s.Get(ctx, "id")
}

// Reopen reaches dynamodb.NewFromConfig along two paths: its summary keeps
// one item per leaf, and a caller is told once.
func Reopen(ctx context.Context) { // want Reopen:`summary\(store.New → config.LoadDefaultConfig; store.New → dynamodb.NewFromConfig\)`
	_, _ = New(ctx)
	_, _ = build(ctx)
}

var tenants = map[string]*Store{}

// ForTenant memoises a store per tenant: it builds one per tenant, not one
// per call, so its summary is empty.
func ForTenant(ctx context.Context, tenant string) (*Store, error) {
	if s, ok := tenants[tenant]; ok {
		return s, nil
	}
	s, err := New(ctx)
	if err != nil {
		return nil, err
	}
	tenants[tenant] = s
	return s, nil
}
