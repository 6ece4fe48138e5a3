package lambdaapi

// ContextVariants maps calls that cannot carry the invocation's deadline to
// the context-taking call to use instead. Methods that have an M+"Context"
// or M+"WithContext" sibling taking a context.Context followed by M's
// parameters and returning M's results are found by the ctxdeadline rule
// from the types themselves and need no entry here, when their type is
// declared in an I/O package (IsIOPackage: database/sql, AWS SDK v1,
// sqlx, ...) or in the module being analysed.
var ContextVariants = map[string]string{
	"net/http.Get":                "http.NewRequestWithContext and Client.Do",
	"net/http.Head":               "http.NewRequestWithContext and Client.Do",
	"net/http.Post":               "http.NewRequestWithContext and Client.Do",
	"net/http.PostForm":           "http.NewRequestWithContext and Client.Do",
	"(*net/http.Client).Get":      "http.NewRequestWithContext and Client.Do",
	"(*net/http.Client).Head":     "http.NewRequestWithContext and Client.Do",
	"(*net/http.Client).Post":     "http.NewRequestWithContext and Client.Do",
	"(*net/http.Client).PostForm": "http.NewRequestWithContext and Client.Do",
	"net/http.NewRequest":         "http.NewRequestWithContext",
	"net.Dial":                    "(*net.Dialer).DialContext",
	"net.DialTimeout":             "(*net.Dialer).DialContext",
	"os/exec.Command":             "exec.CommandContext",
	"time.Sleep":                  "a select on ctx.Done() and time.After",
	"(*database/sql.DB).Begin":    "(*sql.DB).BeginTx(ctx, nil)",
}

// DetachedContexts are the calls that create a context with no deadline.
var DetachedContexts = map[string]bool{
	"context.Background": true,
	"context.TODO":       true,
}
