package lambdaapi

import (
	"fmt"
	"go/types"
	"strings"

	"honnef.co/go/tools/go/types/typeutil"
)

// Expensive describes a constructor that should run once per execution
// environment (at init) rather than once per invocation.
type Expensive struct {
	// What the call builds, for the diagnostic: "an AWS SDK client".
	What string
	// ConstArgs, when non-empty, lists the argument indexes that must all
	// be constants for the call to count (regexp.MustCompile of a constant
	// pattern is init work; of a request-derived pattern it is not).
	ConstArgs []int
	// AllArgsConst: every argument (including variadic ones) must be constant.
	AllArgsConst bool
}

// expensive is keyed by full function name (typeutil.FuncName).
var expensive = map[string]Expensive{
	// AWS SDK for Go v1.
	"github.com/aws/aws-sdk-go/aws/session.NewSession":            {What: "an AWS SDK session"},
	"github.com/aws/aws-sdk-go/aws/session.NewSessionWithOptions": {What: "an AWS SDK session"},
	"github.com/aws/aws-sdk-go/aws/session.New":                   {What: "an AWS SDK session"},
	// AWS SDK for Go v2.
	"github.com/aws/aws-sdk-go-v2/config.LoadDefaultConfig": {What: "the AWS SDK configuration (it reads the environment, files and credentials)"},
	// database/sql and common drivers.
	"database/sql.Open":                               {What: "a database connection pool"},
	"database/sql.OpenDB":                             {What: "a database connection pool"},
	"github.com/jmoiron/sqlx.Open":                    {What: "a database connection pool"},
	"github.com/jmoiron/sqlx.Connect":                 {What: "a database connection pool"},
	"github.com/jmoiron/sqlx.MustConnect":             {What: "a database connection pool"},
	"gorm.io/gorm.Open":                               {What: "a database connection pool"},
	"github.com/jackc/pgx/v4.Connect":                 {What: "a PostgreSQL connection"},
	"github.com/jackc/pgx/v4.ConnectConfig":           {What: "a PostgreSQL connection"},
	"github.com/jackc/pgx/v5.Connect":                 {What: "a PostgreSQL connection"},
	"github.com/jackc/pgx/v5.ConnectConfig":           {What: "a PostgreSQL connection"},
	"github.com/jackc/pgx/v4/pgxpool.Connect":         {What: "a PostgreSQL connection pool"},
	"github.com/jackc/pgx/v4/pgxpool.ConnectConfig":   {What: "a PostgreSQL connection pool"},
	"github.com/jackc/pgx/v5/pgxpool.New":             {What: "a PostgreSQL connection pool"},
	"github.com/jackc/pgx/v5/pgxpool.NewWithConfig":   {What: "a PostgreSQL connection pool"},
	"github.com/go-redis/redis/v8.NewClient":          {What: "a Redis client"},
	"github.com/go-redis/redis/v8.NewClusterClient":   {What: "a Redis client"},
	"github.com/go-redis/redis/v8.NewUniversalClient": {What: "a Redis client"},
	"github.com/redis/go-redis/v9.NewClient":          {What: "a Redis client"},
	"github.com/redis/go-redis/v9.NewClusterClient":   {What: "a Redis client"},
	"github.com/redis/go-redis/v9.NewUniversalClient": {What: "a Redis client"},
	"go.mongodb.org/mongo-driver/mongo.Connect":       {What: "a MongoDB client"},
	"go.mongodb.org/mongo-driver/mongo.NewClient":     {What: "a MongoDB client"},
	"go.mongodb.org/mongo-driver/v2/mongo.Connect":    {What: "a MongoDB client"},
	// gRPC.
	"google.golang.org/grpc.Dial":        {What: "a gRPC connection"},
	"google.golang.org/grpc.DialContext": {What: "a gRPC connection"},
	"google.golang.org/grpc.NewClient":   {What: "a gRPC connection"},
	// Compiled regular expressions and parsed templates of constant input.
	"regexp.Compile":                       {What: "a compiled regular expression", ConstArgs: []int{0}},
	"regexp.MustCompile":                   {What: "a compiled regular expression", ConstArgs: []int{0}},
	"regexp.CompilePOSIX":                  {What: "a compiled regular expression", ConstArgs: []int{0}},
	"regexp.MustCompilePOSIX":              {What: "a compiled regular expression", ConstArgs: []int{0}},
	"(*text/template.Template).Parse":      {What: "a parsed template", ConstArgs: []int{0}},
	"(*html/template.Template).Parse":      {What: "a parsed template", ConstArgs: []int{0}},
	"text/template.ParseFiles":             {What: "a parsed template", AllArgsConst: true},
	"html/template.ParseFiles":             {What: "a parsed template", AllArgsConst: true},
	"text/template.ParseGlob":              {What: "a parsed template", AllArgsConst: true},
	"html/template.ParseGlob":              {What: "a parsed template", AllArgsConst: true},
	"(*text/template.Template).ParseFiles": {What: "a parsed template", AllArgsConst: true},
	"(*html/template.Template).ParseFiles": {What: "a parsed template", AllArgsConst: true},
	// Reading a file at a constant path: the deployment package does not
	// change between invocations.
	"os.ReadFile":        {What: "the contents of a file in the deployment package", ConstArgs: []int{0}},
	"io/ioutil.ReadFile": {What: "the contents of a file in the deployment package", ConstArgs: []int{0}},
}

// SDK service packages: every service package of SDK v1 has New, every
// service package of SDK v2 has NewFromConfig and New.
const (
	SDKv1ServicePrefix = "github.com/aws/aws-sdk-go/service/"
	SDKv2ServicePrefix = "github.com/aws/aws-sdk-go-v2/service/"
)

// LookupExpensive reports whether fn is an expensive constructor.
func LookupExpensive(fn *types.Func) (Expensive, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Expensive{}, false
	}
	fn = fn.Origin()
	name := typeutil.FuncName(fn)
	if e, ok := expensive[name]; ok {
		return e, true
	}
	if fn.Signature().Recv() != nil {
		return Expensive{}, false
	}
	path := fn.Pkg().Path()
	switch {
	case strings.HasPrefix(path, SDKv1ServicePrefix) && fn.Name() == "New":
		return Expensive{What: "an AWS SDK service client"}, true
	case strings.HasPrefix(path, SDKv2ServicePrefix) && (fn.Name() == "NewFromConfig" || fn.Name() == "New"):
		return Expensive{What: "an AWS SDK service client"}, true
	}
	return Expensive{}, false
}

// AddExpensive extends the table with user-supplied constructors, given as
// full function names ("example.com/db.Connect", "(*example.com/db.Pool).Dial").
// It is called from flag parsing; names are validated for shape only.
func AddExpensive(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	if !strings.Contains(name, ".") {
		return fmt.Errorf("expensive constructor %q: want a full name such as example.com/db.Connect or (*example.com/db.Pool).Dial", name)
	}
	if _, ok := expensive[name]; !ok {
		expensive[name] = Expensive{What: "a value built by " + name}
	}
	return nil
}

// TransportType is the composite-literal construction that is expensive:
// a new http.Transport owns its own connection pool.
const TransportType = "net/http.Transport"
