// Package sweep_test is lambdalint's reliability sweep: it runs the real
// lambdalint binary over a large body of Go code that no one here wrote, the
// standard library, golang.org/x/tools, honnef.co/go/tools, the AWS SDKs v1
// and v2, and 59 further popular modules of every shape (generics, cgo,
// assembly and build tags, huge generated code, web frameworks, database
// drivers, loggers, command-line libraries), and checks that it never
// crashes, never fails internally and gives the same output twice.
//
// The modules and their versions are pinned by the manifest module in
// testdata/mod (a go.mod and go.sum, nothing of their source); the go
// command downloads them into the module cache. The sweep takes long, so it
// runs only with LAMBDALINT_SWEEP=1:
//
//	LAMBDALINT_SWEEP=1 go test -timeout=40m ./internal/sweep
//
// Each group of modules is a subtest. For each, lambdalint must exit with
// status 0 or 1 (findings are fine, and are counted per rule in the log) and
// print nothing on stderr: no panic, no internal error, no failed rule, no
// package that fails to load. The packages of testdata/mod that do not
// type-check on purpose must yield exactly their error lines, each naming
// the package, and exit status 2.
//
// Each group runs twice and the two runs must print byte-identical output.
// go vet caches the vet tool's output under a key that covers the tool, the
// package and the flags, so a second run with the same flags would only
// replay the first one. The second run therefore adds a rule flag whose
// value changes the key but matches nothing (-handlersetup.extra naming a
// constructor that does not exist): the analysis really runs again, on every
// package, dependencies included.
//
// To change the manifest, edit the versions with go get in testdata/mod
// (never go mod tidy there: nothing imports the modules, so it would drop
// them), then record the checksums of every package the sweep loads:
//
//	cd testdata/mod && go list -mod=mod -e -deps -test <the patterns of groups> >/dev/null
package sweep_test

import (
	"cmp"
	"crypto/rand"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lambdalint/lambdalint/internal/runtest"
)

// A group is one lambdalint run over modules of a kind.
type group struct {
	name     string
	flags    []string
	patterns []string
	// broken lists the packages matched by the patterns that fail to load
	// or type-check: lambdalint must report them, and only them, with exit
	// status 2. They are the deliberately broken packages of testdata/mod;
	// every module of the sweep builds (the cgo packages too: without a C
	// compiler the go command turns cgo off, and they have pure-Go files).
	broken []string
}

// groups is what the sweep runs, in this order. Test files are analyzed in
// the standard library only; in the other groups (-test=false) the go
// command still compiles what their tests import, but only their own code
// is analyzed.
var groups = []group{
	{name: "std", patterns: []string{"std"}},
	{name: "x-tools", flags: noTest, patterns: []string{"golang.org/x/tools/..."}},
	{name: "staticcheck", flags: noTest, patterns: []string{"honnef.co/go/tools/..."}},
	{name: "aws-sdk-go", flags: noTest, patterns: []string{
		"github.com/aws/aws-sdk-go/aws/...",
		"github.com/aws/aws-sdk-go/service/dynamodb/...",
		"github.com/aws/aws-sdk-go/service/lambda/...",
		"github.com/aws/aws-sdk-go/service/s3/...",
		"github.com/aws/aws-sdk-go/service/sns/...",
		"github.com/aws/aws-sdk-go/service/sqs/...",
		"github.com/aws/aws-sdk-go/service/sts/...",
	}},
	{name: "aws-sdk-go-v2", flags: noTest, patterns: []string{
		"github.com/aws/aws-sdk-go-v2/aws/...",
		"github.com/aws/aws-sdk-go-v2/config/...",
		"github.com/aws/aws-sdk-go-v2/credentials/...",
		"github.com/aws/aws-sdk-go-v2/feature/dynamodb/...",
		"github.com/aws/aws-sdk-go-v2/feature/s3/manager/...",
		"github.com/aws/aws-sdk-go-v2/service/dynamodb/...",
		"github.com/aws/aws-sdk-go-v2/service/eventbridge/...",
		"github.com/aws/aws-sdk-go-v2/service/lambda/...",
		"github.com/aws/aws-sdk-go-v2/service/s3/...",
		"github.com/aws/aws-sdk-go-v2/service/secretsmanager/...",
		"github.com/aws/aws-sdk-go-v2/service/sns/...",
		"github.com/aws/aws-sdk-go-v2/service/sqs/...",
		"github.com/aws/aws-sdk-go-v2/service/ssm/...",
		"github.com/aws/smithy-go/...",
	}},
	{name: "lambda", flags: noTest, patterns: []string{
		"github.com/aws/aws-lambda-go/...",
		"github.com/awslabs/aws-lambda-go-api-proxy/...",
	}},
	{name: "generics", flags: noTest, patterns: []string{
		"github.com/deckarep/golang-set/v2/...",
		"github.com/hashicorp/golang-lru/v2/...",
		"github.com/maypok86/otter/v2/...",
		"github.com/puzpuzpuz/xsync/v4/...",
		"github.com/samber/do/v2/...",
		"github.com/samber/lo/...",
		"github.com/tidwall/btree/...",
		"golang.org/x/exp/...",
	}},
	{name: "system", flags: noTest, patterns: []string{ // cgo, assembly, build tags
		"github.com/cespare/xxhash/v2/...",
		"github.com/fsnotify/fsnotify/...",
		"github.com/klauspost/compress/...",
		"github.com/mattn/go-isatty/...",
		"github.com/mattn/go-sqlite3/...",
		"github.com/shirou/gopsutil/v4/...",
		"golang.org/x/crypto/...",
		"golang.org/x/sys/...",
	}},
	{name: "generated", flags: noTest, patterns: []string{
		"golang.org/x/text/...",
		"google.golang.org/genproto/googleapis/rpc/...",
		"google.golang.org/grpc/...",
		"google.golang.org/protobuf/...",
		"k8s.io/api/...",
		"k8s.io/apimachinery/...",
	}},
	{name: "web", flags: noTest, patterns: []string{
		"github.com/gin-gonic/gin/...",
		"github.com/go-chi/chi/v5/...",
		"github.com/gofiber/fiber/v2/...",
		"github.com/gorilla/mux/...",
		"github.com/gorilla/websocket/...",
		"github.com/labstack/echo/v4/...",
		"github.com/valyala/fasthttp/...",
		"golang.org/x/net/...",
	}},
	{name: "db", flags: noTest, patterns: []string{
		"github.com/go-sql-driver/mysql/...",
		"github.com/jackc/pgx/v5/...",
		"github.com/jmoiron/sqlx/...",
		"github.com/lib/pq/...",
		"github.com/redis/go-redis/v9/...",
		"go.etcd.io/bbolt/...",
		"go.mongodb.org/mongo-driver/v2/...",
		"gorm.io/gorm/...",
	}},
	{name: "log", flags: noTest, patterns: []string{
		"github.com/hashicorp/go-hclog/...",
		"github.com/rs/zerolog/...",
		"github.com/sirupsen/logrus/...",
		"go.uber.org/zap/...",
	}},
	{name: "cli", flags: noTest, patterns: []string{
		"github.com/alecthomas/kong/...",
		"github.com/spf13/cobra/...",
		"github.com/spf13/pflag/...",
		"github.com/spf13/viper/...",
		"github.com/urfave/cli/v2/...",
	}},
	{name: "misc", flags: noTest, patterns: []string{
		"github.com/cenkalti/backoff/v5/...",
		"github.com/go-playground/validator/v10/...",
		"github.com/golang-jwt/jwt/v5/...",
		"github.com/google/go-cmp/...",
		"github.com/google/uuid/...",
		"github.com/pkg/errors/...",
		"github.com/prometheus/client_golang/...",
		"github.com/stretchr/testify/...",
		"go.opentelemetry.io/otel/...",
		"gopkg.in/yaml.v3/...",
	}},
	// The manifest module's own packages, which do not type-check.
	{name: "broken", patterns: []string{"./..."}, broken: []string{
		"example.com/sweep/broken",
		"example.com/sweep/user",
	}},
}

var noTest = []string{"-test=false"}

// wantBroken is what lambdalint prints on stderr for the broken group.
const wantBroken = `lambdalint: package example.com/sweep/broken: broken/broken.go:6:17: cannot use "one" (untyped string constant) as int value in variable declaration
lambdalint: package example.com/sweep/broken: broken/broken.go:10:9: undefined: missing
lambdalint: package example.com/sweep/user: dependency example.com/sweep/broken failed to load: broken/broken.go:6:17: cannot use "one" (untyped string constant) as int value in variable declaration
`

// finding is a line of lambdalint's output: file:line:col: message (rule).
var finding = regexp.MustCompile(`^[^ :]+\.go:\d+:\d+: .* \(([a-z]+)\)$`)

// failure matches what lambdalint or the go command print when something
// breaks inside them rather than in the code analyzed.
var failure = regexp.MustCompile(`(?i)panic|internal error|analyzer \S+|goroutine \d+ \[|fatal error|bug in lambdalint|signal SIG`)

func TestSweep(t *testing.T) {
	if os.Getenv("LAMBDALINT_SWEEP") != "1" {
		t.Skip("the reliability sweep takes up to 25 minutes: LAMBDALINT_SWEEP=1 go test -timeout=40m ./internal/sweep")
	}
	start := time.Now()
	bin, err := runtest.Build(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	mod := runtest.Copy(t, filepath.Join("testdata", "mod"))
	// Download every module that the runs load, so that the go command
	// prints no "go: downloading" line in them.
	var all []string
	for _, g := range groups {
		all = append(all, g.patterns...)
	}
	for _, args := range [][]string{{"mod", "download"}, append([]string{"list", "-e", "-deps", "-test"}, all...)} {
		if res := runtest.Run(t, mod, "go", args...); res.Code != 0 {
			t.Fatalf("go %s: exit status %d\n%s", strings.Join(args, " "), res.Code, res.Stderr)
		}
	}
	t.Logf("setup: %v", time.Since(start).Round(time.Second))

	nonce := rand.Text()
	total := make(map[string]int)
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			args := slices.Concat(g.flags, g.patterns)
			first := runtest.Run(t, mod, bin, args...)
			// The same run again with a flag that changes the key of go vet's
			// cache of the vet tool's output but matches no code.
			extra := fmt.Sprintf("-handlersetup.extra=sweep.invalid/%s.Nonce%s", g.name, nonce)
			second := runtest.Run(t, mod, bin, append([]string{extra}, args...)...)
			t.Logf("%d packages; took %v, again %v", countPackages(t, mod, g.patterns), took(first), took(second))

			check(t, g, first)
			if first.Stdout != second.Stdout || first.Stderr != second.Stderr || first.Code != second.Code {
				t.Errorf("two runs differ:\nfirst (exit status %d):\n%s%s\nsecond (exit status %d):\n%s%s",
					first.Code, first.Stdout, first.Stderr, second.Code, second.Stdout, second.Stderr)
			}
			counts := countFindings(first)
			for _, rule := range slices.Sorted(maps.Keys(counts)) {
				t.Logf("%s: %d", rule, counts[rule])
				total[rule] += counts[rule]
			}
		})
	}
	var rules []string
	for _, rule := range slices.Sorted(maps.Keys(total)) {
		rules = append(rules, fmt.Sprintf("%s %d", rule, total[rule]))
	}
	t.Logf("findings: %s; took %v", cmp.Or(strings.Join(rules, ", "), "none"), time.Since(start).Round(time.Second))
}

// took says how long a run took.
func took(res runtest.Result) string {
	return fmt.Sprintf("%v (CPU %v)", res.Wall.Round(time.Second), res.CPU.Round(time.Second))
}

// check checks the result of a group's run.
func check(t *testing.T, g group, res runtest.Result) {
	t.Helper()
	for line := range strings.Lines(res.Stdout) {
		if !finding.MatchString(strings.TrimSuffix(line, "\n")) {
			t.Errorf("stdout: not a finding: %q", line)
		}
	}
	if line := runtest.Crash(res); line != "" || failure.MatchString(res.Stderr) {
		t.Errorf("lambdalint failed internally:\n%s", res.Stderr)
	}
	if len(g.broken) == 0 {
		if res.Code != 0 && res.Code != 1 || res.Stderr != "" {
			t.Errorf("exit status %d, want 0 or 1; stderr:\n%s", res.Code, res.Stderr)
		}
		return
	}
	if res.Code != 2 {
		t.Errorf("exit status %d, want 2", res.Code)
	}
	if res.Stdout != "" {
		t.Errorf("findings in broken packages:\n%s", res.Stdout)
	}
	if res.Stderr != wantBroken {
		t.Errorf("stderr:\n%s\nwant:\n%s", res.Stderr, wantBroken)
	}
	for line := range strings.Lines(res.Stderr) {
		if !slices.ContainsFunc(g.broken, func(pkg string) bool { return strings.HasPrefix(line, "lambdalint: package "+pkg+": ") }) {
			t.Errorf("error line names no broken package: %q", line)
		}
	}
	for _, pkg := range g.broken {
		if !strings.Contains(res.Stderr, "lambdalint: package "+pkg+": ") {
			t.Errorf("no error line names %s", pkg)
		}
	}
}

// countFindings returns the number of findings per rule.
func countFindings(res runtest.Result) map[string]int {
	n := make(map[string]int)
	for line := range strings.Lines(res.Stdout) {
		if m := finding.FindStringSubmatch(strings.TrimSuffix(line, "\n")); m != nil {
			n[m[1]]++
		}
	}
	return n
}

// countPackages returns how many packages the patterns match.
func countPackages(t *testing.T, dir string, patterns []string) int {
	t.Helper()
	res := runtest.Run(t, dir, "go", append([]string{"list", "-e"}, patterns...)...)
	if res.Code != 0 {
		t.Fatalf("go list: exit status %d\n%s", res.Code, res.Stderr)
	}
	return strings.Count(res.Stdout, "\n")
}
