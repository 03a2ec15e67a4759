// Package io (difftest shim, used when go/io is absent): what strings and bytes use.
package io

import "errors"

var EOF = errors.New("EOF")

type Reader interface {
	Read(p []byte) (n int, err error)
}

type Writer interface {
	Write(p []byte) (n int, err error)
}

var ErrShortWrite = errors.New("short write")
