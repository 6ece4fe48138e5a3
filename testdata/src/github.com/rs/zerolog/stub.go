// Package zerolog is a stub of github.com/rs/zerolog for the analyzer
// tests: the signatures the tests use, with empty bodies.
package zerolog

import (
	"context"
	"io"
)

type Logger struct{ w io.Writer }

type Context struct{ l Logger }

type Event struct{}

func New(w io.Writer) Logger { return Logger{w} }

func Ctx(ctx context.Context) *Logger { return &Logger{} }

func (l Logger) With() Context { return Context{l} }

func (l Logger) WithContext(ctx context.Context) context.Context { return ctx }

func (l *Logger) Info() *Event { return &Event{} }

func (c Context) Int(key string, i int) Context { return c }

func (c Context) Str(key, val string) Context { return c }

func (c Context) Logger() Logger { return c.l }

func (e *Event) Msg(msg string) {}
