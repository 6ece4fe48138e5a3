// Package logrus is a stub of github.com/sirupsen/logrus for the analyzer
// tests: the signatures the tests use, with empty bodies.
package logrus

type Logger struct{}

type Entry struct {
	Logger *Logger
}

// FieldLogger is implemented by *Logger and *Entry.
type FieldLogger interface {
	WithField(key string, value interface{}) *Entry
	Info(args ...interface{})
	Fatal(args ...interface{})
}

func New() *Logger { return &Logger{} }

func WithField(key string, value interface{}) *Entry { return &Entry{} }

func Info(args ...interface{})  {}
func Fatal(args ...interface{}) {}
func Exit(code int)             {}

func (l *Logger) WithField(key string, value interface{}) *Entry { return &Entry{Logger: l} }
func (l *Logger) Info(args ...interface{})                       {}
func (l *Logger) Fatal(args ...interface{})                      {}
func (l *Logger) Fatalf(format string, args ...interface{})      {}

func (e *Entry) WithField(key string, value interface{}) *Entry { return e }
func (e *Entry) WithError(err error) *Entry                     { return e }
func (e *Entry) Info(args ...interface{})                       {}
func (e *Entry) Fatal(args ...interface{})                      {}
func (e *Entry) Fatalf(format string, args ...interface{})      {}
func (e *Entry) Fatalln(args ...interface{})                    {}
func (e *Entry) Panicf(format string, args ...interface{})      {}
