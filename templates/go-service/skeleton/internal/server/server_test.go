package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/${{ values.repoSlug }}/internal/config"
)

func newServer(logs *bytes.Buffer) *Server {
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	return New(config.Config{ServiceName: "test"}, logger)
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func TestHealthAndReadiness(t *testing.T) {
	s := newServer(&bytes.Buffer{})
	h := s.Handler()
	if rec := get(t, h, "/healthz"); rec.Code != http.StatusOK {
		t.Fatalf("/healthz = %d", rec.Code)
	}
	if rec := get(t, h, "/readyz"); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("/readyz before ready = %d, want 503", rec.Code)
	}
	s.SetReady(true)
	if rec := get(t, h, "/readyz"); rec.Code != http.StatusOK {
		t.Fatalf("/readyz when ready = %d", rec.Code)
	}
}

func TestRequestsAreLoggedAsJSON(t *testing.T) {
	var logs bytes.Buffer
	h := newServer(&logs).Handler()
	rec := get(t, h, "/v1/hello")
	if rec.Code != http.StatusOK {
		t.Fatalf("/v1/hello = %d", rec.Code)
	}
	var entry map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(logs.Bytes()), &entry); err != nil {
		t.Fatalf("log line is not JSON: %q", logs.String())
	}
	if entry["msg"] != "request" || entry["path"] != "/v1/hello" || entry["status"] != float64(200) {
		t.Fatalf("unexpected log entry: %v", entry)
	}
}
