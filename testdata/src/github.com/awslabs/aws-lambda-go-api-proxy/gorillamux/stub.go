// Package gorillamux is a stub of github.com/awslabs/aws-lambda-go-api-proxy/gorillamux for tests.
package gorillamux

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/gorilla/mux"
)

type GorillaMuxAdapter struct{}

func New(router *mux.Router) *GorillaMuxAdapter { return nil }

func (h *GorillaMuxAdapter) ProxyWithContext(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}
