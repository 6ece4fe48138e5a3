package lambdaapi

import "strings"

// ioPackages are the packages whose context-taking calls do network,
// database, queue or process I/O that the invocation deadline must reach.
// The ctxdeadline rule also applies its M/M+"Context" sibling heuristic to
// the methods declared here (and in the user's own module). An entry ending
// in "/" is a prefix.
var ioPackages = []string{
	"net",
	"net/http",
	"crypto/tls",
	"database/sql",
	"os/exec",
	// AWS and other cloud SDKs.
	"github.com/aws/aws-sdk-go/",
	"github.com/aws/aws-sdk-go-v2/",
	"cloud.google.com/go/",
	"github.com/Azure/azure-sdk-for-go/",
	// SQL drivers, toolkits and query builders.
	"github.com/jackc/pgx/",
	"github.com/jmoiron/sqlx",
	"github.com/lib/pq",
	"github.com/go-sql-driver/mysql",
	"github.com/denisenkom/go-mssqldb",
	"github.com/microsoft/go-mssqldb",
	"github.com/mattn/go-sqlite3",
	"github.com/go-pg/pg/",
	"github.com/uptrace/bun",
	"gorm.io/gorm",
	"github.com/Masterminds/squirrel",
	"github.com/doug-martin/goqu/",
	// Other databases.
	"github.com/redis/go-redis/",
	"github.com/go-redis/redis/",
	"github.com/gomodule/redigo/",
	"go.mongodb.org/mongo-driver/",
	"github.com/gocql/gocql",
	"github.com/elastic/go-elasticsearch/",
	// Queues and RPC.
	"google.golang.org/grpc",
	"github.com/nats-io/nats.go",
	"github.com/rabbitmq/amqp091-go",
	"github.com/segmentio/kafka-go",
	// HTTP, WebSocket and DNS clients, HTTP API clients.
	"github.com/go-resty/resty/",
	"github.com/hashicorp/go-retryablehttp",
	"github.com/gorilla/websocket",
	"github.com/miekg/dns",
	"github.com/hashicorp/vault/api",
	"github.com/slack-go/slack",
}

// IsIOPackage reports whether path is a package whose calls that take a
// context.Context do I/O (net/http, database/sql, the AWS SDKs, database
// drivers, queue clients, gRPC). The ctxdeadline rule uses it: a handler
// that calls them must hand them its own context, and a method M of theirs
// with an M+"Context" sibling is a call that cannot carry the deadline.
func IsIOPackage(path string) bool {
	for _, p := range ioPackages {
		if path == p || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) ||
			!strings.HasSuffix(p, "/") && strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// judgedByAPI are the libraries, besides the standard library, whose
// internals the ctxdeadline rule does not summarise: calls into them are
// judged by their API (context-taking variants), and what they do inside
// (retry back-off, detached refreshes) is theirs to get right.
var judgedByAPI = []string{
	"github.com/aws/",
	"golang.org/x/",
	"google.golang.org/",
	"go.opentelemetry.io/",
}

// JudgedByAPI reports whether calls into the package at path are judged by
// the package's API only, not by what its functions do inside: the I/O
// packages, the Lambda libraries and the other libraries above.
func JudgedByAPI(path string) bool {
	if IsIOPackage(path) || IsLambdaRelated(path) {
		return true
	}
	for _, p := range judgedByAPI {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// ContextForValues are the packages whose context-taking variants use the
// context for its values only (trace ids, log attributes), not to stop at
// its deadline: (*slog.Logger).Info and InfoContext are not a deadline
// matter. An entry ending in "/" is a prefix.
var ContextForValues = []string{
	"log/slog",
	"go.opentelemetry.io/",
}

// UsesContextForValues reports whether the package at path uses the
// contexts it is given for their values only.
func UsesContextForValues(path string) bool {
	for _, p := range ContextForValues {
		if path == p || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
