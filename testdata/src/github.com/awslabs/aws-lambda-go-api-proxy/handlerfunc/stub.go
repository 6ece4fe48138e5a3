// Package handlerfunc is a stub of github.com/awslabs/aws-lambda-go-api-proxy/handlerfunc for tests.
package handlerfunc

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
)

type HandlerFuncAdapter struct{}

func New(handlerFunc http.HandlerFunc) *HandlerFuncAdapter { return nil }

func (h *HandlerFuncAdapter) ProxyWithContext(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}
