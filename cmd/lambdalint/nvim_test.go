package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lambdalint/lambdalint/analyzers/filesystem"
)

// nvimScript is the Lua script that Neovim (0.7 and later, headless) runs:
// it opens the file, attaches lambdalint lsp to it with the built-in LSP
// client, waits for the diagnostics, asks for the code actions at the first
// one as vim.lsp.buf.code_action does, applies the first, writes the file,
// waits until the diagnostics are gone, writes what it saw to the report
// file and quits; on an error it quits with status 1.
const nvimScript = `
local wait = 300000 -- ms; a bound, so that a failure does not hang the test

local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, code = d.code, message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or '',
    })
  end
  return out
end

local function main()
  local report = {}
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('LAMBDALINT_NVIM_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'lambdalint',
    cmd = { os.getenv('LAMBDALINT_NVIM_BIN'), 'lsp' },
    root_dir = vim.fn.expand('%:p:h'),
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  assert(vim.wait(wait, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'no diagnostics')
  report.diagnostics = diagnostics(bufnr)

  local first = vim.diagnostic.get(bufnr)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, wait)
  assert(responses and responses[client_id], 'no answer to textDocument/codeAction')
  assert(not responses[client_id].error, vim.inspect(responses[client_id].error))
  local actions = responses[client_id].result or {}
  report.actions = {}
  for _, a in ipairs(actions) do
    table.insert(report.actions, { title = a.title, kind = a.kind, isPreferred = a.isPreferred or false })
  end
  assert(#actions > 0 and actions[1].edit, 'no code action with an edit')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  local saved = vim.loop.hrtime()
  vim.cmd('write')

  assert(vim.wait(wait, function() return #vim.diagnostic.get(bufnr) == 0 end, 10), 'the diagnostics stay after the fix')
  report.after = diagnostics(bufnr)
  report.save_ms = math.floor((vim.loop.hrtime() - saved) / 1e6)

  local f = assert(io.open(os.getenv('LAMBDALINT_NVIM_REPORT'), 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
end

local ok, err = pcall(main)
if not ok then
  io.stderr:write('lambdalint nvim test: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
`

// TestNeovim runs the real editor: headless Neovim opens a copy of an
// example handler, attaches lambdalint lsp with its built-in LSP client,
// waits for the diagnostics, applies the quick fix and writes the file; the
// test checks the file on disk and logs what Neovim saw. It is skipped when
// nvim is not on PATH, unless LAMBDALINT_REQUIRE_NVIM=1 (as in CI).
func TestNeovim(t *testing.T) {
	nvim := lookTool(t, "nvim", "LAMBDALINT_REQUIRE_NVIM")
	if testing.Short() {
		t.Skip("loads the AWS SDKs")
	}
	if out, err := exec.Command(nvim, "--version").Output(); err == nil {
		version, _, _ := strings.Cut(string(out), "\n")
		t.Log(version)
	}

	dir := copyExamples(t)
	file := filepath.Join(dir, "cmd", "exporter", "main.go")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	script := filepath.Join(tmp, "lambdalint.lua")
	if err := os.WriteFile(script, []byte(nvimScript), 0o666); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(tmp, "report.json")

	// Neovim's state and logs (lsp.log) stay in the test's directory, but go
	// vet's cache does not move with XDG_CACHE_HOME.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute) // a bound, as in the script
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE",
		"-c", "lua dofile(os.getenv('LAMBDALINT_NVIM_SCRIPT'))")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOWORK=off",
		"LAMBDALINT_NVIM_SCRIPT="+script,
		"LAMBDALINT_NVIM_FILE="+file,
		"LAMBDALINT_NVIM_BIN="+lambdalintBin,
		"LAMBDALINT_NVIM_REPORT="+report,
		"GOCACHE="+strings.TrimSpace(string(gocache)),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"),
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}

	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("Neovim wrote no report: %v\n%s", err, out)
	}
	var seen struct {
		Diagnostics []struct {
			Lnum, Col, Severity int
			Source, Code        string
			Message, Href       string
		}
		Actions []struct {
			Title, Kind string
			IsPreferred bool
		}
		After  []json.RawMessage
		SaveMS int `json:"save_ms"`
	}
	if err := json.Unmarshal(data, &seen); err != nil {
		t.Fatalf("report %s: %v", data, err)
	}
	for _, d := range seen.Diagnostics {
		t.Logf("Neovim's diagnostic: %d:%d severity %d %s %s (%s): %s", d.Lnum+1, d.Col+1, d.Severity, d.Source, d.Code, d.Href, d.Message)
	}
	for _, a := range seen.Actions {
		t.Logf("Neovim's code action: %q kind %s preferred %t", a.Title, a.Kind, a.IsPreferred)
	}
	t.Logf("Neovim's diagnostics after the fix and :write: %d, %d ms after :write", len(seen.After), seen.SaveMS)

	const warn = 2 // vim.diagnostic.severity.WARN
	if len(seen.Diagnostics) != 1 {
		t.Fatalf("Neovim saw %d diagnostics, want the one of rule filesystem", len(seen.Diagnostics))
	}
	if d := seen.Diagnostics[0]; d.Code != "filesystem" || d.Source != "lambdalint" || d.Severity != warn || d.Href != filesystem.Analyzer.URL {
		t.Errorf("Neovim's diagnostic: %+v, want code filesystem, source lambdalint, severity WARN and href %s", d, filesystem.Analyzer.URL)
	}
	if len(seen.Actions) != 1 || seen.Actions[0].Kind != "quickfix" || !seen.Actions[0].IsPreferred {
		t.Errorf("Neovim's code actions: %+v, want one preferred quickfix", seen.Actions)
	}

	// The file on disk is the example with one line more: the fix.
	after, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(after), "\n")
	i := slices.Index(lines, "\t"+exporterFix)
	if i < 0 {
		t.Fatalf("the file Neovim wrote has no line %q:\n%s", exporterFix, after)
	}
	if got := strings.Join(slices.Delete(lines, i, i+1), "\n"); got != string(before) {
		t.Errorf("the file Neovim wrote differs from the example by more than the fix:\n%s", unifiedDiff(file, before, after))
	}
}

// lookTool returns the path of the tool called name, a program that a test
// drives but that Go does not provide. The test is skipped when the tool is
// not on PATH, unless the environment variable require is 1, as in CI
// (.ci/run installs the tools).
func lookTool(t *testing.T, name, require string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv(require) == "1" {
			t.Fatalf("%s=1, but: %v", require, err)
		}
		t.Skipf("%s is not on PATH", name)
	}
	return path
}
