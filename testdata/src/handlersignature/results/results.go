// Package results returns types that encoding/json can and cannot encode.
package results

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/netip"
	"strings"
	"time"
	"unsafe"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID string }

// Fine encodes: only exported fields without `json:"-"` count.
type Fine struct {
	At       time.Time
	Raw      json.RawMessage
	Any      any
	Big      *big.Int
	Addr     netip.Addr
	Tags     map[string]string
	Counts   map[int]int
	ByText   map[TextKey]string
	Bytes    []byte
	Empty    [0]chan int
	Custom   Custom
	Stream   io.Reader // an interface: the dynamic type decides
	done     chan struct{}
	callback func()
	Skip     func()      `json:"-"`
	NoChan   chan int    `json:"-"`
	Opt      map[Key]int `json:",omitempty"`
	Zero     chan int    `json:",omitzero"`
	Later    *Fine
	Items    []Item
	unexported
}

type unexported struct{ n complex128 }

type Item struct {
	Name string
	Next *Item // recursive
}

// Custom encodes itself.
type Custom struct {
	ch chan int
	Fn func()
}

func (Custom) MarshalJSON() ([]byte, error) { return []byte(`{}`), nil }

// PtrCustom encodes itself through its pointer (conservatively fine).
type PtrCustom struct{ Fn func() }

func (*PtrCustom) MarshalJSON() ([]byte, error) { return []byte(`{}`), nil }

// TextKey is a map key that marshals itself as text.
type TextKey struct{ A, B int }

func (k TextKey) MarshalText() ([]byte, error) { return []byte("k"), nil }

// Key is a struct map key with no MarshalText.
type Key struct{ A, B int }

// PtrTextKey marshals itself through its pointer only: not as a map key.
type PtrTextKey struct{ A int }

func (*PtrTextKey) MarshalText() ([]byte, error) { return []byte("k"), nil }

// Base has a chan that Shadow hides by a shallower field of the same name.
type Base struct{ Done chan bool }

type Shadow struct {
	Base
	Done bool
}

// A and B annihilate: two X at the same depth, none encoded.
type A struct{ X chan int }
type B struct{ X chan int }
type Twins struct {
	A
	B
}

// Reader is returned as a stream when it cannot be encoded.
type Reader struct {
	Ch chan int
	r  *strings.Reader
}

func (r *Reader) Read(p []byte) (int, error) { return r.r.Read(p) }

// Bad types.
type WithChan struct {
	ID   string
	Done chan bool
}

type WithFunc struct {
	Name     string
	Callback func(id string) error `json:"callback"`
}

type Nested struct {
	Items []Entry
}

type Entry struct {
	Meta map[string]*Inner
}

type Inner struct{ Z complex128 }

type Embeds struct {
	*WithFunc
}

type embedded struct{ Fn func() }

type EmbedsUnexported struct{ embedded }

type OmitEmptyChan struct {
	C chan int `json:"c,omitempty"` // omitempty never drops a chan
}

type Loop struct {
	Self  *Loop
	Kids  []Loop
	Table map[string]Loop
	Ptr   unsafe.Pointer
}

type Generic[T any] struct{ Value T }

type ValidationError struct{ Field, Reason string }

func (e *ValidationError) Error() string { return e.Field + ": " + e.Reason }

func fine(ctx context.Context) (Fine, error)              { return Fine{}, nil }
func finePtr(ctx context.Context, e Event) (*Fine, error) { return nil, nil }
func ptrCustom(ctx context.Context) (PtrCustom, error)    { return PtrCustom{}, nil }
func shadow(ctx context.Context) (Shadow, error)          { return Shadow{}, nil }
func twins(ctx context.Context) (Twins, error)            { return Twins{}, nil }
func reader(ctx context.Context) (*Reader, error)         { return nil, nil }
func anyOut(ctx context.Context) (any, error)             { return nil, nil }
func apigw(ctx context.Context) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}
func generic(ctx context.Context) (Generic[string], error)             { return Generic[string]{}, nil }
func textKeys(ctx context.Context) (map[TextKey]Item, error)           { return nil, nil }
func noResult(ctx context.Context, e Event) error                      { return nil }
func withChan(ctx context.Context, e Event) (WithChan, error)          { return WithChan{}, nil }
func withFunc(ctx context.Context) (*WithFunc, error)                  { return nil, nil }
func nested(ctx context.Context) (Nested, error)                       { return Nested{}, nil }
func embeds(ctx context.Context) (Embeds, error)                       { return Embeds{}, nil }
func embedsUnexported(ctx context.Context) (EmbedsUnexported, error)   { return EmbedsUnexported{}, nil }
func omitEmptyChan(ctx context.Context) (OmitEmptyChan, error)         { return OmitEmptyChan{}, nil }
func loop(ctx context.Context) (Loop, error)                           { return Loop{}, nil }
func chanOut(ctx context.Context) (chan int, error)                    { return nil, nil }
func complexOut(ctx context.Context) (complex128, error)               { return 0, nil }
func anyKeys(ctx context.Context) (map[interface{}]interface{}, error) { return nil, nil }
func structKeys(ctx context.Context) (map[Key]string, error)           { return nil, nil }
func ptrTextKeys(ctx context.Context) (map[PtrTextKey]string, error)   { return nil, nil }
func genericFunc(ctx context.Context) (Generic[func()], error)         { return Generic[func()]{}, nil }
func arrayOfFuncs(ctx context.Context) ([2]func(), error)              { return [2]func(){}, nil }

func both(ctx context.Context, e Event) (WithFunc, *ValidationError) { return WithFunc{}, nil }

func main() {
	lambda.Start(fine)
	lambda.Start(finePtr)
	lambda.Start(ptrCustom)
	lambda.Start(shadow)
	lambda.Start(twins)
	lambda.Start(reader)
	lambda.Start(anyOut)
	lambda.Start(apigw)
	lambda.Start(generic)
	lambda.Start(textKeys)
	lambda.Start(noResult)

	lambda.Start(withChan)         // want `handler result type WithChan cannot be encoded to JSON \(WithChan.Done\): every invocation that returns one fails with "json: unsupported type: chan bool" after the handler has run; tag the field json:"-", or give it a type that encoding/json can encode`
	lambda.Start(withFunc)         // want `handler result type \*WithFunc cannot be encoded to JSON \(WithFunc.Callback\): every invocation that returns one fails with "json: unsupported type: func\(string\) error"`
	lambda.Start(nested)           // want `handler result type Nested cannot be encoded to JSON \(Nested.Items\[i\].Meta\[k\].Z\): every invocation that returns one with a value there fails with "json: unsupported type: complex128" after the handler has run; tag the field`
	lambda.Start(embeds)           // want `\(Embeds.Callback\): .*"json: unsupported type: func\(string\) error"`
	lambda.Start(embedsUnexported) // want `\(EmbedsUnexported.Fn\): .*"json: unsupported type: func\(\)"`
	lambda.Start(omitEmptyChan)    // want `\(OmitEmptyChan.C\): .*"json: unsupported type: chan int"`
	lambda.Start(loop)             // want `\(Loop.Ptr\): .*"json: unsupported type: unsafe.Pointer"`
	lambda.Start(chanOut)          // want `handler result type chan int cannot be encoded to JSON: every invocation that returns one fails with "json: unsupported type: chan int" after the handler has run; return a type that encoding/json can encode`
	lambda.Start(complexOut)       // want `handler result type complex128 cannot be encoded to JSON: `
	lambda.Start(anyKeys)          // want `"json: unsupported type: map\[interface \{\}\]interface \{\}"`
	lambda.Start(structKeys)       // want `"json: unsupported type: map\[results.Key\]string"`
	lambda.Start(ptrTextKeys)      // want `"json: unsupported type: map\[results.PtrTextKey\]string"`
	lambda.Start(genericFunc)      // want `handler result type Generic\[func\(\)\] cannot be encoded to JSON \(Generic\[func\(\)\].Value\)`
	lambda.Start(both)             // want `concrete type \*ValidationError` `\(WithFunc.Callback\)`
	lambda.Start(arrayOfFuncs)     // want `\(result\[i\]\): .*"json: unsupported type: func\(\)"`
}
