package main

// The language-server mode: lambdalint lsp speaks the Language Server
// Protocol on its standard input and output, beside gopls, which cannot load
// third-party analyzers (golang/go#59869).
//
// When a .go file is opened or saved, the server analyzes the file's package
// the way the command-line mode does, with go vet (driver.analyze, pattern
// "." in the package's directory), so a save costs what go vet costs: go
// vet's cache answers for the unchanged dependencies. It publishes the
// findings of every file of the package as diagnostics, and offers their
// suggested fixes as quick fixes. Errors (a package that does not load, a bad
// lambdalint.toml) are shown with window/showMessage.
//
// The protocol comes from go.lsp.dev/protocol (the LSP 3.16 types) and
// go.lsp.dev/jsonrpc2 v0.10 (the transport), rather than
// github.com/tliron/glsp. The server is one jsonrpc2.Handler that switches on
// the few methods it implements, and it holds the connection, on which it
// publishes diagnostics whenever an analysis ends; glsp's server keeps the
// connection to itself and hands each handler a notify function. The two
// modules bring 10 modules in all (zap, segmentio/encoding), glsp 19 (a
// websocket server, x/net, x/crypto, terminal and logging libraries).
// Neither is under active development (their last releases date from 2022
// and 2024); the part of the protocol used here has not changed since.

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/go/analysis"
)

// debounce is how long the server waits after an open or a save before it
// analyzes the package: a burst of saves (:wall, a formatter that saves
// again) costs one analysis.
const debounce = 100 * time.Millisecond

// lspMain runs the language server on in and out until the client exits,
// and returns the exit status: 0 if the client asked for shutdown before
// exit, as the protocol says, 1 otherwise, and 2 for a usage error. It takes
// the flags of the command-line mode, except that the packages are those of
// the files opened.
func lspMain(args []string, rules []*analysis.Analyzer, in io.ReadCloser, out io.WriteCloser, stderr io.Writer) int {
	// Standard output is the protocol's: -h prints to stderr.
	cfg, code := parseCommandLine(args, rules, stderr, stderr)
	if cfg == nil {
		return code
	}
	if !slices.Equal(cfg.patterns, []string{"./..."}) {
		fmt.Fprintf(stderr, "%s lsp: takes no packages, it analyzes those of the files opened\n", progname)
		return exitError
	}
	cfg.patterns = []string{"."}

	s := &server{
		cfg:    cfg,
		urls:   make(map[string]string),
		stderr: stderr,
		docs:   make(map[string]*document),
		pkgs:   make(map[string]*pkgState),
	}
	for _, a := range rules {
		s.urls[a.Name] = a.URL
	}
	// Files there are opened to be read (gopls goes to definitions there),
	// not to be analyzed.
	if out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE").Output(); err == nil {
		s.skip = strings.Fields(string(out))
	}
	s.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(stdio{in, out}))
	s.conn.Go(context.Background(), s.handle)
	<-s.conn.Done()

	s.mu.Lock()
	defer s.mu.Unlock()
	s.stop()
	if s.exited && s.shutdown {
		return 0
	}
	return 1
}

// stdio is the connection to the client.
type stdio struct {
	io.ReadCloser
	io.WriteCloser
}

func (c stdio) Close() error {
	return errors.Join(c.ReadCloser.Close(), c.WriteCloser.Close())
}

// A server is the state of the language server.
type server struct {
	conn   jsonrpc2.Conn
	cfg    *cmdline
	urls   map[string]string // documentation of each rule, by name
	stderr io.Writer
	skip   []string // directories of the files not to analyze

	mu       sync.Mutex
	shutdown bool                 // the client asked for shutdown
	exited   bool                 // the client said exit
	docs     map[string]*document // open documents, by file name
	pkgs     map[string]*pkgState // packages analyzed, by directory
}

// A document is a file open in the editor.
type document struct {
	uri  protocol.DocumentURI // as the client spells it
	text string               // its content in the editor
}

// A pkgState is the state of a package directory.
type pkgState struct {
	timer   *time.Timer // runs the next analysis
	running bool        // an analysis runs
	again   bool        // analyze again when it ends

	content map[string][]byte  // the files as last analyzed, by name
	reports map[string]*report // the diagnostics published, by file name
	errs    string             // the errors last shown
}

// A report is what the server published for a file.
type report struct {
	diags []protocol.Diagnostic
	fixes [][]jsonSuggestedFix // the fixes of each diagnostic, edits by absolute file name
}

// handle answers a request or notification of the client.
func (s *server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	s.mu.Lock()
	shutdown := s.shutdown
	s.mu.Unlock()
	if shutdown && req.Method() != protocol.MethodExit {
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "shut down"))
	}

	var err error
	switch req.Method() {
	case protocol.MethodInitialize:
		return reply(ctx, protocol.InitializeResult{
			Capabilities: protocol.ServerCapabilities{
				TextDocumentSync: protocol.TextDocumentSyncOptions{
					OpenClose: true,
					Change:    protocol.TextDocumentSyncKindFull,
					Save:      &protocol.SaveOptions{},
				},
				CodeActionProvider: protocol.CodeActionOptions{
					CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix},
				},
			},
			ServerInfo: &protocol.ServerInfo{Name: progname},
		}, nil)

	case protocol.MethodShutdown:
		s.mu.Lock()
		s.shutdown = true
		s.stop()
		s.mu.Unlock()
		return reply(ctx, nil, nil)

	case protocol.MethodExit:
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		return s.conn.Close()

	case protocol.MethodTextDocumentDidOpen:
		var params protocol.DidOpenTextDocumentParams
		if err = json.Unmarshal(req.Params(), &params); err == nil {
			s.opened(params.TextDocument.URI, params.TextDocument.Text, true)
		}

	case protocol.MethodTextDocumentDidChange:
		var params protocol.DidChangeTextDocumentParams
		if err = json.Unmarshal(req.Params(), &params); err == nil && len(params.ContentChanges) > 0 {
			// Full synchronization: the last change is the whole text.
			s.opened(params.TextDocument.URI, params.ContentChanges[len(params.ContentChanges)-1].Text, false)
		}

	case protocol.MethodTextDocumentDidSave:
		var params protocol.DidSaveTextDocumentParams
		if err = json.Unmarshal(req.Params(), &params); err == nil {
			if name, ok := s.goFile(params.TextDocument.URI); ok {
				s.schedule(filepath.Dir(name))
			}
		}

	case protocol.MethodTextDocumentDidClose:
		var params protocol.DidCloseTextDocumentParams
		if err = json.Unmarshal(req.Params(), &params); err == nil {
			if name, ok := fileOf(params.TextDocument.URI); ok {
				s.mu.Lock()
				delete(s.docs, name)
				s.mu.Unlock()
			}
		}

	case protocol.MethodTextDocumentCodeAction:
		var params protocol.CodeActionParams
		if err = json.Unmarshal(req.Params(), &params); err == nil {
			return reply(ctx, s.codeActions(&params), nil)
		}

	default:
		// Notifications the server does not need (initialized,
		// $/cancelRequest, ...) are dropped; the replier ignores them.
		return reply(ctx, nil, fmt.Errorf("%s: %w", req.Method(), jsonrpc2.ErrMethodNotFound))
	}
	if err != nil {
		err = jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
	}
	return reply(ctx, nil, err)
}

// opened records the text of a document, and schedules the analysis of
// its package if analyze is set.
func (s *server) opened(u protocol.DocumentURI, text string, analyze bool) {
	name, ok := s.goFile(u)
	if !ok {
		return
	}
	s.mu.Lock()
	s.docs[name] = &document{uri: u, text: text}
	s.mu.Unlock()
	if analyze {
		s.schedule(filepath.Dir(name))
	}
}

// goFile returns the name of the .go file of a URI, unless it is one of
// GOROOT or of the module cache.
func (s *server) goFile(u protocol.DocumentURI) (string, bool) {
	name, ok := fileOf(u)
	if !ok || !strings.HasSuffix(name, ".go") {
		return "", false
	}
	for _, dir := range s.skip {
		if r, err := filepath.Rel(dir, name); err == nil && filepath.IsLocal(r) {
			return "", false
		}
	}
	return name, true
}

// schedule analyzes the package in dir after the debounce delay, which
// starts again with each call.
func (s *server) schedule(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	p := s.pkgs[dir]
	if p == nil {
		p = new(pkgState)
		s.pkgs[dir] = p
	}
	if p.timer == nil {
		p.timer = time.AfterFunc(debounce, func() { s.analyze(dir) })
	} else {
		p.timer.Reset(debounce)
	}
}

// stop stops the analyses that are scheduled. s.mu is held.
func (s *server) stop() {
	for _, p := range s.pkgs {
		if p.timer != nil {
			p.timer.Stop()
		}
	}
}

// analyze analyzes the package in dir, publishes the diagnostics of its
// files, and shows the errors if they changed. An analysis requested while
// one runs follows it.
func (s *server) analyze(dir string) {
	s.mu.Lock()
	p := s.pkgs[dir]
	if s.shutdown || p.running {
		p.again = !s.shutdown
		s.mu.Unlock()
		return
	}
	p.running = true
	s.mu.Unlock()

	start := time.Now()
	content := readGoFiles(dir)
	d := &driver{cfg: s.cfg, dir: dir, stdout: io.Discard, stderr: io.Discard, reported: make(map[string]bool)}
	findings, _ := d.analyze()
	errs := strings.Join(d.errs, "\n")
	reports := s.reports(d, findings, content)
	elapsed := time.Since(start)

	s.mu.Lock()
	// Publish for the files with findings, those whose findings went away,
	// and the open documents of the package.
	names := slices.Collect(maps.Keys(reports))
	names = slices.AppendSeq(names, maps.Keys(p.reports))
	for name := range s.docs {
		if filepath.Dir(name) == dir {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var publish []protocol.PublishDiagnosticsParams
	for _, name := range slices.Compact(names) {
		diags := []protocol.Diagnostic{} // [], not null
		if r := reports[name]; r != nil {
			diags = r.diags
		}
		publish = append(publish, protocol.PublishDiagnosticsParams{URI: s.uriOf(name), Diagnostics: diags})
	}
	p.content, p.reports = content, reports
	showErrs := errs != p.errs && errs != ""
	p.errs = errs
	shutdown := s.shutdown
	s.mu.Unlock()

	if !shutdown {
		for _, params := range publish {
			s.notify(protocol.MethodTextDocumentPublishDiagnostics, params)
		}
		if showErrs {
			s.notify(protocol.MethodWindowShowMessage, protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: progname + ": " + errs})
		}
		s.notify(protocol.MethodWindowLogMessage, protocol.LogMessageParams{
			Type:    protocol.MessageTypeLog,
			Message: fmt.Sprintf("%s: analyzed %s in %v, findings: %d", progname, dir, elapsed.Round(time.Millisecond), len(findings)),
		})
	}

	s.mu.Lock()
	p.running = false
	again := p.again
	p.again = false
	s.mu.Unlock()
	if again {
		s.schedule(dir)
	}
}

// notify sends a notification to the client.
func (s *server) notify(method string, params any) {
	if err := s.conn.Notify(context.Background(), method, params); err != nil {
		fmt.Fprintf(s.stderr, "%s lsp: %s: %v\n", progname, method, err)
	}
}

// reports turns the findings of an analysis of the package in d.dir into
// diagnostics, by file name. content holds the files of the package as they
// were analyzed; the positions of other files are taken from the files now.
func (s *server) reports(d *driver, findings []*finding, content map[string][]byte) map[string]*report {
	// go vet names the files under the real path of the directory.
	real, _ := filepath.EvalSymlinks(d.dir)
	local := func(name string) string {
		name = d.abs(name)
		if r, err := filepath.Rel(real, name); err == nil && real != d.dir && filepath.IsLocal(r) {
			return filepath.Join(d.dir, r)
		}
		return filepath.Clean(name)
	}
	contentOf := func(name string) []byte {
		if data, ok := content[name]; ok {
			return data
		}
		data, _ := os.ReadFile(name)
		return data
	}

	reports := make(map[string]*report)
	seen := make(map[string]bool) // a file of a package and of its test variant
	for _, f := range findings {
		key := fmt.Sprint(f.rule, f.posn, f.end, f.diag.Message)
		if seen[key] {
			continue
		}
		seen[key] = true

		name := local(f.posn.file)
		data := contentOf(name)
		end := f.end
		if end.line == 0 {
			end = f.posn
		}
		diag := protocol.Diagnostic{
			Range: protocol.Range{
				Start: offsetPosition(data, lineColOffset(data, f.posn.line, f.posn.col)),
				End:   offsetPosition(data, lineColOffset(data, end.line, end.col)),
			},
			Severity: protocol.DiagnosticSeverityWarning,
			Source:   progname,
			Code:     f.rule,
			Message:  f.diag.Message,
		}
		if url := s.urls[f.rule]; url != "" {
			diag.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(url)}
		}
		var fixes []jsonSuggestedFix
		for _, fix := range f.diag.SuggestedFixes {
			fix.Edits = slices.Clone(fix.Edits)
			for i := range fix.Edits {
				fix.Edits[i].Filename = local(fix.Edits[i].Filename)
				if _, ok := content[fix.Edits[i].Filename]; !ok {
					content[fix.Edits[i].Filename] = contentOf(fix.Edits[i].Filename)
				}
			}
			fixes = append(fixes, fix)
		}

		r := reports[name]
		if r == nil {
			r = new(report)
			reports[name] = r
		}
		r.diags = append(r.diags, diag)
		r.fixes = append(r.fixes, fixes)
	}
	return reports
}

// codeActions returns a quick fix for each suggested fix of the diagnostics
// in the range, the first one preferred. It offers none for a file edited
// since the analysis: the fixes' offsets refer to the file analyzed.
func (s *server) codeActions(params *protocol.CodeActionParams) []protocol.CodeAction {
	actions := []protocol.CodeAction{} // [], not null
	if only := params.Context.Only; len(only) > 0 && !slices.Contains(only, protocol.QuickFix) {
		return actions
	}
	name, ok := fileOf(params.TextDocument.URI)
	if !ok {
		return actions
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.pkgs[filepath.Dir(name)]
	if p == nil || p.reports[name] == nil {
		return actions
	}
	r := p.reports[name]
	for i, diag := range r.diags {
		if !overlaps(diag.Range, params.Range) {
			continue
		}
		for _, fix := range r.fixes[i] {
			if edit := s.workspaceEdit(p, fix); edit != nil {
				actions = append(actions, protocol.CodeAction{
					Title:       fix.Message,
					Kind:        protocol.QuickFix,
					Diagnostics: []protocol.Diagnostic{diag},
					Edit:        edit,
					IsPreferred: len(actions) == 0,
				})
			}
		}
	}
	return actions
}

// workspaceEdit converts the byte offsets of a fix into the positions of
// the files analyzed. It returns nil if a file has changed in the editor
// since. s.mu is held.
func (s *server) workspaceEdit(p *pkgState, fix jsonSuggestedFix) *protocol.WorkspaceEdit {
	changes := make(map[protocol.DocumentURI][]protocol.TextEdit)
	for _, e := range fix.Edits {
		data, ok := p.content[e.Filename]
		if !ok || e.Start < 0 || e.Start > e.End || e.End > len(data) {
			return nil
		}
		if doc := s.docs[e.Filename]; doc != nil && !sameText(doc.text, data) {
			return nil
		}
		u := s.uriOf(e.Filename)
		changes[u] = append(changes[u], protocol.TextEdit{
			Range:   protocol.Range{Start: offsetPosition(data, e.Start), End: offsetPosition(data, e.End)},
			NewText: e.New,
		})
	}
	if len(changes) == 0 {
		return nil
	}
	return &protocol.WorkspaceEdit{Changes: changes}
}

// uriOf returns the URI of a file: the client's if it is open. s.mu is held.
func (s *server) uriOf(name string) protocol.DocumentURI {
	if doc := s.docs[name]; doc != nil {
		return doc.uri
	}
	return uri.File(name)
}

// fileOf returns the file name of a file: URI.
func fileOf(u protocol.DocumentURI) (string, bool) {
	parsed, err := url.Parse(string(u))
	if err != nil || parsed.Scheme != uri.FileScheme || parsed.Path == "" {
		return "", false
	}
	name := parsed.Path
	if runtime.GOOS == "windows" {
		name = strings.TrimPrefix(name, "/") // /C:/dir
	}
	return filepath.Clean(filepath.FromSlash(name)), true
}

// readGoFiles returns the content of the .go files in dir, by name.
func readGoFiles(dir string) map[string][]byte {
	content := make(map[string][]byte)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := filepath.Join(dir, e.Name()); strings.HasSuffix(name, ".go") && e.Type().IsRegular() {
			if data, err := os.ReadFile(name); err == nil {
				content[name] = data
			}
		}
	}
	return content
}

// sameText reports whether the editor's text is the file's content, up to
// line endings.
func sameText(text string, content []byte) bool {
	return text == string(content) ||
		strings.ReplaceAll(text, "\r\n", "\n") == strings.ReplaceAll(string(content), "\r\n", "\n")
}

// lineColOffset returns the byte offset of a go vet position in content:
// a 1-based line and a 1-based column in bytes, kept within the line.
func lineColOffset(content []byte, line, col int) int {
	start := 0
	for ; line > 1; line-- {
		i := bytes.IndexByte(content[start:], '\n')
		if i < 0 {
			return len(content)
		}
		start += i + 1
	}
	end := len(content)
	if i := bytes.IndexByte(content[start:], '\n'); i >= 0 {
		end = start + i
	}
	return min(start+max(col-1, 0), end)
}

// offsetPosition returns the LSP position of a byte offset in content:
// a 0-based line and a 0-based column in UTF-16 code units.
func offsetPosition(content []byte, offset int) protocol.Position {
	offset = min(max(offset, 0), len(content))
	before := content[:offset]
	line := bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	char := 0
	for _, r := range string(before[lineStart:]) {
		char += utf16.RuneLen(r)
	}
	return protocol.Position{Line: uint32(line), Character: uint32(char)}
}

// overlaps reports whether two ranges share a position; their ends count.
func overlaps(a, b protocol.Range) bool {
	return comparePosition(a.End, b.Start) >= 0 && comparePosition(b.End, a.Start) >= 0
}

func comparePosition(a, b protocol.Position) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Character, b.Character))
}
