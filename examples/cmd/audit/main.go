// Command audit records API Gateway access events in DynamoDB. It buffers
// the records and writes them in batches of 25, BatchWriteItem's limit.
//
// It shows the invocation's context kept in a package variable for a
// write that a later invocation performs, after that context has been
// cancelled (ctxescape). The look-alike that stays silent: the context
// kept with context.WithoutCancel for the final flush on shutdown.
package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

const batchSize = 25

var (
	auditTable = os.Getenv("AUDIT_TABLE")
	db         *dynamodb.Client

	batch []types.WriteRequest
	// batchCtx is the context of the invocation that started the batch.
	batchCtx context.Context
	// shutdownCtx carries the values of the first invocation for the
	// final flush.
	shutdownCtx context.Context
)

func init() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		log.Fatalf("load AWS config: %v", err)
	}
	db = dynamodb.NewFromConfig(cfg)
}

func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	if len(batch) == 0 {
		// lambdalint: ctxescape — ctx is cancelled when handle returns, and the batch is written by a later invocation, so BatchWriteItem fails with context.Canceled; pass the current ctx to flush.
		batchCtx = ctx
	}
	if shutdownCtx == nil {
		// clean: WithoutCancel keeps the values, not the cancellation.
		shutdownCtx = context.WithoutCancel(ctx)
	}
	batch = append(batch, types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{
		"id":   &types.AttributeValueMemberS{Value: req.RequestContext.RequestID},
		"path": &types.AttributeValueMemberS{Value: req.Path},
		"at":   &types.AttributeValueMemberS{Value: time.Now().UTC().Format(time.RFC3339)},
	}}})
	if len(batch) == batchSize {
		if err := flush(batchCtx); err != nil {
			return events.APIGatewayProxyResponse{StatusCode: 500}, err
		}
	}
	return events.APIGatewayProxyResponse{StatusCode: 204}, nil
}

func flush(ctx context.Context) error {
	_, err := db.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{
		RequestItems: map[string][]types.WriteRequest{auditTable: batch},
	})
	batch = batch[:0]
	return err
}

func main() {
	lambda.Start(handle)
}
