// Package pgxpool is a stub of github.com/jackc/pgx/v5/pgxpool for tests.
package pgxpool

import "context"

type Pool struct{}

type Config struct{}

func New(ctx context.Context, connString string) (*Pool, error)        { return &Pool{}, nil }
func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Close() {}
