package main

import (
	"context"
	"regexp"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID, Name string }

const namePattern = `^[A-Z][a-z]+$`

// handler validates the event.
func handler(ctx context.Context, e Event) (bool, error) {
	idRe := regexp.MustCompile(`^order-[0-9]+$`) // want `regexp.MustCompile runs on every invocation`
	if !idRe.MatchString(e.ID) {
		return false, nil
	}
	nameRe := regexp.MustCompile(namePattern) // want `regexp.MustCompile runs on every invocation`
	return nameRe.MatchString(e.Name), nil
}

func noFix(ctx context.Context, e Event) error {
	// No fix: "taken" names another variable in the package.
	taken := regexp.MustCompile(`a`) // want `regexp.MustCompile runs on every invocation`
	_ = taken
	// No fix: reassigned.
	again := regexp.MustCompile(`b`) // want `regexp.MustCompile runs on every invocation`
	again = regexp.MustCompile(`c`)  // want `regexp.MustCompile runs on every invocation`
	_ = again
	// No fix: the pattern is a local constant.
	const local = `d`
	localRe := regexp.MustCompile(local) // want `regexp.MustCompile runs on every invocation`
	_ = localRe
	// No fix: two results.
	compiled, err := regexp.Compile(`e`) // want `regexp.Compile runs on every invocation`
	_ = compiled
	// No fix: not a single definition.
	x, y := regexp.MustCompile(`f`), 1 // want `regexp.MustCompile runs on every invocation`
	_, _ = x, y
	// No fix: the name is predeclared.
	string := regexp.MustCompile(`g`) // want `regexp.MustCompile runs on every invocation`
	_ = string
	return err
}

func other() {
	taken := 1
	_ = taken
}

func main() {
	lambda.Start(handler)
	lambda.Start(noFix)
	lambda.Start(func(ctx context.Context) error {
		litRe := regexp.MustCompile(`^lit$`) // want `regexp.MustCompile runs on every invocation`
		_ = litRe.String()
		return nil
	})
}
