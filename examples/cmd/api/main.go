// Command api serves the public REST API: a net/http ServeMux behind API
// Gateway, adapted to Lambda by aws-lambda-go-api-proxy's httpadapter.
//
// It shows that lambdalint treats the routes registered on the mux handed
// to httpadapter.New as handlers. One route calls http.Get, which cannot
// carry the invocation's deadline (ctxdeadline); one builds an HTTP client
// with its own Transport per request (handlersetup); one stores the
// caller's user name in a package-level variable (globalstate). The health
// route and the package-level client are the look-alikes that stay silent.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"
)

var (
	ratesURL   = os.Getenv("RATES_URL")   // e.g. https://rates.example.com/v1/
	webhookURL = os.Getenv("WEBHOOK_URL") // the partner's endpoint
)

// clean: one client for the whole execution environment, reused by every request.
var upstream = &http.Client{Timeout: 5 * time.Second}

// currentUser is the user of the request being served.
var currentUser string

func handleMe(w http.ResponseWriter, r *http.Request) {
	// lambdalint: globalstate — the caller's identity lands in a package variable that outlives the request: a request without X-User is answered with the previous caller's user; keep it in a local or the request context.
	if user := r.Header.Get("X-User"); user != "" {
		currentUser = user
	}
	if currentUser == "" {
		http.Error(w, "missing X-User header", http.StatusUnauthorized)
		return
	}
	writeJSON(w, map[string]string{"user": currentUser})
}

func handleRates(w http.ResponseWriter, r *http.Request) {
	currency := strings.ToUpper(r.PathValue("currency"))
	if len(currency) != 3 {
		http.Error(w, "currency must be an ISO 4217 code", http.StatusBadRequest)
		return
	}
	// lambdalint: ctxdeadline — http.Get has no context, so a slow upstream keeps the invocation busy until the function times out; use http.NewRequestWithContext(r.Context(), ...) and Client.Do.
	resp, err := http.Get(ratesURL + currency)
	if err != nil {
		http.Error(w, "rates unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func handleWebhook(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, webhookURL, r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	req.Header.Set("Content-Type", "application/json")
	// lambdalint: handlersetup — a new Transport per request opens new connections (and TLS handshakes) every time; build the client once at package level.
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, "partner unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}

func handleHealth(w http.ResponseWriter, r *http.Request) {
	// clean: the request carries r.Context() and uses the shared client.
	req, err := http.NewRequestWithContext(r.Context(), http.MethodHead, ratesURL, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp, err := upstream.Do(req)
	if err != nil {
		writeJSON(w, map[string]string{"status": "degraded", "rates": err.Error()})
		return
	}
	resp.Body.Close()
	writeJSON(w, map[string]string{"status": "ok", "rates": fmt.Sprint(resp.StatusCode)})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/me", handleMe)
	mux.HandleFunc("GET /v1/rates/{currency}", handleRates)
	mux.HandleFunc("POST /v1/webhooks", handleWebhook)
	mux.HandleFunc("GET /v1/health", handleHealth)
	lambda.Start(httpadapter.New(mux).ProxyWithContext)
}
