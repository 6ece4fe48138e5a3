package main

import (
	"context"
	"database/sql"

	"github.com/aws/aws-lambda-go/lambda"

	"handlersetup/extra/db"
)

var pool = db.MustConnect("dsn")

func handler(ctx context.Context) error {
	p, err := db.Connect("dsn") // want `db.Connect runs on every invocation instead of once per execution environment: obtain a value built by handlersetup/extra/db.Connect once`
	if err != nil {
		return err
	}
	if _, err := p.Dial(); err != nil { // want `db.Pool.Dial runs on every invocation`
		return err
	}
	_ = db.MustConnect("dsn")            // want `db.Connect runs on every invocation .* \(handler → db.MustConnect → db.Connect\)`
	if _, err := connect(); err != nil { // want `connect runs on every invocation instead of once per execution environment: obtain a value built by handlersetup/extra.connect once`
		return err
	}
	// Look-alike: not named by the flag.
	return pool.Query("select 1")
}

// connect is named by -handlersetup.extra: what it does inside is not
// reported again.
func connect() (*sql.DB, error) {
	return sql.Open("postgres", "dsn")
}

func main() {
	lambda.Start(handler)
}
