package log

import "github.com/rs/zerolog"

func Fatal() *zerolog.Event { return &zerolog.Event{} }

func Info() *zerolog.Event { return &zerolog.Event{} }
