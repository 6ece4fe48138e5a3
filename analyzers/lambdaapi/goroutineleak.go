package lambdaapi

// GroupGo lists the methods that run their function argument in a new
// goroutine owned by a group whose Wait method joins it. The value is the
// name written in diagnostics.
var GroupGo = map[string]string{
	"(*sync.WaitGroup).Go":                        "sync.WaitGroup.Go",
	"(*golang.org/x/sync/errgroup.Group).Go":      "errgroup.Group.Go",
	"(*golang.org/x/sync/errgroup.Group).TryGo":   "errgroup.Group.TryGo",
	"(*github.com/sourcegraph/conc.WaitGroup).Go": "conc.WaitGroup.Go",
}

// PanicToWait lists the GroupGo methods whose group recovers a panic in
// the goroutine and hands it to Wait, so that it does not end the process.
var PanicToWait = map[string]bool{
	"(*github.com/sourcegraph/conc.WaitGroup).Go": true,
}

// Launch reports whether a call of the function named name (as
// typeutil.FuncName prints it) with nargs arguments runs one of them in a
// new goroutine, and which: the function of a GroupGo method, or of
// time.AfterFunc.
func Launch(name string, nargs int) (int, bool) {
	if nargs == 0 {
		return 0, false
	}
	if _, ok := GroupGo[name]; ok {
		return 0, true
	}
	if t, ok := Timers[name]; ok && t.Kind == TimerFunc {
		return nargs - 1, true
	}
	return 0, false
}

// PipeTypes are the types whose two ends tie a goroutine that holds one end
// to the code that holds the other: a goroutine writing to an io.PipeWriter
// ends when the reader has drained the pipe.
var PipeTypes = map[string]bool{
	"io.PipeReader": true,
	"io.PipeWriter": true,
}

// TimerKind says how a timer constructor's result is released.
type TimerKind int

const (
	// TimerFunc runs a function in its own goroutine when it fires
	// (time.AfterFunc); Stop cancels it.
	TimerFunc TimerKind = iota
	// Ticker fires repeatedly until Stop is called.
	Ticker
	// Timer fires once into its channel unless Stop is called first.
	Timer
	// Unstoppable is a ticker whose handle is never returned (time.Tick):
	// nothing can stop it.
	Unstoppable
)

// TimerCall describes a call that starts a runtime timer.
type TimerCall struct {
	Kind TimerKind
	// Short is the name written in diagnostics, e.g. "time.NewTicker".
	Short string
}

// Timers lists the calls that start a timer which keeps running after the
// function that started it returns, unless it is stopped.
var Timers = map[string]TimerCall{
	"time.AfterFunc": {TimerFunc, "time.AfterFunc"},
	"time.NewTicker": {Ticker, "time.NewTicker"},
	"time.NewTimer":  {Timer, "time.NewTimer"},
	"time.Tick":      {Unstoppable, "time.Tick"},
}
