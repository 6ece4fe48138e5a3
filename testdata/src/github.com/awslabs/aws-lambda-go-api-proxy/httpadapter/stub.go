// Package httpadapter is a stub of github.com/awslabs/aws-lambda-go-api-proxy/httpadapter for tests.
package httpadapter

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
)

type HandlerAdapter struct{}
type HandlerAdapterV2 struct{}

func New(handler http.Handler) *HandlerAdapter     { return nil }
func NewV2(handler http.Handler) *HandlerAdapterV2 { return nil }

func (h *HandlerAdapter) Proxy(event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}

func (h *HandlerAdapter) ProxyWithContext(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}

func (h *HandlerAdapterV2) ProxyWithContext(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}
