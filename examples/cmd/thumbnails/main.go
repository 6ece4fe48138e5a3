// Command thumbnails writes resized copies of images uploaded to an S3
// bucket; it is subscribed to the bucket's ObjectCreated notifications.
//
// It shows the goroutineleak rule. Large uploads are handed to a
// goroutine that the handler never waits for: once the handler returns,
// Lambda freezes the execution environment and the resize stops mid-way,
// to resume (or not) during some later invocation. The same file has the
// patterns lambdalint leaves alone: a fan-out joined with sync.WaitGroup,
// a goroutine joined by a receive on the channel it closes, an errgroup
// that is waited for, and a progress ticker stopped by defer. The S3
// client is built once through sync.OnceValue.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // register the PNG decoder for image.Decode
	"log"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"golang.org/x/sync/errgroup"
)

const (
	thumbPrefix   = "thumbnails/"
	largeObject   = 20 << 20 // bytes
	progressEvery = 5 * time.Second
)

// widths are the thumbnail sizes written for every image, in pixels.
var widths = []int{64, 256, 1024}

// clean: sync.OnceValue builds the client on first use and reuses it.
var s3Client = sync.OnceValue(func() *s3.Client {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(fmt.Sprintf("load AWS config: %v", err))
	}
	return s3.NewFromConfig(cfg)
})

type object struct {
	Bucket, Key string
	Size        int64
}

func handle(ctx context.Context, ev events.S3Event) error {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		errs    []error
		pending atomic.Int64
	)
	for _, rec := range ev.Records {
		obj := object{Bucket: rec.S3.Bucket.Name, Key: rec.S3.Object.URLDecodedKey, Size: rec.S3.Object.Size}
		if strings.HasPrefix(obj.Key, thumbPrefix) {
			continue // our own output
		}
		if obj.Size > largeObject {
			// Large originals take a while; don't hold up the rest of the batch.
			// lambdalint: goroutineleak — the handler returns without waiting, so Lambda freezes the resize mid-way (and ctx is cancelled); process it inline or wait for it.
			go process(ctx, obj)
			continue
		}
		wg.Add(1)
		pending.Add(1)
		// clean: joined by wg.Wait below.
		go func() {
			defer wg.Done()
			defer pending.Add(-1)
			if err := process(ctx, obj); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}

	done := make(chan struct{})
	// clean: the handler receives on done, which this goroutine closes.
	go func() {
		wg.Wait()
		close(done)
	}()

	// clean: stopped by the deferred Stop when the handler returns.
	progress := time.NewTicker(progressEvery)
	defer progress.Stop()
	for {
		select {
		case <-done:
			return errors.Join(errs...)
		case <-progress.C:
			log.Printf("still resizing %d images", pending.Load())
		}
	}
}

// process writes one thumbnail per entry of widths next to the original.
func process(ctx context.Context, obj object) error {
	out, err := s3Client().GetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(obj.Bucket),
		Key:    aws.String(obj.Key),
	})
	if err != nil {
		return fmt.Errorf("get s3://%s/%s: %w", obj.Bucket, obj.Key, err)
	}
	src, _, err := image.Decode(out.Body)
	out.Body.Close()
	if err != nil {
		return fmt.Errorf("decode s3://%s/%s: %w", obj.Bucket, obj.Key, err)
	}

	g, gctx := errgroup.WithContext(ctx)
	for _, w := range widths {
		// clean: joined by g.Wait below.
		g.Go(func() error {
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, scale(src, w), &jpeg.Options{Quality: 80}); err != nil {
				return err
			}
			key := fmt.Sprintf("%s%d/%s.jpg", thumbPrefix, w, strings.TrimSuffix(obj.Key, path.Ext(obj.Key)))
			_, err := s3Client().PutObject(gctx, &s3.PutObjectInput{
				Bucket:      aws.String(obj.Bucket),
				Key:         aws.String(key),
				Body:        bytes.NewReader(buf.Bytes()),
				ContentType: aws.String("image/jpeg"),
			})
			return err
		})
	}
	return g.Wait()
}

// scale returns src resized to width w (nearest neighbour), keeping the
// aspect ratio. Images narrower than w are returned as they are.
func scale(src image.Image, w int) image.Image {
	b := src.Bounds()
	if b.Dx() <= w {
		return src
	}
	h := max(1, b.Dy()*w/b.Dx())
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dst.Set(x, y, src.At(b.Min.X+x*b.Dx()/w, b.Min.Y+y*b.Dy()/h))
		}
	}
	return dst
}

func main() {
	lambda.StartWithOptions(handle, lambda.WithEnableSIGTERM(func() {
		log.Print("shutting down")
	}))
}
