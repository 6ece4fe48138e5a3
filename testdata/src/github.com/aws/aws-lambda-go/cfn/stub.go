// Package cfn is a stub of github.com/aws/aws-lambda-go/cfn for tests.
package cfn

import "context"

type Event struct{ RequestType string }

type CustomResourceFunction func(context.Context, Event) (physicalResourceID string, data map[string]interface{}, err error)

type CustomResourceLambdaFunction func(context.Context, Event) (reason string, err error)

func LambdaWrap(lambdaFunction CustomResourceFunction) (fn CustomResourceLambdaFunction) { return nil }
