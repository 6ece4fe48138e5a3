// Command enricher adds tenant settings to incoming SQS messages and
// forwards them to the enriched queue. It runs on Lambda Managed Instances,
// where one process serves several invocations at once, so its
// lambdalint.toml turns on globalstate's multi-concurrency mode.
//
// It shows a client initialised lazily without a lock and a tenant cache
// map written without one (globalstate, multi-concurrency mode), and the
// X-Ray trace header read from _X_AMZN_TRACE_ID, which the runtime does not
// set when invocations run concurrently (envvars). The
// look-alikes that stay silent: a counter kept with sync/atomic, and the
// per-tenant settings cache written under its mutex.
package main

import (
	"context"
	"encoding/json"
	"os"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

var enrichedQueue = os.Getenv("ENRICHED_QUEUE_URL")

type message struct {
	Tenant  string          `json:"tenant"`
	Payload json.RawMessage `json:"payload"`
}

type enriched struct {
	message
	Region string `json:"region"`
	Tier   string `json:"tier"`
}

type settings struct{ Region, Tier string }

var (
	queue     *sqs.Client
	forwarded atomic.Int64

	mu      sync.Mutex
	tenants = map[string]settings{}

	regions = map[string]string{}
)

func handle(ctx context.Context, e events.SQSEvent) error {
	if queue == nil {
		cfg, err := config.LoadDefaultConfig(ctx)
		if err != nil {
			return err
		}
		queue = sqs.NewFromConfig(cfg) // finding: two invocations can initialise it at once
	}
	// finding: on Managed Instances the runtime does not set _X_AMZN_TRACE_ID
	// (several invocations share the process); the trace header is on ctx.
	traceHeader := os.Getenv("_X_AMZN_TRACE_ID")
	for _, r := range e.Records {
		var m message
		if err := json.Unmarshal([]byte(r.Body), &m); err != nil {
			return err
		}
		s := tenantSettings(m.Tenant)
		if _, ok := regions[m.Tenant]; !ok {
			regions[m.Tenant] = s.Region // finding: concurrent map writes crash the process
		}
		body, err := json.Marshal(enriched{m, s.Region, s.Tier})
		if err != nil {
			return err
		}
		if _, err := queue.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:    aws.String(enrichedQueue),
			MessageBody: aws.String(string(body)),
			MessageSystemAttributes: map[string]sqstypes.MessageSystemAttributeValue{
				"AWSTraceHeader": {DataType: aws.String("String"), StringValue: aws.String(traceHeader)},
			},
		}); err != nil {
			return err
		}
		forwarded.Add(1) // clean: atomic
	}
	return nil
}

// tenantSettings returns the tenant's settings, cached per tenant.
func tenantSettings(tenant string) settings {
	mu.Lock()
	defer mu.Unlock()
	s, ok := tenants[tenant]
	if !ok {
		s = settings{Region: "eu-west-1", Tier: "standard"}
		tenants[tenant] = s // clean: written under mu
	}
	return s
}

func main() {
	lambda.Start(handle)
}
