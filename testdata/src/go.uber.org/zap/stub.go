// Package zap is a stub of go.uber.org/zap for the analyzer tests: the
// signatures the tests use, with empty bodies.
package zap

type Field struct {
	Key    string
	String string
}

type Logger struct{}

type SugaredLogger struct{}

func NewProduction() (*Logger, error) { return &Logger{}, nil }

func L() *Logger { return &Logger{} }

func S() *SugaredLogger { return &SugaredLogger{} }

func String(key, val string) Field { return Field{Key: key, String: val} }

func (log *Logger) Sugar() *SugaredLogger             { return &SugaredLogger{} }
func (log *Logger) With(fields ...Field) *Logger      { return log }
func (log *Logger) Info(msg string, fields ...Field)  {}
func (log *Logger) Panic(msg string, fields ...Field) {}
func (log *Logger) Fatal(msg string, fields ...Field) {}

func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Panicf(template string, args ...interface{})     {}
func (s *SugaredLogger) Fatalf(template string, args ...interface{})     {}
func (s *SugaredLogger) Fatalw(msg string, keysAndValues ...interface{}) {}
