// Package dep is a third-party package, in a module of its own, that does
// no I/O but has a Decode/DecodeContext pair.
package dep

import "context"

type Decoder struct{}

func (*Decoder) Decode(v any) error { return nil }

func (*Decoder) DecodeContext(ctx context.Context, v any) error { return nil }
