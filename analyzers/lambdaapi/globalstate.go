package lambdaapi

import (
	"go/types"

	"honnef.co/go/tools/go/types/typeutil"
)

// LockCalls take an exclusive lock; code after them up to the matching
// UnlockCalls call (or to the end of the function when the unlock is
// deferred) runs under the lock.
var LockCalls = map[string]bool{
	"(*sync.Mutex).Lock":      true,
	"(*sync.Mutex).TryLock":   true,
	"(*sync.RWMutex).Lock":    true,
	"(*sync.RWMutex).TryLock": true,
	"(sync.Locker).Lock":      true,
}

// UnlockCalls release a lock taken by one of LockCalls.
var UnlockCalls = map[string]bool{
	"(*sync.Mutex).Unlock":   true,
	"(*sync.RWMutex).Unlock": true,
	"(sync.Locker).Unlock":   true,
}

// concurrencySafeTypes are types whose values may be used by several
// goroutines without a lock, besides everything in ConcurrencySafePkg.
var concurrencySafeTypes = map[string]bool{
	"sync.Map":     true,
	"sync.Mutex":   true,
	"sync.RWMutex": true,
	"sync.Once":    true,
}

// ConcurrencySafePkg is the package whose types are all safe for concurrent
// use.
const ConcurrencySafePkg = "sync/atomic"

// IsConcurrencySafe reports whether values of type t (or what it points to)
// synchronise themselves: the sync/atomic types, sync.Map and the locks.
func IsConcurrencySafe(t types.Type) bool {
	n, ok := types.Unalias(typeutil.Dereference(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path := n.Obj().Pkg().Path()
	return path == ConcurrencySafePkg || concurrencySafeTypes[path+"."+n.Obj().Name()]
}

// EventsPkg declares the event types that aws-lambda-go handlers receive.
const EventsPkg = "github.com/aws/aws-lambda-go/events"

// perRequestTypes are types whose values belong to one request, besides the
// types of EventsPkg.
var perRequestTypes = map[string]bool{
	"net/http.Request": true,
}

// IsPerRequest reports whether a value of type t (a pointer to or slice of
// such a value) is the data of one invocation: an *http.Request or an
// aws-lambda-go event.
func IsPerRequest(t types.Type) bool {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path := n.Obj().Pkg().Path()
	return path == EventsPkg || perRequestTypes[path+"."+n.Obj().Name()]
}
