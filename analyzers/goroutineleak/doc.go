// Package goroutineleak defines an Analyzer that reports goroutines and
// timers that a Lambda handler starts and leaves running when it returns.
//
// # Analyzer goroutineleak
//
// goroutineleak: report goroutines and timers that outlive the Lambda invocation
//
// When a handler returns, Lambda freezes the execution environment until the
// next invocation. Goroutines, time.AfterFunc functions and tickers that the
// handler started stop mid-flight and resume at some later invocation, or
// never when the environment is discarded: their work (a flush, a write, a
// metric) is lost or lands in the wrong invocation.
//
// In code reachable from a handler, the analyzer reports:
//
//   - a go statement whose goroutine the function does not wait for: there
//     is no Wait call (sync.WaitGroup, errgroup.Group) after it, and no
//     receive from a channel of the function that the goroutine uses;
//   - sync.WaitGroup.Go and errgroup.Group.Go on a group of the function
//     that is never waited for;
//   - time.AfterFunc whose *time.Timer is discarded or never stopped;
//   - time.NewTicker and time.NewTimer whose result is never stopped, and
//     time.Tick, whose ticker cannot be stopped.
//
// It stays silent when the goroutine synchronises through a channel, wait
// group or pipe it does not own (a parameter, a field or a package
// variable), when the timer or group escapes the function (returned, stored,
// passed on), and in code that runs once (init, main before lambda.Start,
// sync.Once bodies). A go statement in another package is reported at the
// call in handler code, with the chain of calls that leads to it.
package goroutineleak
