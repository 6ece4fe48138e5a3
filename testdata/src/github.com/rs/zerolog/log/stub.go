// Package log is a stub of github.com/rs/zerolog/log for the analyzer tests.
package log

import (
	"os"

	"github.com/rs/zerolog"
)

var Logger = zerolog.New(os.Stderr)
