package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"regexp"
	"sync"
	"text/template"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	Pattern string
	Path    string
	Body    string
}

// Look-alike: package-level initializers run once per execution environment.
var (
	idRe    = regexp.MustCompile(`^[a-z0-9-]+$`)
	shared  = &http.Client{Transport: &http.Transport{MaxIdleConns: 10}}
	initDB  *sql.DB
	once    sync.Once
	onceDB  *sql.DB
	cacheRe *regexp.Regexp
	tmpl    *template.Template
	lazyDB  *sql.DB
	static  []byte
	loaded  bool
	lazyRe  *regexp.Regexp
)

// Look-alike: init runs once.
func init() {
	initDB, _ = sql.Open("postgres", "dsn")
	_ = regexp.MustCompile(`init`)
}

func handler(ctx context.Context, e Event) (string, error) {
	re := regexp.MustCompile(`^order-[0-9]+$`)       // want `regexp.MustCompile runs on every invocation instead of once per execution environment: obtain a compiled regular expression once, in init or a package-level variable, and reuse it across warm invocations`
	if _, err := regexp.Compile(`^x$`); err != nil { // want `regexp.Compile runs on every invocation`
		return "", err
	}
	t, err := template.New("page").Parse(`<p>{{.}}</p>`) // want `template.Template.Parse runs on every invocation instead of once per execution environment: obtain a parsed template once`
	if err != nil {
		return "", err
	}
	_ = t
	cfg, _ := os.ReadFile("config.json") // want `os.ReadFile runs on every invocation instead of once per execution environment: obtain the contents of a file in the deployment package once`
	_ = cfg
	db, err := openDB()
	if err != nil {
		return "", err
	}
	defer db.Close()
	client := &http.Client{
		Timeout:   5 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 10}, // want `a new http.Transport on every invocation opens a connection pool of its own, so no connection is reused across warm invocations: create the transport \(and the http.Client using it\) once in a package-level variable`
	}
	_ = client
	tr := new(http.Transport) // want `a new http.Transport on every invocation`
	_ = tr
	cl := http.DefaultTransport.(*http.Transport).Clone() // want `a new http.Transport on every invocation`
	_ = cl

	//lambdalint:ignore handlersetup the pattern changes with every deployment stage
	stage := regexp.MustCompile(`^stage$`)
	_ = stage
	_ = regexp.MustCompile(`^same-line$`) //lambdalint:ignore handlersetup tested

	// Look-alikes: built from the event, not constant.
	_ = regexp.MustCompile(e.Pattern)
	_, _ = os.ReadFile(e.Path)
	_, _ = template.New("body").Parse(e.Body)

	// Look-alikes: an http.Client shares http.DefaultTransport unless given
	// a Transport of its own.
	_ = &http.Client{Timeout: 5 * time.Second}
	_ = http.Client{}
	_ = new(http.Client)
	_ = &http.Client{Transport: shared.Transport}

	// Look-alike: inside sync.Once.
	once.Do(func() {
		onceDB, _ = sql.Open("postgres", "dsn")
	})

	// Look-alike: stored directly in a package-level variable (a cache).
	cacheRe = regexp.MustCompile(`^cache$`)

	// Look-alikes: lazy initialisation guards.
	if tmpl == nil {
		t, err := template.New("lazy").Parse(`{{.}}`)
		if err != nil {
			return "", err
		}
		tmpl = t
	}
	if _, err := getDB(); err != nil {
		return "", err
	}
	if !loaded {
		b, _ := os.ReadFile("static.json")
		static, loaded = b, true
	}
	if lazyRe == nil {
		lazyRe = compileAll()
	}
	_ = viaElse()
	_ = viaAnd(e)
	return re.String(), nil
}

func openDB() (*sql.DB, error) {
	return sql.Open("postgres", "dsn") // want `sql.Open runs on every invocation instead of once per execution environment: obtain a database connection pool once, in init or a package-level variable, and reuse it across warm invocations \(handler → openDB → sql.Open\)`
}

// getDB initialises lazyDB on first use: everything after the early return
// runs once.
func getDB() (*sql.DB, error) {
	if lazyDB != nil {
		return lazyDB, nil
	}
	d, err := sql.Open("postgres", "dsn")
	if err != nil {
		return nil, err
	}
	lazyDB = d
	return d, nil
}

// compileAll is reached only from a lazy-initialisation guard.
func compileAll() *regexp.Regexp {
	return regexp.MustCompile(`^(a|b)+$`)
}

var elseRe, andRe *regexp.Regexp

// viaElse builds elseRe in the else branch of a "!= nil" guard.
func viaElse() *regexp.Regexp {
	if elseRe != nil {
		return elseRe
	} else {
		r := regexp.MustCompile(`^else$`)
		elseRe = r
	}
	return elseRe
}

// viaAnd builds andRe behind a guard with another condition.
func viaAnd(e Event) *regexp.Regexp {
	if andRe == nil && e.Pattern == "" {
		r := regexp.MustCompile(`^and$`)
		andRe = r
	}
	// Not guarded: the guard above has ended.
	_ = regexp.MustCompile(`^after$`) // want `regexp.MustCompile runs on every invocation .*\(handler → viaAnd → regexp.MustCompile\)`
	return andRe
}

// Look-alike: not reachable from a handler.
func unused() {
	_, _ = sql.Open("postgres", "dsn")
}

type Server struct {
	db    *sql.DB
	other *sql.DB
}

func (s *Server) Handle(ctx context.Context) error { // want Handle:`summary\(sql.Open\)`
	// Look-alike: lazy initialisation of a field of the receiver.
	if s.db == nil {
		s.db, _ = sql.Open("postgres", "dsn")
	}
	// Stored in the receiver without a guard: rebuilt on every invocation.
	s.other, _ = sql.Open("postgres", "dsn") // want `sql.Open runs on every invocation`
	return nil
}

type ValueServer struct{ db *sql.DB }

func (s ValueServer) Handle(ctx context.Context) error { // want Handle:`summary\(sql.Open\)`
	// A value receiver is a copy: the guard does not keep the pool.
	if s.db == nil {
		s.db, _ = sql.Open("postgres", "dsn") // want `sql.Open runs on every invocation`
	}
	return s.db.PingContext(ctx)
}

func main() {
	// Look-alike: main before the start call runs once.
	db, _ := sql.Open("postgres", "dsn")
	re := regexp.MustCompile(`^main$`)
	var captured *sql.DB
	lambda.Start(handler)
	lambda.Start((&Server{}).Handle)
	lambda.Start(ValueServer{}.Handle)
	lambda.Start(func(ctx context.Context) error {
		_ = db
		_ = re
		// Look-alike: a variable captured from main outlives the invocation.
		if captured == nil {
			captured, _ = sql.Open("postgres", "dsn")
		}
		_, err := sql.Open("postgres", "literal") // want `sql.Open runs on every invocation`
		return err
	})
}
