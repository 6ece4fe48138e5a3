package variants

import (
	"context"
	"database/sql"
	"log/slog"
	"net"
	"net/http"
	"os/exec"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdaurl"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/dynamodb"
	"github.com/jmoiron/sqlx"
)

var (
	db  *sql.DB
	xdb *sqlx.DB
	ddb *dynamodb.DynamoDB
)

type Event struct{ ID string }

func handler(ctx context.Context, e Event) error {
	rows, err := db.Query("SELECT name FROM users WHERE id = $1", e.ID) // want `sql.DB.Query does not stop at the invocation deadline, so it runs on until Lambda kills the function at its timeout instead of returning an error: call its QueryContext method with the handler's ctx`
	if err != nil {
		return err
	}
	defer rows.Close()
	args := []any{e.ID}
	_, _ = db.Exec("DELETE FROM users WHERE id = $1", args...)             // want `sql.DB.Exec does not stop .*ExecContext`
	_ = db.QueryRow("SELECT 1").Scan(new(int))                             // want `sql.DB.QueryRow does not stop`
	_ = db.Ping()                                                          // want `sql.DB.Ping does not stop`
	_ = xdb.Get(new(string), "SELECT 1")                                   // want `sqlx.DB.Get does not stop .*GetContext`
	_, _ = ddb.GetItem(&dynamodb.GetItemInput{TableName: aws.String("t")}) // want `dynamodb.DynamoDB.GetItem does not stop .*GetItemWithContext`

	req, _ := http.NewRequest("GET", "https://example.com", nil) // want `http.NewRequest does not stop .*use http.NewRequestWithContext`
	_ = req
	resp, err := http.Get("https://example.com") // want `http.Get does not stop .*use http.NewRequestWithContext and Client.Do`
	if err == nil {
		resp.Body.Close()
	}
	_ = exec.Command("convert", "in.png", "out.jpg").Run() // want `exec.Command does not stop .*use exec.CommandContext`
	conn, err := net.Dial("tcp", "example.com:80")         // want `net.Dial does not stop .*DialContext`
	if err == nil {
		conn.Close()
	}
	time.Sleep(time.Second) // want `time.Sleep does not stop at the invocation deadline.*use a select on ctx.Done\(\) and time.After`

	if tx0, err := db.Begin(); err == nil { // want `sql.DB.Begin does not stop .*BeginTx\(ctx, nil\)`
		_ = tx0.Rollback()
	}

	// The context-taking variants themselves: left alone.
	rows2, _ := db.QueryContext(ctx, "SELECT 1")
	_ = rows2
	_, _ = ddb.GetItemWithContext(ctx, &dynamodb.GetItemInput{})
	req2, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	_, _ = http.DefaultClient.Do(req2)
	_ = exec.CommandContext(ctx, "true").Run()
	_ = xdb.GetContext(ctx, new(string), "SELECT 1")
	// Methods without a context-taking sibling: left alone.
	tx, _ := db.BeginTx(ctx, nil)
	_ = tx.Commit()
	// Context variants that use the context for its values (logging): left alone.
	slog.Default().Info("loaded", "id", e.ID)

	// In defer and go statements: left alone.
	defer db.Exec("UNLOCK TABLES")
	go http.Get("https://example.com/ping")

	//lambdalint:ignore ctxdeadline the backoff is bounded by the SDK
	time.Sleep(2 * time.Second)

	var q querier = db
	_, _ = q.Query("SELECT 1") // want `variants.querier.Query does not stop .*QueryContext`
	rp := repo{db}
	_, _ = rp.Exec("VACUUM") // want `sql.DB.Exec does not stop .*ExecContext`

	load(e.ID)
	store := &Store{}
	_ = store.Get(e.ID) // want `variants.Store.Get does not stop .*GetContext`
	_ = store.Put(e.ID)
	return nil
}

// load has no context of its own, but the handler that calls it has one:
// reported with the chain, without a fix.
func load(id string) {
	_ = db.QueryRow("SELECT 1 WHERE $1", id) // want `sql.DB.QueryRow does not stop .* \(handler → load → sql.DB.QueryRow\)`
}

// querier is an interface with a context-taking sibling.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// repo embeds the pool: its methods are promoted.
type repo struct{ *sql.DB }

// Store is a user type with a context-taking sibling.
type Store struct{}

func (s *Store) Get(id string) error { return s.GetContext(context.Background(), id) }

func (s *Store) GetContext(ctx context.Context, id string) error { return nil }

// Put's sibling takes other parameters: not a variant.
func (s *Store) Put(id string) error { return nil }

func (s *Store) PutContext(ctx context.Context, id string, ttl time.Duration) error { return nil }

func route(w http.ResponseWriter, r *http.Request) {
	_, _ = db.Exec("UPDATE hits SET n = n + 1") // want `sql.DB.Exec does not stop`
	time.Sleep(time.Second)                     // want `time.Sleep does not stop`
}

// notReached has a context, but no handler calls it: left alone.
func notReached(ctx context.Context) {
	_, _ = http.Get("https://example.com")
	_, _ = db.Query("SELECT 1")
}

func init() {
	time.Sleep(time.Millisecond)
}

func main() {
	time.Sleep(time.Millisecond)
	_, _ = http.Get("https://example.com/warmup")
	_ = notReached
	lambda.Start(handler)
	mux := http.NewServeMux()
	mux.HandleFunc("/", route)
	lambdaurl.Start(mux)
}
