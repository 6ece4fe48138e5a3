// Package lib is a library whose exported functions write files.
package lib

import (
	"os"
	"path/filepath"
)

// Save writes a file named after the item under /tmp and keeps it.
func Save(id string, data []byte) error { // want Save:"summary\\(os.WriteFile\\)"
	return os.WriteFile(filepath.Join("/tmp", id), data, 0o644)
}

// Export writes next to the binary, through an unexported helper.
func Export() error { // want Export:"summary\\(lib.export → os.WriteFile\\)"
	return export()
}

func export() error {
	return os.WriteFile("/var/task/export.json", nil, 0o644)
}

// Scratch returns its temporary file to the caller, who removes it: silent.
func Scratch() (*os.File, error) {
	return os.CreateTemp("", "scratch-*")
}

// Process removes what it creates: silent.
func Process(data []byte) error {
	f, err := os.CreateTemp("", "process-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	return err
}
