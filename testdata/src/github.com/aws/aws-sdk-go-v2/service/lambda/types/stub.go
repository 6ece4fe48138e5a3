// Package types is a stub of github.com/aws/aws-sdk-go-v2/service/lambda/types for tests.
package types

type InvocationType string

const (
	InvocationTypeEvent           InvocationType = "Event"
	InvocationTypeRequestResponse InvocationType = "RequestResponse"
	InvocationTypeDryRun          InvocationType = "DryRun"
)

type ResponseStreamingInvocationType string

const (
	ResponseStreamingInvocationTypeRequestResponse ResponseStreamingInvocationType = "RequestResponse"
	ResponseStreamingInvocationTypeDryRun          ResponseStreamingInvocationType = "DryRun"
)

type LogType string

const (
	LogTypeNone LogType = "None"
	LogTypeTail LogType = "Tail"
)
