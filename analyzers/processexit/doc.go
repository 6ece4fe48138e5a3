// Package processexit defines an Analyzer that reports code reachable from
// an AWS Lambda handler that ends the process: os.Exit and the Fatal
// functions of the logging libraries, and panics in goroutines that the
// handler starts.
//
// # Analyzer processexit
//
// processexit: report os.Exit, log.Fatal and unrecovered goroutine panics in handler code
//
// A Lambda function is one long-lived process that serves invocation after
// invocation. When handler code exits the process, the runtime sends no
// response: the invocation fails with Runtime.ExitError, the execution
// environment is discarded, and the next invocation pays a cold start.
// The fix is to return an error from the handler, which fails only that
// invocation.
//
// In code reachable from a handler, the analyzer reports:
//
//   - calls of os.Exit, syscall.Exit, log.Fatal, log.Fatalf, log.Fatalln
//     and the Fatal methods of *log.Logger;
//   - the Fatal functions and methods of logrus (package functions,
//     *Logger and *Entry, so WithField(...).Fatal too, and Exit), zap
//     (*Logger and *SugaredLogger), zerolog (log.Fatal() and
//     (*Logger).Fatal(), which exit when the event is sent), klog and glog;
//   - a call of panic (or log.Panic, or a logger's Panic method) in a
//     goroutine that the handler starts, with a go statement, a group's Go
//     method or time.AfterFunc, when the goroutine's function has no
//     deferred recover. The runtime recovers a panic on the handler's own
//     goroutine and reports it as the invocation's error; a panic in another
//     goroutine crashes the process with no report, possibly during a later
//     invocation. The goroutine is a function literal, or a function of the
//     package whose own body panics.
//
// An exit in a function of the package that the handler calls, such as a
// logging wrapper that calls os.Exit, is reported where it is, with the
// chain of calls from the handler; one in another package of the module is
// reported at the call in handler code. There is no suggested fix: what
// the handler should return instead is for the author to decide.
//
// It stays silent in code that runs once (init, main before lambda.Start,
// sync.Once bodies), in functions no handler reaches, on log.Print and
// log.Panic outside goroutines, on a panic on the handler's own goroutine,
// and on a goroutine whose function defers a recover, or defers a function
// of another package outside the standard library, which may recover.
package processexit
