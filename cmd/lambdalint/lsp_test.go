package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/lambdalint/lambdalint/analyzers/filesystem"
)

// lspWait bounds each wait for the server, so that a test that goes wrong
// fails instead of hanging; it is not a measure of anything.
const lspWait = 5 * time.Minute

// exporterFix is what the quick fix of the example exporter adds.
const exporterFix = "defer os.Remove(f.Name())"

// TestLSP drives lambdalint lsp over stdio, as an editor does: it opens a
// copy of an example handler that has a finding with a suggested fix,
// receives the finding as a diagnostic with the rule's name and link, asks
// for the quick fix, applies it to the file, saves it, and sees the finding
// go; then the module's lambdalint.toml, which disables a rule, and a bad
// one, which the server reports with window/showMessage like a package that
// does not type-check; then shutdown and exit. It logs the time from
// each save to the diagnostics (go vet's cache is warm after the first
// analysis).
func TestLSP(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS SDKs")
	}
	dir := copyExamples(t)
	file := filepath.Join(dir, "cmd", "exporter", "main.go")
	content, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fileURI := uri.File(file)

	c := startLSP(t, dir)
	var init protocol.InitializeResult
	c.call(protocol.MethodInitialize, protocol.InitializeParams{
		WorkspaceFolders: []protocol.WorkspaceFolder{{URI: string(uri.File(dir)), Name: "examples"}},
	}, &init)
	if init.Capabilities.CodeActionProvider == nil || init.Capabilities.TextDocumentSync == nil {
		t.Errorf("initialize: capabilities %+v offer no code actions or no synchronization", init.Capabilities)
	}
	c.notify(protocol.MethodInitialized, protocol.InitializedParams{})

	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: fileURI, LanguageID: protocol.GoLanguage, Version: 1, Text: string(content)},
	})
	diags := c.diagnostics(fileURI)
	t.Logf("diagnostics after didOpen: %s", jsonString(diags))
	if len(diags) != 1 {
		t.Fatalf("didOpen: got %d diagnostics, want the one of rule filesystem:\n%s", len(diags), jsonString(diags))
	}
	diag := diags[0]
	call := `os.CreateTemp("", "report-*.csv.gz")`
	start := bytes.Index(content, []byte(call))
	if start < 0 {
		t.Fatalf("%s does not call %s", file, call)
	}
	want := protocol.Diagnostic{
		Range:           protocol.Range{Start: offsetPosition(content, start), End: offsetPosition(content, start+len(call))},
		Severity:        protocol.DiagnosticSeverityWarning,
		Code:            "filesystem",
		CodeDescription: &protocol.CodeDescription{Href: protocol.URI(filesystem.Analyzer.URL)},
		Source:          "lambdalint",
	}
	got := diag
	got.Message = ""
	if jsonString(got) != jsonString(want) {
		t.Errorf("diagnostic:\n%s\nwant (message aside):\n%s", jsonString(got), jsonString(want))
	}
	if !strings.Contains(diag.Message, "defer os.Remove(f.Name())") {
		t.Errorf("diagnostic message %q does not say what to do", diag.Message)
	}

	codeAction := func() []protocol.CodeAction {
		var actions []protocol.CodeAction
		c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: fileURI},
			Range:        protocol.Range{Start: diag.Range.Start, End: diag.Range.Start}, // the cursor
			Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{diag}},
		}, &actions)
		return actions
	}

	// No fix for a buffer edited since the analysis: the offsets are stale.
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: fileURI}, Version: 2},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: "// edited\n" + string(content)}},
	})
	if actions := codeAction(); len(actions) != 0 {
		t.Errorf("codeAction on an edited buffer: got %s, want none", jsonString(actions))
	}
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: fileURI}, Version: 3},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: string(content)}},
	})

	actions := codeAction()
	t.Logf("code actions: %s", jsonString(actions))
	if len(actions) != 1 {
		t.Fatalf("codeAction: got %d actions, want 1", len(actions))
	}
	action := actions[0]
	if action.Kind != protocol.QuickFix || !action.IsPreferred || action.Edit == nil || len(action.Edit.Changes[fileURI]) == 0 {
		t.Fatalf("codeAction: got %s, want a preferred quick fix that edits %s", jsonString(action), fileURI)
	}
	fixed := applyEdits(t, content, action.Edit.Changes[fileURI])
	if !bytes.Contains(fixed, []byte(exporterFix)) {
		t.Fatalf("the fixed file does not %s:\n%s", exporterFix, fixed)
	}
	if err := os.WriteFile(file, fixed, 0o666); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: fileURI}, Version: 4},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: string(fixed)}},
	})

	// Each save is analyzed; the finding is gone. The first save after the
	// fix analyzes a changed package, the others an unchanged one.
	for i := range 4 {
		begin := time.Now()
		c.notify(protocol.MethodTextDocumentDidSave, protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: fileURI}})
		diags := c.diagnostics(fileURI)
		t.Logf("save %d: diagnostics %v after didSave", i+1, time.Since(begin).Round(time.Millisecond))
		if len(diags) != 0 {
			t.Errorf("save %d: the fixed file still has diagnostics:\n%s", i+1, jsonString(diags))
		}
	}

	// The module's lambdalint.toml applies: with filesystem disabled there,
	// the unfixed file has no finding. A bad file is shown with its line.
	config := filepath.Join(dir, "lambdalint.toml")
	for i, cfg := range []string{"disable = [\"filesystem\"]\n", "disable = [\"filesytem\"]\n"} {
		if err := os.WriteFile(config, []byte(cfg), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, content, 0o666); err != nil {
			t.Fatal(err)
		}
		c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: fileURI}, Version: int32(5 + i)},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: string(content)}},
		})
		c.notify(protocol.MethodTextDocumentDidSave, protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: fileURI}})
		if i == 0 {
			if diags := c.diagnostics(fileURI); len(diags) != 0 {
				t.Errorf("%s: diagnostics %s, want none", cfg, jsonString(diags))
			}
			continue
		}
		msg := c.message()
		if want := `lambdalint.toml:1: unknown rule "filesytem" in disable`; msg.Type != protocol.MessageTypeError || !strings.Contains(msg.Message, want) {
			t.Errorf("%s: window/showMessage %s, want an error with %q", cfg, jsonString(msg), want)
		}
	}
	if err := os.Remove(config); err != nil {
		t.Fatal(err)
	}

	// A package that does not type-check is reported, not analyzed.
	broken := copyModule(t, "broken")
	brokenURI := uri.File(filepath.Join(broken, "broken.go"))
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: brokenURI, LanguageID: protocol.GoLanguage, Version: 1, Text: "package broken\n"},
	})
	if diags := c.diagnostics(brokenURI); len(diags) != 0 {
		t.Errorf("broken package: got diagnostics %s, want none", jsonString(diags))
	}
	msg := c.message()
	t.Logf("showMessage for the broken package: %s", jsonString(msg))
	if msg.Type != protocol.MessageTypeError || !strings.Contains(msg.Message, "undefined: x") {
		t.Errorf("broken package: window/showMessage %s, want the type error", jsonString(msg))
	}

	c.call(protocol.MethodShutdown, nil, nil)
	c.notify(protocol.MethodExit, nil)
	if err := c.cmd.Wait(); err != nil {
		t.Errorf("lambdalint lsp after shutdown and exit: %v\nstderr:\n%s", err, c.stderr.String())
	}
	if c.stderr.Len() > 0 {
		t.Errorf("lambdalint lsp wrote to stderr:\n%s", c.stderr.String())
	}
}

// copyExamples copies the example module to a temporary directory.
func copyExamples(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "examples")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An lspClient is the client side of a lambdalint lsp process.
type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	conn   jsonrpc2.Conn
	stderr bytes.Buffer

	diags    chan *protocol.PublishDiagnosticsParams
	messages chan *protocol.ShowMessageParams
}

// startLSP starts lambdalint lsp in dir.
func startLSP(t *testing.T, dir string) *lspClient {
	t.Helper()
	c := &lspClient{
		t:        t,
		cmd:      exec.Command(lambdalintBin, "lsp"),
		diags:    make(chan *protocol.PublishDiagnosticsParams, 100),
		messages: make(chan *protocol.ShowMessageParams, 100),
	}
	c.cmd.Dir = dir
	c.cmd.Env = append(os.Environ(), "GOWORK=off")
	c.cmd.Stderr = &c.stderr
	in, err := c.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			c.cmd.Process.Kill()
			c.cmd.Wait()
		}
	})
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(stdio{out, in}))
	c.conn.Go(context.Background(), c.handle)
	return c
}

// handle receives the server's notifications.
func (c *lspClient) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	switch req.Method() {
	case protocol.MethodTextDocumentPublishDiagnostics:
		params := new(protocol.PublishDiagnosticsParams)
		if err := json.Unmarshal(req.Params(), params); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.diags <- params
	case protocol.MethodWindowShowMessage:
		params := new(protocol.ShowMessageParams)
		if err := json.Unmarshal(req.Params(), params); err != nil {
			c.t.Errorf("showMessage: %v", err)
		}
		c.messages <- params
	case protocol.MethodWindowLogMessage:
		var params protocol.LogMessageParams
		json.Unmarshal(req.Params(), &params)
		c.t.Logf("logMessage: %s", params.Message)
	default:
		return reply(ctx, nil, jsonrpc2.ErrMethodNotFound)
	}
	return reply(ctx, nil, nil)
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), lspWait)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v\nstderr:\n%s", method, err, c.stderr.String())
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v\nstderr:\n%s", method, err, c.stderr.String())
	}
}

// diagnostics returns the next diagnostics published for the file.
func (c *lspClient) diagnostics(u protocol.DocumentURI) []protocol.Diagnostic {
	c.t.Helper()
	timeout := time.After(lspWait)
	for {
		select {
		case params := <-c.diags:
			if params.URI == u {
				return params.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s\nstderr:\n%s", u, c.stderr.String())
		case <-c.conn.Done():
			c.t.Fatalf("the server closed the connection: %v\nstderr:\n%s", c.conn.Err(), c.stderr.String())
		}
	}
}

// message returns the next message shown.
func (c *lspClient) message() *protocol.ShowMessageParams {
	c.t.Helper()
	select {
	case msg := <-c.messages:
		return msg
	case <-time.After(lspWait):
		c.t.Fatalf("no window/showMessage\nstderr:\n%s", c.stderr.String())
	}
	return nil
}

// applyEdits applies LSP text edits, in UTF-16 positions, to content.
func applyEdits(t *testing.T, content []byte, edits []protocol.TextEdit) []byte {
	t.Helper()
	offset := func(p protocol.Position) int {
		for off := 0; off <= len(content); off++ {
			if offsetPosition(content, off) == p {
				return off
			}
		}
		t.Fatalf("position %+v is not in the file", p)
		return 0
	}
	// Apply from the end, so that offsets stay valid.
	out := content
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		start, end := offset(e.Range.Start), offset(e.Range.End)
		out = append(append(out[:start:start], e.NewText...), out[end:]...)
	}
	return out
}

func jsonString(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(data)
}

// TestPositions converts go vet's positions (1-based lines, 1-based byte
// columns) and byte offsets into LSP positions (0-based lines, UTF-16
// columns).
func TestPositions(t *testing.T) {
	// "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units.
	content := []byte("package p\n\nvar s = \"é😀\" + x\r\n// end")
	for _, test := range []struct {
		line, col int
		want      protocol.Position
	}{
		{1, 1, protocol.Position{Line: 0, Character: 0}},
		{1, 9, protocol.Position{Line: 0, Character: 8}},
		{3, 5, protocol.Position{Line: 2, Character: 4}},
		{3, 10, protocol.Position{Line: 2, Character: 9}},  // é
		{3, 12, protocol.Position{Line: 2, Character: 10}}, // 😀
		{3, 20, protocol.Position{Line: 2, Character: 16}}, // x
		{3, 99, protocol.Position{Line: 2, Character: 18}}, // past the end of the line: its end, after the \r
		{4, 7, protocol.Position{Line: 3, Character: 6}},   // end of file
		{9, 1, protocol.Position{Line: 3, Character: 6}},   // past the end of the file
		{0, 0, protocol.Position{Line: 0, Character: 0}},   // no position
	} {
		if got := offsetPosition(content, lineColOffset(content, test.line, test.col)); got != test.want {
			t.Errorf("%d:%d: got %+v, want %+v", test.line, test.col, got, test.want)
		}
	}
}

// TestLSPUsage checks the command line of lambdalint lsp.
func TestLSPUsage(t *testing.T) {
	res := runLambdalint(t, ".", "lsp", "./...", "pkg")
	if res.code != exitError || !strings.Contains(res.stderr, "takes no packages") {
		t.Errorf("lsp with packages: exit status %d, stderr:\n%s", res.code, res.stderr)
	}
	res = runLambdalint(t, ".", "lsp", "-h")
	if res.code != exitClean || res.stdout != "" || !strings.Contains(res.stderr, "usage:") {
		t.Errorf("lsp -h: exit status %d, stdout %q (must stay empty: it is the protocol's), stderr:\n%s", res.code, res.stdout, res.stderr)
	}
	// Without shutdown, the end of the input ends the server with status 1.
	cmd := exec.Command(lambdalintBin, "lsp")
	cmd.Stdin = strings.NewReader("")
	var exit *exec.ExitError
	if err := cmd.Run(); !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("lsp with no input: %v, want exit status 1", err)
	}
}
