package lambdaapi

import (
	"go/types"

	"honnef.co/go/tools/go/types/typeutil"
)

// ProcessExits lists the calls that end the process: os.Exit itself and
// the Fatal (and Exit) functions of the logging libraries, which log and
// then call os.Exit. The value is the name written in diagnostics.
//
// zerolog's Fatal methods return an *Event; the process exits when the
// event is sent (Msg, Msgf, Send), or at once when fatal logging is
// disabled: the Fatal call is what is reported.
var ProcessExits = map[string]string{
	"os.Exit":                    "os.Exit",
	"syscall.Exit":               "syscall.Exit",
	"golang.org/x/sys/unix.Exit": "unix.Exit",
	"log.Fatal":                  "log.Fatal",
	"log.Fatalf":                 "log.Fatalf",
	"log.Fatalln":                "log.Fatalln",
	"(*log.Logger).Fatal":        "log.Logger.Fatal",
	"(*log.Logger).Fatalf":       "log.Logger.Fatalf",
	"(*log.Logger).Fatalln":      "log.Logger.Fatalln",

	// github.com/sirupsen/logrus: Fatal* log, then Logger.Exit(1).
	"github.com/sirupsen/logrus.Fatal":                 "logrus.Fatal",
	"github.com/sirupsen/logrus.Fatalf":                "logrus.Fatalf",
	"github.com/sirupsen/logrus.Fatalln":               "logrus.Fatalln",
	"github.com/sirupsen/logrus.FatalFn":               "logrus.FatalFn",
	"github.com/sirupsen/logrus.Exit":                  "logrus.Exit",
	"(*github.com/sirupsen/logrus.Logger).Fatal":       "logrus.Logger.Fatal",
	"(*github.com/sirupsen/logrus.Logger).Fatalf":      "logrus.Logger.Fatalf",
	"(*github.com/sirupsen/logrus.Logger).Fatalln":     "logrus.Logger.Fatalln",
	"(*github.com/sirupsen/logrus.Logger).FatalFn":     "logrus.Logger.FatalFn",
	"(*github.com/sirupsen/logrus.Logger).Exit":        "logrus.Logger.Exit",
	"(*github.com/sirupsen/logrus.Entry).Fatal":        "logrus.Entry.Fatal",
	"(*github.com/sirupsen/logrus.Entry).Fatalf":       "logrus.Entry.Fatalf",
	"(*github.com/sirupsen/logrus.Entry).Fatalln":      "logrus.Entry.Fatalln",
	"(github.com/sirupsen/logrus.FieldLogger).Fatal":   "logrus.FieldLogger.Fatal",
	"(github.com/sirupsen/logrus.FieldLogger).Fatalf":  "logrus.FieldLogger.Fatalf",
	"(github.com/sirupsen/logrus.FieldLogger).Fatalln": "logrus.FieldLogger.Fatalln",
	"(github.com/sirupsen/logrus.StdLogger).Fatal":     "logrus.StdLogger.Fatal",
	"(github.com/sirupsen/logrus.StdLogger).Fatalf":    "logrus.StdLogger.Fatalf",
	"(github.com/sirupsen/logrus.StdLogger).Fatalln":   "logrus.StdLogger.Fatalln",
	"(*go.uber.org/zap.Logger).Fatal":                  "zap.Logger.Fatal",
	"(*go.uber.org/zap.SugaredLogger).Fatal":           "zap.SugaredLogger.Fatal",
	"(*go.uber.org/zap.SugaredLogger).Fatalf":          "zap.SugaredLogger.Fatalf",
	"(*go.uber.org/zap.SugaredLogger).Fatalw":          "zap.SugaredLogger.Fatalw",
	"(*go.uber.org/zap.SugaredLogger).Fatalln":         "zap.SugaredLogger.Fatalln",
	"(*github.com/rs/zerolog.Logger).Fatal":            "zerolog.Logger.Fatal",
	"github.com/rs/zerolog/log.Fatal":                  "log.Fatal",
	"k8s.io/klog.Fatal":                                "klog.Fatal",
	"k8s.io/klog.Fatalf":                               "klog.Fatalf",
	"k8s.io/klog.Fatalln":                              "klog.Fatalln",
	"k8s.io/klog.FatalDepth":                           "klog.FatalDepth",
	"k8s.io/klog.Exit":                                 "klog.Exit",
	"k8s.io/klog.Exitf":                                "klog.Exitf",
	"k8s.io/klog.Exitln":                               "klog.Exitln",
	"k8s.io/klog.ExitDepth":                            "klog.ExitDepth",
	"k8s.io/klog/v2.Fatal":                             "klog.Fatal",
	"k8s.io/klog/v2.Fatalf":                            "klog.Fatalf",
	"k8s.io/klog/v2.Fatalln":                           "klog.Fatalln",
	"k8s.io/klog/v2.FatalDepth":                        "klog.FatalDepth",
	"k8s.io/klog/v2.FatalfDepth":                       "klog.FatalfDepth",
	"k8s.io/klog/v2.FatallnDepth":                      "klog.FatallnDepth",
	"k8s.io/klog/v2.Exit":                              "klog.Exit",
	"k8s.io/klog/v2.Exitf":                             "klog.Exitf",
	"k8s.io/klog/v2.Exitln":                            "klog.Exitln",
	"k8s.io/klog/v2.ExitDepth":                         "klog.ExitDepth",
	"k8s.io/klog/v2.ExitfDepth":                        "klog.ExitfDepth",
	"k8s.io/klog/v2.ExitlnDepth":                       "klog.ExitlnDepth",
	"k8s.io/klog/v2.FlushAndExit":                      "klog.FlushAndExit",
	"github.com/golang/glog.Fatal":                     "glog.Fatal",
	"github.com/golang/glog.Fatalf":                    "glog.Fatalf",
	"github.com/golang/glog.Fatalln":                   "glog.Fatalln",
	"github.com/golang/glog.FatalDepth":                "glog.FatalDepth",
	"github.com/golang/glog.FatalDepthf":               "glog.FatalDepthf",
	"github.com/golang/glog.FatalContext":              "glog.FatalContext",
	"github.com/golang/glog.FatalContextf":             "glog.FatalContextf",
	"github.com/golang/glog.FatalContextDepth":         "glog.FatalContextDepth",
	"github.com/golang/glog.FatalContextDepthf":        "glog.FatalContextDepthf",
	"github.com/golang/glog.Exit":                      "glog.Exit",
	"github.com/golang/glog.Exitf":                     "glog.Exitf",
	"github.com/golang/glog.Exitln":                    "glog.Exitln",
	"github.com/golang/glog.ExitDepth":                 "glog.ExitDepth",
	"github.com/golang/glog.ExitDepthf":                "glog.ExitDepthf",
	"github.com/golang/glog.ExitContext":               "glog.ExitContext",
	"github.com/golang/glog.ExitContextf":              "glog.ExitContextf",
	"github.com/golang/glog.ExitContextDepth":          "glog.ExitContextDepth",
	"github.com/golang/glog.ExitContextDepthf":         "glog.ExitContextDepthf",
}

// LookupProcessExit reports whether a call of fn ends the process, and
// returns the name to write in diagnostics ("os.Exit", "log.Fatalf",
// "logrus.Entry.Fatal").
func LookupProcessExit(fn *types.Func) (string, bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	short, ok := ProcessExits[typeutil.FuncName(fn.Origin())]
	return short, ok
}

// PanicCalls lists the calls that panic by design: in a goroutine that
// does not recover, they end the process like the builtin panic. On the
// handler's own goroutine the Lambda runtime recovers them.
var PanicCalls = map[string]string{
	"log.Panic":                                    "log.Panic",
	"log.Panicf":                                   "log.Panicf",
	"log.Panicln":                                  "log.Panicln",
	"(*log.Logger).Panic":                          "log.Logger.Panic",
	"(*log.Logger).Panicf":                         "log.Logger.Panicf",
	"(*log.Logger).Panicln":                        "log.Logger.Panicln",
	"github.com/sirupsen/logrus.Panic":             "logrus.Panic",
	"github.com/sirupsen/logrus.Panicf":            "logrus.Panicf",
	"github.com/sirupsen/logrus.Panicln":           "logrus.Panicln",
	"(*github.com/sirupsen/logrus.Logger).Panic":   "logrus.Logger.Panic",
	"(*github.com/sirupsen/logrus.Logger).Panicf":  "logrus.Logger.Panicf",
	"(*github.com/sirupsen/logrus.Logger).Panicln": "logrus.Logger.Panicln",
	"(*github.com/sirupsen/logrus.Entry).Panic":    "logrus.Entry.Panic",
	"(*github.com/sirupsen/logrus.Entry).Panicf":   "logrus.Entry.Panicf",
	"(*github.com/sirupsen/logrus.Entry).Panicln":  "logrus.Entry.Panicln",
	"(*go.uber.org/zap.Logger).Panic":              "zap.Logger.Panic",
	"(*go.uber.org/zap.SugaredLogger).Panic":       "zap.SugaredLogger.Panic",
	"(*go.uber.org/zap.SugaredLogger).Panicf":      "zap.SugaredLogger.Panicf",
	"(*go.uber.org/zap.SugaredLogger).Panicw":      "zap.SugaredLogger.Panicw",
	"(*go.uber.org/zap.SugaredLogger).Panicln":     "zap.SugaredLogger.Panicln",
	"(*github.com/rs/zerolog.Logger).Panic":        "zerolog.Logger.Panic",
	"github.com/rs/zerolog/log.Panic":              "log.Panic",
}

// LookupPanic reports whether a call of fn panics by design (log.Panicf,
// zap's Panic, ...), and returns the name to write in diagnostics.
func LookupPanic(fn *types.Func) (string, bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	short, ok := PanicCalls[typeutil.FuncName(fn.Origin())]
	return short, ok
}
