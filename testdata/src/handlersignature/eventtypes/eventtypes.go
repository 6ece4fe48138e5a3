// Package eventtypes takes event types that encoding/json can and cannot decode.
package eventtypes

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// WithFunc has a field that fails only when the payload has its key: left
// alone.
type WithFunc struct {
	ID       string
	Callback func()
	Done     chan bool
}

// Key is a map key that decodes itself from text (through its pointer).
type Key struct{ A, B string }

func (k *Key) UnmarshalText(b []byte) error { return nil }

// Decoded decodes itself.
type Decoded chan int

func (d *Decoded) UnmarshalJSON(b []byte) error { return nil }

// Shape is a non-empty interface: a nil one cannot be decoded into.
type Shape interface{ Area() float64 }

// Self is a non-empty interface that claims to decode itself; a nil one
// still cannot be decoded into, but it is left alone.
type Self interface {
	json.Unmarshaler
	Name() string
}

type StructKey struct{ A int }

// Payload is a byte slice under another name: encoding/json decodes it from
// a base64 string (aws-lambda-go tests this as a feature), so a []byte
// event fails on object payloads only.
type Payload []byte

// Body decodes itself.
type Body []byte

func (b *Body) UnmarshalJSON(p []byte) error { *b = append((*b)[:0], p...); return nil }

func sqs(ctx context.Context, e events.SQSEvent) error             { return nil }
func raw(ctx context.Context, e json.RawMessage) error             { return nil }
func anyEvent(ctx context.Context, e any) error                    { return nil }
func mapEvent(ctx context.Context, e map[string]any) error         { return nil }
func intKeys(ctx context.Context, e map[int64]string) error        { return nil }
func textKeys(ctx context.Context, e map[Key]string) error         { return nil }
func withFunc(ctx context.Context, e WithFunc) error               { return nil }
func ptrWithFunc(ctx context.Context, e *WithFunc) error           { return nil }
func sliceOfChans(ctx context.Context, e []chan int) error         { return nil }
func decoded(ctx context.Context, e Decoded) error                 { return nil }
func timeEvent(ctx context.Context, e time.Time) error             { return nil }
func bigEvent(ctx context.Context, e *big.Int) error               { return nil }
func self(ctx context.Context, e Self) error                       { return nil }
func body(ctx context.Context, e Body) error                       { return nil }
func numbers(ctx context.Context, e []int) error                   { return nil }
func bytesEvent(ctx context.Context, e []byte) error               { return nil }
func payload(e Payload) error                                      { return nil }
func ptrBytes(ctx context.Context, e *[]byte) error                { return nil }
func chanEvent(ctx context.Context, e chan int) error              { return nil }
func funcEvent(e func()) error                                     { return nil }
func ptrChan(ctx context.Context, e *chan string) error            { return nil }
func complexEvent(ctx context.Context, e complex64) error          { return nil }
func shape(ctx context.Context, e Shape) error                     { return nil }
func stringer(ctx context.Context, e fmt.Stringer) (string, error) { return "", nil }
func structKeys(ctx context.Context, e map[StructKey]string) error { return nil }
func boolKeys(ctx context.Context, e map[bool]int) error           { return nil }

func main() {
	lambda.Start(sqs)
	lambda.Start(raw)
	lambda.Start(anyEvent)
	lambda.Start(mapEvent)
	lambda.Start(intKeys)
	lambda.Start(textKeys)
	lambda.Start(withFunc)
	lambda.Start(ptrWithFunc)
	lambda.Start(sliceOfChans)
	lambda.Start(decoded)
	lambda.Start(timeEvent)
	lambda.Start(bigEvent)
	lambda.Start(self)
	lambda.Start(body)
	lambda.Start(numbers)
	lambda.Start(bytesEvent)
	lambda.Start(payload)
	lambda.Start(ptrBytes)

	lambda.Start(chanEvent)    // want `handler event type chan int cannot be decoded from JSON: aws-lambda-go fails every invocation with "json: cannot unmarshal object into Go value of type chan int" before the handler runs; take a struct, a map with string keys or json.RawMessage`
	lambda.Start(funcEvent)    // want `handler event type func\(\) cannot be decoded`
	lambda.Start(ptrChan)      // want `handler event type \*chan string cannot be decoded from JSON: .*"json: cannot unmarshal object into Go value of type chan string"`
	lambda.Start(complexEvent) // want `handler event type complex64 cannot be decoded`
	lambda.Start(shape)        // want `"json: cannot unmarshal object into Go value of type eventtypes.Shape"`
	lambda.Start(stringer)     // want `handler event type fmt.Stringer cannot be decoded`
	lambda.Start(structKeys)   // want `"json: cannot unmarshal object into Go value of type map\[eventtypes.StructKey\]string"`
	lambda.Start(boolKeys)     // want `handler event type map\[bool\]int cannot be decoded`
}
