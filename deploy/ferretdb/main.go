// Command parley-ferretdb runs FerretDB's embeddable package with the SQLite backend.
// `go install .../cmd/ferretdb` panics at start (missing version.txt, FerretDB#2982);
// embedding the package behind our own main avoids that check.
//
// It also keeps one extra SQLite index per collection table on exactly the expression FerretDB filters
// `_id` lookups by (`_ferretdb_sjson->'$._id'`): FerretDB's own `_id_` index is on another expression,
// which SQLite does not use for those lookups, so without this every find/update by `_id` scans the table
// (68 ms at 20,000 documents instead of ~1 ms; docs/adr/0003-storage.md). FerretDB does not know about
// the index; SQLite maintains it on every write and drops it with its table.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	_ "modernc.org/sqlite"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "./data", "existing directory for the SQLite files")
	flag.Parse()

	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatalf("data dir: %v", err)
	}
	if os.Getenv("GOGC") == "" {
		// The heap is small (tens of MB): collecting it a quarter as often costs little memory and about 4% of
		// FerretDB's CPU under load.
		debug.SetGCPercent(400)
	}
	db, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   slog.New(&lazyHandler{inner: slog.NewTextHandler(os.Stderr, nil)}), // see lazyHandler
		Handler:  "sqlite",
		// WAL with synchronous=NORMAL: a commit reaches the OS at once and the disk at the next checkpoint, so
		// a killed process loses nothing and only a machine crash can lose the last moments, as with MongoDB's
		// default write concern (journal flushed every 100 ms). SQLite's default, FULL, waits for an fsync on
		// every commit, and its one writer at a time made those waits the pipeline's limit (docs/adr/0003).
		//
		// A checkpoint (copying the log back into the database) every 10,000 pages of log rather than SQLite's
		// 1,000: it ran inside a write every few hundred writes and took a quarter of FerretDB's CPU on updates;
		// a page written several times between two checkpoints is copied once. The log file is cut back to
		// 64 MiB after each.
		SQLiteURL: "file:" + *dir + "/?_pragma=synchronous(normal)&_pragma=wal_autocheckpoint(10000)" +
			"&_pragma=journal_size_limit(67108864)",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}
	if addr := os.Getenv("PARLEY_FERRETDB_PPROF"); addr != "" { // Go's profiler, for `go tool pprof`
		go func() { log.Printf("pprof: %v", http.ListenAndServe(addr, nil)) }()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go keepIDIndexes(ctx, *dir, 2*time.Second)
	log.Printf("ferretdb listening on %s, data in %s", *listen, *dir)
	db.Run(ctx)
}

// keepIDIndexes gives every collection table of every database in dir its `_id` expression index, now and
// whenever new tables appear (collections are created lazily, on their first write).
func keepIDIndexes(ctx context.Context, dir string, every time.Duration) {
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			if err := indexTables(ctx, file); err != nil {
				log.Printf("parley: _id indexes for %s: %v", filepath.Base(file), err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// indexTables creates the missing indexes of one database file (IF NOT EXISTS: a dropped and recreated
// collection gets its index again).
func indexTables(ctx context.Context, file string) error {
	conn, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx,
		`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		index := strings.ReplaceAll(table, `"`, `""`) + "_parley_id"
		q := fmt.Sprintf(`CREATE UNIQUE INDEX IF NOT EXISTS "%s" ON "%s" (_ferretdb_sjson->'$._id')`,
			index, strings.ReplaceAll(table, `"`, `""`))
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}

// lazyHandler keeps the attributes a logger is given (`With`) and formats them only when a record is logged.
// FerretDB calls `With(args...)` on every SQL statement to log it at debug level, and slog's own handlers
// format those attributes (the statement's arguments, the whole document) at once, logged or not.
type lazyHandler struct {
	inner slog.Handler
	ops   []func(slog.Handler) slog.Handler // WithAttrs and WithGroup, in order
}

func (h *lazyHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.inner.Enabled(ctx, level)
}

func (h *lazyHandler) Handle(ctx context.Context, r slog.Record) error {
	inner := h.inner
	for _, op := range h.ops {
		inner = op(inner)
	}
	return inner.Handle(ctx, r)
}

func (h *lazyHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return h.with(func(x slog.Handler) slog.Handler { return x.WithAttrs(attrs) })
}

func (h *lazyHandler) WithGroup(name string) slog.Handler {
	return h.with(func(x slog.Handler) slog.Handler { return x.WithGroup(name) })
}

func (h *lazyHandler) with(op func(slog.Handler) slog.Handler) slog.Handler {
	return &lazyHandler{inner: h.inner, ops: append(slices.Clip(h.ops), op)}
}
