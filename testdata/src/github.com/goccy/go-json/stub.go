// Package json is a stub of github.com/goccy/go-json for the analyzer
// tests: the signatures the tests use, with empty bodies.
package json

import (
	"context"
	"io"
)

type Decoder struct{ r io.Reader }

func NewDecoder(r io.Reader) *Decoder { return &Decoder{r} }

func (d *Decoder) Decode(v any) error { return nil }

func (d *Decoder) DecodeContext(ctx context.Context, v any) error { return nil }

type Encoder struct{ w io.Writer }

func NewEncoder(w io.Writer) *Encoder { return &Encoder{w} }

func (e *Encoder) Encode(v any) error { return nil }

func (e *Encoder) EncodeContext(ctx context.Context, v any) error { return nil }
