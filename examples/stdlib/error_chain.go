// Errors wrapped with %w and unwrapped with errors.Is/As; a panic turned back into an error by a deferred recover.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }
func (e *ParseError) Unwrap() error { return e.Err }

func lookup(key string) (int, error) {
	table := map[string]string{"a": "1", "b": "x"}
	s, ok := table[key]
	if !ok {
		return 0, fmt.Errorf("lookup %q: %w", key, ErrNotFound)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &ParseError{Line: 7, Err: err}
	}
	return n, nil
}

// safeDiv turns a runtime panic into an error.
func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("safeDiv(%d, %d): %v", a, b, r)
		}
	}()
	return a / b, nil
}

func main() {
	for _, k := range []string{"a", "b", "c"} {
		n, err := lookup(k)
		var pe *ParseError
		switch {
		case err == nil:
			fmt.Println(k, "=", n)
		case errors.Is(err, ErrNotFound):
			fmt.Println(k, "missing:", err)
		case errors.As(err, &pe):
			fmt.Printf("%s bad at line %d: %v (unwrapped: %v)\n", k, pe.Line, err, errors.Unwrap(err))
		}
	}
	if _, err := safeDiv(1, 0); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(3)
	}
}
