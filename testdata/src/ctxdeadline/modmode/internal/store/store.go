// Package store is another package of the module being analysed.
package store

import "context"

type Store struct{}

func (*Store) Get(id string) error { return nil }

func (*Store) GetContext(ctx context.Context, id string) error { return ctx.Err() }
