// Command legacy recomputes a customer's loyalty tier; it is invoked
// asynchronously by the billing system and still uses the AWS SDK for Go
// v1.
//
// It shows the v1 forms of two rules. The handler creates a session and a
// DynamoDB client on every invocation (handlersetup), and calls GetItem
// and UpdateItem, which cannot carry a deadline, instead of
// GetItemWithContext and UpdateItemWithContext (ctxdeadline); its
// signature discards the ctx (`_ context.Context`) although it does I/O,
// so there is no deadline it could pass on (ctxdeadline). The message
// template parsed into a package-level variable is the look-alike that
// stays silent. main installs a SIGTERM handler that never runs, since the
// function registers no extension (neverruns); cmd/thumbnails shows the
// working form, lambda.WithEnableSIGTERM. A suppression directive with a
// misspelt rule name suppresses nothing and is reported (directives).
package main

//lint:file-ignore SA1019 this function has not been migrated to the AWS SDK for Go v2 yet.

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"text/template"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/dynamodb"
)

// clean: parsed once, when the package is initialized.
var tierMessage = template.Must(template.New("tier").Parse(
	`Hi {{.Name}}, you are now a {{.Tier}} member. Thank you for {{.Orders}} orders!`))

var customersTable = os.Getenv("CUSTOMERS_TABLE")

// Event is sent by the billing system after each paid invoice.
type Event struct {
	CustomerID string `json:"customer_id"`
}

// lambdalint: ctxdeadline — the handler discards its ctx yet calls DynamoDB, so no call can stop at the invocation's deadline; name the ctx and use the WithContext methods.
func handle(_ context.Context, e Event) error {
	// lambdalint: handlersetup — a new session re-reads the environment and shared config files on every invocation; create it once at package level or in main.
	sess, err := session.NewSession(aws.NewConfig().WithRegion(os.Getenv("AWS_REGION")))
	if err != nil {
		return err
	}
	// lambdalint: handlersetup — a new DynamoDB client (and its connection pool) on every invocation; build it once next to the session.
	// lambdalint: directives — the rule name below is misspelt, so the directive suppresses nothing and the finding stays.
	//lambdalint:ignore handlersetp the v1 client is cheap next to the session
	svc := dynamodb.New(sess)

	key := map[string]*dynamodb.AttributeValue{"customer_id": {S: aws.String(e.CustomerID)}}
	// lambdalint: ctxdeadline — GetItem cannot be cancelled when the invocation times out; use GetItemWithContext(ctx, ...).
	out, err := svc.GetItem(&dynamodb.GetItemInput{
		TableName: aws.String(customersTable),
		Key:       key,
	})
	if err != nil {
		return fmt.Errorf("get customer %s: %w", e.CustomerID, err)
	}
	if out.Item == nil {
		return fmt.Errorf("customer %s not found", e.CustomerID)
	}

	var name string
	var orders int
	if v := out.Item["name"]; v != nil && v.S != nil {
		name = *v.S
	}
	if v := out.Item["orders"]; v != nil && v.N != nil {
		orders, _ = strconv.Atoi(*v.N)
	}
	tier := tierFor(orders)

	var msg strings.Builder
	if err := tierMessage.Execute(&msg, map[string]any{"Name": name, "Tier": tier, "Orders": orders}); err != nil {
		return err
	}
	// lambdalint: ctxdeadline — UpdateItem cannot be cancelled when the invocation times out; use UpdateItemWithContext(ctx, ...).
	_, err = svc.UpdateItem(&dynamodb.UpdateItemInput{
		TableName:        aws.String(customersTable),
		Key:              key,
		UpdateExpression: aws.String("SET tier = :t, tier_message = :m"),
		ExpressionAttributeValues: map[string]*dynamodb.AttributeValue{
			":t": {S: aws.String(tier)},
			":m": {S: aws.String(msg.String())},
		},
	})
	return err
}

func tierFor(orders int) string {
	switch {
	case orders >= 50:
		return "gold"
	case orders >= 10:
		return "silver"
	default:
		return "bronze"
	}
}

func main() {
	// Say goodbye when the environment shuts down.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		<-sigs
		fmt.Println("legacy: shutting down")
		os.Exit(0)
	}()
	lambda.Start(handle)
}
