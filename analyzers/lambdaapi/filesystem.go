package lambdaapi

// FSOp says what a filesystem call does at its path argument.
type FSOp int

const (
	// FSWrite creates or overwrites the file at the path (os.Create,
	// os.WriteFile).
	FSWrite FSOp = iota
	// FSOpen opens the file at the path; it writes only when its flag
	// argument has a write bit (os.OpenFile), and creates the file with
	// os.O_CREATE.
	FSOpen
	// FSMkdir creates a directory at the path (os.Mkdir, os.MkdirAll).
	FSMkdir
	// FSLink makes a new name at the path for something that exists
	// (os.Rename's destination, os.Symlink, os.Link).
	FSLink
	// FSTempFile creates a uniquely named file in the directory argument,
	// os.TempDir() when it is "" (os.CreateTemp).
	FSTempFile
	// FSTempDir creates a uniquely named directory in the directory
	// argument, os.TempDir() when it is "" (os.MkdirTemp).
	FSTempDir
)

// FSCall describes a call that writes to the filesystem.
type FSCall struct {
	Op FSOp
	// Path is the index of the path argument: the file, the directory, the
	// new name, or the parent directory of a temporary file.
	Path int
	// Flag is the index of the open flag argument of FSOpen calls.
	Flag int
	// Short is the name written in diagnostics, e.g. "os.WriteFile".
	Short string
}

// FSCalls lists the calls that create or write files and directories, by
// full function name.
var FSCalls = map[string]FSCall{
	"os.Create":           {FSWrite, 0, -1, "os.Create"},
	"os.WriteFile":        {FSWrite, 0, -1, "os.WriteFile"},
	"io/ioutil.WriteFile": {FSWrite, 0, -1, "ioutil.WriteFile"},
	"os.OpenFile":         {FSOpen, 0, 1, "os.OpenFile"},
	"os.Mkdir":            {FSMkdir, 0, -1, "os.Mkdir"},
	"os.MkdirAll":         {FSMkdir, 0, -1, "os.MkdirAll"},
	"os.Rename":           {FSLink, 1, -1, "os.Rename"},
	"os.Symlink":          {FSLink, 1, -1, "os.Symlink"},
	"os.Link":             {FSLink, 1, -1, "os.Link"},
	"os.CreateTemp":       {FSTempFile, 0, -1, "os.CreateTemp"},
	"io/ioutil.TempFile":  {FSTempFile, 0, -1, "ioutil.TempFile"},
	"os.MkdirTemp":        {FSTempDir, 0, -1, "os.MkdirTemp"},
	"io/ioutil.TempDir":   {FSTempDir, 0, -1, "ioutil.TempDir"},
}

// FSWriteFlags are the names, in package os, of the open flags that make
// os.OpenFile write.
var FSWriteFlags = []string{"O_WRONLY", "O_RDWR", "O_CREATE", "O_APPEND", "O_TRUNC"}

// FSCreateFlag and FSAppendFlag are the open flags, in package os, that
// create the file and append to it.
const (
	FSCreateFlag = "O_CREATE"
	FSAppendFlag = "O_APPEND"
)

// FSRelease lists the calls that free the space of the path in their first
// argument: they remove it, move it away or empty it. The value is set
// when the call also frees everything under the path (os.RemoveAll).
var FSRelease = map[string]bool{
	"os.Remove":    false,
	"os.RemoveAll": true,
	"os.Rename":    false,
	"os.Truncate":  false,
}

// FSPathJoin lists the functions that join path elements.
var FSPathJoin = map[string]bool{
	"path/filepath.Join": true,
	"path.Join":          true,
}

// FSPathFormat lists the functions that format a string from a format
// argument (index 0) and values.
var FSPathFormat = map[string]bool{
	"fmt.Sprintf": true,
}

// FSTempDirFunc returns the temporary directory, /tmp on Lambda.
const FSTempDirFunc = "os.TempDir"

// FSProcessValues lists the calls whose result is the same for every
// invocation of an execution environment: a path built from them names the
// same file each time.
var FSProcessValues = map[string]bool{
	"os.Getenv":  true,
	"os.Getpid":  true,
	"os.Getuid":  true,
	"os.TempDir": true,
}

// FSNonOwningPkgs are standard library packages whose functions use a file
// or a path handed to them (read, write, copy, format, run a command on it)
// without removing it, apart from FSRelease. Handing a temporary file to
// any other function may hand over its removal.
var FSNonOwningPkgs = map[string]bool{
	"archive/tar":   true,
	"archive/zip":   true,
	"bufio":         true,
	"compress/gzip": true,
	"encoding/csv":  true,
	"encoding/gob":  true,
	"encoding/json": true,
	"encoding/xml":  true,
	"fmt":           true,
	"io":            true,
	"io/fs":         true,
	"io/ioutil":     true,
	"log":           true,
	"log/slog":      true,
	"os":            true,
	"os/exec":       true,
	"path":          true,
	"path/filepath": true,
	"strings":       true,
}

// FSChdir changes the working directory: once a package calls it, relative
// paths need not be under /var/task.
const FSChdir = "os.Chdir"

// FSCacheProbe lists the calls that look a path up. A handler that checks
// whether a file exists before creating it keeps it on purpose, as a cache
// across warm invocations.
var FSCacheProbe = map[string]bool{
	"os.Stat":  true,
	"os.Lstat": true,
}
