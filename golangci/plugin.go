package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/internal/config"
)

// Name is the name of the linter in golangci-lint's configuration and in
// //nolint directives.
const Name = "lambdalint"

// where names the settings in error messages.
const where = "linters.settings.custom." + Name + ".settings"

func init() {
	register.Plugin(Name, New)
}

// New returns the plugin configured by settings, the value of
// linters.settings.custom.lambdalint.settings in .golangci.yml (nil when it
// is absent). It sets the rules' options, so it is called once per process,
// as golangci-lint does.
func New(settings any) (register.LinterPlugin, error) {
	var m map[string]any
	switch s := settings.(type) {
	case nil:
	case map[string]any:
		m = s
	default:
		return nil, fmt.Errorf("%s: want a mapping of settings, not %T", where, settings)
	}
	all := analyzers.All()
	opts, err := config.Decode(m, where, all)
	if err != nil {
		return nil, err
	}
	enabled, err := opts.Apply(all)
	if err != nil {
		return nil, err
	}
	return &plugin{analyzers: enabled}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the enabled rules.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode reports that the rules need type information.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
