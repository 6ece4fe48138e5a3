package s3

// PresignOptions and NewPresignClient are stubbed for handlersetup: the real
// NewPresignClient calls New with the client's options, which must not be
// reported as a client built by the caller.
type PresignOptions struct{}

type PresignClient struct{ client *Client }

func NewPresignClient(c *Client, optFns ...func(*PresignOptions)) *PresignClient {
	return &PresignClient{client: New(c.options)}
}
