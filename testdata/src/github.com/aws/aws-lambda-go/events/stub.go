// Package events is a stub of github.com/aws/aws-lambda-go/events for tests.
package events

type APIGatewayProxyRequest struct {
	Path                  string
	HTTPMethod            string
	Headers               map[string]string
	QueryStringParameters map[string]string
	PathParameters        map[string]string
	Body                  string
}

type APIGatewayProxyResponse struct {
	StatusCode int
	Headers    map[string]string
	Body       string
}

type SQSMessage struct {
	MessageId string
	Body      string
}

type SQSEvent struct{ Records []SQSMessage }

type S3Object struct{ Key string }
type S3Bucket struct{ Name string }
type S3Entity struct {
	Bucket S3Bucket
	Object S3Object
}
type S3EventRecord struct{ S3 S3Entity }
type S3Event struct{ Records []S3EventRecord }

type LambdaFunctionURLRequest struct{ Body string }
type LambdaFunctionURLStreamingResponse struct{ StatusCode int }
