// Package config reads the service's settings from environment variables, once.
package config

import (
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Config is the service's settings.
type Config struct {
	ServiceName     string
	Addr            string
	LogLevel        slog.Level
	ReadTimeout     time.Duration
	ShutdownTimeout time.Duration
}

// Load reads the settings through getenv; an error names the variable to fix.
func Load(getenv func(string) string) (Config, error) {
	get := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	cfg := Config{ServiceName: get("SERVICE_NAME", "${{ values.name }}"), Addr: ":" + get("PORT", "8080")}

	switch strings.ToUpper(get("LOG_LEVEL", "INFO")) {
	case "DEBUG":
		cfg.LogLevel = slog.LevelDebug
	case "INFO":
		cfg.LogLevel = slog.LevelInfo
	case "WARN", "WARNING":
		cfg.LogLevel = slog.LevelWarn
	case "ERROR":
		cfg.LogLevel = slog.LevelError
	default:
		return Config{}, fmt.Errorf("LOG_LEVEL must be DEBUG, INFO, WARN or ERROR, got %q", getenv("LOG_LEVEL"))
	}

	var err error
	if cfg.ReadTimeout, err = duration(get, "READ_TIMEOUT", "5s"); err != nil {
		return Config{}, err
	}
	if cfg.ShutdownTimeout, err = duration(get, "SHUTDOWN_TIMEOUT", "20s"); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

func duration(get func(string, string) string, name, def string) (time.Duration, error) {
	raw := get(name, def)
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s must be a positive duration such as 5s, got %q", name, raw)
	}
	return d, nil
}
