// Package siblings: the M/M+"Context" sibling rule holds for I/O clients
// and the module's own types, and only when the sibling returns M's results.
package siblings

import (
	"context"
	"net/http"
	"os"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdaurl"
	json "github.com/goccy/go-json"
	"github.com/jmoiron/sqlx"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
)

var (
	logger = zerolog.New(os.Stdout)
	xdb    *sqlx.DB
)

type Event struct{ Body string }

type order struct{ ID string }

func handler(ctx context.Context, e Event) error {
	// zerolog: With() Context vs WithContext(ctx) context.Context, and a
	// third-party package that does no I/O: left alone.
	log := logger.With().Int("records", 1).Logger()
	log.Info().Msg("processing")

	// goccy/go-json: Decode(v) and DecodeContext(ctx, v) have the same
	// results, but the package does no I/O: left alone.
	var o order
	if err := json.NewDecoder(strings.NewReader(e.Body)).Decode(&o); err != nil {
		return err
	}
	if err := json.NewEncoder(os.Stdout).Encode(o); err != nil {
		return err
	}

	// The module's own type with a sibling that returns other results:
	// left alone.
	var b builder
	_ = b.With()

	// The module's own Get/GetContext pair: reported.
	var s store
	_ = s.Get(o.ID) // want `siblings.store.Get does not stop at the invocation deadline.*call its GetContext method with the handler's ctx`

	// An I/O package: reported.
	return xdb.Get(&o, "SELECT 1") // want `sqlx.DB.Get does not stop .*GetContext`
}

func register(w http.ResponseWriter, r *http.Request) {
	l := zlog.Logger.With().Str("path", r.URL.Path).Logger()
	l.Info().Msg("register")
	w.WriteHeader(http.StatusNoContent)
}

type builder struct{}

func (builder) With() builder { return builder{} }

func (builder) WithContext(ctx context.Context) context.Context { return ctx }

type store struct{}

func (store) Get(id string) error { return nil }

func (store) GetContext(ctx context.Context, id string) error { return ctx.Err() }

func main() {
	lambda.Start(handler)
	lambdaurl.Start(http.HandlerFunc(register))
}
