package main

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"

	"handlersetup/store"
)

var (
	cached   *store.Store
	byRegion sync.Map
)

func handler(ctx context.Context) error {
	s, err := store.New(ctx) // want `config.LoadDefaultConfig runs on every invocation instead of once per execution environment: obtain the AWS SDK configuration \(it reads the environment, files and credentials\) once, in init or a package-level variable, and reuse it across warm invocations \(handler → store.New → config.LoadDefaultConfig\)` `dynamodb.NewFromConfig runs on every invocation instead of once per execution environment: obtain an AWS SDK service client once, in init or a package-level variable, and reuse it across warm invocations \(handler → store.New → dynamodb.NewFromConfig\)`
	if err != nil {
		return err
	}
	store.Reopen(ctx) // want `config.LoadDefaultConfig runs .*\(handler → store.Reopen → store.New → config.LoadDefaultConfig\)$` `dynamodb.NewFromConfig runs .*\(handler → store.Reopen → store.New → dynamodb.NewFromConfig\)$`
	if err := s.Get(ctx, "id"); err != nil {
		return err
	}

	// Look-alikes: the store is built once and cached.
	if cached == nil {
		cached, err = store.New(ctx)
		if err != nil {
			return err
		}
	}
	if _, err := store.Shared(ctx); err != nil {
		return err
	}
	_ = store.Lazy(ctx)
	// Look-alikes: stores memoised per key.
	if _, err := store.ForTenant(ctx, "tenant"); err != nil {
		return err
	}
	if _, err := perRegion(ctx, "eu-west-1"); err != nil {
		return err
	}
	return nil
}

// perRegion memoises a store per region in a sync.Map.
func perRegion(ctx context.Context, region string) (*store.Store, error) {
	if s, ok := byRegion.Load(region); ok {
		return s.(*store.Store), nil
	}
	s, err := store.New(ctx)
	if err != nil {
		return nil, err
	}
	byRegion.Store(region, s)
	return s, nil
}

func main() {
	// Look-alike: main before the start call.
	if _, err := store.New(context.Background()); err != nil {
		panic(err)
	}
	lambda.Start(handler)
}
