// Command fn: with module information, the sibling rule holds for the
// types of the module's packages, not for those of other modules.
package main

import (
	"context"

	"example.com/app/internal/store"
	"github.com/acme/dep"
)

// handle is the handler.
//
//lambdalint:handler
func handle(ctx context.Context, id string) error {
	var s store.Store
	if err := s.Get(id); err != nil { // want `store.Store.Get does not stop at the invocation deadline.*GetContext`
		return err
	}
	var d dep.Decoder
	return d.Decode(&id)
}

func main() {}
