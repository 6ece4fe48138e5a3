// Command orders handles POST /orders behind an API Gateway REST API
// (Lambda proxy integration).
//
// It shows five findings in one handler: a cross-package client
// construction (store.New builds the AWS config and a DynamoDB client on
// every invocation), a regular expression of a constant compiled per
// invocation, an in-memory list of order IDs that grows for as long as the
// execution environment lives, and a call made with context.Background()
// while the invocation's ctx is at hand, and log.Fatalf on an error path,
// which ends the process. Next to them are look-alikes that
// lambdalint leaves alone: a package-level regexp, a mutex-guarded counter
// and an SQS client built in init (where log.Fatalf is fine).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"regexp"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/lambdalint/lambdalint/examples/internal/store"
)

// clean: compiled once, when the package is initialized.
var orderID = regexp.MustCompile(`^ord_[0-9a-z]{12}$`)

var (
	statsMu  sync.Mutex
	accepted int // orders accepted by this execution environment; guarded by statsMu
)

// seen remembers the orders accepted by this execution environment, so a
// client retry of the same request is answered without a second write.
var seen []string

var (
	publisher *sqs.Client
	queueURL  = os.Getenv("ORDER_EVENTS_QUEUE_URL")
)

func init() {
	// clean: init runs once per execution environment, before the first event.
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		log.Fatalf("load AWS config: %v", err)
	}
	// clean: built once in init and reused by every invocation.
	publisher = sqs.NewFromConfig(cfg)
}

type createOrder struct {
	ID          string `json:"id"`
	Customer    string `json:"customer"`
	AmountCents int64  `json:"amount_cents"`
	Coupon      string `json:"coupon"`
}

func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var in createOrder
	if err := json.Unmarshal([]byte(req.Body), &in); err != nil {
		return reply(http.StatusBadRequest, "request body is not valid JSON"), nil
	}
	if !orderID.MatchString(in.ID) {
		return reply(http.StatusBadRequest, "id must look like ord_0123456789ab"), nil
	}
	if in.Customer == "" || in.AmountCents <= 0 {
		return reply(http.StatusBadRequest, "customer and a positive amount_cents are required"), nil
	}

	// lambdalint: handlersetup — the pattern is a constant, yet it is recompiled on every invocation; move it to a package-level var.
	coupon := regexp.MustCompile(`^[A-Z]{4}-[0-9]{4}$`)
	if in.Coupon != "" && !coupon.MatchString(in.Coupon) {
		return reply(http.StatusBadRequest, "coupon must look like SAVE-2024"), nil
	}

	if slices.Contains(seen, in.ID) {
		return reply(http.StatusOK, "order already accepted"), nil
	}

	// lambdalint: handlersetup — store.New loads the AWS config and builds a DynamoDB client on every invocation; build the Store once in main or init.
	st, err := store.New(ctx)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	order := store.Order{
		ID:          in.ID,
		Customer:    in.Customer,
		AmountCents: in.AmountCents,
		Coupon:      in.Coupon,
		CreatedAt:   time.Now(),
	}
	switch err := st.Put(ctx, order); {
	case errors.Is(err, store.ErrExists):
		return reply(http.StatusConflict, "an order with this id exists"), nil
	case err != nil:
		return events.APIGatewayProxyResponse{}, err
	}
	// lambdalint: globalstate — seen gains an ID on every invocation and is never trimmed, so a warm environment's memory grows without bound.
	seen = append(seen, in.ID)

	body, err := json.Marshal(order)
	if err != nil {
		// lambdalint: processexit — log.Fatalf ends the process without a response (Runtime.ExitError) and the next invocation is a cold start; return the error instead.
		log.Fatalf("marshal order %s: %v", in.ID, err)
	}
	// Publish even if the caller has gone away: the order is already stored.
	// lambdalint: ctxdeadline — context.Background() drops the invocation deadline, so a slow SQS call can run past the function timeout; pass ctx.
	_, err = publisher.SendMessage(context.Background(), &sqs.SendMessageInput{
		QueueUrl:    aws.String(queueURL),
		MessageBody: aws.String(string(body)),
	})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}

	statsMu.Lock()
	// clean: a package-level counter, but every update holds statsMu.
	accepted++
	n := accepted
	statsMu.Unlock()
	log.Printf("order %s accepted (%d in this environment)", in.ID, n)

	return reply(http.StatusCreated, "order accepted"), nil
}

func reply(status int, message string) events.APIGatewayProxyResponse {
	body, _ := json.Marshal(map[string]string{"message": message})
	return events.APIGatewayProxyResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(body),
	}
}

func main() {
	lambda.Start(handle)
}
