package main

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
)

// genModule is the module path of the generated subjects.
const genModule = "example.com/lambdabench"

// setupGenerated writes a module of n handler packages (cmd/fnNNN, each a
// main that calls lambda.Start) and the internal/shared package they all
// import. The handlers come in four shapes (SQS, S3, API Gateway, scheduled)
// using the AWS SDK for Go v2 clients of DynamoDB, SQS, S3 and Lambda; shared
// also uses the AWS SDK for Go v1. One handler in three carries a Lambda
// pitfall, so that the rules have something to report. The requirements are
// those of the examples module, so the module cache already has them.
func setupGenerated(b *bench, dir string, n int) error {
	gomod, err := os.ReadFile(filepath.Join(b.repo, "examples", "go.mod"))
	if err != nil {
		return err
	}
	gosum, err := os.ReadFile(filepath.Join(b.repo, "examples", "go.sum"))
	if err != nil {
		return err
	}
	gomod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAll(gomod, []byte("module "+genModule))
	files := map[string][]byte{
		"go.mod":                    gomod,
		"go.sum":                    gosum,
		"internal/shared/shared.go": []byte(sharedSrc),
	}
	for i := range n {
		name := fmt.Sprintf("fn%03d", i)
		var buf strings.Builder
		data := struct {
			Name string
			N    int
			Bug  bool
		}{name, i, (i/len(handlerTmpls))%3 == 0}
		if err := handlerTmpls[i%len(handlerTmpls)].Execute(&buf, data); err != nil {
			return err
		}
		src, err := format.Source([]byte(buf.String()))
		if err != nil {
			return fmt.Errorf("generated %s: %v", name, err)
		}
		files[filepath.Join("cmd", name, "main.go")] = src
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return b.resolve(dir, true)
}

const sharedSrc = `// Package shared is what every handler of the generated module uses: the AWS
// configuration, an item store on DynamoDB (AWS SDK for Go v2) and a legacy
// counter read through the AWS SDK for Go v1.
package shared

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	dynamodbv1 "github.com/aws/aws-sdk-go/service/dynamodb"
)

// Item is one stored record.
type Item struct {
	ID    string ` + "`json:\"id\"`" + `
	Kind  string ` + "`json:\"kind\"`" + `
	Count int64  ` + "`json:\"count\"`" + `
}

// MustConfig loads the AWS configuration; it is meant for package
// initialization and panics on failure.
func MustConfig() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(fmt.Sprintf("shared: load AWS config: %v", err))
	}
	return cfg
}

// Table is the name of the items table.
func Table() string {
	if t := os.Getenv("TABLE_NAME"); t != "" {
		return t
	}
	return "items"
}

// Store reads and writes items.
type Store struct {
	db    *dynamodb.Client
	table string
}

// NewStore loads the AWS configuration and returns a Store.
func NewStore(ctx context.Context) (*Store, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("shared: load AWS config: %w", err)
	}
	return FromConfig(cfg), nil
}

// FromConfig returns a Store using cfg.
func FromConfig(cfg aws.Config) *Store {
	return &Store{db: dynamodb.NewFromConfig(cfg), table: Table()}
}

// Put stores it.
func (s *Store) Put(ctx context.Context, it Item) error {
	_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(s.table),
		Item: map[string]types.AttributeValue{
			"id":    &types.AttributeValueMemberS{Value: it.ID},
			"kind":  &types.AttributeValueMemberS{Value: it.Kind},
			"count": &types.AttributeValueMemberN{Value: strconv.FormatInt(it.Count, 10)},
		},
	})
	if err != nil {
		return fmt.Errorf("shared: put %s: %w", it.ID, err)
	}
	return nil
}

// Get returns the item with the given ID; ok is false if there is none.
func (s *Store) Get(ctx context.Context, id string) (it Item, ok bool, err error) {
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(s.table),
		Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
	})
	if err != nil {
		return Item{}, false, fmt.Errorf("shared: get %s: %w", id, err)
	}
	if out.Item == nil {
		return Item{}, false, nil
	}
	it.ID = id
	if v, ok := out.Item["kind"].(*types.AttributeValueMemberS); ok {
		it.Kind = v.Value
	}
	if v, ok := out.Item["count"].(*types.AttributeValueMemberN); ok {
		it.Count, _ = strconv.ParseInt(v.Value, 10, 64)
	}
	return it, true, nil
}

var legacy = sync.OnceValue(func() *dynamodbv1.DynamoDB {
	return dynamodbv1.New(session.Must(session.NewSession()))
})

// LegacyCount reads the counter of an item from the legacy table.
func LegacyCount(ctx context.Context, id string) (int64, error) {
	out, err := legacy().GetItemWithContext(ctx, &dynamodbv1.GetItemInput{
		TableName: awsv1.String(Table() + "-legacy"),
		Key:       map[string]*dynamodbv1.AttributeValue{"id": {S: awsv1.String(id)}},
	})
	if err != nil {
		return 0, fmt.Errorf("shared: legacy count %s: %w", id, err)
	}
	if v := out.Item["count"]; v != nil && v.N != nil {
		return strconv.ParseInt(*v.N, 10, 64)
	}
	return 0, nil
}
`

// handlerTmpls are the four handler shapes. With .Bug: a goroutine nobody
// waits for on context.Background (SQS), a store built on every invocation
// (S3), a package-level slice that grows on every invocation (API Gateway),
// time.Sleep between retries (scheduled).
var handlerTmpls = []*template.Template{
	template.Must(template.New("sqs").Parse(`// Command {{.Name}} is a generated SQS handler.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"` + genModule + `/internal/shared"
)

var (
	cfg   = shared.MustConfig()
	store = shared.FromConfig(cfg)
	queue = sqs.NewFromConfig(cfg)
	next  = os.Getenv("NEXT_QUEUE_URL")
)

func forward(ctx context.Context, it shared.Item) error {
	_, err := queue.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:    aws.String(next),
		MessageBody: aws.String(it.ID),
	})
	return err
}

func handle(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, msg := range ev.Records {
		var it shared.Item
		if err := json.Unmarshal([]byte(msg.Body), &it); err != nil {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: msg.MessageId})
			continue
		}
		it.Kind = "{{.Name}}"
		it.Count += {{.N}}
		if err := store.Put(ctx, it); err != nil {
			return resp, fmt.Errorf("{{.Name}}: %w", err)
		}
{{- if .Bug}}
		go forward(context.Background(), it)
{{- else}}
		if err := forward(ctx, it); err != nil {
			return resp, fmt.Errorf("{{.Name}}: forward %s: %w", it.ID, err)
		}
{{- end}}
	}
	return resp, nil
}

func main() {
	lambda.Start(handle)
}
`)),
	template.Must(template.New("s3").Parse(`// Command {{.Name}} is a generated S3 handler.
package main

import (
	"context"
	"fmt"
	"io"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"` + genModule + `/internal/shared"
)

var (
	cfg     = shared.MustConfig()
	objects = s3.NewFromConfig(cfg)
{{- if not .Bug}}
	store = shared.FromConfig(cfg)
{{- end}}
)

func handle(ctx context.Context, ev events.S3Event) error {
{{- if .Bug}}
	store, err := shared.NewStore(ctx)
	if err != nil {
		return err
	}
{{- end}}
	for _, rec := range ev.Records {
		out, err := objects.GetObject(ctx, &s3.GetObjectInput{
			Bucket: aws.String(rec.S3.Bucket.Name),
			Key:    aws.String(rec.S3.Object.Key),
		})
		if err != nil {
			return fmt.Errorf("{{.Name}}: get %s: %w", rec.S3.Object.Key, err)
		}
		n, err := io.Copy(io.Discard, out.Body)
		out.Body.Close()
		if err != nil {
			return err
		}
		if err := store.Put(ctx, shared.Item{ID: rec.S3.Object.Key, Kind: "{{.Name}}", Count: n + {{.N}}}); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	lambda.Start(handle)
}
`)),
	template.Must(template.New("api").Parse(`// Command {{.Name}} is a generated API Gateway handler.
package main

import (
	"context"
	"encoding/json"
	"net/http"
{{- if .Bug}}
	"sync"
{{- end}}

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"` + genModule + `/internal/shared"
)

var store = shared.FromConfig(shared.MustConfig())
{{if .Bug}}
var (
	mu   sync.Mutex
	seen []string
)
{{end}}
type reply struct {
	Item    shared.Item ` + "`json:\"item\"`" + `
	Legacy  int64       ` + "`json:\"legacy\"`" + `
	Handler int         ` + "`json:\"handler\"`" + `
}

func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	id := req.PathParameters["id"]
{{- if .Bug}}
	mu.Lock()
	seen = append(seen, id)
	mu.Unlock()
{{- end}}
	it, ok, err := store.Get(ctx, id)
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: http.StatusBadGateway}, err
	}
	if !ok {
		return events.APIGatewayProxyResponse{StatusCode: http.StatusNotFound}, nil
	}
	legacy, err := shared.LegacyCount(ctx, id)
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: http.StatusBadGateway}, err
	}
	body, err := json.Marshal(reply{Item: it, Legacy: legacy, Handler: {{.N}}})
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: http.StatusInternalServerError}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: http.StatusOK, Body: string(body)}, nil
}

func main() {
	lambda.Start(handle)
}
`)),
	template.Must(template.New("scheduled").Parse(`// Command {{.Name}} is a generated scheduled handler.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	lambdasvc "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"` + genModule + `/internal/shared"
)

var (
	cfg     = shared.MustConfig()
	store   = shared.FromConfig(cfg)
	invoker = lambdasvc.NewFromConfig(cfg)
	target  = os.Getenv("TARGET_FUNCTION")
)

func handle(ctx context.Context, ev events.CloudWatchEvent) error {
	payload, err := json.Marshal(shared.Item{ID: ev.ID, Kind: "{{.Name}}", Count: {{.N}}})
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		_, err = invoker.Invoke(ctx, &lambdasvc.InvokeInput{
			FunctionName:   aws.String(target),
			InvocationType: types.InvocationTypeEvent,
			Payload:        payload,
		})
		if err == nil || attempt == 2 {
			break
		}
{{- if .Bug}}
		time.Sleep(time.Second)
{{- else}}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
{{- end}}
	}
	if err != nil {
		return fmt.Errorf("{{.Name}}: invoke %s: %w", target, err)
	}
	return store.Put(ctx, shared.Item{ID: ev.ID, Kind: "{{.Name}}", Count: time.Now().Unix()})
}

func main() {
	lambda.Start(handle)
}
`)),
}
