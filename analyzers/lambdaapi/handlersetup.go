package lambdaapi

// TransportConstructors are the calls that return a new http.Transport, which
// owns a connection pool of its own, like a composite literal of
// TransportType does. The value is the name written in diagnostics.
var TransportConstructors = map[string]string{
	"(*net/http.Transport).Clone": "http.Transport.Clone",
}

// SyncMapLookups are the methods of sync.Map that look up a cached value;
// the value is whether their first result is the value (nil on a miss).
var SyncMapLookups = map[string]bool{
	"(*sync.Map).Load":        true,
	"(*sync.Map).LoadOrStore": false,
}

// SyncMapStores are the methods of sync.Map whose second argument is the
// value they cache.
var SyncMapStores = map[string]bool{
	"(*sync.Map).Store":       true,
	"(*sync.Map).LoadOrStore": true,
	"(*sync.Map).Swap":        true,
}
