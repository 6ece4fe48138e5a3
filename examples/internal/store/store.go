// Package store keeps orders in a DynamoDB table.
//
// It shows the cross-package case of the handlersetup rule. New loads the
// AWS configuration and builds a DynamoDB client each time it is called:
// harmless from main or init, but a handler that calls store.New on every
// invocation pays for it on every event. This package has no handler of
// its own, so nothing is reported here; lambdalint reports the call site in
// the handler, with the chain (handler → store.New →
// config.LoadDefaultConfig). The methods use the ctx they are given, so
// they are silent.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// ErrExists is returned by Put when an order with the same ID is stored.
var ErrExists = errors.New("store: order already exists")

// Order is one customer order.
type Order struct {
	ID          string    `json:"id"`
	Customer    string    `json:"customer"`
	AmountCents int64     `json:"amount_cents"`
	Coupon      string    `json:"coupon,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// Store reads and writes orders.
type Store struct {
	db    *dynamodb.Client
	table string
}

// New returns a Store for the table named by ORDERS_TABLE.
func New(ctx context.Context) (*Store, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: load AWS config: %w", err)
	}
	table := os.Getenv("ORDERS_TABLE")
	if table == "" {
		table = "orders"
	}
	return &Store{db: dynamodb.NewFromConfig(cfg), table: table}, nil
}

// Put stores o, failing with ErrExists if its ID is taken.
func (s *Store) Put(ctx context.Context, o Order) error {
	item := map[string]types.AttributeValue{
		"id":           &types.AttributeValueMemberS{Value: o.ID},
		"customer":     &types.AttributeValueMemberS{Value: o.Customer},
		"amount_cents": &types.AttributeValueMemberN{Value: strconv.FormatInt(o.AmountCents, 10)},
		"created_at":   &types.AttributeValueMemberS{Value: o.CreatedAt.UTC().Format(time.RFC3339)},
	}
	if o.Coupon != "" {
		item["coupon"] = &types.AttributeValueMemberS{Value: o.Coupon}
	}
	_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:           aws.String(s.table),
		Item:                item,
		ConditionExpression: aws.String("attribute_not_exists(id)"),
	})
	var exists *types.ConditionalCheckFailedException
	if errors.As(err, &exists) {
		return ErrExists
	}
	if err != nil {
		return fmt.Errorf("store: put order %s: %w", o.ID, err)
	}
	return nil
}

// Get returns the order with the given ID; ok is false if there is none.
func (s *Store) Get(ctx context.Context, id string) (o Order, ok bool, err error) {
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName:      aws.String(s.table),
		Key:            map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
		ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return Order{}, false, fmt.Errorf("store: get order %s: %w", id, err)
	}
	if out.Item == nil {
		return Order{}, false, nil
	}
	o.ID = id
	if v, ok := out.Item["customer"].(*types.AttributeValueMemberS); ok {
		o.Customer = v.Value
	}
	if v, ok := out.Item["coupon"].(*types.AttributeValueMemberS); ok {
		o.Coupon = v.Value
	}
	if v, ok := out.Item["amount_cents"].(*types.AttributeValueMemberN); ok {
		o.AmountCents, _ = strconv.ParseInt(v.Value, 10, 64)
	}
	if v, ok := out.Item["created_at"].(*types.AttributeValueMemberS); ok {
		o.CreatedAt, _ = time.Parse(time.RFC3339, v.Value)
	}
	return o, true, nil
}
