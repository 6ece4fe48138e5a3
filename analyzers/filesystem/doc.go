// Package filesystem defines an Analyzer that reports Lambda handlers that
// write outside /tmp or leave files in /tmp that fill it up.
//
// # Analyzer filesystem
//
// filesystem: report writes outside /tmp and temporary files a handler never removes
//
// On Lambda the filesystem is read-only except /tmp. The working directory
// is /var/task, so a relative path is read-only too. /tmp is 512 MB by
// default and survives warm invocations: what a handler leaves there adds
// up, invocation after invocation, until writes fail with "no space left on
// device".
//
// In code reachable from a handler, the analyzer reports:
//
//   - os.Create, os.WriteFile, ioutil.WriteFile, os.OpenFile with a
//     constant write flag, os.Mkdir, os.MkdirAll, the destination of
//     os.Rename, os.Symlink and os.Link, and the directory of os.CreateTemp
//     and os.MkdirTemp, when the path is a constant (or a filepath.Join of
//     constants, or starts with one) that is relative or absolute outside
//     /tmp, /dev, /proc and /mnt (EFS mounts);
//   - os.CreateTemp, os.MkdirTemp, ioutil.TempFile and ioutil.TempDir whose
//     file or directory the function never removes (os.Remove or
//     os.RemoveAll of the name, the directory, or a directory above it,
//     deferred or not) and does not hand on;
//   - files and directories created under /tmp with a name that changes
//     from one invocation to the next ("/tmp/" + id, filepath.Join(
//     os.TempDir(), key), fmt.Sprintf("/tmp/%s.json", id)) and never
//     removed;
//   - os.OpenFile with os.O_APPEND of a fixed name under /tmp: the file
//     grows on every invocation.
//
// A file with a fixed name under /tmp (os.Create("/tmp/out.json")) is
// overwritten by each invocation and left alone, and so is a name built only
// from constants, package variables, the method receiver's fields,
// os.Getenv and loop indexes. So are reads (os.Open, os.ReadFile, os.OpenFile
// with os.O_RDONLY), paths that are not constant and do not start with
// "/tmp/", files under a directory that the package's handler code removes
// with os.RemoveAll, paths checked with os.Stat first (a cache kept on
// purpose), temporary files returned, stored, or handed to a function that
// may remove them, and code that runs once (init, main before lambda.Start,
// sync.Once bodies). A call in another package is reported at the call in
// handler code, with the chain of calls that leads to it.
//
// Suggested fixes insert "defer os.Remove(f.Name())" (os.RemoveAll(dir))
// after the error check that follows os.CreateTemp (os.MkdirTemp), and move a
// constant relative path (or one under /var/task) given as a literal under
// os.TempDir().
package filesystem
