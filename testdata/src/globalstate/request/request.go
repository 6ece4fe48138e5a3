// Package request stores per-request data in package state, next to
// look-alikes that keep configuration or lazily built clients there.
package request

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdaurl"
)

type Event struct {
	ID     string
	User   string
	Source string
	Body   string
	Tenant string
}

type Input struct{ Name string }

type Client struct{ tenant string }

func newClient(tenant string) *Client { return &Client{tenant: tenant} }

var (
	lastID       string
	current      Event
	lastUser     string
	lastInput    string
	meta         struct{ Source string }
	client       *Client
	tenantClient *Client
	region       string
	started      time.Time
	firstID      string
	once         sync.Once
	lastPath     string
	tenant       string
	lastHost     string
	lastMessage  string
	invocations  int
	ignored      string
	configured   string
)

func init() {
	configured = os.Getenv("TABLE")
}

func handler(ctx context.Context, e Event) error {
	lastID = e.ID // want `lastID holds per-request data: the next warm invocation sees the previous request's value; keep it in a local variable or pass it down`
	current = e   // want `current holds per-request data`
	user := strings.ToUpper(e.User)
	lastUser = user        // want `lastUser holds per-request data`
	meta.Source = e.Source // want `meta.Source holds per-request data`

	var in Input
	if err := json.Unmarshal([]byte(e.Body), &in); err != nil {
		return err
	}
	lastInput = in.Name // want `lastInput holds per-request data`

	if tenantClient == nil {
		tenantClient = newClient(e.Tenant) // want `tenantClient holds per-request data`
	}

	if client == nil {
		client = newClient("default")
	}
	region = os.Getenv("AWS_REGION")
	started = time.Now()
	invocations++
	once.Do(func() { firstID = e.ID })

	lastID := e.ID // a local that shadows the global
	_ = lastID

	//lambdalint:ignore globalstate the last id is reported by a debug endpoint
	ignored = e.ID

	keep(e.ID)
	return nil
}

// keep takes a string: nothing says it is per-request data.
func keep(id string) { configured = id }

func handleSQS(ctx context.Context, ev events.SQSEvent) error {
	for _, m := range ev.Records {
		remember(m)
	}
	return nil
}

func remember(m events.SQSMessage) {
	lastMessage = m.Body // want `lastMessage holds per-request data: .* \(handleSQS → remember → lastMessage\)`
}

func serve(w http.ResponseWriter, r *http.Request) {
	lastPath = r.URL.Path             // want `lastPath holds per-request data`
	tenant = r.Header.Get("X-Tenant") // want `tenant holds per-request data`
	host(r)
}

func host(r *http.Request) {
	lastHost = r.Host // want `lastHost holds per-request data: .* \(serve → host → lastHost\)`
}

func main() {
	lambda.Start(handler)
	lambda.Start(handleSQS)
	lambdaurl.Start(http.HandlerFunc(serve))
}
