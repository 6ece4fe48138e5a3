package discovery

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// ConfigFile is the name of lambdalint's configuration file. The nearest
// one in a package's directory or a parent directory, up to the root of its
// module, applies to the package; it holds a table of settings per rule:
//
//	[globalstate]
//	concurrent = true
//
// Rules read it themselves, so a setting works the same under the CLI,
// go vet -vettool, golangci-lint and an editor. A rule's flag, when given,
// overrides the file.
const ConfigFile = "lambdalint.toml"

// Config is a parsed configuration file.
type Config struct {
	Path  string                    // the file
	rules map[string]map[string]any // rule → setting → value
}

type loadedConfig struct {
	cfg *Config
	err error
}

// parsed caches the parsed configuration files, by path, size and time of
// modification: packages are analysed in parallel and many share a file,
// and a long-running editor session sees the file change.
var parsed sync.Map // configKey → loadedConfig

type configKey struct {
	path  string
	size  int64
	mtime int64
}

// Config returns the configuration file that applies to the package being
// analysed, or nil when there is none. A file that cannot be parsed is an
// error naming it.
func (r *Result) Config() (*Config, error) {
	if len(r.pass.Files) == 0 {
		return nil, nil
	}
	name := r.pass.Fset.File(r.pass.Files[0].Pos()).Name()
	l := configFor(filepath.Dir(name))
	return l.cfg, l.err
}

// configFor finds and parses the configuration file for the package in
// dir: the nearest in dir or a parent, up to the directory holding go.mod.
func configFor(dir string) loadedConfig {
	for {
		path := filepath.Join(dir, ConfigFile)
		fi, err := os.Stat(path)
		switch {
		case err == nil:
			key := configKey{path, fi.Size(), fi.ModTime().UnixNano()}
			if l, ok := parsed.Load(key); ok {
				return l.(loadedConfig)
			}
			var l loadedConfig
			l.cfg, l.err = parseConfig(path)
			parsed.Store(key, l)
			return l
		case !errors.Is(err, fs.ErrNotExist):
			return loadedConfig{err: err}
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return loadedConfig{}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return loadedConfig{}
		}
		dir = parent
	}
}

func parseConfig(path string) (*Config, error) {
	var raw map[string]any
	if _, err := toml.DecodeFile(path, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	c := &Config{Path: path, rules: make(map[string]map[string]any)}
	for rule, v := range raw {
		table, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not a table: settings go in a table named after their rule, e.g. [globalstate]", path, rule)
		}
		c.rules[rule] = table
	}
	return c, nil
}

// Bool returns the boolean setting key of rule and whether the file sets
// it. It is an error for the rule's table to hold a setting that is not
// among known, or for key not to be a boolean: a misspelt setting must not
// go unnoticed.
func (c *Config) Bool(rule, key string, known ...string) (value, ok bool, err error) {
	if c == nil {
		return false, false, nil
	}
	table := c.rules[rule]
	var unknown []string
	for k := range table {
		if k != key && !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return false, false, fmt.Errorf("%s: unknown setting %s in [%s]", c.Path, strings.Join(unknown, ", "), rule)
	}
	v, ok := table[key]
	if !ok {
		return false, false, nil
	}
	b, isBool := v.(bool)
	if !isBool {
		return false, false, fmt.Errorf("%s: [%s] %s must be true or false, not %v", c.Path, rule, key, v)
	}
	return b, true, nil
}

// ConfigFingerprint returns a digest of the configuration files of the
// module or workspace that contains dir: their paths and contents. Build
// systems that cache analysis results by the analyzed code alone, such as
// go vet, must fold it into their cache key, or a changed setting would
// not change cached results.
func ConfigFingerprint(dir string) (string, error) {
	root := dir
	for {
		if fileExists(filepath.Join(root, "go.work")) || fileExists(filepath.Join(root, "go.mod")) {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			root = dir // not in a module: the directory alone
			break
		}
		root = parent
	}
	h := sha256.New()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: it holds no package go vet analyzes either
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() != ConfigFile {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", path, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
