// Command parley-loadgen offers pre-built HTTP requests at a constant rate (open loop) with vegeta's attacker
// and prints one JSON object: achieved rate, status counts and latency percentiles, overall and for each second of
// the attack (a tail from one stall reads differently from a tail from queueing). `make bench` uses it where
// a Python load generator cannot keep up (1,000+ signed webhooks a second on two cores).
//
// Input (-requests): JSON lines {"method", "url", "body" (base64), "header": {name: [values]}}, taken in
// turn (cycled when the attack needs more): each body is signed beforehand, so the attack only sends bytes.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

type report struct {
	OfferedRate  float64        `json:"offered_rate"`
	AchievedRate float64        `json:"achieved_rate"`
	Requests     uint64         `json:"requests"`
	Success      float64        `json:"success_ratio"`
	StatusCodes  map[string]int `json:"status_codes"`
	Errors       []string       `json:"errors"`
	P50          float64        `json:"p50_ms"`
	P90          float64        `json:"p90_ms"`
	P99          float64        `json:"p99_ms"`
	Max          float64        `json:"max_ms"`
	Mean         float64        `json:"mean_ms"`
	BySecond     []second       `json:"by_second"`
	// When the attack began: vegeta's constant pacer makes request i due (i+1)/rate after it (the first waits one
	// interval), the start an open-loop measurement counts from whether or not the attacker kept up.
	StartedUnix float64 `json:"started_unix"`
}

// second: the requests sent during one second of the attack, and their latencies.
type second struct {
	Requests uint64  `json:"requests"`
	P50      float64 `json:"p50_ms"`
	P99      float64 `json:"p99_ms"`
	Max      float64 `json:"max_ms"`
}

func main() {
	requests := flag.String("requests", "", "JSON lines of vegeta targets (body base64)")
	rate := flag.Int("rate", 1000, "requests per second")
	duration := flag.Duration("duration", 10*time.Second, "how long to attack")
	workers := flag.Uint64("workers", 64, "initial workers (more are added when needed)")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout")
	flag.Parse()

	targets, err := readTargets(*requests)
	if err != nil {
		log.Fatalf("reading %s: %v", *requests, err)
	}
	attacker := vegeta.NewAttacker(
		vegeta.Workers(*workers), vegeta.MaxWorkers(4096), vegeta.Timeout(*timeout), vegeta.KeepAlive(true),
		vegeta.Connections(10000),
	)
	var metrics vegeta.Metrics
	var perSecond []*vegeta.Metrics
	pace := vegeta.Rate{Freq: *rate, Per: time.Second}
	start := time.Now() // every request is sent after it
	for res := range attacker.Attack(vegeta.NewStaticTargeter(targets...), pace, *duration, "bench") {
		metrics.Add(res)
		i := max(0, int(res.Timestamp.Sub(start)/time.Second))
		for len(perSecond) <= i {
			perSecond = append(perSecond, &vegeta.Metrics{})
		}
		perSecond[i].Add(res)
	}
	metrics.Close()
	bySecond := make([]second, len(perSecond))
	for i, m := range perSecond {
		m.Close()
		bySecond[i] = second{m.Requests, ms(m.Latencies.P50), ms(m.Latencies.P99), ms(m.Latencies.Max)}
	}
	out := report{
		OfferedRate:  float64(*rate),
		AchievedRate: metrics.Throughput,
		Requests:     metrics.Requests,
		Success:      metrics.Success,
		StatusCodes:  metrics.StatusCodes,
		Errors:       metrics.Errors,
		P50:          ms(metrics.Latencies.P50),
		P90:          ms(metrics.Latencies.P90),
		P99:          ms(metrics.Latencies.P99),
		Max:          ms(metrics.Latencies.Max),
		Mean:         ms(metrics.Latencies.Mean),
		BySecond:     bySecond,
		StartedUnix:  float64(start.UnixNano()) / 1e9,
	}
	sort.Strings(out.Errors)
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		log.Fatal(err)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func readTargets(path string) ([]vegeta.Target, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var targets []vegeta.Target
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 16<<20)
	for scanner.Scan() {
		var t vegeta.Target
		if err := json.Unmarshal(scanner.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("line %d: %w", len(targets)+1, err)
		}
		targets = append(targets, t)
	}
	if len(targets) == 0 {
		return nil, fmt.Errorf("no requests")
	}
	return targets, scanner.Err()
}
