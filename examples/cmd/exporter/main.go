// Command exporter writes a CSV report of an S3 prefix to another bucket;
// it runs on an EventBridge schedule.
//
// It shows the filesystem rule. The report is spooled to a temporary file
// that the handler never removes: /tmp (512 MB by default) survives warm
// invocations, so every run leaves one more report behind until writes fail
// with "no space left on device". The same file has the patterns lambdalint
// leaves alone: a scratch directory removed by a deferred os.RemoveAll, and
// a state file with a fixed name under /tmp, overwritten by every run.
package main

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	sourceBucket = os.Getenv("SOURCE_BUCKET")
	reportBucket = os.Getenv("REPORT_BUCKET")
)

// clean: sync.OnceValue builds the client on first use and reuses it.
var s3Client = sync.OnceValue(func() *s3.Client {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(fmt.Sprintf("load AWS config: %v", err))
	}
	return s3.NewFromConfig(cfg)
})

func handle(ctx context.Context, ev events.EventBridgeEvent) error {
	// lambdalint: filesystem — the report stays in /tmp after the upload; every warm run adds one until /tmp is full. defer os.Remove(f.Name()).
	f, err := os.CreateTemp("", "report-*.csv.gz")
	if err != nil {
		return err
	}
	defer f.Close()

	zw := gzip.NewWriter(f)
	w := csv.NewWriter(zw)
	_ = w.Write([]string{"key", "size", "modified"})
	p := s3.NewListObjectsV2Paginator(s3Client(), &s3.ListObjectsV2Input{Bucket: aws.String(sourceBucket)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, o := range page.Contents {
			_ = w.Write([]string{aws.ToString(o.Key), strconv.FormatInt(aws.ToInt64(o.Size), 10), aws.ToTime(o.LastModified).Format(time.RFC3339)})
		}
	}
	w.Flush()
	if err := zw.Close(); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	key := "reports/" + ev.Time.Format("2006-01-02T15-04") + ".csv.gz"
	if _, err := s3Client().PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(reportBucket), Key: aws.String(key), Body: f}); err != nil {
		return err
	}
	return saveState(key)
}

// saveState records the last report in a scratch directory and a state file.
func saveState(key string) error {
	// clean: the directory is removed when saveState returns.
	dir, err := os.MkdirTemp("", "state-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "key"), []byte(key), 0o600); err != nil {
		return err
	}
	// clean: a fixed name, overwritten by every run.
	return os.WriteFile(filepath.Join(os.TempDir(), "last-report"), []byte(key), 0o600)
}

func main() {
	lambda.Start(handle)
}
