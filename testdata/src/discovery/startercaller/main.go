package main

import (
	"context"

	"discovery/starterlib"
)

func process(ctx context.Context) error { return nil }

func main() {
	starterlib.Start(process) // want `entry process via lambda.Start`
}
