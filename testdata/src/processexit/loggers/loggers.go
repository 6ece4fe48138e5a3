// Package loggers exercises the Fatal functions of logrus, zap and zerolog.
package loggers

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

type Event struct{ ID, Kind string }

var (
	lr                        = logrus.New()
	zl, _                     = zap.NewProduction()
	sugar                     = zl.Sugar()
	zerol                     = zerolog.New(os.Stderr)
	fields logrus.FieldLogger = lr
)

// service embeds a logrus logger: its Fatal is the logger's.
type service struct {
	*logrus.Logger
}

func (s *service) handle(ctx context.Context, e Event) error { // want handle:"summary\\(logrus.Logger.Fatal\\)"
	if e.ID == "" {
		s.Fatal("no id") // want `^logrus.Logger.Fatal ends the Lambda process`
	}
	s.Info("ok") // silent
	return nil
}

func handler(ctx context.Context, e Event) error {
	entry := logrus.WithField("id", e.ID)
	switch e.Kind {
	case "a":
		logrus.Fatal("a") // want `^logrus.Fatal ends the Lambda process`
	case "b":
		logrus.WithField("k", 1).Fatalf("b %d", 1) // want `^logrus.Entry.Fatalf ends the Lambda process`
	case "c":
		entry.WithError(nil).Fatalln("c") // want `^logrus.Entry.Fatalln ends`
	case "d":
		lr.Fatalf("d %s", e.ID) // want `^logrus.Logger.Fatalf ends`
	case "e":
		fields.Fatal("e") // want `^logrus.FieldLogger.Fatal ends`
	case "f":
		logrus.Exit(1) // want `^logrus.Exit ends`
	case "g":
		zl.Fatal("g", zap.String("id", e.ID)) // want `^zap.Logger.Fatal ends the Lambda process`
	case "h":
		zap.L().With(zap.String("id", e.ID)).Fatal("h") // want `^zap.Logger.Fatal ends`
	case "i":
		sugar.Fatalw("i", "id", e.ID) // want `^zap.SugaredLogger.Fatalw ends`
	case "j":
		zap.S().Fatalf("j %s", e.ID) // want `^zap.SugaredLogger.Fatalf ends`
	case "k":
		zlog.Fatal().Msg("k") // want `^log.Fatal ends the Lambda process`
	case "l":
		zerol.Fatal().Msg("l") // want `^zerolog.Logger.Fatal ends`
	}
	// Other levels: silent. Panics on the handler's goroutine are
	// recovered by the runtime.
	logrus.Info("ok")
	entry.Info("ok")
	entry.Panicf("p %s", e.ID)
	zl.Info("ok")
	zl.Panic("p")
	sugar.Infow("ok")
	sugar.Panicf("p %s", e.ID)
	zlog.Info().Msg("ok")
	zerol.Panic().Msg("p")
	return nil
}

func main() {
	if os.Getenv("TABLE") == "" {
		logrus.Fatal("TABLE is not set") // main before lambda.Start: silent
		zl.Fatal("no table")
		zlog.Fatal().Msg("no table")
	}
	s := &service{Logger: lr}
	lambda.Start(handler)
	lambda.Start(s.handle)
}
