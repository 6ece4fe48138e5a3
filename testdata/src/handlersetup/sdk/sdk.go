package main

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"google.golang.org/grpc"
)

// Look-alikes: built once, at init.
var (
	cfg, _ = config.LoadDefaultConfig(context.Background())
	ddb    = dynamodb.NewFromConfig(cfg)
	sess   = session.Must(session.NewSession())

	rdbOnce sync.Once
	rdb     *redis.Client
	bucket  = sync.OnceValue(func() *s3.Client { return s3.NewFromConfig(cfg) })
)

func handler(ctx context.Context, e events.SQSEvent) error {
	c, err := config.LoadDefaultConfig(ctx) // want `config.LoadDefaultConfig runs on every invocation instead of once per execution environment: obtain the AWS SDK configuration \(it reads the environment, files and credentials\) once`
	if err != nil {
		return err
	}
	client := dynamodb.NewFromConfig(c)                              // want `dynamodb.NewFromConfig runs on every invocation instead of once per execution environment: obtain an AWS SDK service client once`
	_ = s3.New(s3.Options{Region: "eu-west-1"})                      // want `s3.New runs on every invocation`
	sv1 := session.Must(session.NewSession(awsv1.NewConfig()))       // want `session.NewSession runs on every invocation instead of once per execution environment: obtain an AWS SDK session once`
	_ = s3v1.New(sv1)                                                // want `s3.New runs on every invocation`
	_ = session.New()                                                // want `session.New runs on every invocation`
	_, _ = session.NewSessionWithOptions(session.Options{})          // want `session.NewSessionWithOptions runs on every invocation`
	_, _ = sqlx.Connect("postgres", "dsn")                           // want `sqlx.Connect runs on every invocation instead of once per execution environment: obtain a database connection pool once`
	_, _ = pgx.Connect(ctx, "postgres://")                           // want `pgx.Connect runs on every invocation instead of once per execution environment: obtain a PostgreSQL connection once`
	_, _ = pgxpool.New(ctx, "postgres://")                           // want `pgxpool.New runs on every invocation instead of once per execution environment: obtain a PostgreSQL connection pool once`
	_ = redis.NewClient(&redis.Options{Addr: "localhost:6379"})      // want `redis.NewClient runs on every invocation instead of once per execution environment: obtain a Redis client once`
	_, _ = mongo.Connect(ctx, options.Client().ApplyURI("mongo://")) // want `mongo.Connect runs on every invocation instead of once per execution environment: obtain a MongoDB client once`
	_, _ = grpc.NewClient("dns:///svc:443")                          // want `grpc.NewClient runs on every invocation instead of once per execution environment: obtain a gRPC connection once`

	// Look-alikes: the clients built at init are used, not rebuilt.
	if _, err := ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("t")}); err != nil {
		return err
	}
	_ = sess
	rdbOnce.Do(func() {
		rdb = redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	})
	// Look-alike: the SDK builds a client inside; only its constructors
	// count.
	_ = s3.NewPresignClient(bucket())
	_ = client
	return nil
}

func main() {
	// Look-alike: main before the start call runs once.
	pool, _ := pgxpool.New(context.Background(), "postgres://")
	defer pool.Close()
	lambda.Start(handler)
}
