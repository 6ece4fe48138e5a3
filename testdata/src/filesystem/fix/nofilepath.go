package fix

import (
	"io/ioutil"
	"os"
)

// noFilepath is in a file that does not import path/filepath.
func noFilepath(e Event) error {
	_ = os.WriteFile("data/out.json", e.Data, 0o644) // want `os.WriteFile to "data/out.json" fails`
	return nil
}

// shadowed cannot name the os package.
func shadowed(e Event) error {
	os := struct{}{}
	_ = os
	_ = ioutil.WriteFile("shadow.json", e.Data, 0o644) // want `ioutil.WriteFile to "shadow.json" fails`
	return nil
}
