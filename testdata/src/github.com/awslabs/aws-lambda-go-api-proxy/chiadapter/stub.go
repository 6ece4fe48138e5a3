// Package chiadapter is a stub of github.com/awslabs/aws-lambda-go-api-proxy/chiadapter for tests.
package chiadapter

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/go-chi/chi/v5"
)

type ChiLambda struct{}

func New(chi *chi.Mux) *ChiLambda { return nil }

func (h *ChiLambda) ProxyWithContext(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}
