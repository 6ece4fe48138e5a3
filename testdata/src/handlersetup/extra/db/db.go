// Package db is a database library whose constructors the test names with
// -handlersetup.extra.
package db

import "database/sql"

type Pool struct{ db *sql.DB }

type Conn struct{}

// Connect is named by -handlersetup.extra.
// What it does inside is not reported again at the callers.
func Connect(dsn string) (*Pool, error) {
	db, err := sql.Open("postgres", dsn)
	return &Pool{db: db}, err
}

// Dial is named by -handlersetup.extra.
func (p *Pool) Dial() (*Conn, error) { return &Conn{}, nil }

// Query is not.
func (p *Pool) Query(q string) error { return nil }

// MustConnect wraps Connect.
func MustConnect(dsn string) *Pool { // want MustConnect:`summary\(db.Connect\)`
	p, err := Connect(dsn)
	if err != nil {
		panic(err)
	}
	return p
}
