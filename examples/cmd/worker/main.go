// Command worker consumes the fulfilment SQS queue: for each message it
// asks the warehouse API to ship the order and records the shipment in
// DynamoDB, reporting failed messages back as partial batch failures.
//
// It is started through the project's own starter, platform.Start, which
// lambdalint follows to find the handler. It shows time.Sleep between
// retries, which ignores the invocation's deadline (ctxdeadline), and a
// package-level counter incremented from the per-message goroutines
// without a lock (globalstate). The look-alikes that stay silent: a counter
// updated with atomic.AddInt64, and a DynamoDB client created lazily into
// a package variable the first time the handler needs it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/lambdalint/lambdalint/examples/internal/platform"
)

const maxAttempts = 4

var (
	warehouseURL   = os.Getenv("WAREHOUSE_URL")
	shipmentsTable = os.Getenv("SHIPMENTS_TABLE")
	warehouse      = &http.Client{Timeout: 10 * time.Second}
)

// Counters since the execution environment started, for the batch log line.
var (
	processed int64
	failures  int
)

var shipments *dynamodb.Client

// shipmentsClient returns the DynamoDB client, creating it on first use.
func shipmentsClient(ctx context.Context) (*dynamodb.Client, error) {
	if shipments == nil {
		// clean: lazy initialization into a package variable runs once per execution environment.
		cfg, err := config.LoadDefaultConfig(ctx)
		if err != nil {
			return nil, err
		}
		shipments = dynamodb.NewFromConfig(cfg)
	}
	return shipments, nil
}

type fulfilment struct {
	OrderID string `json:"order_id"`
	Address string `json:"address"`
}

func handle(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	db, err := shipmentsClient(ctx)
	if err != nil {
		return events.SQSEventResponse{}, err
	}

	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed []events.SQSBatchItemFailure
	)
	for _, msg := range ev.Records {
		wg.Add(1)
		// clean: joined by wg.Wait below.
		go func() {
			defer wg.Done()
			if err := fulfil(ctx, db, msg); err != nil {
				log.Printf("message %s: %v", msg.MessageId, err)
				// lambdalint: globalstate — the per-message goroutines increment failures concurrently without a lock, a data race; use atomic.AddInt64 or hold mu.
				failures++
				mu.Lock()
				failed = append(failed, events.SQSBatchItemFailure{ItemIdentifier: msg.MessageId})
				mu.Unlock()
				return
			}
			// clean: atomic update from the goroutines.
			atomic.AddInt64(&processed, 1)
		}()
	}
	wg.Wait()

	log.Printf("batch of %d done; since cold start: %d shipped, %d failed",
		len(ev.Records), atomic.LoadInt64(&processed), failures)
	return events.SQSEventResponse{BatchItemFailures: failed}, nil
}

func fulfil(ctx context.Context, db *dynamodb.Client, msg events.SQSMessage) error {
	var f fulfilment
	if err := json.Unmarshal([]byte(msg.Body), &f); err != nil {
		return fmt.Errorf("decode body: %w", err)
	}
	tracking, err := shipWithRetry(ctx, f)
	if err != nil {
		return err
	}
	_, err = db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(shipmentsTable),
		Item: map[string]types.AttributeValue{
			"order_id": &types.AttributeValueMemberS{Value: f.OrderID},
			"tracking": &types.AttributeValueMemberS{Value: tracking},
			"shipped":  &types.AttributeValueMemberS{Value: time.Now().UTC().Format(time.RFC3339)},
		},
	})
	return err
}

func shipWithRetry(ctx context.Context, f fulfilment) (string, error) {
	backoff := 200 * time.Millisecond
	for attempt := 1; ; attempt++ {
		tracking, err := ship(ctx, f)
		if err == nil || attempt == maxAttempts {
			return tracking, err
		}
		log.Printf("order %s: attempt %d: %v; retrying in %v", f.OrderID, attempt, err, backoff)
		// lambdalint: ctxdeadline — time.Sleep does not stop when the invocation's deadline passes; select on ctx.Done() and time.After instead.
		time.Sleep(backoff)
		backoff *= 2
	}
}

func ship(ctx context.Context, f fulfilment) (string, error) {
	body, err := json.Marshal(f)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, warehouseURL+"/shipments", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := warehouse.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", fmt.Errorf("warehouse: %s", resp.Status)
	}
	var out struct {
		Tracking string `json:"tracking"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("warehouse: decode response: %w", err)
	}
	return out.Tracking, nil
}

func main() {
	platform.Start(handle)
}
