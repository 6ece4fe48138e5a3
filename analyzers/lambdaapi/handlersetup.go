package lambdaapi

// TransportConstructors are the calls that return a new http.Transport, which
// owns a connection pool of its own, like a composite literal of
// TransportType does. The value is the name written in diagnostics.
var TransportConstructors = map[string]string{
	"(*net/http.Transport).Clone": "http.Transport.Clone",
}
