// Package io (harness shim): what strings and bytes use, until package io exists.
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
