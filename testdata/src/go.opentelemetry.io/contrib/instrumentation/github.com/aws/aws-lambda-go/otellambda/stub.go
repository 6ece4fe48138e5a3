// Package otellambda is a stub of the OpenTelemetry aws-lambda-go instrumentation for tests.
package otellambda

type Option interface{}

func InstrumentHandler(handlerFunc interface{}, options ...Option) interface{} { return handlerFunc }
